import { registerEnumType } from 'type-graphql';

export enum CampaignStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** What a campaign is for; EDUCATION campaigns make their engaged touchpoints count as education. */
export enum CampaignObjective {
  AWARENESS = 'AWARENESS',
  ACQUISITION = 'ACQUISITION',
  EDUCATION = 'EDUCATION',
  CONVERSION = 'CONVERSION',
  ONBOARDING = 'ONBOARDING',
  RETENTION = 'RETENTION',
  WINBACK = 'WINBACK',
  ADVOCACY = 'ADVOCACY',
}

registerEnumType(CampaignStatus, { name: 'CampaignStatus' });
registerEnumType(CampaignObjective, { name: 'CampaignObjective' });
