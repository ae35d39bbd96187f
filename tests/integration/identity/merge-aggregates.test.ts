/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
/**
 * Customer.engagement and Customer.advocacy follow a merge: the survivor's figures are computed over the
 * records of every profile merged into it (in the same batched aggregations), and unmerge gives each
 * profile back only its own.
 */
import { createCustomer, startMarketing, type Marketing } from '../marketing/marketing-harness';

jest.setTimeout(180_000);

const NOW = new Date('2025-06-15T12:00:00Z');
const ago = (days: number, hourUtc = 12) => {
  const d = new Date(NOW.getTime() - days * 86_400_000);
  d.setUTCHours(hourUtc, 15, 0, 0);
  return d.toISOString();
};

const MERGE = `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { id status } }`;
const UNMERGE = `mutation($id: ID!) { unmergeCustomer(mergeId: $id) { status } }`;
const AGGREGATES = `
  engagement {
    firstSeenAt lastTouchpointAt touchpointsLast30Days touchpointsLast90Days educationTouchpointsLast90Days
    preferredChannel preferredHour
  }
  advocacy { lastNpsScore lastNpsAt referralsCount reviewsCount averageReviewRating }
`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id resolvedFrom ${AGGREGATES} } }`;

let m: Marketing;
beforeAll(async () => {
  m = await startMarketing('identity_merge_aggregates', { now: NOW });
});
afterAll(() => m.stop());

async function recordTouchpoints(t: object[]) {
  await m.ok(
    `mutation($t: [RecordTouchpointInput!]!) { recordTouchpoints(touchpoints: $t) { recordedCount } }`,
    { t },
  );
}

const aggregatesOf = async (id: string) => (await m.ok(CUSTOMER, { id })).customer;

describe('engagement and advocacy across a merge', () => {
  let a: string;
  let b: string;

  // Expected figures of each profile on its own.
  const ownA = {
    engagement: {
      firstSeenAt: ago(50, 7),
      lastTouchpointAt: ago(3, 18),
      touchpointsLast30Days: 4,
      touchpointsLast90Days: 5,
      educationTouchpointsLast90Days: 0,
      // 3 emails (07:15 UTC = 09:15 in Budapest in summer) against 2 app opens.
      preferredChannel: 'EMAIL',
      preferredHour: 9,
    },
    advocacy: {
      lastNpsScore: 6,
      lastNpsAt: '2025-05-01T10:00:00.000Z',
      referralsCount: 1,
      reviewsCount: 2,
      averageReviewRating: 4.5,
    },
  };
  const ownB = {
    engagement: {
      // The old page view counts for first-seen, not for preferences (outside the 365-day window).
      firstSeenAt: ago(400, 9),
      lastTouchpointAt: ago(5, 18),
      touchpointsLast30Days: 3,
      touchpointsLast90Days: 3,
      educationTouchpointsLast90Days: 1,
      preferredChannel: 'APP',
      preferredHour: 18, // no time zone: UTC
    },
    advocacy: {
      lastNpsScore: 9,
      lastNpsAt: '2025-06-01T10:00:00.000Z',
      referralsCount: 2,
      reviewsCount: 1,
      averageReviewRating: 1,
    },
  };

  beforeAll(async () => {
    a = await createCustomer(m, { givenName: 'Réka', email: 'reka@example.hu', timeZone: 'Europe/Budapest' });
    b = await createCustomer(m, { givenName: 'Reka', email: 'reka.t@work.example' });
    const tp = (customerId: string, channel: string, type: string, occurredAt: string) => ({
      customerId,
      channel,
      type,
      occurredAt,
    });
    await recordTouchpoints([
      tp(a, 'EMAIL', 'EMAIL_OPEN', ago(10, 7)),
      tp(a, 'EMAIL', 'EMAIL_OPEN', ago(20, 7)),
      tp(a, 'EMAIL', 'EMAIL_OPEN', ago(50, 7)),
      tp(a, 'APP', 'APP_OPEN', ago(3, 18)),
      tp(a, 'APP', 'APP_OPEN', ago(4, 18)),
      tp(b, 'APP', 'APP_OPEN', ago(5, 18)),
      tp(b, 'APP', 'APP_OPEN', ago(6, 18)),
      tp(b, 'WEB', 'HELP_ARTICLE_VIEW', ago(25, 9)),
      tp(b, 'WEB', 'PAGE_VIEW', ago(400, 9)),
      // Ours, not the customer's: never counted, merged or not.
      tp(b, 'EMAIL', 'EMAIL_SENT', ago(1, 6)),
    ]);
    const answer = (customerId: string, surveyId: string, score: number, answeredAt: string) =>
      m.ok(`mutation($i: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $i) { id } }`, {
        i: { customerId, surveyId, score, answeredAt },
      });
    await answer(a, 'nps-q1', 3, '2025-01-01T10:00:00Z');
    await answer(a, 'nps-q2', 6, '2025-05-01T10:00:00Z');
    await answer(b, 'nps-q2b', 9, '2025-06-01T10:00:00Z');
    const review = (customerId: string, rating: number) =>
      m.ok(`mutation($i: RecordReviewInput!) { recordReview(input: $i) { id } }`, {
        i: { customerId, rating },
      });
    await review(a, 5);
    await review(a, 4);
    await review(b, 1);
    const refer = (referrerId: string, referredEmail: string) =>
      m.ok(`mutation($i: RecordReferralInput!) { recordReferral(input: $i) { id } }`, {
        i: { referrerId, referredEmail },
      });
    await refer(a, 'friend1@example.hu');
    await refer(b, 'friend2@example.hu');
    await refer(b, 'friend3@example.hu');
  });

  it('before a merge each profile counts only its own records', async () => {
    expect(await aggregatesOf(a)).toEqual({ id: a, resolvedFrom: null, ...ownA });
    expect(await aggregatesOf(b)).toEqual({ id: b, resolvedFrom: null, ...ownB });
  });

  it('the survivor combines every merged profile, and unmerge separates them again', async () => {
    const { mergeCustomers: merge } = await m.ok(MERGE, {
      input: { survivorId: a, mergedIds: [b], reason: 'same person' },
    });
    expect(merge.status).toBe('APPLIED');

    const combined = {
      engagement: {
        firstSeenAt: ownB.engagement.firstSeenAt,
        lastTouchpointAt: ownA.engagement.lastTouchpointAt,
        touchpointsLast30Days: 7,
        touchpointsLast90Days: 8,
        educationTouchpointsLast90Days: 1,
        // Over the union: APP 4 against EMAIL 3 (neither profile's own favourite combination)…
        preferredChannel: 'APP',
        // …and app opens at 18:15 UTC are 20:15 in the survivor's zone (Budapest): 4 against 3 at 09.
        preferredHour: 20,
      },
      advocacy: {
        // The newest answer of any profile: the merged-away one's.
        lastNpsScore: 9,
        lastNpsAt: '2025-06-01T10:00:00.000Z',
        referralsCount: 3,
        reviewsCount: 3,
        // (5 + 4 + 1) / 3, weighted by count: not the mean of 4.5 and 1.
        averageReviewRating: 3.33,
      },
    };
    expect(await aggregatesOf(a)).toEqual({ id: a, resolvedFrom: null, ...combined });
    // Asked by the merged-away id: the survivor, with the same combined figures.
    expect(await aggregatesOf(b)).toEqual({ id: a, resolvedFrom: b, ...combined });
    // An entity reference by the old id (an order filed under it) sees the person too.
    const { _entities } = await m.ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id ${AGGREGATES} } } }`,
      { r: [{ __typename: 'Customer', id: b }] },
    );
    expect(_entities).toEqual([{ id: a, ...combined }]);

    await m.ok(UNMERGE, { id: merge.id });
    expect(await aggregatesOf(a)).toEqual({ id: a, resolvedFrom: null, ...ownA });
    expect(await aggregatesOf(b)).toEqual({ id: b, resolvedFrom: null, ...ownB });
  });
});

describe('batching with merged profiles', () => {
  const LIST = `query($first: Int, $filter: CustomerFilter) {
    customers(first: $first, filter: $filter) { edges { node { id mergedIds ${AGGREGATES} } } }
  }`;

  /** `n` survivors in one household, each with one merged-away profile; both halves have records. */
  async function seed(n: number, household: string) {
    const pairs: [string, string][] = [];
    for (let i = 0; i < n; i++) {
      const survivor = await createCustomer(m, { householdId: household, timeZone: 'Europe/Budapest' });
      const other = await createCustomer(m, {});
      pairs.push([survivor, other]);
    }
    await recordTouchpoints(
      pairs.flatMap(([survivor, other], i) => [
        { customerId: survivor, channel: 'WEB', type: 'PAGE_VIEW', occurredAt: ago((i % 20) + 1, 7) },
        { customerId: other, channel: 'APP', type: 'APP_OPEN', occurredAt: ago((i % 20) + 2, 18) },
        { customerId: other, channel: 'APP', type: 'APP_OPEN', occurredAt: ago((i % 20) + 3, 18) },
      ]),
    );
    for (const [survivor, other] of pairs) {
      await m.ok(
        `mutation($s: RecordSurveyAnswerInput!, $r: RecordReviewInput!, $o: RecordReviewInput!, $f: RecordReferralInput!) {
          recordSurveyAnswer(input: $s) { id } a: recordReview(input: $r) { id } b: recordReview(input: $o) { id }
          recordReferral(input: $f) { id } }`,
        {
          s: { customerId: other, surveyId: 'nps', score: 8, answeredAt: '2025-06-01T00:00:00Z' },
          r: { customerId: survivor, rating: 5 },
          o: { customerId: other, rating: 2 },
          f: { referrerId: other, referredEmail: `friend-of-${other}@example.hu` },
        },
      );
      await m.ok(MERGE, { input: { survivorId: survivor, mergedIds: [other], reason: 'batch' } });
    }
    return pairs;
  }

  async function commandsFor(household: string, n: number) {
    m.log.reset();
    const data = await m.ok(LIST, { first: n, filter: { householdId: household } });
    const counts: Record<string, number> = {};
    for (const c of m.log.commands) counts[c] = (counts[c] ?? 0) + 1;
    return { nodes: data.customers.edges.map((e: any) => e.node), counts };
  }

  it('sends the same MongoDB commands for 10 merged customers as for 100, with combined figures', async () => {
    const small = await seed(10, 'hh-merged-10');
    const large = await seed(100, 'hh-merged-100');
    const ten = await commandsFor('hh-merged-10', 10);
    const hundred = await commandsFor('hh-merged-100', 100);

    for (const [result, pairs] of [
      [ten, small],
      [hundred, large],
    ] as const) {
      expect(result.nodes).toHaveLength(pairs.length);
      const byId = new Map(result.nodes.map((node: any) => [node.id, node]));
      for (const [survivor, other] of pairs) {
        expect(byId.get(survivor)).toMatchObject({
          mergedIds: [other],
          engagement: { touchpointsLast30Days: 3, preferredChannel: 'APP', preferredHour: 20 },
          advocacy: { lastNpsScore: 8, referralsCount: 1, reviewsCount: 2, averageReviewRating: 3.5 },
        });
      }
    }
    expect(hundred.counts).toEqual(ten.counts);
    expect(hundred.counts).toEqual({
      'find:customers': 1,
      'aggregate:customers': 1, // the list's totalCount (countDocuments runs as an aggregation)
      'aggregate:touchpoints': 1, // engagement of every survivor and its merged ids
      'aggregate:survey_answers': 1,
      'aggregate:referrals': 1,
      'aggregate:reviews': 1,
    });
  });
});
