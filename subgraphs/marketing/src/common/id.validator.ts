import { badInput } from '../../../../shared/errors';
import { isId } from '../../../../shared/ids/ids';

/** Id prefixes of the records this subgraph creates (`cus_<24 hex>` …). */
export const ID_PREFIX = {
  customer: 'cus',
  touchpoint: 'tch',
  campaign: 'cmp',
  segment: 'seg',
  surveyAnswer: 'sva',
  referral: 'ref',
  review: 'rev',
} as const;

export const idPattern = (prefix: string) => new RegExp(`^${prefix}_[0-9a-f]{24}$`);

/** For scalar arguments (which class-validator cannot decorate): a malformed id is bad input, not a miss. */
export function assertId(value: string, prefix: string, field: string): string {
  if (!isId(value, prefix)) throw badInput(field, `must look like ${prefix}_<24 hex digits>`);
  return value;
}
