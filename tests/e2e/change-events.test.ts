import { settleEvents, type BusEventDoc } from '../../shared/events';
import { startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

/**
 * Change events end to end: mutations through the gateway write their events in the same transaction,
 * each subgraph's relay moves them to the harness's bus, and a consumer in another subgraph receives them.
 */
let h: SupergraphHarness;
const received: Array<{ type: string; customerId: string | null }> = [];

beforeAll(async () => {
  h = await startSubgraphsAndGateway();
  // A consumer registered after start begins at once (from the beginning of the bus).
  h.events.support.subscribe({
    name: 'e2e-probe',
    types: ['customer.created', 'order.placed'],
    handler: async (event) => {
      received.push({ type: event.type, customerId: event.customerId });
    },
  });
});
afterAll(async () => {
  await h?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are asserted, not typed
async function ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await h.query<T>(query, variables);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

async function busEvents(): Promise<BusEventDoc[]> {
  await settleEvents(Object.values(h.events));
  return h.connections.marketing
    .useDb(h.busDbName)
    .db!.collection<BusEventDoc>('events')
    .find({}, { sort: { seq: 1 } })
    .toArray();
}

it('createCustomer, placeOrder and openTicket each put one event on the bus; failed writes none', async () => {
  const { createCustomer } = await ok(
    `mutation { createCustomer(input: { givenName: "Ada", familyName: "Kovács", emails: [{ address: "ada@example.com" }] }) { id } }`,
  );
  const customerId: string = createCustomer.id;
  await ok(
    `mutation { createProduct(input: { sku: "EV-1", name: "Mug", category: "home", priceMinor: 1250, currency: "EUR" }) { id } }`,
  );
  const { placeOrder } = await ok(
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id orderNumber } }`,
    { input: { customerId, channel: 'WEB', currency: 'EUR', items: [{ sku: 'EV-1', quantity: 2 }] } },
  );
  const { openTicket } = await ok(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
    input: {
      customerId,
      channel: 'CHAT',
      category: 'QUESTION',
      subject: 'Mug size?',
      body: 'How big is it?',
    },
  });
  // Refused writes: an unknown product, a blank subject, an identifier already taken.
  const refused = await Promise.all([
    h.query(`mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: { customerId, channel: 'WEB', currency: 'EUR', items: [{ sku: 'NOPE', quantity: 1 }] },
    }),
    h.query(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
      input: { customerId, channel: 'CHAT', category: 'QUESTION', subject: ' ', body: 'x' },
    }),
    h.query(`mutation { createCustomer(input: { emails: [{ address: "ada@example.com" }] }) { id } }`),
  ]);
  expect(refused.map((r) => r.errors?.[0]?.extensions?.code)).toEqual([
    'BAD_USER_INPUT',
    'BAD_USER_INPUT',
    'CONFLICT',
  ]);

  const events = await busEvents();
  expect(events.map((e) => [e.seq, e.type, e.source, e.customerId])).toEqual(
    expect.arrayContaining([
      [expect.any(Number), 'customer.created', 'marketing', customerId],
      [expect.any(Number), 'order.placed', 'sales', customerId],
      [expect.any(Number), 'ticket.opened', 'support', customerId],
    ]),
  );
  expect(events).toHaveLength(3);
  expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
  expect(events.find((e) => e.type === 'order.placed')!.payload).toEqual({
    orderId: placeOrder.id,
    orderNumber: placeOrder.orderNumber,
    status: 'PENDING',
    channel: 'WEB',
    currency: 'EUR',
    totalMinor: 2500,
    itemCount: 2,
  });
  expect(events.find((e) => e.type === 'ticket.opened')!.payload).toEqual({
    ticketId: openTicket.id,
    channel: 'CHAT',
    category: 'QUESTION',
    priority: 'NORMAL',
  });
  // The probe in support received the two subscribed types, in bus order.
  expect(received).toEqual(
    events
      .filter((e) => e.type === 'customer.created' || e.type === 'order.placed')
      .map((e) => ({ type: e.type, customerId: e.customerId })),
  );
  expect(received).toHaveLength(2);
});
