import { CustomerStatus } from '../customer/customer.enums';
import { deriveKeys } from '../customer/customer.derive';
import type {
  ConsentRecord,
  CustomerDoc,
  FieldSourceRecord,
  PostalAddress,
} from '../customer/customer.model';
import { identityKeysOf } from '../matching/identity-profile.mapper';

/*
 * What a merge writes, computed without I/O so every rule is unit-tested:
 *  - the survivor keeps its own values and fills what it lacks from the merged profiles, in the order
 *    given; it keeps EVERY identifier (emails, phones, ids, handles) of all of them;
 *  - a consent decision per channel and purpose is the most recent one of any profile (the person's
 *    latest word), and the consent histories are joined;
 *  - merged-away profiles become MERGED with `mergedInto`, and hand their identifiers to the survivor
 *    (one email belongs to one live profile: the unique index demands it, and look-ups then find the
 *    survivor);
 *  - profiles already merged into a merged-away profile are re-pointed to the survivor, so an old id
 *    resolves in one hop;
 *  - `fieldSources` records, per value of the survivor, which profile it came from and through which merge.
 */

export interface MergePlanInput {
  mergeId: string;
  now: Date;
  survivor: CustomerDoc;
  /** In priority order: earlier ones fill the survivor's gaps first. */
  merged: CustomerDoc[];
  /** Profiles whose `mergedInto` is one of `merged`. */
  repointed: CustomerDoc[];
}

export interface MergePlan {
  survivor: CustomerDoc;
  merged: CustomerDoc[];
  repointed: CustomerDoc[];
}

const SCALARS = [
  'givenName',
  'familyName',
  'displayName',
  'birthDate',
  'language',
  'timeZone',
  'householdId',
] as const;
const DEMOGRAPHICS = ['ageBand', 'gender', 'city', 'country'] as const;

export const applyOp = (mergeId: string) => `${mergeId}:apply`;

function addressText(a: PostalAddress): string {
  const line1 = [a.street, a.houseNumber].filter(Boolean).join(' ');
  const line2 = [a.postcode, a.city].filter(Boolean).join(' ');
  return [line1, line2, a.region, a.country].filter(Boolean).join(', ');
}

/** Every (field, value) of a profile, as provenance sees it: lists give one entry per element. */
export function provenanceValues(doc: CustomerDoc): { field: string; value: string }[] {
  const out: { field: string; value: string }[] = [];
  for (const f of SCALARS) {
    const v = doc[f];
    if (v !== undefined && v !== null && v !== '') out.push({ field: f, value: String(v) });
  }
  for (const f of DEMOGRAPHICS) {
    const v = doc.demographics?.[f];
    if (v) out.push({ field: `demographics.${f}`, value: String(v) });
  }
  if (doc.address && Object.keys(doc.address).length) {
    out.push({ field: 'address', value: addressText(doc.address) });
  }
  if (doc.quietHours) {
    out.push({ field: 'quietHours', value: `${doc.quietHours.start}-${doc.quietHours.end}` });
  }
  for (const e of doc.emails ?? []) out.push({ field: 'emails', value: e.address });
  for (const p of doc.phones ?? []) out.push({ field: 'phones', value: p.number });
  for (const i of doc.identifiers ?? []) out.push({ field: 'identifiers', value: `${i.kind}:${i.value}` });
  for (const s of doc.socialHandles ?? []) {
    out.push({ field: 'socialHandles', value: `${s.network}:${s.handle}` });
  }
  for (const c of doc.consents ?? []) {
    out.push({ field: 'consents', value: `${c.channel}/${c.purpose}:${c.granted ? 'granted' : 'denied'}` });
  }
  return out;
}

const keyOf = (field: string, value: string) => `${field}\u0000${value}`;

/** Origin of each value a profile holds: its own, or what an earlier merge recorded for it. */
function originsOf(doc: CustomerDoc, mergeId: string | undefined): Map<string, FieldSourceRecord> {
  const recorded = new Map((doc.fieldSources ?? []).map((s) => [keyOf(s.field, s.value), s]));
  const out = new Map<string, FieldSourceRecord>();
  for (const { field, value } of provenanceValues(doc)) {
    const k = keyOf(field, value);
    out.set(
      k,
      recorded.get(k) ?? { field, value, sourceCustomerId: doc._id, ...(mergeId ? { mergeId } : {}) },
    );
  }
  return out;
}

function unionBy<T>(lists: T[][], keyFn: (t: T) => string, adapt: (t: T, fromSurvivor: boolean) => T): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  lists.forEach((list, index) => {
    for (const item of list) {
      const k = keyFn(item);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(adapt(item, index === 0));
    }
  });
  return out;
}

function latestConsents(lists: ConsentRecord[][]): ConsentRecord[] {
  const byKey = new Map<string, ConsentRecord>();
  for (const list of lists) {
    for (const c of list) {
      const k = `${c.channel}/${c.purpose}`;
      const held = byKey.get(k);
      // Ties keep the earlier profile's (the survivor's) decision.
      if (!held || c.updatedAt.getTime() > held.updatedAt.getTime()) byKey.set(k, c);
    }
  }
  return [...byKey.values()];
}

function withoutUndefined<T extends object>(doc: T): T {
  for (const [k, v] of Object.entries(doc)) if (v === undefined) delete (doc as Record<string, unknown>)[k];
  return doc;
}

export function planMerge(input: MergePlanInput): MergePlan {
  const { survivor: s, merged, mergeId, now } = input;
  const all = [s, ...merged];
  const op = applyOp(mergeId);

  const next: CustomerDoc = structuredClone(s);
  for (const f of SCALARS) {
    if (next[f] === undefined || next[f] === null || next[f] === '') {
      const donor = merged.find((m) => m[f] !== undefined && m[f] !== null && m[f] !== '');
      if (donor) next[f] = donor[f];
    }
  }
  for (const f of DEMOGRAPHICS) {
    if (!next.demographics?.[f]) {
      const donor = merged.find((m) => m.demographics?.[f]);
      if (donor) next.demographics = { ...next.demographics, [f]: donor.demographics![f] };
    }
  }
  if (!next.address || Object.keys(next.address).length === 0) {
    const donor = merged.find((m) => m.address && Object.keys(m.address).length > 0);
    if (donor) next.address = structuredClone(donor.address);
  }
  if (!next.quietHours) {
    const donor = merged.find((m) => m.quietHours);
    if (donor) next.quietHours = { ...donor.quietHours! };
  }
  // The survivor's primary stays primary; everything the others bring is secondary.
  next.emails = unionBy(
    all.map((d) => structuredClone(d.emails ?? [])),
    (e) => e.normalized,
    (e, own) => (own ? e : { ...e, primary: false }),
  );
  next.phones = unionBy(
    all.map((d) => structuredClone(d.phones ?? [])),
    (p) => p.number,
    (p, own) => (own ? p : { ...p, primary: false }),
  );
  if (next.emails.length && !next.emails.some((e) => e.primary)) next.emails[0].primary = true;
  if (next.phones.length && !next.phones.some((p) => p.primary)) next.phones[0].primary = true;
  next.identifiers = unionBy(
    all.map((d) => structuredClone(d.identifiers ?? [])),
    (i) => `${i.kind}:${i.normalized}`,
    (i) => i,
  );
  next.socialHandles = unionBy(
    all.map((d) => structuredClone(d.socialHandles ?? [])),
    (h) => `${h.network}:${h.normalized}`,
    (h) => h,
  );
  next.consents = latestConsents(all.map((d) => structuredClone(d.consents ?? [])));
  next.consentHistory = all
    .flatMap((d) => structuredClone(d.consentHistory ?? []))
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  next.segmentIds = [...new Set(all.flatMap((d) => d.segmentIds ?? []))];
  next.mergedIds = [
    ...new Set([...(s.mergedIds ?? []), ...merged.flatMap((m) => [m._id, ...(m.mergedIds ?? [])])]),
  ];
  // The relationship began with the earliest profile.
  next.createdAt = new Date(Math.min(...all.map((d) => d.createdAt.getTime())));

  // Provenance: each value the survivor now holds, traced to the profile (and merge) it came from.
  const origins = new Map<string, FieldSourceRecord>();
  for (const [k, v] of originsOf(s, undefined)) origins.set(k, v);
  for (const m of merged) for (const [k, v] of originsOf(m, mergeId)) if (!origins.has(k)) origins.set(k, v);
  next.fieldSources = provenanceValues(next).map(
    ({ field, value }) =>
      origins.get(keyOf(field, value)) ?? { field, value, sourceCustomerId: s._id, mergeId },
  );

  Object.assign(next, deriveKeys(next), { blockingKeys: identityKeysOf(next) });
  next.status = CustomerStatus.ACTIVE;
  delete next.mergedInto;
  next.revision = s.revision + 1;
  next.updatedAt = now;
  next.lastMergeOp = op;

  const mergedAfter = merged.map((m) => {
    const d: CustomerDoc = structuredClone(m);
    d.status = CustomerStatus.MERGED;
    d.mergedInto = s._id;
    // Identifiers now live on the survivor (snapshots keep the originals for unmerge).
    d.emails = [];
    d.phones = [];
    d.identifiers = [];
    d.socialHandles = [];
    delete d.mergedIds;
    delete d.fieldSources;
    Object.assign(d, deriveKeys(d), { blockingKeys: [] });
    d.revision = m.revision + 1;
    d.updatedAt = now;
    d.lastMergeOp = op;
    return withoutUndefined(d);
  });
  const repointed = input.repointed.map((r) =>
    withoutUndefined({
      ...structuredClone(r),
      mergedInto: s._id,
      revision: r.revision + 1,
      updatedAt: now,
      lastMergeOp: op,
    }),
  );
  return { survivor: withoutUndefined(next), merged: mergedAfter, repointed };
}

/**
 * The snapshot as unmerge or rollback writes it back: exactly, revision and `lastMergeOp` included. A
 * writer that read the profile before the merge may then write again: the content it read is back.
 */
export function restoredDoc(before: CustomerDoc): CustomerDoc {
  return structuredClone(before);
}

/** Whether a profile is already back at its snapshot (a retried unmerge or rollback step). */
export function isRestored(
  current: Pick<CustomerDoc, 'revision' | 'lastMergeOp'>,
  before: CustomerDoc,
): boolean {
  return current.revision === before.revision && current.lastMergeOp === before.lastMergeOp;
}
