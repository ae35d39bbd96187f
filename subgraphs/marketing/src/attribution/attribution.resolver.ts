import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../../shared/errors';
import { toMoney } from '../../../../shared/money/money.mapper';
import { Campaign } from '../campaign/campaign.type';
import type { MarketingContext } from '../context';
import type { TouchpointChannel } from '../touchpoint/touchpoint.enums';
import { AttributionModel } from './attribution.enums';
import type { FitDoc, OrderAttributionDoc } from './attribution.model';
import {
  AttributionFit,
  AttributionGroupBy,
  AttributionReport,
  AttributionRun,
  CampaignPerformance,
  Order,
  OrderAttribution,
} from './attribution.type';

function checkRange(from: Date, to: Date) {
  if (!(to > from)) throw badInput('to', 'must be later than from');
}

export function toOrderAttribution(doc: OrderAttributionDoc): OrderAttribution {
  return {
    model: doc.model,
    netRevenue: toMoney(doc.netRevenueMinor, doc.currency),
    credits: doc.credits.map((c) => ({
      touchpointId: c.touchpointId,
      channel: c.channel as TouchpointChannel | null,
      campaignId: c.campaignId,
      share: c.share,
      amount: toMoney(c.amountMinor, doc.currency),
    })),
    computedAt: doc.computedAt,
  };
}

export function toAttributionFit(doc: FitDoc): AttributionFit {
  return {
    fittedAt: doc.fittedAt,
    lookbackDays: doc.lookbackDays,
    journeys: doc.journeys,
    conversionProbability: doc.conversionProbability,
    removalEffects: Object.entries(doc.removalEffects)
      .map(([channel, removalEffect]) => ({ channel: channel as TouchpointChannel, removalEffect }))
      .sort((a, b) => b.removalEffect - a.removalEffect),
  };
}

@Resolver(() => Order)
export class OrderAttributionResolver {
  @FieldResolver(() => OrderAttribution, {
    nullable: true,
    description:
      'How the net revenue of this order is shared among the touchpoints of its lookback window. Null while ' +
      'the order is no purchase (cancelled, fully returned) or not yet known to marketing.',
  })
  async attribution(
    @Root() order: Order,
    @Ctx() ctx: MarketingContext,
    @Arg('model', () => AttributionModel, { defaultValue: AttributionModel.MARKOV }) model: AttributionModel,
  ): Promise<OrderAttribution | null> {
    const doc = await ctx.loaders.orderAttribution.load({ parentId: order.id, params: model });
    return doc ? toOrderAttribution(doc) : null;
  }
}

@Resolver(() => Campaign)
export class CampaignPerformanceResolver {
  @FieldResolver(() => CampaignPerformance, {
    description: 'Orders, conversions and revenue credited to this campaign for orders placed in [from, to).',
  })
  async performance(
    @Root() campaign: Campaign,
    @Ctx() ctx: MarketingContext,
    @Arg('model', () => AttributionModel) model: AttributionModel,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<CampaignPerformance> {
    checkRange(from, to);
    const rows = await ctx.services.attribution.report(model, from, to, 'CAMPAIGN', [campaign.id]);
    const mine = rows.filter((r) => r.key === campaign.id);
    const cost = campaign.cost;
    const revenueInCostCurrency = cost ? mine.find((r) => r.currency === cost.currency) : undefined;
    const onlyCostCurrency = mine.every((r) => r.currency === cost?.currency);
    return {
      model,
      from,
      to,
      orders: mine.reduce((n, r) => n + r.orders, 0),
      attributedConversions: mine.reduce((n, r) => n + r.attributedConversions, 0),
      revenue: mine.map((r) => toMoney(r.revenueMinor, r.currency)),
      cost,
      roas:
        cost && cost.amountMinor > 0 && onlyCostCurrency
          ? (revenueInCostCurrency?.revenueMinor ?? 0) / cost.amountMinor
          : null,
    };
  }
}

@Resolver()
export class AttributionResolver {
  @Query(() => AttributionReport, {
    description:
      'Attributed revenue and conversions per channel or campaign for orders placed in [from, to).',
  })
  async attributionReport(
    @Ctx() ctx: MarketingContext,
    @Arg('model', () => AttributionModel) model: AttributionModel,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('groupBy', () => AttributionGroupBy, { defaultValue: AttributionGroupBy.CHANNEL })
    groupBy: AttributionGroupBy,
  ): Promise<AttributionReport> {
    checkRange(from, to);
    const [rows, fit] = await Promise.all([
      ctx.services.attribution.report(model, from, to, groupBy),
      ctx.services.attribution.lastFit(),
    ]);
    return {
      model,
      groupBy,
      from,
      to,
      rows: rows.map((r) => ({
        key: r.key,
        revenue: toMoney(r.revenueMinor, r.currency),
        attributedConversions: r.attributedConversions,
        orders: r.orders,
      })),
      fit: fit ? toAttributionFit(fit) : null,
    };
  }

  @Mutation(() => AttributionRun, {
    description: 'Refits the data-driven models over all journeys and recomputes the credits of every order.',
  })
  async runAttribution(@Ctx() ctx: MarketingContext): Promise<AttributionRun> {
    return ctx.services.attribution.runBatch();
  }
}
