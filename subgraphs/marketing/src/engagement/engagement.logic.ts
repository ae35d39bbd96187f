import { CampaignObjective } from '../campaign/campaign.enums';
import type { TouchpointChannel } from '../touchpoint/touchpoint.enums';
import { EDUCATION_TYPES, ENGAGED_TYPES } from '../touchpoint/touchpoint.rules';
import type { Engagement } from './engagement.type';

const DAY_MS = 86_400_000;

export const ENGAGEMENT_WINDOWS = {
  /** Preferences follow recent behaviour: a channel used three years ago says little about today. */
  preferenceDays: 365,
};

export interface EngagementSubject {
  id: string;
  /**
   * Every profile id of the person (the survivor's own first, then those merged into it); `[id]` when
   * absent. Their touchpoints are pooled, and their local hours read in this subject's time zone: the
   * person's current zone, not that of an old duplicate profile.
   */
  ids?: readonly string[];
  timeZone?: string | null;
  createdAt: Date;
}

const idsOfSubject = (s: EngagementSubject): readonly string[] => s.ids ?? [s.id];

/** Every profile id to query for these subjects, each once. */
export function subjectIds(subjects: readonly EngagementSubject[]): string[] {
  return [...new Set(subjects.flatMap(idsOfSubject))];
}

/** One row of the aggregation: touchpoints of one customer on one channel in one local hour. */
export interface EngagementRow {
  _id: { c: string; ch: TouchpointChannel; h: number };
  n: number;
  nPref: number;
  n30: number;
  n90: number;
  edu90: number;
  first: Date;
  last: Date;
}

/**
 * MongoDB expression for the local hour of `$occurredAt` in each customer's own time zone (UTC without
 * one): `$hour` with a `timezone` chosen per customer, so the server applies the tz database (DST and
 * half-hour zones included) for any instant. The embedded server does the same (operator-overrides.ts).
 */
export function localHourExpression(subjects: readonly EngagementSubject[]): unknown {
  const byZone = new Map<string, string[]>();
  // An id shared by two subjects (the same person asked for twice) keeps the first subject's zone.
  const placed = new Set<string>();
  for (const s of subjects) {
    for (const id of idsOfSubject(s)) {
      if (placed.has(id)) continue;
      placed.add(id);
      if (!s.timeZone) continue;
      const ids = byZone.get(s.timeZone) ?? [];
      ids.push(id);
      byZone.set(s.timeZone, ids);
    }
  }
  if (byZone.size === 0) return { $hour: '$occurredAt' };
  const branches = [...byZone].map(([zone, ids]) => ({ case: { $in: ['$customerId', ids] }, then: zone }));
  return { $hour: { date: '$occurredAt', timezone: { $switch: { branches, default: 'UTC' } } } };
}

/** One aggregation for the engagement of all `subjects`: grouped by customer, channel and local hour. */
export function engagementPipeline(
  subjects: readonly EngagementSubject[],
  now: Date,
): Record<string, unknown>[] {
  const since = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const countSince = (days: number) => ({ $sum: { $cond: [{ $gte: ['$occurredAt', since(days)] }, 1, 0] } });
  return [
    { $match: { customerId: { $in: subjectIds(subjects) }, type: { $in: [...ENGAGED_TYPES] } } },
    {
      $group: {
        _id: { c: '$customerId', ch: '$channel', h: localHourExpression(subjects) },
        n: { $sum: 1 },
        nPref: countSince(ENGAGEMENT_WINDOWS.preferenceDays),
        n30: countSince(30),
        n90: countSince(90),
        edu90: {
          $sum: {
            $cond: [
              {
                $and: [
                  { $gte: ['$occurredAt', since(90)] },
                  {
                    $or: [
                      { $in: ['$type', [...EDUCATION_TYPES]] },
                      { $eq: ['$campaignObjective', CampaignObjective.EDUCATION] },
                    ],
                  },
                ],
              },
              1,
              0,
            ],
          },
        },
        first: { $min: '$occurredAt' },
        last: { $max: '$occurredAt' },
      },
    },
  ];
}

interface Tally {
  count: number;
  last: number;
}

/** Most frequent key; ties go to the one seen most recently, then to the smaller key (deterministic). */
export function mostFrequent<K extends string | number>(tallies: Map<K, Tally>): K | null {
  let best: [K, Tally] | null = null;
  for (const entry of tallies) {
    if (entry[1].count <= 0) continue;
    if (
      !best ||
      entry[1].count > best[1].count ||
      (entry[1].count === best[1].count &&
        (entry[1].last > best[1].last || (entry[1].last === best[1].last && entry[0] < best[0])))
    ) {
      best = entry;
    }
  }
  return best ? best[0] : null;
}

/** The aggregation rows of ONE customer → the contract's Engagement. */
export function summarizeEngagement(rows: readonly EngagementRow[], profileCreatedAt: Date): Engagement {
  let first: number | null = null;
  let last: number | null = null;
  let n30 = 0;
  let n90 = 0;
  let edu90 = 0;
  let inWindow = 0;
  for (const r of rows) {
    first = first === null ? r.first.getTime() : Math.min(first, r.first.getTime());
    last = last === null ? r.last.getTime() : Math.max(last, r.last.getTime());
    n30 += r.n30;
    n90 += r.n90;
    edu90 += r.edu90;
    inWindow += r.nPref;
  }
  // Within the preference window when there is anything in it, else over all history.
  const countOf = (r: EngagementRow) => (inWindow > 0 ? r.nPref : r.n);
  const channels = new Map<TouchpointChannel, Tally>();
  const hours = new Map<number, Tally>();
  const add = <K>(map: Map<K, Tally>, key: K, r: EngagementRow) => {
    const t = map.get(key) ?? { count: 0, last: 0 };
    t.count += countOf(r);
    t.last = Math.max(t.last, r.last.getTime());
    map.set(key, t);
  };
  for (const r of rows) {
    add(channels, r._id.ch, r);
    add(hours, r._id.h, r);
  }
  const created = profileCreatedAt.getTime();
  return {
    firstSeenAt: new Date(first === null ? created : Math.min(first, created)),
    lastTouchpointAt: last === null ? null : new Date(last),
    touchpointsLast30Days: n30,
    touchpointsLast90Days: n90,
    educationTouchpointsLast90Days: edu90,
    preferredChannel: mostFrequent(channels),
    preferredHour: mostFrequent(hours),
  };
}

/**
 * The aggregation rows of all of one person's profile ids, pooled. Summarizing the pool (rather than
 * combining per-profile Engagements) is what makes a merge exact: counts add up, first/last span, and the
 * preferred channel and hour are the most frequent over the union of touchpoints, with the 365-day window
 * decided once for the person.
 */
export function rowsOfPerson(
  rowsById: ReadonlyMap<string, readonly EngagementRow[]>,
  ids: readonly string[],
): EngagementRow[] {
  return [...new Set(ids)].flatMap((id) => rowsById.get(id) ?? []);
}

/** Rows of many customers → one Engagement each (customers without touchpoints included). */
export function engagementByCustomer(
  subjects: readonly EngagementSubject[],
  rows: readonly EngagementRow[],
): Map<string, Engagement> {
  const grouped = new Map<string, EngagementRow[]>();
  for (const r of rows) {
    const list = grouped.get(r._id.c) ?? [];
    list.push(r);
    grouped.set(r._id.c, list);
  }
  return new Map(
    subjects.map((s) => [s.id, summarizeEngagement(rowsOfPerson(grouped, idsOfSubject(s)), s.createdAt)]),
  );
}
