import { EXCLUSIVE_IDENTIFIER_KINDS } from './customer.enums';
import { nameSortKey, searchTokens } from './customer-name';
import type { CustomerDoc } from './customer.model';

type Source = Pick<CustomerDoc, 'givenName' | 'familyName' | 'displayName' | 'emails' | 'identifiers'>;

/**
 * The unique key of an exclusive identifier (EXTERNAL_ID, LOYALTY_CARD). With a source, the key is the
 * source's: one system's id names one person, but the same value from two systems may be on two profiles
 * (stored, and then evidence that they are one person, instead of rejected).
 */
export function exclusiveKeyOf(i: { kind: string; normalized: string; source?: string | null }): string {
  return i.source ? `${i.kind}:${i.normalized}@${i.source}` : `${i.kind}:${i.normalized}`;
}

/**
 * Keys stored next to the profile so queries can use indexes: recomputed from the profile on every write,
 * never edited on their own.
 */
export function deriveKeys(p: Source): Pick<CustomerDoc, 'exclusiveKeys' | 'nameKey' | 'searchTokens'> {
  return {
    exclusiveKeys: p.identifiers
      .filter((i) => EXCLUSIVE_IDENTIFIER_KINDS.includes(i.kind))
      .map(exclusiveKeyOf),
    nameKey: nameSortKey(p.givenName, p.familyName),
    searchTokens: searchTokens(
      [p.givenName, p.familyName, p.displayName],
      p.emails.map((e) => e.normalized),
    ),
  };
}
