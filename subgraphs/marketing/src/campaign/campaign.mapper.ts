import { toMoney } from '../../../../shared/money/money.mapper';
import type { CampaignDoc } from './campaign.model';
import type { Campaign } from './campaign.type';

export function toCampaign(doc: CampaignDoc): Campaign {
  return {
    id: doc._id,
    name: doc.name,
    channel: doc.channel,
    objective: doc.objective,
    status: doc.status,
    startsAt: doc.startsAt ?? null,
    endsAt: doc.endsAt ?? null,
    description: doc.description ?? null,
    cost: doc.costMinor != null && doc.costCurrency ? toMoney(doc.costMinor, doc.costCurrency) : null,
    createdAt: doc.createdAt,
  };
}
