import type { Advocacy } from './advocacy.type';

export interface LatestNpsRow {
  _id: string;
  /** `$topN` with n = 1 (not `$top`): both return it as an array on mingo, only `$topN` does on mongod. */
  latest: { score: number; at: Date }[];
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
            output: { score: '$score', at: '$answeredAt' },
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

/** The three aggregation results → one Advocacy per customer (zeros and nulls for customers with none). */
export function advocacyByCustomer(
  ids: readonly string[],
  nps: readonly LatestNpsRow[],
  referrals: readonly CountRow[],
  reviews: readonly ReviewStatsRow[],
): Map<string, Advocacy> {
  const npsOf = new Map(nps.map((r) => [r._id, r.latest[0]]));
  const referralsOf = new Map(referrals.map((r) => [r._id, r.n]));
  const reviewsOf = new Map(reviews.map((r) => [r._id, r]));
  return new Map(
    ids.map((id) => {
      const latest = npsOf.get(id);
      const review = reviewsOf.get(id);
      return [
        id,
        {
          lastNpsScore: latest ? latest.score : null,
          lastNpsAt: latest ? new Date(latest.at) : null,
          referralsCount: referralsOf.get(id) ?? 0,
          reviewsCount: review?.n ?? 0,
          averageReviewRating:
            review && review.n > 0 && review.avg != null ? Math.round(review.avg * 100) / 100 : null,
        },
      ];
    }),
  );
}
