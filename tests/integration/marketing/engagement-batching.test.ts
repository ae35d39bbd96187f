/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
/**
 * The contract fields the insights layer @requires (Customer.engagement, advocacy, consents, timeZone),
 * computed by aggregation over real MongoDB, and the proof that they are batched: the MongoDB commands a
 * list request sends do not grow with the number of customers (driver command monitoring).
 */
import { createCustomer, startMarketing, type Marketing } from './marketing-harness';

jest.setTimeout(120_000);

const NOW = new Date('2025-06-15T12:00:00Z');
const ago = (days: number, hourUtc = 12) => {
  const d = new Date(NOW.getTime() - days * 86_400_000);
  d.setUTCHours(hourUtc, 15, 0, 0);
  return d.toISOString();
};
let m: Marketing;

const CONTRACT_FIELDS = `
  id
  timeZone
  consents { channel purpose granted updatedAt }
  engagement {
    firstSeenAt lastTouchpointAt touchpointsLast30Days touchpointsLast90Days educationTouchpointsLast90Days
    preferredChannel preferredHour
  }
  advocacy { lastNpsScore lastNpsAt referralsCount reviewsCount averageReviewRating }
`;

beforeAll(async () => {
  m = await startMarketing('mkt_engagement', { now: NOW });
});
afterAll(async () => m.stop());

describe('engagement, advocacy and consents of one customer', () => {
  it('aggregates exactly what the contract promises', async () => {
    m.setNow(new Date('2025-01-10T09:00:00Z'));
    const id = await createCustomer(m, {
      givenName: 'Zsófia',
      email: 'zsofia@example.hu',
      timeZone: 'Europe/Budapest',
      consents: [{ channel: 'EMAIL', purpose: 'MARKETING', granted: true, source: 'WEB_FORM' }],
    });
    const friend = await createCustomer(m, { email: 'friend@example.hu' });
    m.setNow(NOW);
    const { createCampaign } = await m.ok(
      `mutation { createCampaign(input: { name: "Onboarding tips", channel: EMAIL, objective: EDUCATION, status: ACTIVE }) { id } }`,
    );
    const t = (channel: string, type: string, occurredAt: string, extra: object = {}) => ({
      customerId: id,
      channel,
      type,
      occurredAt,
      ...extra,
    });
    await m.ok(
      `mutation($t: [RecordTouchpointInput!]!) { recordTouchpoints(touchpoints: $t) { recordedCount } }`,
      {
        t: [
          // App in the evening: 18:15 UTC is 20:15 in Budapest in June (CEST).
          t('APP', 'APP_OPEN', ago(1, 18)),
          t('APP', 'PRODUCT_VIEW', ago(2, 18)),
          t('APP', 'APP_OPEN', ago(20, 18)),
          t('WEB', 'HELP_ARTICLE_VIEW', ago(45, 7)),
          t('EMAIL', 'EMAIL_OPEN', ago(60, 7), { campaignId: createCampaign.id }),
          t('EMAIL', 'EMAIL_OPEN', ago(120, 7)),
          t('STORE', 'STORE_VISIT', '2024-11-02T10:00:00.000Z'),
          // Ours, not the customer's: excluded from every figure.
          t('EMAIL', 'EMAIL_SENT', ago(0, 6)),
          t('PUSH', 'PUSH_SENT', ago(0, 6)),
          t('PUSH', 'PUSH_SENT', ago(1, 6)),
          t('PUSH', 'PUSH_SENT', ago(2, 6)),
        ],
      },
    );
    await m.ok(
      `mutation($a: RecordSurveyAnswerInput!, $b: RecordSurveyAnswerInput!) {
      a: recordSurveyAnswer(input: $a) { id } b: recordSurveyAnswer(input: $b) { id } }`,
      {
        a: { customerId: id, surveyId: 'nps-2025-q1', score: 6, answeredAt: '2025-03-01T10:00:00Z' },
        b: {
          customerId: id,
          surveyId: 'nps-2025-q2',
          score: 9,
          comment: 'Great app',
          answeredAt: '2025-06-01T10:00:00Z',
        },
      },
    );
    await m.ok(
      `mutation($a: RecordReferralInput!, $b: RecordReferralInput!) {
      a: recordReferral(input: $a) { id } b: recordReferral(input: $b) { id } }`,
      {
        a: { referrerId: id, referredEmail: 'FRIEND@example.hu' },
        b: { referrerId: id, referredEmail: 'neighbour@example.hu' },
      },
    );
    await m.ok(
      `mutation($a: RecordReviewInput!, $b: RecordReviewInput!) {
      a: recordReview(input: $a) { id } b: recordReview(input: $b) { id } }`,
      {
        a: { customerId: id, rating: 5, productId: 'prd_1', text: 'Love it' },
        b: { customerId: id, rating: 4, productId: 'prd_2' },
      },
    );

    const { customer } = await m.ok(
      `query($id: ID!) { customer(id: $id) { ${CONTRACT_FIELDS}
      referrals { referredEmail referredCustomerId } } }`,
      { id },
    );
    expect(customer).toEqual({
      id,
      timeZone: 'Europe/Budapest',
      consents: [
        { channel: 'EMAIL', purpose: 'MARKETING', granted: true, updatedAt: '2025-01-10T09:00:00.000Z' },
      ],
      engagement: {
        firstSeenAt: '2024-11-02T10:00:00.000Z',
        lastTouchpointAt: ago(1, 18),
        touchpointsLast30Days: 3,
        touchpointsLast90Days: 5,
        educationTouchpointsLast90Days: 2,
        preferredChannel: 'APP',
        preferredHour: 20,
      },
      advocacy: {
        lastNpsScore: 9,
        lastNpsAt: '2025-06-01T10:00:00.000Z',
        referralsCount: 2,
        reviewsCount: 2,
        averageReviewRating: 4.5,
      },
      referrals: [
        { referredEmail: 'neighbour@example.hu', referredCustomerId: null },
        { referredEmail: 'friend@example.hu', referredCustomerId: friend },
      ],
    });
  });

  it('a customer without any activity: firstSeenAt is the profile creation, counts are zero', async () => {
    m.setNow(new Date('2025-05-05T05:05:05Z'));
    const id = await createCustomer(m, {});
    m.setNow(NOW);
    const { customer } = await m.ok(`query($id: ID!) { customer(id: $id) { ${CONTRACT_FIELDS} } }`, { id });
    expect(customer).toEqual({
      id,
      timeZone: null,
      consents: [],
      engagement: {
        firstSeenAt: '2025-05-05T05:05:05.000Z',
        lastTouchpointAt: null,
        touchpointsLast30Days: 0,
        touchpointsLast90Days: 0,
        educationTouchpointsLast90Days: 0,
        preferredChannel: null,
        preferredHour: null,
      },
      advocacy: {
        lastNpsScore: null,
        lastNpsAt: null,
        referralsCount: 0,
        reviewsCount: 0,
        averageReviewRating: null,
      },
    });
  });
});

describe('batching', () => {
  const LIST = `query($first: Int, $filter: CustomerFilter) {
    customers(first: $first, filter: $filter) {
      edges { node { ${CONTRACT_FIELDS} segments { id } surveyAnswers { score } reviews { rating } referrals { id }
        touchpoints(first: 2) { totalCount edges { node { id campaign { id } } } } } }
    }
  }`;

  /** Seeds `n` customers in one household with touchpoints, answers and reviews; returns the household id. */
  async function seed(n: number, household: string) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(
        await createCustomer(m, {
          householdId: household,
          timeZone: ['Europe/Budapest', 'America/New_York', 'Asia/Kolkata'][i % 3],
        }),
      );
    }
    const { createCampaign } = await m.ok(
      `mutation($n: String!) { createCampaign(input: { name: $n, channel: WEB, objective: AWARENESS, status: ACTIVE }) { id } }`,
      { n: `Campaign ${household}` },
    );
    await m.ok(
      `mutation($t: [RecordTouchpointInput!]!) { recordTouchpoints(touchpoints: $t) { recordedCount } }`,
      {
        t: ids.flatMap((customerId, i) => [
          {
            customerId,
            channel: 'WEB',
            type: 'PAGE_VIEW',
            occurredAt: ago((i % 40) + 1),
            campaignId: createCampaign.id,
          },
          { customerId, channel: 'APP', type: 'APP_OPEN', occurredAt: ago((i % 40) + 2) },
        ]),
      },
    );
    for (const [i, customerId] of ids.entries()) {
      if (i % 2) continue;
      await m.ok(
        `mutation($a: RecordSurveyAnswerInput!, $r: RecordReviewInput!) {
        recordSurveyAnswer(input: $a) { id } recordReview(input: $r) { id } }`,
        {
          a: { customerId, surveyId: 'nps', score: i % 11 },
          r: { customerId, rating: (i % 5) + 1 },
        },
      );
    }
    return ids;
  }

  async function commandsFor(household: string, n: number) {
    m.log.reset();
    const data = await m.ok(LIST, { first: n, filter: { householdId: household } });
    const counts: Record<string, number> = {};
    for (const c of m.log.commands) counts[c] = (counts[c] ?? 0) + 1;
    return { edges: data.customers.edges, counts, total: m.log.commands.length };
  }

  it('issues the same MongoDB commands for 5 customers as for 40 (no query per row)', async () => {
    await seed(5, 'hh-small');
    await seed(40, 'hh-large');
    const small = await commandsFor('hh-small', 5);
    const large = await commandsFor('hh-large', 40);
    expect(small.edges).toHaveLength(5);
    expect(large.edges).toHaveLength(40);
    // Sanity: the data really was loaded for every row.
    expect(
      large.edges.every(
        (e: any) => e.node.touchpoints.totalCount === 2 && e.node.engagement.lastTouchpointAt,
      ),
    ).toBe(true);
    expect(large.edges.filter((e: any) => e.node.advocacy.reviewsCount === 1)).toHaveLength(20);

    expect(large.counts).toEqual(small.counts);
    expect(large.counts).toEqual({
      'find:customers': 1,
      'aggregate:customers': 1, // totalCount (countDocuments runs as an aggregation)
      'aggregate:touchpoints': 2, // the touchpoint pages and the engagement figures
      'find:campaigns': 1, // Touchpoint.campaign for every edge
      'aggregate:survey_answers': 1,
      'find:survey_answers': 1,
      'aggregate:referrals': 1,
      'find:referrals': 1,
      'aggregate:reviews': 1,
      'find:reviews': 1,
      'find:segments': 1,
    });
  });

  it('resolves 30 entity references (federation _entities) with one query', async () => {
    const ids = await seed(30, 'hh-entities');
    m.log.reset();
    const data = await m.ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id engagement { touchpointsLast90Days } } } }`,
      { r: ids.map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(data._entities.map((e: any) => e.id)).toEqual(ids);
    expect(m.log.commands.sort()).toEqual(['aggregate:touchpoints', 'find:customers']);
  });
});
