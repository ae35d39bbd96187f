import { compilePipeline } from '../../../shared/embedded-mongo/mingo-runtime';
import {
  advocacyByCustomer,
  advocacyPipelines,
  combineAdvocacyRows,
  type CountRow,
  type LatestNpsRow,
  type ReviewStatsRow,
} from '../../../subgraphs/marketing/src/advocacy/advocacy.logic';
import {
  engagementByCustomer,
  engagementPipeline,
  rowsOfPerson,
  subjectIds,
  type EngagementRow,
} from '../../../subgraphs/marketing/src/engagement/engagement.logic';
import {
  TouchpointChannel as C,
  TouchpointType as T,
} from '../../../subgraphs/marketing/src/touchpoint/touchpoint.enums';

const NOW = new Date('2025-06-15T12:00:00Z');
const daysAgo = (d: number, hourUtc = 12) => {
  const t = new Date(NOW.getTime() - d * 86_400_000);
  t.setUTCHours(hourUtc, 0, 0, 0);
  return t;
};
/** Runs a pipeline in memory with mingo (the embedded server's engine). */
const run = <R>(pipeline: unknown[], docs: object[]) =>
  compilePipeline(pipeline as never).run(docs as never) as R[];

describe('engagement of a merged person (rows of every profile id pooled)', () => {
  const created = new Date('2024-01-01T00:00:00Z');
  const tp = (customerId: string, type: T, channel: C, at: Date) => ({
    customerId,
    type,
    channel,
    occurredAt: at,
  });
  const docs = [
    // Survivor A: email in the morning is its favourite on its own (3 against 2).
    tp('A', T.EMAIL_OPEN, C.EMAIL, daysAgo(10, 7)),
    tp('A', T.EMAIL_OPEN, C.EMAIL, daysAgo(20, 7)),
    tp('A', T.EMAIL_OPEN, C.EMAIL, daysAgo(40, 7)),
    tp('A', T.APP_OPEN, C.APP, daysAgo(2, 18)),
    tp('A', T.APP_OPEN, C.APP, daysAgo(3, 18)),
    // B (merged into A): more app opens in the evening, a recent help article, and a very old store visit.
    tp('B', T.APP_OPEN, C.APP, daysAgo(5, 18)),
    tp('B', T.APP_OPEN, C.APP, daysAgo(6, 18)),
    tp('B', T.HELP_ARTICLE_VIEW, C.WEB, daysAgo(60, 9)),
    tp('B', T.STORE_VISIT, C.STORE, daysAgo(500, 9)),
    tp('B', T.STORE_VISIT, C.STORE, daysAgo(501, 9)),
    tp('B', T.STORE_VISIT, C.STORE, daysAgo(502, 9)),
    tp('B', T.STORE_VISIT, C.STORE, daysAgo(503, 9)),
    tp('B', T.STORE_VISIT, C.STORE, daysAgo(504, 9)),
    // Someone else in the batch.
    tp('X', T.PAGE_VIEW, C.WEB, daysAgo(1, 12)),
  ];

  it('queries every id once, in one aggregation, and reads hours in the survivor’s time zone', () => {
    const subjects = [
      { id: 'A', ids: ['A', 'B'], timeZone: 'Europe/Budapest', createdAt: created },
      { id: 'X', timeZone: null, createdAt: created },
    ];
    expect(subjectIds(subjects)).toEqual(['A', 'B', 'X']);
    const rows = run<EngagementRow>(engagementPipeline(subjects, NOW), docs);
    // B's 18:00 UTC app opens are grouped at 20:00 Budapest, like A's.
    expect(rows.filter((r) => r._id.c === 'B' && r._id.ch === C.APP).map((r) => r._id.h)).toEqual([20]);

    const result = engagementByCustomer(subjects, rows);
    expect(result.get('A')).toEqual({
      firstSeenAt: created,
      lastTouchpointAt: daysAgo(2, 18),
      touchpointsLast30Days: 6,
      touchpointsLast90Days: 8,
      educationTouchpointsLast90Days: 1,
      // The union's most frequent (APP 4 > EMAIL 3) and its hour; the 5 store visits, the most of any
      // channel, are older than the 365-day preference window.
      preferredChannel: C.APP,
      preferredHour: 20,
    });
    expect(result.get('X')).toMatchObject({ touchpointsLast30Days: 1, preferredChannel: C.WEB });
  });

  it('is not a combination of per-profile results: each profile alone prefers something else', () => {
    const separately = [
      { id: 'A', timeZone: 'Europe/Budapest', createdAt: created },
      { id: 'B', timeZone: 'Europe/Budapest', createdAt: new Date('2020-01-01T00:00:00Z') },
    ];
    const alone = engagementByCustomer(separately, run(engagementPipeline(separately, NOW), docs));
    expect(alone.get('A')).toMatchObject({ preferredChannel: C.EMAIL, preferredHour: 9 });
    expect(alone.get('B')).toMatchObject({ preferredChannel: C.APP, touchpointsLast90Days: 3 });

    // firstSeenAt spans the touchpoints of every id (the survivor's createdAt is the earliest after a merge).
    const merged = [{ id: 'A', ids: ['A', 'B'], timeZone: 'Europe/Budapest', createdAt: NOW }];
    const together = engagementByCustomer(merged, run(engagementPipeline(merged, NOW), docs));
    expect(together.get('A')?.firstSeenAt).toEqual(daysAgo(504, 9));
  });

  it('an id shared by two subjects is counted for both, and rowsOfPerson ignores repeated ids', () => {
    const subjects = [
      { id: 'A', ids: ['A', 'B'], timeZone: null, createdAt: created },
      { id: 'B', ids: ['B', 'A'], timeZone: null, createdAt: created },
    ];
    const result = engagementByCustomer(subjects, run(engagementPipeline(subjects, NOW), docs));
    expect(result.get('A')).toEqual(result.get('B'));
    expect(result.get('A')?.touchpointsLast90Days).toBe(8);

    const row = (c: string) => ({ _id: { c, ch: C.WEB, h: 1 } }) as EngagementRow;
    const byId = new Map([
      ['A', [row('A')]],
      ['B', [row('B'), row('B')]],
    ]);
    expect(rowsOfPerson(byId, ['A', 'B', 'A', 'Z']).map((r) => r._id.c)).toEqual(['A', 'B', 'B']);
  });
});

describe('advocacy of a merged person', () => {
  const d = (iso: string) => new Date(iso);

  it('combineAdvocacyRows: newest answer wins (answer id breaks a tie), counts add, ratings weighted', () => {
    expect(
      combineAdvocacyRows.latestNps([
        { _id: 'A', latest: [{ score: 3, at: d('2025-05-01'), id: 'sv_9' }] },
        { _id: 'B', latest: [{ score: 9, at: d('2025-06-01'), id: 'sv_1' }] },
        { _id: 'C', latest: [{ score: 0, at: d('2025-06-01'), id: 'sv_2' }] },
      ]),
    ).toEqual({ _id: 'A', latest: [{ score: 0, at: d('2025-06-01'), id: 'sv_2' }] });
    expect(combineAdvocacyRows.latestNps([{ _id: 'A', latest: [] }])).toEqual({ _id: 'A', latest: [] });

    expect(
      combineAdvocacyRows.counts([
        { _id: 'A', n: 2 },
        { _id: 'B', n: 5 },
      ]),
    ).toEqual({ _id: 'A', n: 7 });

    const reviews = combineAdvocacyRows.reviewStats([
      { _id: 'A', n: 3, avg: 5 },
      { _id: 'B', n: 1, avg: 1 },
    ]);
    // (3·5 + 1·1) / 4 = 4, not (5 + 1) / 2.
    expect(reviews).toEqual({ _id: 'A', n: 4, avg: 4 });
    expect(combineAdvocacyRows.reviewStats([{ _id: 'A', n: 0, avg: null }])).toEqual({
      _id: 'A',
      n: 0,
      avg: null,
    });
  });

  it('advocacyByCustomer folds the rows of every id of each customer from the real pipelines', () => {
    const all = ['A', 'B', 'X'];
    const idsOf = (id: string) => (id === 'A' ? ['A', 'B'] : [id]);
    const nps = run<LatestNpsRow>(advocacyPipelines.latestNps(all), [
      { _id: 's1', customerId: 'A', score: 6, answeredAt: d('2025-05-01Z') },
      { _id: 's2', customerId: 'B', score: 9, answeredAt: d('2025-06-01Z') },
      { _id: 's3', customerId: 'B', score: 2, answeredAt: d('2025-01-01Z') },
      { _id: 's4', customerId: 'X', score: 7, answeredAt: d('2025-02-01Z') },
    ]);
    const referrals = run<CountRow>(advocacyPipelines.referrals(all), [
      { referrerId: 'A' },
      { referrerId: 'B' },
      { referrerId: 'B' },
    ]);
    const reviews = run<ReviewStatsRow>(advocacyPipelines.reviews(all), [
      { customerId: 'A', rating: 5 },
      { customerId: 'A', rating: 4 },
      { customerId: 'B', rating: 1 },
      { customerId: 'X', rating: 3 },
    ]);
    const result = advocacyByCustomer(['A', 'X'], nps, referrals, reviews, idsOf);
    expect(result.get('A')).toEqual({
      lastNpsScore: 9,
      lastNpsAt: d('2025-06-01Z'),
      referralsCount: 3,
      reviewsCount: 3,
      averageReviewRating: 3.33,
    });
    expect(result.get('X')).toEqual({
      lastNpsScore: 7,
      lastNpsAt: d('2025-02-01Z'),
      referralsCount: 0,
      reviewsCount: 1,
      averageReviewRating: 3,
    });
    // Without idsOf (after an unmerge) A counts only its own rows.
    expect(advocacyByCustomer(['A'], nps, referrals, reviews).get('A')).toEqual({
      lastNpsScore: 6,
      lastNpsAt: d('2025-05-01Z'),
      referralsCount: 1,
      reviewsCount: 2,
      averageReviewRating: 4.5,
    });
  });
});
