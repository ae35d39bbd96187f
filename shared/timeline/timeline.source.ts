import type { Model } from 'mongoose';
import type { TimelineKind, TimelineSource } from '../contract/timeline';
import { trustedFilter } from '../mongo/trusted-filter';
import {
  mergeTimeline,
  timeConditions,
  wantsKind,
  type TimelineEntryData,
  type TimelineFilterData,
  type TimelineRequest,
} from './timeline.logic';

/** How one collection of a source feeds the timeline. */
export interface TimelineCollection<D extends { _id: string }> {
  model: Model<D>;
  /** Entry ids are `<prefix>:<_id>`. */
  prefix: string;
  /** The field holding the customer id (`referrerId` for referrals). */
  customerField: string;
  /** The event time; the collection has an index on (customerField, timeField desc[, _id desc]). */
  timeField: string;
  kinds: TimelineKind[];
  /** Extra conditions for the filter's kinds/channels; `null` when nothing here can match. */
  match: (filter: TimelineFilterData) => Record<string, unknown> | null;
  toEntry: (doc: D) => TimelineEntryData;
}

/** A collection ready to contribute (its document type closed over). */
export interface TimelineReader {
  read(request: TimelineRequest, source: TimelineSource): Promise<TimelineEntryData[]>;
}

/** At most `first + 1` entries of one collection after the cursor: one `find` over its customer/time index. */
export function timelineCollection<D extends { _id: string }>(c: TimelineCollection<D>): TimelineReader {
  return {
    async read(request, source) {
      if (request.first === 0 || !c.kinds.some((k) => wantsKind(request.filter, k))) return [];
      const extra = c.match(request.filter);
      if (!extra) return [];
      const conditions = timeConditions(c.timeField, request, source, c.prefix);
      const filter = trustedFilter({
        [c.customerField]: { $in: request.customerIds },
        ...extra,
        ...(conditions.length ? { $and: conditions } : {}),
      });
      const docs = await c.model
        .find(filter as never)
        .sort({ [c.timeField]: -1, _id: -1 })
        .limit(request.first + 1)
        .lean<D[]>();
      return docs.map((d) => c.toEntry(d));
    },
  };
}

/**
 * A source's contribution to one timeline page: each collection's first + 1 entries after the cursor,
 * merged and cut to `first + 1`. So a page costs one command per collection however long the history is.
 */
export async function contributeToTimeline(
  request: TimelineRequest,
  source: TimelineSource,
  readers: readonly TimelineReader[],
): Promise<TimelineEntryData[]> {
  const lists = await Promise.all(readers.map((r) => r.read(request, source)));
  return mergeTimeline(lists, request.first + 1);
}
