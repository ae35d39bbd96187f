import { CampaignStatus as S } from './campaign.enums';

/** Allowed status changes; COMPLETED and CANCELLED are final. */
export const CAMPAIGN_TRANSITIONS: Record<S, readonly S[]> = {
  [S.DRAFT]: [S.SCHEDULED, S.ACTIVE, S.CANCELLED],
  [S.SCHEDULED]: [S.DRAFT, S.ACTIVE, S.CANCELLED],
  [S.ACTIVE]: [S.PAUSED, S.COMPLETED],
  [S.PAUSED]: [S.ACTIVE, S.COMPLETED, S.CANCELLED],
  [S.COMPLETED]: [],
  [S.CANCELLED]: [],
};

export function canTransition(from: S, to: S): boolean {
  return CAMPAIGN_TRANSITIONS[from].includes(to);
}
