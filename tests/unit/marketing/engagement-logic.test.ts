import fc from 'fast-check';
import { compilePipeline } from '../../../shared/embedded-mongo/mingo-runtime';
import { localHour } from '../../../shared/time/time-zone';
import {
  engagementByCustomer,
  engagementPipeline,
  localHourExpression,
  mostFrequent,
  summarizeEngagement,
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

/**
 * Runs a pipeline in memory with the embedded server's engine (mingo with its MongoDB overrides, time
 * zones included), no database needed. tests/integration/marketing/engagement-batching.test.ts runs the
 * same pipeline through the driver (against a real mongod when MONGODB_URI is set).
 */
const run = <T>(pipeline: unknown[], docs: object[]) =>
  compilePipeline(pipeline as never).run(docs as never) as T[];

describe('localHourExpression', () => {
  const zones = [
    'Europe/Budapest',
    'America/New_York',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'America/Argentina/Buenos_Aires',
    'Pacific/Chatham',
    'Asia/Tehran',
  ];

  it('computes the same local hour as Intl for any instant and zone (DST included, any year)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: NOW.getTime() - 30 * 365 * 86_400_000, max: NOW.getTime() }),
        (zone, t) => {
          const at = new Date(t);
          const expr = localHourExpression([{ id: 'c1', timeZone: zone, createdAt: NOW }]);
          const [row] = run<{ h: number }>(
            [{ $project: { h: expr } }],
            [{ customerId: 'c1', occurredAt: at }],
          );
          expect(row.h).toBe(localHour(zone, at));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses each customer’s own zone, and UTC for customers without one', () => {
    const at = new Date('2025-01-10T23:30:00Z');
    const expr = localHourExpression([
      { id: 'bud', timeZone: 'Europe/Budapest', createdAt: NOW },
      { id: 'ny', timeZone: 'America/New_York', createdAt: NOW },
      { id: 'none', timeZone: null, createdAt: NOW },
    ]);
    const rows = run<{ customerId: string; h: number }>(
      [{ $project: { customerId: 1, h: expr } }],
      ['bud', 'ny', 'none'].map((customerId) => ({ customerId, occurredAt: at })),
    );
    expect(Object.fromEntries(rows.map((r) => [r.customerId, r.h]))).toEqual({ bud: 0, ny: 18, none: 23 });
  });
});

describe('engagementPipeline + engagementByCustomer', () => {
  it('aggregates counts, education, preferences and first/last from raw touchpoints', () => {
    const created = new Date('2024-01-01T00:00:00Z');
    const tp = (customerId: string, type: T, channel: C, at: Date, extra: object = {}) => ({
      customerId,
      type,
      channel,
      occurredAt: at,
      ...extra,
    });
    const docs = [
      // Budapest customer: web in the evening (20:00 local = 18:00 UTC in summer) dominates.
      tp('a', T.PAGE_VIEW, C.WEB, daysAgo(1, 18)),
      tp('a', T.PRODUCT_VIEW, C.WEB, daysAgo(2, 18)),
      tp('a', T.HELP_ARTICLE_VIEW, C.WEB, daysAgo(40, 18)),
      tp('a', T.EMAIL_OPEN, C.EMAIL, daysAgo(60, 7), { campaignObjective: 'EDUCATION' }),
      tp('a', T.EMAIL_OPEN, C.EMAIL, daysAgo(100, 7)),
      // Sends are ours, not the customer's: never counted.
      tp('a', T.EMAIL_SENT, C.EMAIL, daysAgo(0, 7)),
      tp('a', T.EMAIL_SENT, C.EMAIL, daysAgo(3, 7)),
      tp('a', T.AD_IMPRESSION, C.AD, daysAgo(3, 7)),
      // Another customer in the same batch must not leak into a's figures.
      tp('b', T.STORE_VISIT, C.STORE, daysAgo(5, 9)),
    ];
    const subjects = [
      { id: 'a', timeZone: 'Europe/Budapest', createdAt: created },
      { id: 'b', timeZone: null, createdAt: created },
      { id: 'c', timeZone: 'Asia/Kolkata', createdAt: created },
    ];
    const rows = run<EngagementRow>(engagementPipeline(subjects, NOW), docs);
    const result = engagementByCustomer(subjects, rows);

    expect(result.get('a')).toEqual({
      firstSeenAt: created,
      lastTouchpointAt: daysAgo(1, 18),
      touchpointsLast30Days: 2,
      touchpointsLast90Days: 4,
      educationTouchpointsLast90Days: 2,
      preferredChannel: C.WEB,
      preferredHour: 20,
    });
    expect(result.get('b')).toMatchObject({
      touchpointsLast30Days: 1,
      preferredChannel: C.STORE,
      preferredHour: 9,
    });
    expect(result.get('c')).toEqual({
      firstSeenAt: created,
      lastTouchpointAt: null,
      touchpointsLast30Days: 0,
      touchpointsLast90Days: 0,
      educationTouchpointsLast90Days: 0,
      preferredChannel: null,
      preferredHour: null,
    });
  });
});

describe('summarizeEngagement', () => {
  const row = (
    ch: C,
    h: number,
    counts: Partial<EngagementRow>,
    last: string,
    first = last,
  ): EngagementRow => ({
    _id: { c: 'x', ch, h },
    n: 0,
    nPref: 0,
    n30: 0,
    n90: 0,
    edu90: 0,
    first: new Date(first),
    last: new Date(last),
    ...counts,
  });

  it('takes firstSeenAt from an imported touchpoint older than the profile', () => {
    const e = summarizeEngagement(
      [row(C.WEB, 10, { n: 1, nPref: 0 }, '2019-05-01T10:00:00Z')],
      new Date('2024-01-01T00:00:00Z'),
    );
    expect(e.firstSeenAt).toEqual(new Date('2019-05-01T10:00:00Z'));
  });

  it('prefers the recent window and falls back to all history only when the window is empty', () => {
    const recentAndOld = [
      row(C.EMAIL, 8, { n: 50, nPref: 1 }, '2025-06-01T08:00:00Z', '2019-01-01T08:00:00Z'),
      row(C.APP, 21, { n: 3, nPref: 3 }, '2025-05-01T21:00:00Z'),
    ];
    expect(summarizeEngagement(recentAndOld, new Date('2019-01-01Z'))).toMatchObject({
      preferredChannel: C.APP,
      preferredHour: 21,
    });
    const onlyOld = [
      row(C.EMAIL, 8, { n: 50 }, '2020-01-01T08:00:00Z'),
      row(C.APP, 21, { n: 3 }, '2020-02-01T21:00:00Z'),
    ];
    expect(summarizeEngagement(onlyOld, new Date('2019-01-01Z'))).toMatchObject({
      preferredChannel: C.EMAIL,
      preferredHour: 8,
    });
  });
});

describe('mostFrequent', () => {
  it('breaks ties by recency, then by key', () => {
    expect(
      mostFrequent(
        new Map([
          ['EMAIL', { count: 2, last: 100 }],
          ['WEB', { count: 2, last: 200 }],
        ]),
      ),
    ).toBe('WEB');
    expect(
      mostFrequent(
        new Map([
          [14, { count: 2, last: 100 }],
          [9, { count: 2, last: 100 }],
        ]),
      ),
    ).toBe(9);
    expect(mostFrequent(new Map())).toBeNull();
  });
});
