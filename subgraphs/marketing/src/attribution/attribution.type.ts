import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../../../shared/money/money.type';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';
import { AttributionModel } from './attribution.enums';

export enum AttributionGroupBy {
  CHANNEL = 'CHANNEL',
  CAMPAIGN = 'CAMPAIGN',
}
registerEnumType(AttributionGroupBy, { name: 'AttributionGroupBy' });

@ObjectType({ description: "One touchpoint's share of an order's net revenue." })
export class AttributionCredit {
  @Field(() => ID, { nullable: true, description: 'Null for an order with no touchpoint in its window.' })
  touchpointId!: string | null;

  @Field(() => TouchpointChannel, { nullable: true })
  channel!: TouchpointChannel | null;

  @Field(() => ID, { nullable: true })
  campaignId!: string | null;

  @Field(() => Float, {
    description: 'Fraction of the order credited here; the shares of an order add up to 1.',
  })
  share!: number;

  @Field(() => Money, {
    description: 'Exact minor units; the amounts of an order add up to its net revenue.',
  })
  amount!: Money;
}

@ObjectType()
export class OrderAttribution {
  @Field(() => AttributionModel)
  model!: AttributionModel;

  @Field(() => Money, { description: 'Order total minus refunds, the amount shared out.' })
  netRevenue!: Money;

  @Field(() => [AttributionCredit])
  credits!: AttributionCredit[];

  @Field()
  computedAt!: Date;
}

// Marketing adds attribution to sales' Order entity; it knows the order only by id.
@Directive('@key(fields: "id")')
@ObjectType()
export class Order {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class CampaignPerformance {
  @Field(() => AttributionModel)
  model!: AttributionModel;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int, { description: 'Orders placed in [from, to) in which the campaign earned any credit.' })
  orders!: number;

  @Field(() => Float, { description: 'Σ of the campaign’s shares: conversions credited to it.' })
  attributedConversions!: number;

  @Field(() => [Money], { description: 'Attributed revenue, one amount per order currency.' })
  revenue!: Money[];

  @Field(() => Money, { nullable: true, description: 'What the campaign cost, when known.' })
  cost!: Money | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Attributed revenue ÷ cost; null without a cost or when revenue is in another currency.',
  })
  roas!: number | null;
}

@ObjectType()
export class AttributionReportRow {
  @Field(() => String, {
    nullable: true,
    description: 'The channel or campaign id; null for revenue of orders with no touchpoint (unattributed).',
  })
  key!: string | null;

  @Field(() => Money)
  revenue!: Money;

  @Field(() => Float)
  attributedConversions!: number;

  @Field(() => Int)
  orders!: number;
}

@ObjectType()
export class ChannelRemovalEffect {
  @Field(() => TouchpointChannel)
  channel!: TouchpointChannel;

  @Field(() => Float, { description: 'Relative drop of the conversion probability without the channel.' })
  removalEffect!: number;
}

@ObjectType({ description: 'The data-driven models as last fitted by the attribution batch.' })
export class AttributionFit {
  @Field()
  fittedAt!: Date;

  @Field(() => Int)
  lookbackDays!: number;

  @Field(() => Int, { description: 'Journeys (converting and lost) the fit learned from.' })
  journeys!: number;

  @Field(() => Float)
  conversionProbability!: number;

  @Field(() => [ChannelRemovalEffect])
  removalEffects!: ChannelRemovalEffect[];
}

@ObjectType()
export class AttributionReport {
  @Field(() => AttributionModel)
  model!: AttributionModel;

  @Field(() => AttributionGroupBy)
  groupBy!: AttributionGroupBy;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => [AttributionReportRow], { description: 'Largest revenue first.' })
  rows!: AttributionReportRow[];

  @Field(() => AttributionFit, { nullable: true })
  fit!: AttributionFit | null;
}

@ObjectType()
export class AttributionRun {
  @Field(() => Int)
  orders!: number;

  @Field(() => Int)
  journeys!: number;

  @Field()
  fittedAt!: Date;
}
