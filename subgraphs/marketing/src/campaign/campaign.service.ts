import type { QueryFilter } from 'mongoose';
import { badInput, conflict, invalidTransition, notFound } from '../../../../shared/errors';
import { afterFilter, decodeCursor } from '../../../../shared/graphql/pagination';
import { CampaignStatus } from './campaign.enums';
import type { CampaignFilter, CreateCampaignInput } from './campaign.input';
import type { CampaignDoc, CampaignModel } from './campaign.model';
import { canTransition } from './campaign.rules';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';

const CREATABLE = [CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.ACTIVE];

export class CampaignService {
  constructor(private readonly campaigns: CampaignModel) {}

  async create(input: CreateCampaignInput): Promise<CampaignDoc> {
    if (!CREATABLE.includes(input.status)) throw badInput('status', `must be one of ${CREATABLE.join(', ')}`);
    if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) {
      throw badInput('endsAt', 'must be later than startsAt');
    }
    const name = input.name.trim();
    const nameKey = name.toLowerCase();
    if (await this.campaigns.exists({ nameKey }))
      throw conflict(`A campaign named "${name}" already exists`, { field: 'name' });
    const doc = await this.campaigns.create({
      name,
      nameKey,
      channel: input.channel,
      objective: input.objective,
      status: input.status,
      startsAt: input.startsAt ?? undefined,
      endsAt: input.endsAt ?? undefined,
      description: input.description?.trim() || undefined,
    });
    return doc.toObject();
  }

  async setStatus(id: string, status: CampaignStatus): Promise<CampaignDoc> {
    const current = await this.campaigns.findById(id).lean<CampaignDoc>();
    if (!current) throw notFound('Campaign', id);
    if (current.status === status) return current;
    if (!canTransition(current.status, status)) throw invalidTransition('Campaign', current.status, status);
    // Conditional on the status read, so two racing changes cannot both pass the transition check.
    const updated = await this.campaigns
      .findOneAndUpdate(
        { _id: id, status: current.status },
        { $set: { status } },
        { returnDocument: 'after' },
      )
      .lean<CampaignDoc>();
    if (!updated) throw conflict(`Campaign ${id} changed concurrently; retry`, { id });
    return updated;
  }

  async setCost(id: string, costMinor: number, currency: string): Promise<CampaignDoc> {
    const updated = await this.campaigns
      .findOneAndUpdate(
        { _id: id },
        { $set: { costMinor, costCurrency: currency } },
        { returnDocument: 'after' },
      )
      .lean<CampaignDoc>();
    if (!updated) throw notFound('Campaign', id);
    return updated;
  }

  async findMany(ids: readonly string[]): Promise<CampaignDoc[]> {
    return this.campaigns.find(trustedFilter({ _id: { $in: ids } })).lean<CampaignDoc[]>();
  }

  async list(args: { filter?: CampaignFilter | null; first: number; after?: string | null }) {
    const filter: QueryFilter<CampaignDoc> = {};
    if (args.filter?.status) filter.status = args.filter.status;
    if (args.filter?.channel) filter.channel = args.filter.channel;
    if (args.filter?.objective) filter.objective = args.filter.objective;
    let page: QueryFilter<CampaignDoc> = filter;
    if (args.after) {
      const cursor = decodeCursor(args.after);
      if (cursor.length !== 2 || typeof cursor[0] !== 'string')
        throw badInput('after', 'is not a valid cursor');
      page = trustedFilter({ $and: [filter, afterFilter('createdAt', -1, cursor)] });
    }
    const [rows, totalCount] = await Promise.all([
      this.campaigns
        .find(page)
        .sort({ createdAt: -1, _id: -1 })
        .limit(args.first + 1)
        .lean<CampaignDoc[]>(),
      this.campaigns.countDocuments(filter),
    ]);
    return { rows, totalCount };
  }
}
