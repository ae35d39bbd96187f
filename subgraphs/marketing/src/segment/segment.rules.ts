import type { QueryFilter } from 'mongoose';
import { Query } from 'mingo';
import type { CustomerDoc } from '../customer/customer.model';
import { SegmentKind } from './segment.enums';
import type { SegmentDoc, SegmentRules } from './segment.model';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Segment rules → one MongoDB filter over profiles. The same filter answers both questions: the database
 * runs it for `customers(filter: { segmentId })`, and mingo runs it in memory for `Customer.segments`, so
 * the two can never disagree.
 */
export function compileSegmentRules(rules: SegmentRules): QueryFilter<CustomerDoc> {
  const and: QueryFilter<CustomerDoc>[] = [];
  if (rules.countries?.length) and.push({ 'demographics.country': { $in: rules.countries } });
  if (rules.cities?.length) and.push({ 'demographics.city': { $in: rules.cities } });
  if (rules.ageBands?.length) and.push({ 'demographics.ageBand': { $in: rules.ageBands } });
  if (rules.genders?.length) and.push({ 'demographics.gender': { $in: rules.genders } });
  if (rules.languages?.length) {
    const alternatives = rules.languages.map((l) => escapeRegex(l.toLowerCase())).join('|');
    and.push({ language: { $regex: `^(${alternatives})(-|$)`, $options: 'i' } });
  }
  for (const c of rules.consents ?? []) {
    and.push({ consents: { $elemMatch: { channel: c.channel, purpose: c.purpose, granted: true } } });
  }
  if (rules.createdAfter) and.push({ createdAt: { $gt: rules.createdAfter } });
  if (rules.createdBefore) and.push({ createdAt: { $lt: rules.createdBefore } });
  if (rules.hasEmail !== undefined) and.push({ 'emails.0': { $exists: rules.hasEmail } });
  if (rules.hasPhone !== undefined) and.push({ 'phones.0': { $exists: rules.hasPhone } });
  return and.length === 0 ? {} : and.length === 1 ? and[0] : { $and: and };
}

/** The filter selecting a segment's members among profiles. */
export function membershipFilter(segment: SegmentDoc): QueryFilter<CustomerDoc> {
  if (segment.kind === SegmentKind.MANUAL) return { segmentIds: segment._id };
  return compileSegmentRules(segment.rules ?? {});
}

const compiled = new WeakMap<SegmentDoc, Query>();

/** The segments `doc` belongs to, evaluated in memory (no query per customer). */
export function segmentsOf(doc: CustomerDoc, segments: readonly SegmentDoc[]): SegmentDoc[] {
  return segments.filter((s) => {
    if (s.kind === SegmentKind.MANUAL) return (doc.segmentIds ?? []).includes(s._id);
    let query = compiled.get(s);
    if (!query) {
      query = new Query(compileSegmentRules(s.rules ?? {}) as Record<string, unknown>);
      compiled.set(s, query);
    }
    return query.test(doc as unknown as Record<string, unknown>);
  });
}
