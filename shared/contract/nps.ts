import { registerEnumType } from 'type-graphql';

/** Net Promoter bands (Reichheld): marketing labels survey answers, the computed fields score them. */
export enum NpsCategory {
  PROMOTER = 'PROMOTER',
  PASSIVE = 'PASSIVE',
  DETRACTOR = 'DETRACTOR',
}
registerEnumType(NpsCategory, {
  name: 'NpsCategory',
  description: '9–10 promoter, 7–8 passive, 0–6 detractor.',
  valuesConfig: {
    PROMOTER: { description: 'Answered 9 or 10: would recommend.' },
    PASSIVE: { description: 'Answered 7 or 8: satisfied, not enthusiastic.' },
    DETRACTOR: { description: 'Answered 0 to 6: unhappy, may say so to others.' },
  },
});

/** Lowest promoter score (9–10). */
export const NPS_PROMOTER_MIN = 9;
/** Lowest passive score (7–8); anything lower is a detractor. */
export const NPS_PASSIVE_MIN = 7;

/** The band of an NPS answer (0–10); null when there is no answer. */
export function npsCategory(score: number): NpsCategory;
export function npsCategory(score: number | null | undefined): NpsCategory | null;
export function npsCategory(score: number | null | undefined): NpsCategory | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  if (score >= NPS_PROMOTER_MIN) return NpsCategory.PROMOTER;
  if (score >= NPS_PASSIVE_MIN) return NpsCategory.PASSIVE;
  return NpsCategory.DETRACTOR;
}
