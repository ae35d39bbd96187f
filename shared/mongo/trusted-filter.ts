import mongoose from 'mongoose';

type Filter = Record<string, unknown>;

/**
 * Marks the operator objects of a filter built by this service as trusted. Connections may enable
 * mongoose's `sanitizeFilter` (which would wrap `{ $in: [...] }` in `$eq` and silently match nothing);
 * our filters are built in code from validated scalars, so they are safe to pass through as written.
 */
export function trustedFilter<T extends Filter>(filter: T): T {
  const out: Filter = {};
  for (const [key, value] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
      out[key] = value.map((f: Filter) => trustedFilter(f));
    } else if (value && typeof value === 'object' && !(value instanceof Date) && hasOperatorKey(value)) {
      out[key] = mongoose.trusted(value);
    } else {
      out[key] = value;
    }
  }
  return out as T;
}

function hasOperatorKey(value: object): boolean {
  return Object.keys(value).some((k) => k.startsWith('$'));
}
