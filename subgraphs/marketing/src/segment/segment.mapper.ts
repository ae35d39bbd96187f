import type { SegmentDoc } from './segment.model';
import type { Segment } from './segment.type';

export function toSegment(doc: SegmentDoc): Segment {
  const r = doc.rules;
  return {
    id: doc._id,
    name: doc.name,
    description: doc.description ?? null,
    kind: doc.kind,
    rules: r
      ? {
          countries: r.countries ?? null,
          cities: r.cities ?? null,
          ageBands: r.ageBands ?? null,
          genders: r.genders ?? null,
          languages: r.languages ?? null,
          consents: r.consents ?? null,
          createdAfter: r.createdAfter ? new Date(r.createdAfter) : null,
          createdBefore: r.createdBefore ? new Date(r.createdBefore) : null,
          hasEmail: r.hasEmail ?? null,
          hasPhone: r.hasPhone ?? null,
        }
      : null,
    createdAt: doc.createdAt,
  };
}
