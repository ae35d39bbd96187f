import { trusted, type QueryFilter } from 'mongoose';
import { badInput } from '../../../../shared/errors';
import { afterFilter, decodeCursor } from '../../../../shared/graphql/pagination';

/**
 * Decodes and checks an `after` cursor of a newest-first list: it must be `[ISO date, id]`, exactly what
 * the list encoded. Anything else (tampered, or an object smuggling `$` operators) is BAD_USER_INPUT.
 */
export function parseKeysetCursor(after: string, field = 'after'): unknown[] {
  const values = decodeCursor(after, field);
  const [at, id] = values;
  if (
    values.length !== 2 ||
    typeof at !== 'string' ||
    Number.isNaN(Date.parse(at)) ||
    typeof id !== 'string'
  ) {
    throw badInput(field, 'is not a valid cursor');
  }
  return values;
}

/**
 * Keyset filter "after this cursor" on (field desc, _id desc) for `find`. Connections run with
 * sanitizeFilter (shared/mongo), which neutralises `$` operators inside filters unless code marks them
 * trusted; the cursor values were checked by `parseKeysetCursor`, so these operators are ours.
 */
export function keysetAfter<T>(field: string, cursor: unknown[] | null | undefined): QueryFilter<T> {
  const filter = afterFilter(field, -1, cursor ?? undefined) as { $or?: Array<Record<string, unknown>> };
  if (!filter.$or) return {};
  const trust = (v: unknown) => (v && typeof v === 'object' && !(v instanceof Date) ? trusted(v) : v);
  return {
    $or: filter.$or.map((branch) =>
      Object.fromEntries(Object.entries(branch).map(([k, v]) => [k, trust(v)])),
    ),
  } as QueryFilter<T>;
}
