import { trusted } from 'mongoose';
import { Directive, Field, ObjectType } from 'type-graphql';
import { badInput } from '../errors';

/** Relay PageInfo; identical in every subgraph, hence @shareable. */
@Directive('@shareable')
@ObjectType({ description: 'Relay cursor-pagination state of a connection.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Cursors are opaque to clients: base64url of the sort key values of the last row seen. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): unknown[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed)) throw new Error('not an array');
    return parsed;
  } catch {
    throw badInput(field, 'is not a valid cursor');
  }
}

export function checkPageSize(first: number | undefined | null, field = 'first'): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw badInput(field, `must be an integer between 0 and ${MAX_PAGE_SIZE}`, { max: MAX_PAGE_SIZE });
  }
  return n;
}

/** Builds a connection from rows fetched with limit `first + 1` (the extra row tells hasNextPage). */
export function toConnection<T>(
  rows: T[],
  first: number,
  cursorOf: (row: T) => unknown[],
  hasPrevious: boolean,
  totalCount?: number,
): { edges: { cursor: string; node: T }[]; pageInfo: PageInfo; totalCount?: number } {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * Mongo filter for "rows after this cursor" under a sort on (field desc|asc, _id same direction):
 * keyset pagination, so deep pages cost the same as the first and inserts do not shift pages.
 */
export function afterFilter(field: string, direction: 1 | -1, cursor: unknown[] | undefined) {
  if (!cursor) return {};
  const [value, id] = cursor;
  const op = direction === -1 ? '$lt' : '$gt';
  const v = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value) : value;
  // trusted(): connections run with sanitizeFilter, which would otherwise neutralise these operators.
  return { $or: [{ [field]: trusted({ [op]: v }) }, { [field]: v, _id: trusted({ [op]: id }) }] };
}
