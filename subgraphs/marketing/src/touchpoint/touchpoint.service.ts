import type { EventOutbox } from '../../../../shared/events';
import { badInput, conflict, notFound } from '../../../../shared/errors';
import { newId } from '../../../../shared/ids/ids';
import type { CampaignModel, CampaignDoc } from '../campaign/campaign.model';
import type { Clock } from '../../../../shared/time/clock';
import { CustomerStatus } from '../customer/customer.enums';
import type { CustomerService } from '../customer/customer.service';
import type { RecordTouchpointInput } from './touchpoint.input';
import type { TouchpointDoc, TouchpointModel } from './touchpoint.model';
import { batchField, singleField, validateTouchpointItems, type FieldNamer } from './touchpoint.validate';
import { TouchpointChannel } from './touchpoint.enums';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';

export interface TouchpointPageParams {
  first: number;
  channel: TouchpointChannel | null;
  /** Decoded keyset cursor: [occurredAt ISO, id]. */
  after: [string, string] | null;
}

export interface TouchpointPage {
  rows: TouchpointDoc[];
  totalCount: number;
}

export class TouchpointService {
  constructor(
    private readonly touchpoints: TouchpointModel,
    private readonly campaigns: CampaignModel,
    private readonly customers: CustomerService,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async recordOne(input: RecordTouchpointInput): Promise<TouchpointDoc> {
    const [doc] = await this.record([input], singleField, true);
    return doc;
  }

  async recordBatch(inputs: readonly RecordTouchpointInput[]): Promise<TouchpointDoc[]> {
    return this.record(inputs, batchField, false);
  }

  /**
   * All-or-nothing: validate every item (shape, references, duplicates) first, then one insertMany in a
   * transaction; if the write still fails part-way (a racing duplicate eventId), nothing is kept.
   */
  private async record(
    inputs: readonly RecordTouchpointInput[],
    fieldOf: FieldNamer,
    single: boolean,
  ): Promise<TouchpointDoc[]> {
    const now = this.clock();
    const items = validateTouchpointItems(inputs, now, fieldOf);

    const customerIds = [...new Set(items.map((t) => t.customerId))];
    const campaignIds = [...new Set(items.flatMap((t) => (t.campaignId ? [t.campaignId] : [])))];
    const eventIds = items.flatMap((t) => (t.eventId ? [t.eventId] : []));
    const [customers, campaigns, existingEvents] = await Promise.all([
      this.customers.statusOf(customerIds),
      campaignIds.length
        ? this.campaigns
            .find(trustedFilter({ _id: { $in: campaignIds } }), { _id: 1, objective: 1 })
            .lean<Pick<CampaignDoc, '_id' | 'objective'>[]>()
        : Promise.resolve([]),
      eventIds.length
        ? this.touchpoints
            .find(trustedFilter({ eventId: { $in: eventIds, $gt: '' } }), { _id: 1, eventId: 1 })
            .lean<Pick<TouchpointDoc, '_id' | 'eventId'>[]>()
        : Promise.resolve([]),
    ]);
    const objectiveOf = new Map(campaigns.map((c) => [c._id, c.objective]));
    const recorded = new Map(existingEvents.map((e) => [e.eventId!, e._id]));

    const docs = items.map((t, i): TouchpointDoc => {
      const customer = customers.get(t.customerId);
      if (!customer) {
        if (single) throw notFound('Customer', t.customerId);
        throw badInput(fieldOf(i, 'customerId'), `no customer ${t.customerId}`);
      }
      if (t.campaignId && !objectiveOf.has(t.campaignId))
        throw badInput(fieldOf(i, 'campaignId'), `no campaign ${t.campaignId}`);
      if (t.eventId && recorded.has(t.eventId)) {
        throw conflict(`${fieldOf(i, 'eventId')}: event ${t.eventId} was already recorded`, {
          field: fieldOf(i, 'eventId'),
          existingTouchpointId: recorded.get(t.eventId),
        });
      }
      // A merged-away profile's events belong to the survivor.
      const customerId =
        customer.status === CustomerStatus.MERGED && customer.mergedInto ? customer.mergedInto : customer._id;
      return {
        _id: newId('tch'),
        customerId,
        channel: t.channel,
        type: t.type,
        ...(t.campaignId
          ? { campaignId: t.campaignId, campaignObjective: objectiveOf.get(t.campaignId) }
          : {}),
        occurredAt: t.occurredAt,
        ...(t.properties ? { properties: t.properties } : {}),
        ...(t.eventId ? { eventId: t.eventId } : {}),
        ...(t.source ? { source: t.source } : {}),
        createdAt: now,
      };
    });

    // All rows and one touchpoint.recorded per row commit together, or nothing does.
    await this.outbox.runInTransaction(async (session, emit) => {
      await this.touchpoints.insertMany(docs, { ordered: true, session });
      for (const d of docs) {
        emit('touchpoint.recorded', d.customerId, {
          touchpointId: d._id,
          channel: d.channel,
          type: d.type,
          campaignId: d.campaignId ?? null,
        });
      }
    });
    return docs;
  }

  /**
   * One page of touchpoints for each of many customers in ONE aggregation: per customer the newest
   * `first + 1` after the cursor (the extra row tells hasNextPage) and the total count.
   */
  async pages(
    customerIds: readonly string[],
    params: TouchpointPageParams,
  ): Promise<Map<string, TouchpointPage>> {
    const match: Record<string, unknown> = { customerId: { $in: customerIds } };
    if (params.channel) match.channel = params.channel;
    const pipeline: Record<string, unknown>[] = [{ $match: match }];
    let sortBy: Record<string, 1 | -1> = { occurredAt: -1, _id: -1 };
    if (params.after) {
      const at = new Date(params.after[0]);
      const id = params.after[1];
      // Rows after the cursor sort first, so the top-N holds exactly the next page; the flag is dropped below.
      pipeline.push({
        $addFields: {
          _afterCursor: {
            $or: [
              { $lt: ['$occurredAt', at] },
              { $and: [{ $eq: ['$occurredAt', at] }, { $lt: ['$_id', id] }] },
            ],
          },
        },
      });
      sortBy = { _afterCursor: -1, ...sortBy };
    }
    pipeline.push({
      $group: {
        _id: '$customerId',
        totalCount: { $sum: 1 },
        rows: { $topN: { n: params.first + 1, sortBy, output: '$$ROOT' } },
      },
    });
    const groups = await this.touchpoints.aggregate<{
      _id: string;
      totalCount: number;
      rows: (TouchpointDoc & { _afterCursor?: boolean })[];
    }>(pipeline as never[]);
    const out = new Map<string, TouchpointPage>();
    for (const g of groups) {
      const rows = g.rows
        .filter((r) => r._afterCursor !== false)
        .map(({ _afterCursor: _drop, ...r }) => r as TouchpointDoc);
      out.set(g._id, { rows, totalCount: g.totalCount });
    }
    for (const id of customerIds) if (!out.has(id)) out.set(id, { rows: [], totalCount: 0 });
    return out;
  }
}
