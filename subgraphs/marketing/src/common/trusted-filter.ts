import { trusted } from 'mongoose';

/**
 * Connections run with `sanitizeFilter` (shared/mongo), which turns any operator object in a filter into a
 * literal `$eq` match, a guard against selector injection from client-supplied objects. Filters built here
 * only place validated scalars inside operators we wrote, so they are marked trusted, recursively through
 * `$and` / `$or` / `$nor`. Never pass client-supplied objects through this.
 */
export function trustFilter<T extends object>(filter: T): T {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      for (const sub of value as object[]) trustFilter(sub);
    } else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      if (Object.keys(value).some((k) => k.startsWith('$'))) trusted(value);
    }
  }
  return filter;
}
