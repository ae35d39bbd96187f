import type { ClientSession } from 'mongoose';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import type { Clock } from '../../../../shared/time/clock';
import type { CustomerModel } from '../customer/customer.model';
import type { TouchpointDoc, TouchpointModel } from '../touchpoint/touchpoint.model';
import { AttributionModel } from './attribution.enums';
import type { AttributionModels, ConversionDoc, FitDoc, OrderAttributionDoc } from './attribution.model';
import { attributeHistories, creditConversion, type CreditOptions, type DataDrivenFit } from './credit.logic';
import { buildJourneys, isDirectTouch, type JourneyTouch } from './journey.logic';

const DAY_MS = 86_400_000;
const MODELS = Object.values(AttributionModel);
/** Order statuses that are no purchase (sales' NOT_PURCHASE_STATUSES, as the strings its events carry). */
const NOT_PURCHASE = new Set(['CANCELLED', 'RETURNED']);

export interface AttributionSettings {
  lookbackDays: number;
  halfLifeDays: number;
}

export const DEFAULT_ATTRIBUTION_SETTINGS: AttributionSettings = { lookbackDays: 30, halfLifeDays: 7 };

export interface OrderPlacedFacts {
  orderId: string;
  orderNumber: string;
  customerId: string;
  placedAt: Date;
  status: string;
  currency: string;
  totalMinor: number;
}

export type AttributionGroupBy = 'CHANNEL' | 'CAMPAIGN';

export interface ReportRow {
  key: string | null;
  currency: string;
  revenueMinor: number;
  /** Σ shares: fractional conversions credited to the key. */
  attributedConversions: number;
  /** Orders in which the key earned any credit. */
  orders: number;
}

const netOf = (c: ConversionDoc) => Math.max(0, c.totalMinor - c.refundedMinor);
const isPurchase = (c: ConversionDoc) => !NOT_PURCHASE.has(c.status) && netOf(c) > 0;

function toTouch(t: Pick<TouchpointDoc, '_id' | 'channel' | 'campaignId' | 'occurredAt'>): JourneyTouch {
  return {
    id: t._id,
    channel: t.channel,
    campaignId: t.campaignId ?? null,
    at: t.occurredAt,
    direct: isDirectTouch(t.channel, t.campaignId),
  };
}

function fitFromDoc(doc: FitDoc | null): DataDrivenFit | null {
  if (!doc) return null;
  return {
    markov: {
      channels: Object.keys(doc.removalEffects).sort(),
      conversionProbability: doc.conversionProbability,
      removalEffects: doc.removalEffects,
      transitions: [],
      journeys: doc.journeys,
    },
    channelSets: {
      bySet: new Map(
        doc.channelSets.map((r) => [r.key, { journeys: r.journeys, conversions: r.conversions }]),
      ),
    },
    shapleyCache: new Map(),
  };
}

/**
 * Attribution of orders to touchpoints, channels and campaigns. Orders arrive as sales' events
 * (`recordOrderPlaced`, `recordStatusChange`, `recordReturn`: the consumer's handler bodies); each one
 * recomputes the credits of that person's orders with the stored fit (the incremental path). `runBatch`
 * refits the data-driven models over every journey and recomputes every order.
 */
export class AttributionService {
  private fitCache: { fittedAt: number; fit: DataDrivenFit | null } | null = null;

  constructor(
    private readonly models: AttributionModels,
    private readonly touchpoints: TouchpointModel,
    private readonly customers: CustomerModel,
    private readonly settings: AttributionSettings,
    private readonly clock: Clock,
  ) {}

  private get journeyOptions() {
    return { lookbackMs: this.settings.lookbackDays * DAY_MS, asOf: this.clock() };
  }

  private creditOptions(fit: DataDrivenFit | null): CreditOptions {
    return { halfLifeMs: this.settings.halfLifeDays * DAY_MS, fit };
  }

  async recordOrderPlaced(o: OrderPlacedFacts, session?: ClientSession): Promise<void> {
    await this.models.attributionConversions.updateOne(
      { _id: o.orderId },
      {
        $set: {
          customerId: o.customerId,
          orderNumber: o.orderNumber,
          placedAt: o.placedAt,
          status: o.status,
          currency: o.currency,
          totalMinor: o.totalMinor,
          updatedAt: this.clock(),
        },
        $setOnInsert: { refundedMinor: 0 },
      },
      { upsert: true, session },
    );
    await this.recomputePerson(o.customerId, session);
  }

  async recordStatusChange(orderId: string, status: string, session?: ClientSession): Promise<void> {
    const doc = await this.models.attributionConversions
      .findOneAndUpdate(
        { _id: orderId },
        { $set: { status, updatedAt: this.clock() } },
        { session, returnDocument: 'after' },
      )
      .lean<ConversionDoc>();
    if (doc) await this.recomputePerson(doc.customerId, session);
  }

  async recordReturn(orderId: string, refundMinor: number, session?: ClientSession): Promise<void> {
    const doc = await this.models.attributionConversions
      .findOneAndUpdate(
        { _id: orderId },
        { $inc: { refundedMinor: refundMinor }, $set: { updatedAt: this.clock() } },
        { session, returnDocument: 'after' },
      )
      .lean<ConversionDoc>();
    if (doc) await this.recomputePerson(doc.customerId, session);
  }

  /** Every profile id of the person `customerId` belongs to, survivor first. */
  private async personIds(customerId: string, session?: ClientSession): Promise<string[]> {
    let id = customerId;
    // Follow mergedInto to the current survivor (a survivor may itself have been merged later).
    for (let hop = 0; hop < 10; hop++) {
      const doc = await this.customers
        .findById(id, { mergedInto: 1, mergedIds: 1 }, { session })
        .lean<{ _id: string; mergedInto?: string; mergedIds?: string[] }>();
      if (!doc) return [customerId];
      if (!doc.mergedInto) return [doc._id, ...(doc.mergedIds ?? [])];
      id = doc.mergedInto;
    }
    return [id];
  }

  private async currentFit(session?: ClientSession): Promise<DataDrivenFit | null> {
    const doc = await this.models.attributionFits
      .findById('current', { fittedAt: 1 }, { session })
      .lean<Pick<FitDoc, 'fittedAt'>>();
    const fittedAt = doc?.fittedAt.getTime() ?? 0;
    if (this.fitCache?.fittedAt !== fittedAt) {
      const full = doc
        ? await this.models.attributionFits.findById('current', null, { session }).lean<FitDoc>()
        : null;
      this.fitCache = { fittedAt, fit: fitFromDoc(full) };
    }
    return this.fitCache.fit;
  }

  /** The incremental path: one person's orders, recomputed with the stored fit. */
  async recomputePerson(customerId: string, session?: ClientSession): Promise<void> {
    const ids = await this.personIds(customerId, session);
    const [conversions, touches, fit] = await Promise.all([
      this.models.attributionConversions
        .find(trustedFilter({ customerId: { $in: ids } }), null, { session })
        .lean<ConversionDoc[]>(),
      this.touchpoints
        .find(
          trustedFilter({ customerId: { $in: ids } }),
          { channel: 1, campaignId: 1, occurredAt: 1 },
          { session },
        )
        .lean<TouchpointDoc[]>(),
      this.currentFit(session),
    ]);
    const rows = this.creditRows(ids[0], conversions, touches.map(toTouch), fit, this.clock()).rows;
    await this.models.attributionOrders.deleteMany(
      trustedFilter({ orderId: { $in: conversions.map((c) => c._id) } }),
      { session },
    );
    if (rows.length > 0) await this.models.attributionOrders.insertMany(rows, { session });
  }

  private toDoc(
    personId: string,
    c: ConversionDoc,
    model: AttributionModel,
    credits: OrderAttributionDoc['credits'],
    computedAt: Date,
  ): OrderAttributionDoc {
    return {
      _id: `${c._id}:${model}`,
      orderId: c._id,
      customerId: personId,
      model,
      placedAt: c.placedAt,
      currency: c.currency,
      netRevenueMinor: netOf(c),
      credits,
      computedAt,
    };
  }

  /** Journeys of one person and the credits of its purchases under every model. */
  private creditRows(
    personId: string,
    conversions: readonly ConversionDoc[],
    touches: readonly JourneyTouch[],
    fit: DataDrivenFit | null,
    computedAt: Date,
  ) {
    const purchases = conversions.filter(isPurchase).map((c) => ({ id: c._id, at: c.placedAt, doc: c }));
    const journeys = buildJourneys(touches, purchases, this.journeyOptions);
    const options = this.creditOptions(fit);
    const rows: OrderAttributionDoc[] = [];
    for (const j of journeys.converting) {
      const c = j.conversion.doc;
      for (const model of MODELS) {
        rows.push(
          this.toDoc(personId, c, model, creditConversion(model, j.touches, netOf(c), options), computedAt),
        );
      }
    }
    return { rows, journeys };
  }

  /**
   * Refits the data-driven models over every person's journeys and recomputes every order. Reads all
   * conversions and touchpoints once (three queries), writes in chunks; orders written by an event while
   * it runs are rewritten by it with the new fit, and rows of orders that stopped being purchases go.
   */
  async runBatch(ordersPerChunk = 250): Promise<{ orders: number; journeys: number; fittedAt: Date }> {
    const runAt = this.clock();
    const [conversions, touchpoints, merged] = await Promise.all([
      this.models.attributionConversions.find({}).lean<ConversionDoc[]>(),
      this.touchpoints
        .find({}, { customerId: 1, channel: 1, campaignId: 1, occurredAt: 1 })
        .lean<TouchpointDoc[]>(),
      this.customers
        .find(trustedFilter({ mergedInto: { $gt: '' } }), { mergedInto: 1 })
        .lean<{ _id: string; mergedInto: string }[]>(),
    ]);
    const parent = new Map(merged.map((m) => [m._id, m.mergedInto]));
    const survivorOf = (id: string) => {
      let s = id;
      for (let hop = 0; hop < 10 && parent.has(s); hop++) s = parent.get(s)!;
      return s;
    };
    const people = new Map<string, { conversions: ConversionDoc[]; touches: JourneyTouch[] }>();
    const personOf = (id: string) => {
      const key = survivorOf(id);
      let p = people.get(key);
      if (!p) people.set(key, (p = { conversions: [], touches: [] }));
      return p;
    };
    for (const c of conversions) personOf(c.customerId).conversions.push(c);
    for (const t of touchpoints) personOf(t.customerId).touches.push(toTouch(t));

    const personIds = [...people.keys()];
    const { fit, credited } = attributeHistories(
      personIds.map((pid) => {
        const p = people.get(pid)!;
        return {
          touches: p.touches,
          conversions: p.conversions
            .filter(isPurchase)
            .map((c) => ({ id: c._id, at: c.placedAt, netRevenueMinor: netOf(c), doc: c })),
        };
      }),
      { ...this.journeyOptions, halfLifeMs: this.settings.halfLifeDays * DAY_MS },
      MODELS,
    );
    const fitDoc: FitDoc = {
      _id: 'current',
      fittedAt: runAt,
      lookbackDays: this.settings.lookbackDays,
      journeys: fit.markov.journeys,
      conversionProbability: fit.markov.conversionProbability,
      removalEffects: fit.markov.removalEffects,
      channelSets: [...fit.channelSets.bySet].map(([key, r]) => ({ key, ...r })),
    };
    await this.models.attributionFits.replaceOne({ _id: 'current' }, fitDoc, { upsert: true });
    this.fitCache = { fittedAt: runAt.getTime(), fit };

    const pending: OrderAttributionDoc[] = [];
    let orders = 0;
    credited.forEach((rows, i) => {
      for (const r of rows)
        pending.push(this.toDoc(personIds[i], r.conversion.doc, r.model, r.credits, runAt));
      orders += rows.length / MODELS.length;
    });
    // Chunks hold whole orders (every model's row), so a chunk's delete never removes a row another wrote.
    const step = ordersPerChunk * MODELS.length;
    for (let i = 0; i < pending.length; i += step) {
      const chunk = pending.slice(i, i + step);
      await this.models.attributionOrders.deleteMany(
        trustedFilter({ orderId: { $in: [...new Set(chunk.map((r) => r.orderId))] } }),
      );
      await this.models.attributionOrders.insertMany(chunk, { ordered: false });
    }
    await this.models.attributionOrders.deleteMany(trustedFilter({ computedAt: { $lt: runAt } }));
    return { orders, journeys: fit.markov.journeys, fittedAt: runAt };
  }

  async forOrders(orderIds: readonly string[], model: AttributionModel): Promise<OrderAttributionDoc[]> {
    return this.models.attributionOrders
      .find(trustedFilter({ orderId: { $in: orderIds }, model }))
      .lean<OrderAttributionDoc[]>();
  }

  async lastFit(): Promise<FitDoc | null> {
    return this.models.attributionFits.findById('current').lean<FitDoc>();
  }

  /** Credits per channel or campaign (and currency) for orders placed in [from, to). */
  async report(
    model: AttributionModel,
    from: Date,
    to: Date,
    groupBy: AttributionGroupBy,
    campaignIds?: readonly string[],
  ): Promise<ReportRow[]> {
    const field = groupBy === 'CAMPAIGN' ? '$credits.campaignId' : '$credits.channel';
    const match: Record<string, unknown> = { model, placedAt: { $gte: from, $lt: to } };
    if (campaignIds) match['credits.campaignId'] = { $in: campaignIds };
    const rows = await this.models.attributionOrders.aggregate<{
      _id: { key: string | null; currency: string };
      revenueMinor: number;
      attributedConversions: number;
      orders: unknown[];
    }>([
      { $match: trustedFilter(match) },
      { $unwind: '$credits' },
      ...(campaignIds ? [{ $match: trustedFilter({ 'credits.campaignId': { $in: campaignIds } }) }] : []),
      {
        $group: {
          _id: { key: field, currency: '$currency' },
          revenueMinor: { $sum: '$credits.amountMinor' },
          attributedConversions: { $sum: '$credits.share' },
          orders: { $addToSet: '$orderId' },
        },
      },
    ]);
    return rows
      .map((r) => ({
        key: r._id.key ?? null,
        currency: r._id.currency,
        revenueMinor: r.revenueMinor,
        attributedConversions: r.attributedConversions,
        orders: r.orders.length,
      }))
      .sort((a, b) => b.revenueMinor - a.revenueMinor || String(a.key).localeCompare(String(b.key)));
  }
}
