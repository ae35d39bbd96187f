import { formatDisplayName } from './customer-name';
import type { CustomerDoc } from './customer.model';
import type { Customer } from './customer.type';

const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

/** Database document → GraphQL object; the only place that knows both shapes. */
export function toCustomer(doc: CustomerDoc): Customer {
  const emails = doc.emails ?? [];
  return {
    id: doc._id,
    status: doc.status,
    mergedInto: orNull(doc.mergedInto),
    mergedIds: doc.mergedIds ?? [],
    resolvedFrom: null,
    fieldSources: (doc.fieldSources ?? []).map((f) => ({
      field: f.field,
      value: f.value,
      sourceCustomerId: f.sourceCustomerId,
      mergeId: orNull(f.mergeId),
    })),
    givenName: orNull(doc.givenName),
    familyName: orNull(doc.familyName),
    displayName: doc.displayName ?? formatDisplayName(doc.givenName, doc.familyName, doc.language),
    emails: emails.map((e) => ({ address: e.address, primary: e.primary })),
    email: (emails.find((e) => e.primary) ?? emails[0])?.address ?? null,
    phones: (doc.phones ?? []).map((p) => ({ number: p.number, kind: p.kind, primary: p.primary })),
    identifiers: (doc.identifiers ?? []).map((i) => ({
      kind: i.kind,
      value: i.value,
      source: orNull(i.source),
      addedAt: i.addedAt,
    })),
    socialHandles: (doc.socialHandles ?? []).map((s) => ({ network: s.network, handle: s.handle })),
    householdId: orNull(doc.householdId),
    demographics: {
      ageBand: orNull(doc.demographics?.ageBand),
      gender: orNull(doc.demographics?.gender),
      city: orNull(doc.demographics?.city),
      country: orNull(doc.demographics?.country),
    },
    address: doc.address
      ? {
          street: orNull(doc.address.street),
          houseNumber: orNull(doc.address.houseNumber),
          city: orNull(doc.address.city),
          postcode: orNull(doc.address.postcode),
          region: orNull(doc.address.region),
          country: orNull(doc.address.country),
        }
      : null,
    birthDate: orNull(doc.birthDate),
    language: orNull(doc.language),
    timeZone: orNull(doc.timeZone),
    quietHours: doc.quietHours ? { start: doc.quietHours.start, end: doc.quietHours.end } : null,
    consents: (doc.consents ?? []).map((c) => ({
      channel: c.channel,
      purpose: c.purpose,
      granted: c.granted,
      source: c.source,
      updatedAt: c.updatedAt,
    })),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    doc,
  };
}
