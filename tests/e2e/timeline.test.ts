import { startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

/**
 * Customer.timeline through the gateway: marketing, sales and support each contribute their records,
 * insights merges them. Records are written straight into the three databases with chosen timestamps
 * (several share one instant), and one batch is filed under a profile merged into the customer.
 */
let h: SupergraphHarness;
let customerId: string;
let mergedId: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are asserted, not typed
async function ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await h.query<T>(query, variables);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const T = (s: string) => new Date(`2026-03-0${s}Z`);
const TIE = T('5T10:00:00.000');

beforeAll(async () => {
  h = await startSubgraphsAndGateway();
  const a = await ok(
    `mutation { createCustomer(input: { givenName: "Timeline", familyName: "One" }) { id } }`,
  );
  const b = await ok(
    `mutation { createCustomer(input: { givenName: "Timeline", familyName: "Two" }) { id } }`,
  );
  customerId = a.createCustomer.id;
  mergedId = b.createCustomer.id;
  await ok(`mutation($i: MergeCustomersInput!) { mergeCustomers(input: $i) { id } }`, {
    i: { survivorId: customerId, mergedIds: [mergedId], reason: 'same person (test)' },
  });

  const mkt = h.connections.marketing.db!;
  const sales = h.connections.sales.db!;
  const support = h.connections.support.db!;
  const touch = (id: string, cid: string, at: Date, channel = 'WEB') => ({
    _id: id,
    customerId: cid,
    channel,
    type: channel === 'EMAIL' ? 'EMAIL_OPEN' : 'PAGE_VIEW',
    occurredAt: at,
    createdAt: at,
  });
  await mkt.collection('touchpoints').insertMany([
    touch('tch_a', customerId, T('1T09:00:00.000')),
    touch('tch_b', customerId, TIE),
    touch('tch_c', mergedId, TIE, 'EMAIL'),
    touch('tch_d', customerId, T('7T08:00:00.000')),
    // Another customer's record never shows.
    touch('tch_x', 'cus_someone_else', TIE),
  ] as never[]);
  await mkt
    .collection('reviews')
    .insertOne({ _id: 'rev_a', customerId, rating: 5, reviewedAt: TIE, createdAt: TIE } as never);
  const order = (id: string, cid: string, at: Date) => ({
    _id: id,
    orderNumber: `SO-${id}`,
    customerId: cid,
    channel: 'STORE',
    status: 'DELIVERED',
    items: [],
    currency: 'EUR',
    subtotalMinor: 1250,
    totalMinor: 1250,
    placedAt: at,
    createdAt: at,
    updatedAt: at,
  });
  await sales
    .collection('orders')
    .insertMany([order('ord_a', customerId, TIE), order('ord_b', mergedId, T('3T12:00:00.000'))] as never[]);
  await sales.collection('returns').insertOne({
    _id: 'ret_a',
    orderId: 'ord_b',
    customerId: mergedId,
    orderNumber: 'SO-ord_b',
    items: [{ sku: 'X', quantity: 2 }],
    reason: 'DAMAGED',
    amountMinor: 500,
    currency: 'EUR',
    createdAt: T('6T00:00:00.000'),
  } as never);
  await support.collection('tickets').insertOne({
    _id: 'tkt_a',
    customerId,
    channel: 'EMAIL',
    category: 'RETURN',
    priority: 'NORMAL',
    status: 'OPEN',
    subject: 'private words',
    orderId: 'ord_b',
    sentiment: 'NEUTRAL',
    sentimentSource: 'RULES',
    messages: [],
    openedAt: TIE,
    updatedAt: TIE,
    lastContactAt: TIE,
    reopenCount: 0,
    rev: 0,
  } as never);
  await support.collection('interactions').insertMany([
    {
      _id: 'ixn_a',
      customerId,
      kind: 'CALL',
      direction: 'INBOUND',
      outcome: 'ANSWERED',
      startedAt: TIE,
      durationSeconds: 300,
      createdAt: TIE,
    },
    {
      _id: 'ixn_b',
      customerId: mergedId,
      kind: 'CHAT',
      direction: 'INBOUND',
      outcome: 'ANSWERED',
      startedAt: T('2T15:00:00.000'),
      createdAt: T('2T15:00:00.000'),
    },
  ] as never[]);
});
afterAll(async () => {
  await h?.stop();
});

const PAGE = `query($id: ID!, $first: Int, $after: String, $filter: TimelineFilter) {
  customer(id: $id) { timeline(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id at kind channel source summary subjectId order { id orderNumber } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  } }
}`;

interface Page {
  edges: { cursor: string; node: Record<string, unknown> & { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

async function page(variables: Record<string, unknown>): Promise<Page> {
  const data = await ok<{ customer: { timeline: Page } }>(PAGE, { id: customerId, ...variables });
  return data.customer.timeline;
}

async function allIds(first: number, filter?: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const p: Page = await page({ first, after, filter });
    ids.push(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) return ids;
    after = p.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

// Newest first; at the shared instant marketing before sales before support, each by id descending.
const EXPECTED = [
  'touchpoint:tch_d',
  'return:ret_a',
  'touchpoint:tch_c',
  'touchpoint:tch_b',
  'review:rev_a',
  'order:ord_a',
  'ticket:tkt_a',
  'interaction:ixn_a',
  'order:ord_b',
  'interaction:ixn_b',
  'touchpoint:tch_a',
];

it('merges the three sources newest first, merged-away records included, once each', async () => {
  const p = await page({ first: 20 });
  expect(p.edges.map((e) => e.node.id)).toEqual(EXPECTED);
  expect(p.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, endCursor: p.edges[10].cursor });
  expect(p.edges[1].node).toEqual({
    id: 'return:ret_a',
    at: '2026-03-06T00:00:00.000Z',
    kind: 'RETURN',
    channel: null,
    source: 'SALES',
    summary: 'Returned 2 items of order SO-ord_b (DAMAGED): €5.00 refunded',
    subjectId: 'ret_a',
    order: { id: 'ord_b', orderNumber: 'SO-ord_b' },
  });
  expect(p.edges[6].node).toMatchObject({
    kind: 'TICKET_OPENED',
    channel: 'EMAIL',
    source: 'SUPPORT',
    summary: 'RETURN ticket opened (NORMAL, now OPEN)',
  });
  expect(p.edges[7].node).toMatchObject({
    kind: 'CALL',
    channel: 'PHONE',
    summary: 'INBOUND CALL ANSWERED, 5 min',
  });
});

it.each([1, 2, 3, 4, 5, 11])('pages of %i never skip or repeat an event, ties included', async (first) => {
  expect(await allIds(first)).toEqual(EXPECTED);
});

it('filters by kind, channel and time window', async () => {
  expect(await allIds(2, { kinds: ['TOUCHPOINT', 'CALL'] })).toEqual([
    'touchpoint:tch_d',
    'touchpoint:tch_c',
    'touchpoint:tch_b',
    'interaction:ixn_a',
    'touchpoint:tch_a',
  ]);
  expect(await allIds(3, { channels: ['EMAIL', 'STORE', 'CHAT'] })).toEqual([
    'touchpoint:tch_c',
    'order:ord_a',
    'ticket:tkt_a',
    'order:ord_b',
    'interaction:ixn_b',
  ]);
  expect(await allIds(2, { since: '2026-03-03T12:00:00.000Z', until: TIE.toISOString() })).toEqual([
    'order:ord_b',
  ]);
});

it('rejects a foreign cursor and an empty window with BAD_USER_INPUT, asking no source', async () => {
  const bad = await h.query(PAGE, { id: customerId, after: 'bm90LWEtY3Vyc29y' });
  expect(bad.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
    ['BAD_USER_INPUT', 'after'],
  ]);
  const window = await h.query(PAGE, {
    id: customerId,
    filter: { since: TIE.toISOString(), until: TIE.toISOString() },
  });
  expect(window.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
    ['BAD_USER_INPUT', 'filter.until'],
  ]);
});
