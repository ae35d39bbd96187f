import type { Advocacy } from './advocacy.type';

export interface LatestNpsRow {
  _id: string;
  /** `$topN` with n = 1 (not `$top`): both return it as an array on mingo, only `$topN` does on mongod. */
  latest: { score: number; at: Date; id?: string }[];
}
export interface CountRow {
  _id: string;
  n: number;
}
export interface ReviewStatsRow extends CountRow {
  avg: number | null;
}

/** `$match` + `$group` pipelines, one per collection, each for all customers of the batch. */
export const advocacyPipelines = {
  latestNps: (ids: readonly string[]) => [
    { $match: { customerId: { $in: ids } } },
    {
      $group: {
        _id: '$customerId',
        latest: {
          $topN: {
            n: 1,
            sortBy: { answeredAt: -1, _id: -1 },
            // The answer's id breaks a tie between profiles of a merged person the same way.
            output: { score: '$score', at: '$answeredAt', id: '$_id' },
          },
        },
      },
    },
  ],
  referrals: (ids: readonly string[]) => [
    { $match: { referrerId: { $in: ids } } },
    { $group: { _id: '$referrerId', n: { $sum: 1 } } },
  ],
  reviews: (ids: readonly string[]) => [
    { $match: { customerId: { $in: ids } } },
    { $group: { _id: '$customerId', n: { $sum: 1 }, avg: { $avg: '$rating' } } },
  ],
};

/**
 * Rows of several profile ids of one person → one row. Each part already holds that profile's figures, so
 * combining is exact: the newest answer of any profile wins, counts add up, and the average rating is
 * weighted by each profile's review count (never an average of averages).
 */
export const combineAdvocacyRows = {
  latestNps(parts: readonly LatestNpsRow[]): LatestNpsRow {
    let best: LatestNpsRow['latest'][number] | undefined;
    for (const candidate of parts.flatMap((p) => p.latest)) {
      const t = new Date(candidate.at).getTime();
      const bt = best ? new Date(best.at).getTime() : -Infinity;
      // Same order as the pipeline's sortBy: answeredAt, then answer id, both descending.
      if (!best || t > bt || (t === bt && (candidate.id ?? '') > (best.id ?? ''))) best = candidate;
    }
    return { _id: parts[0]._id, latest: best ? [best] : [] };
  },
  counts(parts: readonly CountRow[]): CountRow {
    return { _id: parts[0]._id, n: parts.reduce((s, p) => s + p.n, 0) };
  },
  reviewStats(parts: readonly ReviewStatsRow[]): ReviewStatsRow {
    let n = 0;
    let weighted = 0;
    for (const p of parts) {
      if (p.avg == null || p.n <= 0) continue;
      n += p.n;
      weighted += p.avg * p.n;
    }
    return { _id: parts[0]._id, n: parts.reduce((s, p) => s + p.n, 0), avg: n > 0 ? weighted / n : null };
  },
};

/** Each customer's row: the rows of all its profile ids, combined when there is more than one. */
function rowOfPerson<R extends { _id: string }>(
  byId: ReadonlyMap<string, R>,
  ids: readonly string[],
  combine: (parts: R[]) => R,
): R | undefined {
  const parts = [...new Set(ids)].map((id) => byId.get(id)).filter((r): r is R => r !== undefined);
  return parts.length <= 1 ? parts[0] : combine(parts);
}

/**
 * The three aggregation results → one Advocacy per customer (zeros and nulls for customers with none).
 * `idsOf` lists every profile id of a customer (itself and those merged into it); rows are per profile id.
 */
export function advocacyByCustomer(
  ids: readonly string[],
  nps: readonly LatestNpsRow[],
  referrals: readonly CountRow[],
  reviews: readonly ReviewStatsRow[],
  idsOf: (customerId: string) => readonly string[] = (id) => [id],
): Map<string, Advocacy> {
  const npsOf = new Map(nps.map((r) => [r._id, r]));
  const referralsOf = new Map(referrals.map((r) => [r._id, r]));
  const reviewsOf = new Map(reviews.map((r) => [r._id, r]));
  return new Map(
    ids.map((id) => {
      const all = idsOf(id);
      const latest = rowOfPerson(npsOf, all, combineAdvocacyRows.latestNps)?.latest[0];
      const review = rowOfPerson(reviewsOf, all, combineAdvocacyRows.reviewStats);
      return [
        id,
        {
          lastNpsScore: latest ? latest.score : null,
          lastNpsAt: latest ? new Date(latest.at) : null,
          referralsCount: rowOfPerson(referralsOf, all, combineAdvocacyRows.counts)?.n ?? 0,
          reviewsCount: review?.n ?? 0,
          averageReviewRating:
            review && review.n > 0 && review.avg != null ? Math.round(review.avg * 100) / 100 : null,
        },
      ];
    }),
  );
}
