import type { QueryFilter } from 'mongoose';
import { badInput } from '../../../../shared/errors';
import { afterFilter, decodeCursor } from '../../../../shared/graphql/pagination';
import { CustomerSort, CustomerStatus, IdentifierKind } from './customer.enums';
import { searchPrefixes } from './customer-name';
import type { CustomerDoc } from './customer.model';
import type { CustomerFilter } from './customer.input';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `customers(filter)` → MongoDB filter; each part is served by an index in customer.model.ts. */
export function buildCustomerFilter(
  filter: Partial<CustomerFilter> | null | undefined,
  segmentCondition?: QueryFilter<CustomerDoc>,
): QueryFilter<CustomerDoc> {
  const and: QueryFilter<CustomerDoc>[] = [{ status: filter?.status ?? CustomerStatus.ACTIVE }];
  if (filter?.search) {
    const prefixes = searchPrefixes(filter.search);
    if (prefixes.length === 0) throw badInput('search', 'must contain a letter or digit');
    // Anchored regexes on a multikey index: a range scan per prefix, not a collection scan.
    for (const p of prefixes) and.push({ searchTokens: { $regex: `^${escapeRegex(p)}` } });
  }
  if (filter?.country) and.push({ 'demographics.country': filter.country });
  if (filter?.householdId) and.push({ householdId: filter.householdId });
  if (filter?.consentGranted) {
    and.push({
      consents: {
        $elemMatch: {
          channel: filter.consentGranted,
          purpose: filter.consentPurpose ?? 'MARKETING',
          granted: true,
        },
      },
    });
  }
  if (filter?.createdAfter || filter?.createdBefore) {
    if (filter.createdAfter && filter.createdBefore && filter.createdAfter >= filter.createdBefore) {
      throw badInput('createdBefore', 'must be later than createdAfter');
    }
    and.push({
      createdAt: {
        ...(filter.createdAfter ? { $gt: filter.createdAfter } : {}),
        ...(filter.createdBefore ? { $lt: filter.createdBefore } : {}),
      },
    });
  }
  if (segmentCondition) and.push(segmentCondition);
  return and.length === 1 ? and[0] : { $and: and };
}

interface SortSpec {
  field: 'createdAt' | 'nameKey';
  direction: 1 | -1;
}

export const CUSTOMER_SORTS: Record<CustomerSort, SortSpec> = {
  [CustomerSort.CREATED_AT_DESC]: { field: 'createdAt', direction: -1 },
  [CustomerSort.CREATED_AT_ASC]: { field: 'createdAt', direction: 1 },
  [CustomerSort.FAMILY_NAME_ASC]: { field: 'nameKey', direction: 1 },
};

export function sortOf(sort: CustomerSort): Record<string, 1 | -1> {
  const s = CUSTOMER_SORTS[sort];
  return { [s.field]: s.direction, _id: s.direction };
}

/** Keyset cursor: the sort key value and id of the last row, tagged with the sort it belongs to. */
export function customerCursor(doc: CustomerDoc, sort: CustomerSort): unknown[] {
  const s = CUSTOMER_SORTS[sort];
  return [s.field === 'createdAt' ? doc.createdAt.toISOString() : doc.nameKey, doc._id, sort];
}

export function customerAfterFilter(
  after: string | null | undefined,
  sort: CustomerSort,
): QueryFilter<CustomerDoc> {
  if (!after) return {};
  const cursor = decodeCursor(after);
  if (cursor.length !== 3 || typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string') {
    throw badInput('after', 'is not a valid cursor');
  }
  if (cursor[2] !== sort) throw badInput('after', `belongs to sort ${String(cursor[2])}, not ${sort}`);
  const s = CUSTOMER_SORTS[sort];
  return afterFilter(s.field, s.direction, cursor.slice(0, 2)) as QueryFilter<CustomerDoc>;
}

/** Look-up by one normalized identifier; every branch matches an index of customer.model.ts. */
export function identifierFilter(kind: IdentifierKind, normalized: string): QueryFilter<CustomerDoc> {
  switch (kind) {
    case IdentifierKind.EMAIL:
      return { 'emails.normalized': normalized };
    case IdentifierKind.PHONE:
      return { 'phones.number': normalized };
    case IdentifierKind.SOCIAL_HANDLE: {
      const i = normalized.indexOf(':');
      return {
        socialHandles: {
          $elemMatch: { network: normalized.slice(0, i), normalized: normalized.slice(i + 1) },
        },
      };
    }
    default:
      return { identifiers: { $elemMatch: { kind, normalized } } };
  }
}
