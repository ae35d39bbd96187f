/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
/**
 * Touchpoints: one at a time, batches of up to 1,000 validated all-or-nothing (the first bad item is
 * named as `touchpoints[i].field` and nothing is written), undo of a batch that fails mid-write, and
 * `Customer.touchpoints` newest first with keyset cursors.
 */
import { jest } from '@jest/globals';
import { createCustomer, startMarketing, type Marketing } from './marketing-harness';

jest.setTimeout(60_000);

const NOW = new Date('2025-06-15T12:00:00Z');
let m: Marketing;
let alice: string;
let bob: string;
let campaign: string;

const RECORD_ONE = `mutation($input: RecordTouchpointInput!) {
  recordTouchpoint(input: $input) { id customerId channel type occurredAt properties campaign { id name objective } recordedAt }
}`;
const RECORD_MANY = `mutation($t: [RecordTouchpointInput!]!) { recordTouchpoints(touchpoints: $t) { recordedCount ids } }`;
const PAGE = `query($id: ID!, $first: Int, $after: String, $channel: TouchpointChannel) {
  customer(id: $id) {
    touchpoints(first: $first, after: $after, channel: $channel) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id channel type occurredAt } }
    }
  }
}`;

const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000).toISOString();
const tp = (customerId: string, i: number, over: Record<string, unknown> = {}) => ({
  customerId,
  channel: 'WEB',
  type: 'PAGE_VIEW',
  occurredAt: minutesAgo(i + 1),
  properties: { path: `/p/${i}` },
  ...over,
});

beforeAll(async () => {
  m = await startMarketing('mkt_touchpoints', { now: NOW });
  alice = await createCustomer(m, { givenName: 'Alice', email: 'alice@example.com' });
  bob = await createCustomer(m, { givenName: 'Bob', email: 'bob@example.com' });
  const c = await m.ok(
    `mutation { createCampaign(input: { name: "How-to series", channel: EMAIL, objective: EDUCATION, status: ACTIVE }) { id } }`,
  );
  campaign = c.createCampaign.id;
});
afterAll(async () => m.stop());

describe('recordTouchpoint', () => {
  it('stores one touchpoint with its campaign and JSON properties', async () => {
    const { recordTouchpoint: t } = await m.ok(RECORD_ONE, {
      input: {
        customerId: alice,
        channel: 'EMAIL',
        type: 'EMAIL_OPEN',
        campaignId: campaign,
        occurredAt: minutesAgo(5),
        properties: { subject: 'Getting started', utm: { source: 'newsletter' } },
      },
    });
    expect(t).toMatchObject({
      customerId: alice,
      channel: 'EMAIL',
      type: 'EMAIL_OPEN',
      occurredAt: minutesAgo(5),
      properties: { subject: 'Getting started', utm: { source: 'newsletter' } },
      campaign: { id: campaign, name: 'How-to series', objective: 'EDUCATION' },
      recordedAt: NOW.toISOString(),
    });
    const stored = await m.models.touchpoints.findById(t.id).lean();
    // The objective is copied so engagement can count education without a join.
    expect(stored?.campaignObjective).toBe('EDUCATION');
  });

  it('NOT_FOUND for an unknown customer; BAD_USER_INPUT for an unknown campaign or impossible channel', async () => {
    const unknown = await m.fails(RECORD_ONE, { input: tp('cus_0123456789abcdef01234567', 0) });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const noCampaign = await m.fails(RECORD_ONE, {
      input: tp(alice, 0, { campaignId: 'cmp_0123456789abcdef01234567' }),
    });
    expect(noCampaign.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaignId' });
    const mismatch = await m.fails(RECORD_ONE, {
      input: tp(alice, 0, { channel: 'SMS', type: 'STORE_VISIT' }),
    });
    expect(mismatch.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
    const badProps = await m.fails(RECORD_ONE, {
      input: tp(alice, 0, { properties: { $set: { admin: true } } }),
    });
    expect(badProps.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'properties' });
  });
});

describe('recordTouchpoints', () => {
  it('records a batch of 1,000 with one insert', async () => {
    const before = await m.models.touchpoints.countDocuments();
    m.log.reset();
    const batch = Array.from({ length: 1000 }, (_, i) =>
      tp(i % 2 ? alice : bob, 100 + i, { eventId: `batch1-${i}` }),
    );
    const { recordTouchpoints } = await m.ok(RECORD_MANY, { t: batch });
    expect(recordTouchpoints.recordedCount).toBe(1000);
    expect(new Set(recordTouchpoints.ids).size).toBe(1000);
    expect(await m.models.touchpoints.countDocuments()).toBe(before + 1000);
    expect(m.log.commands.filter((c) => c === 'insert:touchpoints')).toHaveLength(1);
  });

  it('fails the whole batch on one bad item, naming it, and writes nothing', async () => {
    const before = await m.models.touchpoints.countDocuments();
    const cases: Array<[number, Record<string, unknown>, string]> = [
      [500, { channel: 'SMS', type: 'EMAIL_OPEN' }, 'touchpoints[500].type'],
      [999, { customerId: 'cus_0123456789abcdef01234567' }, 'touchpoints[999].customerId'],
      [3, { customerId: 'bob' }, 'touchpoints[3].customerId'],
      [7, { occurredAt: '2030-01-01T00:00:00Z' }, 'touchpoints[7].occurredAt'],
      [8, { campaignId: 'cmp_0123456789abcdef01234567' }, 'touchpoints[8].campaignId'],
      [9, { properties: { 'a.b': 1 } }, 'touchpoints[9].properties'],
    ];
    for (const [index, override, field] of cases) {
      const batch = Array.from({ length: 1000 }, (_, i) => tp(alice, i, i === index ? override : {}));
      const err = await m.fails(RECORD_MANY, { t: batch });
      expect({ field, ext: err.extensions }).toMatchObject({ field, ext: { code: 'BAD_USER_INPUT', field } });
    }
    const tooMany = await m.fails(RECORD_MANY, { t: Array.from({ length: 1001 }, (_, i) => tp(alice, i)) });
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'touchpoints' });
    expect(await m.models.touchpoints.countDocuments()).toBe(before);
  });

  it('CONFLICT naming the item for an event id recorded before; nothing written', async () => {
    const before = await m.models.touchpoints.countDocuments();
    const batch = [tp(alice, 1, { eventId: 'fresh-1' }), tp(alice, 2, { eventId: 'batch1-17' })];
    const err = await m.fails(RECORD_MANY, { t: batch });
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'touchpoints[1].eventId' });
    expect(await m.models.touchpoints.countDocuments()).toBe(before);
  });

  it('keeps none of the rows already written when the insert fails part-way', async () => {
    const before = await m.models.touchpoints.countDocuments();
    const model = m.models.touchpoints;
    const original = model.insertMany.bind(model);
    // 40 rows are written (in the request's transaction) before the write fails.
    const spy = jest.spyOn(model, 'insertMany').mockImplementationOnce((async (
      docs: unknown[],
      options: never,
    ) => {
      await original(docs.slice(0, 40) as never, options);
      throw new Error('connection reset by peer');
    }) as never);
    try {
      const err = await m.fails(RECORD_MANY, { t: Array.from({ length: 100 }, (_, i) => tp(bob, i)) });
      expect(err.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      spy.mockRestore();
    }
    expect(await m.models.touchpoints.countDocuments()).toBe(before);
  });
});

describe('Customer.touchpoints', () => {
  it('pages newest first with cursors, filtered by channel, totalCount per customer', async () => {
    const carol = await createCustomer(m, { givenName: 'Carol' });
    const batch = [
      ...Array.from({ length: 7 }, (_, i) => tp(carol, i * 10)),
      ...Array.from({ length: 3 }, (_, i) => tp(carol, i * 10 + 5, { channel: 'APP', type: 'APP_OPEN' })),
    ];
    // Two touchpoints at the same instant: the id breaks the tie, so neither is skipped nor repeated.
    batch.push(tp(carol, 0, { channel: 'APP', type: 'APP_OPEN' }));
    await m.ok(RECORD_MANY, { t: batch });

    const seen: { id: string; occurredAt: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: any = await m.ok(PAGE, { id: carol, first: 3, after });
      const conn = data.customer.touchpoints;
      expect(conn.totalCount).toBe(11);
      seen.push(...conn.edges.map((e: any) => e.node));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen.map((s) => s.id)).size).toBe(11);
    const times = seen.map((s) => s.occurredAt);
    expect(times).toEqual([...times].sort().reverse());

    const apps: any = await m.ok(PAGE, { id: carol, first: 10, channel: 'APP' });
    expect(apps.customer.touchpoints.totalCount).toBe(4);
    expect(apps.customer.touchpoints.edges.every((e: any) => e.node.channel === 'APP')).toBe(true);

    expect((await m.fails(PAGE, { id: carol, after: 'xyz' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});
