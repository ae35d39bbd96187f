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

it('every other change a subgraph owns emits its event, in the transaction of the change', async () => {
  const before = (await busEvents()).length;
  const { createCustomer } = await ok(
    `mutation { createCustomer(input: { givenName: "Bea", familyName: "Tóth", emails: [{ address: "bea@example.com" }] }) { id } }`,
  );
  const customerId: string = createCustomer.id;
  await ok(
    `mutation($id: ID!) { updateCustomer(id: $id, input: { familyName: "Tóth-Kiss", language: "hu" }) { id } }`,
    {
      id: customerId,
    },
  );
  const consent = `mutation($input: SetConsentInput!) { setConsent(input: $input) { id } }`;
  const consentInput = {
    customerId,
    channel: 'EMAIL',
    purpose: 'MARKETING',
    granted: true,
    source: 'WEB_FORM',
  };
  await ok(consent, { input: consentInput });
  await ok(consent, { input: consentInput }); // the same decision again: no change, no event
  const { recordSurveyAnswer } = await ok(
    `mutation($input: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $input) { id } }`,
    { input: { customerId, surveyId: 'nps-2026', score: 9, comment: 'Lovely mugs' } },
  );
  const { recordTouchpoint } = await ok(
    `mutation($input: RecordTouchpointInput!) { recordTouchpoint(input: $input) { id } }`,
    { input: { customerId, channel: 'WEB', type: 'PAGE_VIEW', occurredAt: new Date().toISOString() } },
  );
  await ok(
    `mutation { createProduct(input: { sku: "EV-2", name: "Plate", category: "home", priceMinor: 800, currency: "EUR" }) { id } }`,
  );
  const { placeOrder } = await ok(
    `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id orderNumber } }`,
    {
      input: {
        customerId,
        channel: 'WEB',
        currency: 'EUR',
        status: 'PAID',
        items: [{ sku: 'EV-2', quantity: 2 }],
      },
    },
  );
  for (const status of ['SHIPPED', 'DELIVERED']) {
    await ok(
      `mutation($id: ID!, $status: OrderStatus!) { changeOrderStatus(id: $id, status: $status) { id } }`,
      {
        id: placeOrder.id,
        status,
      },
    );
  }
  // A refused transition writes nothing and emits nothing.
  const refused = await h.query(`mutation($id: ID!) { changeOrderStatus(id: $id, status: PENDING) { id } }`, {
    id: placeOrder.id,
  });
  expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_STATE_TRANSITION');
  const { recordReturn } = await ok(
    `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id } }`,
    { input: { orderId: placeOrder.id, items: [{ sku: 'EV-2', quantity: 1 }], reason: 'DAMAGED' } },
  );
  const { openTicket } = await ok(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
    input: {
      customerId,
      channel: 'EMAIL',
      category: 'RETURN',
      subject: 'Broken plate',
      body: 'One arrived broken',
    },
  });
  await ok(`mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id } }`, {
    input: { ticketId: openTicket.id, status: 'CLOSED', reason: 'Refunded' },
  });

  const events = (await busEvents()).slice(before);
  const bySource = (source: string) =>
    events.filter((e) => e.source === source).map((e) => [e.type, e.customerId, e.payload]);
  expect(bySource('marketing')).toEqual([
    ['customer.created', customerId, { status: 'ACTIVE' }],
    ['customer.updated', customerId, { fields: ['familyName', 'language'] }],
    [
      'consent.changed',
      customerId,
      { channel: 'EMAIL', purpose: 'MARKETING', granted: true, previous: null },
    ],
    ['survey.answered', customerId, { answerId: recordSurveyAnswer.id, survey: 'nps-2026', score: 9 }],
    [
      'touchpoint.recorded',
      customerId,
      { touchpointId: recordTouchpoint.id, channel: 'WEB', type: 'PAGE_VIEW', campaignId: null },
    ],
  ]);
  const order = { orderId: placeOrder.id, orderNumber: placeOrder.orderNumber };
  expect(bySource('sales')).toEqual([
    [
      'order.placed',
      customerId,
      { ...order, status: 'PAID', channel: 'WEB', currency: 'EUR', totalMinor: 1600, itemCount: 2 },
    ],
    ['order.status-changed', customerId, { ...order, from: 'PAID', to: 'SHIPPED' }],
    ['order.status-changed', customerId, { ...order, from: 'SHIPPED', to: 'DELIVERED' }],
    [
      'return.recorded',
      customerId,
      {
        returnId: recordReturn.id,
        orderId: placeOrder.id,
        currency: 'EUR',
        refundMinor: 800,
        reason: 'DAMAGED',
      },
    ],
    ['order.status-changed', customerId, { ...order, from: 'DELIVERED', to: 'PARTIALLY_RETURNED' }],
  ]);
  expect(bySource('support')).toEqual([
    [
      'ticket.opened',
      customerId,
      { ticketId: openTicket.id, channel: 'EMAIL', category: 'RETURN', priority: 'NORMAL' },
    ],
    ['ticket.status-changed', customerId, { ticketId: openTicket.id, from: 'OPEN', to: 'CLOSED' }],
    ['ticket.closed', customerId, { ticketId: openTicket.id, from: 'OPEN' }],
  ]);
  // No personal data travels in an event.
  expect(JSON.stringify(events)).not.toMatch(/Bea|Tóth|bea@example|Lovely|broken/i);
});
