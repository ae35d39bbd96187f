import { ObjectId } from 'bson';

/**
 * Public ids are prefixed strings (`cus_…`, `ord_…`): readable in logs and support tools, and the
 * ObjectId part keeps them roughly time-ordered, so sorting by `_id` doubles as creation order.
 */
export function newId(prefix: string): string {
  return `${prefix}_${new ObjectId().toHexString()}`;
}

export function isId(value: string, prefix: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-f]{24}$`).test(value);
}

/** Deterministic id for seeded demo data, so the same seed gives the same ids on every machine. */
export function seededId(prefix: string, n: number, salt = 0): string {
  const hex = (BigInt(0x5f000000 + salt) * 2n ** 64n + BigInt(n)).toString(16).padStart(24, '0').slice(-24);
  return `${prefix}_${hex}`;
}
