import { z } from 'zod';
import { TimelineChannel, TimelineKind, TimelineSource } from '../contract/timeline';
import { badInput } from '../errors';
import { MAX_PAGE_SIZE } from '../graphql/pagination';

/** One event as a source contributes it (the merged connection's node carries the same fields). */
export interface TimelineEntryData {
  /** `<prefix>:<document id>`, unique within its source. */
  id: string;
  at: Date;
  kind: TimelineKind;
  channel: TimelineChannel | null;
  summary: string;
  source: TimelineSource;
  /** The domain object behind the event (touchpoint, order, ticket, …). */
  subjectId: string;
  /** The order the event is about, when there is one (an order, a return). */
  orderId: string | null;
}

/** A position in the timeline: the last event a client has seen. */
export interface TimelineCursor {
  at: Date;
  source: TimelineSource;
  id: string;
}

export interface TimelineFilterData {
  kinds: TimelineKind[] | null;
  channels: TimelineChannel[] | null;
  /** Inclusive. */
  since: Date | null;
  /** Exclusive. */
  until: Date | null;
}

/** Everything a source needs to contribute to one page; travels as the TimelinePage entity key. */
export interface TimelineRequest {
  customerId: string;
  /** The customer's id and every id merged into it: records filed under any of them belong to it. */
  customerIds: string[];
  first: number;
  after: TimelineCursor | null;
  filter: TimelineFilterData;
}

const SOURCE_ORDER: Record<TimelineSource, number> = {
  [TimelineSource.MARKETING]: 0,
  [TimelineSource.SALES]: 1,
  [TimelineSource.SUPPORT]: 2,
};

const cmpString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The one timeline order: newest first, equal timestamps by source, then by id descending (so each source
 * can serve its part from its `(customerId, time desc, _id desc)` indexes). Total, hence paging is exact.
 */
export function compareTimeline(a: TimelineCursor, b: TimelineCursor): number {
  return (
    b.at.getTime() - a.at.getTime() ||
    SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
    cmpString(b.id, a.id)
  );
}

/** True when `entry` comes strictly after the cursor in timeline order. */
export function isAfterCursor(entry: TimelineCursor, cursor: TimelineCursor | null): boolean {
  return !cursor || compareTimeline(entry, cursor) > 0;
}

/** The first `limit` entries of several contributions in timeline order. */
export function mergeTimeline<T extends TimelineCursor>(
  lists: readonly (readonly T[])[],
  limit: number,
): T[] {
  return lists.flat().sort(compareTimeline).slice(0, Math.max(0, limit));
}

export function encodeTimelineCursor(entry: TimelineCursor): string {
  return Buffer.from(JSON.stringify([entry.at.toISOString(), entry.source, entry.id])).toString('base64url');
}

const cursorSchema = z.tuple([z.iso.datetime(), z.enum(TimelineSource), z.string().min(1).max(200)]);

/** Decodes a client's `after`; anything else than a cursor this API issued is BAD_USER_INPUT. */
export function decodeTimelineCursor(cursor: string, field = 'after'): TimelineCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(field, 'is not a valid cursor');
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) throw badInput(field, 'is not a valid cursor');
  const [at, source, id] = parsed.data;
  return { at: new Date(at), source, id };
}

const requestSchema = z.object({
  customerId: z.string().min(1),
  customerIds: z.array(z.string().min(1)).min(1),
  first: z.number().int().min(0).max(MAX_PAGE_SIZE),
  after: z.object({ at: z.iso.datetime(), source: z.enum(TimelineSource), id: z.string() }).nullable(),
  filter: z.object({
    kinds: z.array(z.enum(TimelineKind)).nullable(),
    channels: z.array(z.enum(TimelineChannel)).nullable(),
    since: z.iso.datetime().nullable(),
    until: z.iso.datetime().nullable(),
  }),
});

/** The TimelinePage key: opaque, carries the whole request so every source answers the same question. */
export function encodeTimelineRequest(request: TimelineRequest): string {
  return Buffer.from(JSON.stringify(request)).toString('base64url');
}

export function decodeTimelineRequest(key: string): TimelineRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
  } catch {
    throw badInput('id', 'is not a timeline page id');
  }
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) throw badInput('id', 'is not a timeline page id');
  const { after, filter, ...rest } = parsed.data;
  const date = (s: string | null) => (s === null ? null : new Date(s));
  return {
    ...rest,
    after: after && { at: new Date(after.at), source: after.source, id: after.id },
    filter: { ...filter, since: date(filter.since), until: date(filter.until) },
  };
}

/** Whether a kind is asked for (no `kinds` filter: every kind). */
export function wantsKind(filter: TimelineFilterData, kind: TimelineKind): boolean {
  return !filter.kinds || filter.kinds.includes(kind);
}

/**
 * The channels to match among those a collection can hold: `undefined` when the filter does not restrict
 * channels, else the intersection (empty: the collection has nothing to contribute).
 */
export function channelsWanted<C extends string>(
  filter: TimelineFilterData,
  own: readonly C[],
): C[] | undefined {
  if (!filter.channels) return undefined;
  const asked = new Set<string>(filter.channels);
  return own.filter((c) => asked.has(c));
}

/** Condition on a collection's `channel` field: none, `$in` the wanted ones, or `null` (nothing can match). */
export function channelMatch(
  filter: TimelineFilterData,
  own: readonly string[],
): Record<string, unknown> | null {
  const channels = channelsWanted(filter, own);
  if (!channels) return {};
  return channels.length ? { channel: { $in: channels } } : null;
}

/** For kinds that have no channel: any channel filter leaves them out. */
export const withoutChannel = (filter: TimelineFilterData) => (filter.channels ? null : {});

/**
 * MongoDB conditions on a collection's time field for "after the cursor, inside since/until": the collection
 * holds entries `<prefix>:<_id>` of one source, sorted by (time desc, _id desc). At the cursor's own
 * timestamp, whether an entry comes after it depends on source order and then on the id, which for a
 * foreign prefix is decided by the prefix alone.
 */
export function timeConditions(
  field: string,
  request: Pick<TimelineRequest, 'after' | 'filter'>,
  source: TimelineSource,
  prefix: string,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const { since, until } = request.filter;
  if (since) out.push({ [field]: { $gte: since } });
  if (until) out.push({ [field]: { $lt: until } });
  const cursor = request.after;
  if (!cursor) return out;
  const tie = tieAtCursor(cursor, source, prefix);
  if (tie === 'all') out.push({ [field]: { $lte: cursor.at } });
  else if (tie === 'none') out.push({ [field]: { $lt: cursor.at } });
  else
    out.push({ $or: [{ [field]: { $lt: cursor.at } }, { [field]: cursor.at, _id: { $lt: tie.idBelow } }] });
  return out;
}

/** Which entries of this collection that share the cursor's timestamp come after it. */
export function tieAtCursor(
  cursor: TimelineCursor,
  source: TimelineSource,
  prefix: string,
): 'all' | 'none' | { idBelow: string } {
  const bySource = SOURCE_ORDER[source] - SOURCE_ORDER[cursor.source];
  if (bySource !== 0) return bySource > 0 ? 'all' : 'none';
  const head = `${prefix}:`;
  if (cursor.id.startsWith(head)) return { idBelow: cursor.id.slice(head.length) };
  // Ids descend: every `<prefix>:…` is below the cursor's id exactly when the prefix part is.
  return head < cursor.id ? 'all' : 'none';
}

export interface TimelineConnectionData<T extends TimelineCursor> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * One page from the sources' contributions (each up to `first + 1` entries after the cursor): the first
 * `first` in timeline order; a further entry anywhere means there is a next page.
 */
export function toTimelineConnection<T extends TimelineCursor>(
  request: Pick<TimelineRequest, 'first' | 'after'>,
  contributions: readonly (readonly T[])[],
): TimelineConnectionData<T> {
  const after = request.after;
  const merged = mergeTimeline(
    contributions.map((list) => list.filter((e) => isAfterCursor(e, after))),
    request.first + 1,
  );
  const page = merged.slice(0, request.first);
  const edges = page.map((node) => ({ cursor: encodeTimelineCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: merged.length > request.first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
