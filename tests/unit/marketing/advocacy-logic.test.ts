import { Aggregator } from 'mingo';
import {
  advocacyByCustomer,
  advocacyPipelines,
  type CountRow,
  type LatestNpsRow,
  type ReviewStatsRow,
} from '../../../subgraphs/marketing/src/advocacy/advocacy.logic';

const run = <T>(pipeline: unknown[], docs: object[]) => new Aggregator(pipeline as never).run(docs) as T[];

describe('advocacy aggregation', () => {
  it('takes the latest NPS answer, counts referrals and averages reviews per customer', () => {
    const ids = ['a', 'b', 'c'];
    const nps = run<LatestNpsRow>(advocacyPipelines.latestNps(ids), [
      { _id: 's1', customerId: 'a', score: 3, answeredAt: new Date('2025-01-01Z') },
      { _id: 's2', customerId: 'a', score: 10, answeredAt: new Date('2025-03-01Z') },
      { _id: 's3', customerId: 'a', score: 6, answeredAt: new Date('2025-02-01Z') },
      { _id: 's4', customerId: 'b', score: 0, answeredAt: new Date('2025-02-01Z') },
      { _id: 's5', customerId: 'z', score: 9, answeredAt: new Date('2025-02-01Z') },
    ]);
    const referrals = run<CountRow>(advocacyPipelines.referrals(ids), [
      { referrerId: 'a' },
      { referrerId: 'a' },
      { referrerId: 'c' },
      { referrerId: 'z' },
    ]);
    const reviews = run<ReviewStatsRow>(advocacyPipelines.reviews(ids), [
      { customerId: 'a', rating: 5 },
      { customerId: 'a', rating: 4 },
      { customerId: 'a', rating: 4 },
      { customerId: 'b', rating: 1 },
    ]);
    const result = advocacyByCustomer(ids, nps, referrals, reviews);

    expect(result.get('a')).toEqual({
      lastNpsScore: 10,
      lastNpsAt: new Date('2025-03-01Z'),
      referralsCount: 2,
      reviewsCount: 3,
      averageReviewRating: 4.33,
    });
    // A score of 0 is an answer, not a missing one.
    expect(result.get('b')).toMatchObject({
      lastNpsScore: 0,
      referralsCount: 0,
      reviewsCount: 1,
      averageReviewRating: 1,
    });
    expect(result.get('c')).toEqual({
      lastNpsScore: null,
      lastNpsAt: null,
      referralsCount: 1,
      reviewsCount: 0,
      averageReviewRating: null,
    });
    expect(result.has('z')).toBe(false);
  });
});
