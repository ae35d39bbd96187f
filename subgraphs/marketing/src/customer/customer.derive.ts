import { EXCLUSIVE_IDENTIFIER_KINDS } from './customer.enums';
import { nameSortKey, searchTokens } from './customer-name';
import type { CustomerDoc } from './customer.model';

type Source = Pick<CustomerDoc, 'givenName' | 'familyName' | 'displayName' | 'emails' | 'identifiers'>;

/**
 * Keys stored next to the profile so queries can use indexes: recomputed from the profile on every write,
 * never edited on their own.
 */
export function deriveKeys(p: Source): Pick<CustomerDoc, 'exclusiveKeys' | 'nameKey' | 'searchTokens'> {
  return {
    exclusiveKeys: p.identifiers
      .filter((i) => EXCLUSIVE_IDENTIFIER_KINDS.includes(i.kind))
      .map((i) => `${i.kind}:${i.normalized}`),
    nameKey: nameSortKey(p.givenName, p.familyName),
    searchTokens: searchTokens(
      [p.givenName, p.familyName, p.displayName],
      p.emails.map((e) => e.normalized),
    ),
  };
}
