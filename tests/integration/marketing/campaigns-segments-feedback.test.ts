/**
 * Campaigns (unique names, status lifecycle, listing), segments (manual and rule-based membership), and
 * the advocacy inputs: survey answers, referrals and reviews, with their validation and conflicts.
 */
import { createCustomer, startMarketing, type Marketing } from './marketing-harness';

jest.setTimeout(60_000);

let m: Marketing;
beforeAll(async () => {
  m = await startMarketing('mkt_campaigns');
});
afterAll(async () => m.stop());

const CREATE_CAMPAIGN = `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id name status channel objective } }`;
const SET_STATUS = `mutation($i: SetCampaignStatusInput!) { setCampaignStatus(input: $i) { id status } }`;

describe('campaigns', () => {
  it('creates, refuses a duplicate name in any case, and follows the status lifecycle', async () => {
    const { createCampaign: c } = await m.ok(CREATE_CAMPAIGN, {
      i: {
        name: 'Spring Sale',
        channel: 'EMAIL',
        objective: 'CONVERSION',
        startsAt: '2025-03-01T00:00:00Z',
        endsAt: '2025-03-31T00:00:00Z',
      },
    });
    expect(c).toMatchObject({ name: 'Spring Sale', status: 'DRAFT' });
    expect(
      (
        await m.fails(CREATE_CAMPAIGN, {
          i: { name: 'spring sale', channel: 'SMS', objective: 'CONVERSION' },
        })
      ).extensions,
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    });
    expect(
      (
        await m.fails(CREATE_CAMPAIGN, {
          i: {
            name: 'Backwards',
            channel: 'SMS',
            objective: 'RETENTION',
            startsAt: '2025-03-02T00:00:00Z',
            endsAt: '2025-03-01T00:00:00Z',
          },
        })
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });

    expect(
      (await m.ok(SET_STATUS, { i: { campaignId: c.id, status: 'ACTIVE' } })).setCampaignStatus.status,
    ).toBe('ACTIVE');
    expect(
      (await m.ok(SET_STATUS, { i: { campaignId: c.id, status: 'COMPLETED' } })).setCampaignStatus.status,
    ).toBe('COMPLETED');
    const err = await m.fails(SET_STATUS, { i: { campaignId: c.id, status: 'ACTIVE' } });
    expect(err.extensions).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      from: 'COMPLETED',
      to: 'ACTIVE',
    });
    const missing = await m.fails(SET_STATUS, {
      i: { campaignId: 'cmp_0123456789abcdef01234567', status: 'ACTIVE' },
    });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists newest first with filters and cursors', async () => {
    for (const [name, channel] of [
      ['Push A', 'PUSH'],
      ['Push B', 'PUSH'],
      ['Web A', 'WEB'],
    ]) {
      await m.ok(CREATE_CAMPAIGN, { i: { name, channel, objective: 'AWARENESS' } });
    }
    const first = await m.ok(
      `{ campaigns(first: 1, filter: { channel: PUSH }) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`,
    );
    expect(first.campaigns).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      edges: [{ node: { name: 'Push B' } }],
    });
    const second = await m.ok(
      `query($a: String) { campaigns(first: 5, after: $a, filter: { channel: PUSH }) { pageInfo { hasNextPage } edges { node { name } } } }`,
      {
        a: first.campaigns.pageInfo.endCursor,
      },
    );
    expect(second.campaigns).toEqual({
      pageInfo: { hasNextPage: false },
      edges: [{ node: { name: 'Push A' } }],
    });
  });
});

describe('segments', () => {
  it('RULE segments need rules; MANUAL membership is explicit and cannot be set on RULE segments', async () => {
    expect(
      (await m.fails(`mutation { createSegment(input: { name: "Empty rule", kind: RULE }) { id } }`))
        .extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rules',
    });
    const { a, b } = await m.ok(`mutation {
      a: createSegment(input: { name: "Beta testers", kind: MANUAL }) { id kind }
      b: createSegment(input: { name: "Hungarian SMS", kind: RULE, rules: { languages: ["hu"], consents: [{ channel: SMS }] } }) { id rules { languages consents { channel purpose } } }
    }`);
    expect(b.rules).toEqual({ languages: ['hu'], consents: [{ channel: 'SMS', purpose: 'MARKETING' }] });
    expect(
      (await m.fails(`mutation { createSegment(input: { name: "beta TESTERS", kind: MANUAL }) { id } }`))
        .extensions?.code,
    ).toBe('CONFLICT');

    const id = await createCustomer(m, {
      language: 'hu-HU',
      consents: [{ channel: 'SMS', purpose: 'MARKETING', granted: true, source: 'STORE' }],
    });
    const MEMBER = `mutation($i: SegmentMembershipInput!) { addCustomerToSegment(input: $i) { segments { name } } }`;
    expect(
      (await m.ok(MEMBER, { i: { customerId: id, segmentId: a.id } })).addCustomerToSegment.segments,
    ).toEqual([{ name: 'Beta testers' }, { name: 'Hungarian SMS' }]);
    expect((await m.fails(MEMBER, { i: { customerId: id, segmentId: b.id } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'segmentId',
    });
    // Withdrawing SMS consent takes the customer out of the rule segment at once.
    const { setConsent } = await m.ok(`mutation($i: SetConsentInput!) { setConsent(input: $i) { id } }`, {
      i: { customerId: id, channel: 'SMS', purpose: 'MARKETING', granted: false, source: 'SMS_KEYWORD' },
    });
    const { customer } = await m.ok(`query($id: ID!) { customer(id: $id) { segments { name } } }`, {
      id: setConsent.id,
    });
    expect(customer.segments).toEqual([{ name: 'Beta testers' }]);
    const removed = await m.ok(
      `mutation($i: SegmentMembershipInput!) { removeCustomerFromSegment(input: $i) { segments { name } } }`,
      {
        i: { customerId: id, segmentId: a.id },
      },
    );
    expect(removed.removeCustomerFromSegment.segments).toEqual([]);
  });
});

describe('survey answers, referrals and reviews', () => {
  const SURVEY = `mutation($i: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $i) { id score category comment } }`;
  const REFERRAL = `mutation($i: RecordReferralInput!) { recordReferral(input: $i) { id referredEmail referredCustomerId } }`;
  const REVIEW = `mutation($i: RecordReviewInput!) { recordReview(input: $i) { id rating productId } }`;

  it('records an NPS answer once per survey, with its category; validates the score', async () => {
    const id = await createCustomer(m, {});
    const { recordSurveyAnswer } = await m.ok(SURVEY, {
      i: { customerId: id, surveyId: 'nps-q1', score: 7, comment: ' ok ' },
    });
    expect(recordSurveyAnswer).toMatchObject({ score: 7, category: 'PASSIVE', comment: 'ok' });
    expect(
      (await m.fails(SURVEY, { i: { customerId: id, surveyId: 'nps-q1', score: 9 } })).extensions,
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'surveyId',
    });
    expect(
      (await m.fails(SURVEY, { i: { customerId: id, surveyId: 'nps-q2', score: 11 } })).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'score',
    });
    expect(
      (await m.fails(SURVEY, { i: { customerId: 'cus_0123456789abcdef01234567', surveyId: 'x', score: 1 } }))
        .extensions?.code,
    ).toBe('NOT_FOUND');
    await m.ok(SURVEY, {
      i: { customerId: id, surveyId: 'nps-q0', score: 2, answeredAt: '2020-01-01T00:00:00Z' },
    });
    const { customer } = await m.ok(
      `query($id: ID!) { customer(id: $id) { surveyAnswers { surveyId category } } }`,
      { id },
    );
    expect(customer.surveyAnswers).toEqual([
      { surveyId: 'nps-q1', category: 'PASSIVE' },
      { surveyId: 'nps-q0', category: 'DETRACTOR' },
    ]);
  });

  it('links a referral by email to the profile owning it; refuses self-referrals and repeats', async () => {
    const referrer = await createCustomer(m, { email: 'ref@example.com' });
    const referred = await createCustomer(m, { email: 'new@example.com' });
    const { recordReferral } = await m.ok(REFERRAL, {
      i: { referrerId: referrer, referredEmail: 'NEW@example.com' },
    });
    expect(recordReferral).toMatchObject({ referredEmail: 'new@example.com', referredCustomerId: referred });
    // The same person again, now named by id: still the same referral.
    expect(
      (await m.fails(REFERRAL, { i: { referrerId: referrer, referredCustomerId: referred } })).extensions
        ?.code,
    ).toBe('CONFLICT');
    expect(
      (await m.fails(REFERRAL, { i: { referrerId: referrer, referredEmail: 'Ref@example.com' } })).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'referredEmail',
    });
    expect((await m.fails(REFERRAL, { i: { referrerId: referrer } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('records reviews, one per product; validates the rating', async () => {
    const id = await createCustomer(m, {});
    await m.ok(REVIEW, { i: { customerId: id, rating: 5, productId: 'prd_a' } });
    await m.ok(REVIEW, { i: { customerId: id, rating: 2, text: 'About the brand in general' } });
    await m.ok(REVIEW, { i: { customerId: id, rating: 3, text: 'And again' } });
    expect(
      (await m.fails(REVIEW, { i: { customerId: id, rating: 4, productId: 'prd_a' } })).extensions,
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'productId',
    });
    expect((await m.fails(REVIEW, { i: { customerId: id, rating: 0 } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rating',
    });
    const { customer } = await m.ok(
      `query($id: ID!) { customer(id: $id) { reviews { rating } advocacy { reviewsCount averageReviewRating } } }`,
      { id },
    );
    expect(customer.advocacy).toEqual({ reviewsCount: 3, averageReviewRating: 3.33 });
    expect(customer.reviews).toHaveLength(3);
  });
});
