import type { CustomerDoc } from './customer.model';
import type { Customer } from './customer.type';

/** Database document → GraphQL object; the only place that knows both shapes. */
export function toCustomer(doc: CustomerDoc): Customer {
  return {
    id: doc._id,
    givenName: doc.givenName ?? null,
    familyName: doc.familyName ?? null,
    emails: doc.emails.map((e) => ({ address: e.address, primary: e.primary })),
    language: doc.language ?? null,
    timeZone: doc.timeZone ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
