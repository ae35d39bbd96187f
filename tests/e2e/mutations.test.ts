/* eslint-disable @typescript-eslint/no-explicit-any -- responses are asserted field by field, not typed */
/**
 * Scenario: a client that only knows the gateway calls every mutation of the three subgraphs and gets
 * both the data and, for bad calls, the subgraph's error with its stable `extensions.code` (and the
 * offending field for BAD_USER_INPUT) — the gateway passes them through untouched, adding only the
 * subgraph's name. Batch writes are all-or-nothing as seen from the gateway too.
 */
import {
  dataOf,
  startSubgraphsAndGateway,
  type GraphQLResponse,
  type SupergraphHarness,
} from '../helpers/supergraph';

jest.setTimeout(180_000);

let h: SupergraphHarness;
beforeAll(async () => {
  h = await startSubgraphsAndGateway();
});
afterAll(async () => h?.stop());

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return dataOf<T>(await h.query<T>(query, variables));
}

/** The single error of a failed call. */
async function fails(query: string, variables: Record<string, unknown> = {}) {
  const r: GraphQLResponse = await h.query(query, variables);
  expect(r.errors).toHaveLength(1);
  return r.errors![0];
}

const UNKNOWN_CUSTOMER = 'cus_000000000000000000000000';

let customerId: string;
let productSku: string;
let orderId: string;

describe('marketing mutations through the gateway', () => {
  const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id email timeZone } }`;

  it('createCustomer: creates, BAD_USER_INPUT names the field, CONFLICT on a known email', async () => {
    const { createCustomer } = await ok(CREATE, {
      input: { givenName: 'Csilla', email: 'csilla@example.com', timeZone: 'Europe/Budapest' },
    });
    customerId = createCustomer.id;
    expect(createCustomer).toMatchObject({ email: 'csilla@example.com', timeZone: 'Europe/Budapest' });

    const bad = await fails(CREATE, { input: { email: 'not-an-email' } });
    expect(bad.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
      serviceName: 'marketing',
    });

    const taken = await fails(CREATE, { input: { email: 'CSILLA@example.com' } });
    expect(taken.extensions).toMatchObject({ code: 'CONFLICT', field: 'emails' });
  });

  it('updateCustomer: updates, NOT_FOUND for an unknown customer', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id familyName } }`;
    const { updateCustomer } = await ok(UPDATE, { id: customerId, input: { familyName: 'Szabó' } });
    expect(updateCustomer).toEqual({ id: customerId, familyName: 'Szabó' });
    const missing = await fails(UPDATE, { id: UNKNOWN_CUSTOMER, input: { familyName: 'X' } });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Customer', id: UNKNOWN_CUSTOMER });
  });

  it('addIdentifier: adds a phone, normalised; BAD_USER_INPUT for a bad one', async () => {
    const ADD = `mutation($input: AddIdentifierInput!) { addIdentifier(input: $input) { phones { number } } }`;
    const { addIdentifier } = await ok(ADD, {
      input: { customerId, kind: 'PHONE', value: '+36 30 111 2233' },
    });
    expect(addIdentifier.phones).toEqual([{ number: '+36301112233' }]);
    const bad = await fails(ADD, { input: { customerId, kind: 'PHONE', value: '12' } });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    const { customerByIdentifier } = await ok(
      `{ customerByIdentifier(kind: PHONE, value: "+36-30-111-2233") { id } }`,
    );
    expect(customerByIdentifier).toEqual({ id: customerId });
  });

  it('setConsent: records the decision, which the contact rules then use', async () => {
    const SET = `mutation($input: SetConsentInput!) { setConsent(input: $input) { consents { channel purpose granted } contact { channel } } }`;
    const { setConsent } = await ok(SET, {
      input: { customerId, channel: 'EMAIL', purpose: 'MARKETING', granted: true, source: 'WEB_FORM' },
    });
    expect(setConsent.consents).toEqual([{ channel: 'EMAIL', purpose: 'MARKETING', granted: true }]);
    expect(setConsent.contact).toEqual({ channel: 'EMAIL' });
  });

  it('recordTouchpoint: records one; NOT_FOUND for an unknown customer', async () => {
    const ONE = `mutation($input: RecordTouchpointInput!) { recordTouchpoint(input: $input) { id channel type } }`;
    const input = { customerId, channel: 'WEB', type: 'PRODUCT_VIEW', occurredAt: new Date().toISOString() };
    const { recordTouchpoint } = await ok(ONE, { input });
    expect(recordTouchpoint).toMatchObject({ channel: 'WEB', type: 'PRODUCT_VIEW' });
    const missing = await fails(ONE, { input: { ...input, customerId: UNKNOWN_CUSTOMER } });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('recordTouchpoints: a batch is validated all-or-nothing', async () => {
    const BATCH = `mutation($t: [RecordTouchpointInput!]!) { recordTouchpoints(touchpoints: $t) { recordedCount } }`;
    const COUNT = `query($id: ID!) { customer(id: $id) { touchpoints(first: 1) { totalCount } } }`;
    const before = (await ok(COUNT, { id: customerId })).customer.touchpoints.totalCount;
    const now = new Date().toISOString();
    const good = { customerId, channel: 'EMAIL', type: 'EMAIL_OPEN', occurredAt: now };

    const bad = await fails(BATCH, { t: [good, { ...good, customerId: UNKNOWN_CUSTOMER }] });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining('1') });
    expect((await ok(COUNT, { id: customerId })).customer.touchpoints.totalCount).toBe(before);

    const { recordTouchpoints } = await ok(BATCH, { t: [good, { ...good, type: 'EMAIL_CLICK' }] });
    expect(recordTouchpoints.recordedCount).toBe(2);
    expect((await ok(COUNT, { id: customerId })).customer.touchpoints.totalCount).toBe(before + 2);
  });

  it('recordSurveyAnswer: records an NPS answer; BAD_USER_INPUT outside 0–10; CONFLICT when answered twice', async () => {
    const SURVEY = `mutation($input: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $input) { score category } }`;
    const outOfRange = await fails(SURVEY, { input: { customerId, surveyId: 'nps-q1', score: 11 } });
    expect(outOfRange.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
    const { recordSurveyAnswer } = await ok(SURVEY, { input: { customerId, surveyId: 'nps-q1', score: 3 } });
    expect(recordSurveyAnswer).toEqual({ score: 3, category: 'DETRACTOR' });
    const twice = await fails(SURVEY, { input: { customerId, surveyId: 'nps-q1', score: 9 } });
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT' });
    const { customer } = await ok(
      `query($id: ID!) { customer(id: $id) { value { npsCategory } contact { contactableNow reasons } } }`,
      {
        id: customerId,
      },
    );
    expect(customer.value.npsCategory).toBe('DETRACTOR');
    expect(customer.contact.contactableNow).toBe(false);
    expect(customer.contact.reasons).toContain('Detractor NPS 3 given today (cool-down 90 days)');
  });

  it('recordReferral and recordReview: count as advocacy', async () => {
    await ok(`mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }`, {
      input: { referrerId: customerId, referredEmail: 'friend@example.com' },
    });
    await ok(`mutation($input: RecordReviewInput!) { recordReview(input: $input) { rating } }`, {
      input: { customerId, rating: 5, title: 'Lovely' },
    });
    const { customer } = await ok(
      `query($id: ID!) { customer(id: $id) { advocacy { referralsCount reviewsCount } } }`,
      {
        id: customerId,
      },
    );
    expect(customer.advocacy).toEqual({ referralsCount: 1, reviewsCount: 1 });
  });

  it('campaigns and segments: create, change status, add and remove members', async () => {
    const { createCampaign } = await ok(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id status } }`,
      { input: { name: 'Spring sale', channel: 'EMAIL', objective: 'CONVERSION' } },
    );
    expect(createCampaign.status).toBe('DRAFT');
    const { setCampaignStatus } = await ok(
      `mutation($input: SetCampaignStatusInput!) { setCampaignStatus(input: $input) { status } }`,
      { input: { campaignId: createCampaign.id, status: 'ACTIVE' } },
    );
    expect(setCampaignStatus.status).toBe('ACTIVE');
    const duplicate = await fails(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
      {
        input: { name: 'Spring sale', channel: 'SMS', objective: 'AWARENESS' },
      },
    );
    expect(duplicate.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });

    const { createSegment } = await ok(
      `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id kind } }`,
      { input: { name: 'VIP', kind: 'MANUAL' } },
    );
    const MEMBERSHIP = `mutation($input: SegmentMembershipInput!) { addCustomerToSegment(input: $input) { segments { name } } }`;
    const { addCustomerToSegment } = await ok(MEMBERSHIP, {
      input: { customerId, segmentId: createSegment.id },
    });
    expect(addCustomerToSegment.segments).toEqual([{ name: 'VIP' }]);
    const { removeCustomerFromSegment } = await ok(
      `mutation($input: SegmentMembershipInput!) { removeCustomerFromSegment(input: $input) { segments { name } } }`,
      { input: { customerId, segmentId: createSegment.id } },
    );
    expect(removeCustomerFromSegment.segments).toEqual([]);
  });
});

describe('sales mutations through the gateway', () => {
  it('createProduct: creates; BAD_USER_INPUT for an unknown currency', async () => {
    const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { sku price { formatted } } }`;
    const { createProduct } = await ok(CREATE, {
      input: { sku: 'BAG-01', name: 'Tote bag', category: 'bags', priceMinor: 1990, currency: 'EUR' },
    });
    productSku = createProduct.sku;
    expect(createProduct.price.formatted).toBe('€19.90');
    const bad = await fails(CREATE, {
      input: { sku: 'BAG-02', name: 'Bag', category: 'bags', priceMinor: 1, currency: 'XYZ' },
    });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency', serviceName: 'sales' });
  });

  it('placeOrder: totals computed by sales; BAD_USER_INPUT for an unknown product', async () => {
    const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status total { amountMinor } customer { id email } } }`;
    const { placeOrder } = await ok(PLACE, {
      input: { customerId, channel: 'WEB', currency: 'EUR', items: [{ sku: productSku, quantity: 3 }] },
    });
    orderId = placeOrder.id;
    // `customer.email` comes from marketing: the order's customer is resolved across subgraphs.
    expect(placeOrder).toMatchObject({
      status: 'PENDING',
      total: { amountMinor: 5970 },
      customer: { email: 'csilla@example.com' },
    });
    const bad = await fails(PLACE, {
      input: { customerId, channel: 'WEB', currency: 'EUR', items: [{ sku: 'NOPE', quantity: 1 }] },
    });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.extensions!.field).toEqual(expect.stringContaining('sku'));
  });

  it('changeOrderStatus: follows the fulfilment flow; INVALID_STATE_TRANSITION otherwise', async () => {
    const CHANGE = `mutation($id: ID!, $status: OrderStatus!) { changeOrderStatus(id: $id, status: $status) { status } }`;
    expect((await ok(CHANGE, { id: orderId, status: 'PAID' })).changeOrderStatus.status).toBe('PAID');
    expect((await ok(CHANGE, { id: orderId, status: 'DELIVERED' })).changeOrderStatus.status).toBe(
      'DELIVERED',
    );
    const back = await fails(CHANGE, { id: orderId, status: 'PENDING' });
    expect(back.extensions).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      from: 'DELIVERED',
      to: 'PENDING',
    });
  });

  it('recordReturn: never more than was ordered; NOT_FOUND for an unknown order', async () => {
    const RETURN = `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { amount { amountMinor } order { status } } }`;
    const tooMany = await fails(RETURN, {
      input: { orderId, items: [{ sku: productSku, quantity: 4 }], reason: 'DAMAGED' },
    });
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const { recordReturn } = await ok(RETURN, {
      input: { orderId, items: [{ sku: productSku, quantity: 1 }], reason: 'DAMAGED' },
    });
    expect(recordReturn).toEqual({ amount: { amountMinor: 1990 }, order: { status: 'PARTIALLY_RETURNED' } });
    const missing = await fails(RETURN, {
      input: {
        orderId: 'ord_000000000000000000000000',
        items: [{ sku: productSku, quantity: 1 }],
        reason: 'DAMAGED',
      },
    });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('importOrders: imports a batch, all-or-nothing', async () => {
    const IMPORT = `mutation($o: [ImportOrderInput!]!) { importOrders(orders: $o) { importedCount } }`;
    const order = (n: number) => ({
      orderNumber: `HIST-${n}`,
      customerId,
      channel: 'STORE',
      currency: 'EUR',
      placedAt: new Date(Date.UTC(2023, 5, n)).toISOString(),
      items: [{ sku: productSku, name: 'Tote bag', quantity: 1, unitPriceMinor: 1990 }],
    });
    const dup = await fails(IMPORT, { o: [order(1), order(1)] });
    expect(dup.extensions!.code).toMatch(/^(BAD_USER_INPUT|CONFLICT)$/);
    const { customer: before } = await ok(
      `query($id: ID!) { customer(id: $id) { purchaseStats { orderCount } } }`,
      {
        id: customerId,
      },
    );
    expect(before.purchaseStats.orderCount).toBe(1);
    expect((await ok(IMPORT, { o: [order(1), order(2)] })).importOrders.importedCount).toBe(2);
    const { customer } = await ok(
      `query($id: ID!) { customer(id: $id) { purchaseStats { orderCount firstOrderAt } value { orderCount } } }`,
      { id: customerId },
    );
    expect(customer.purchaseStats).toEqual({ orderCount: 3, firstOrderAt: '2023-06-01T00:00:00.000Z' });
    expect(customer.value.orderCount).toBe(3);
  });
});

describe('support mutations through the gateway', () => {
  let ticketId: string;

  it('openTicket: opens; BAD_USER_INPUT for a blank subject', async () => {
    const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id status category messageCount customer { email } } }`;
    const input = {
      customerId,
      channel: 'CHAT',
      category: 'QUESTION',
      subject: 'Gift wrap?',
      body: 'Can you gift wrap my order?',
    };
    const { openTicket } = await ok(OPEN, { input });
    ticketId = openTicket.id;
    expect(openTicket).toMatchObject({
      status: 'OPEN',
      category: 'QUESTION',
      messageCount: 1,
      customer: { email: 'csilla@example.com' },
    });
    const blank = await fails(OPEN, { input: { ...input, subject: '   ' } });
    expect(blank.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'subject',
      serviceName: 'support',
    });
  });

  it('addTicketMessage: appends; NOT_FOUND for an unknown ticket', async () => {
    const ADD = `mutation($input: AddTicketMessageInput!) { addTicketMessage(input: $input) { messageCount messages { author body } } }`;
    const { addTicketMessage } = await ok(ADD, {
      input: { ticketId, author: 'AGENT', body: 'Yes, at checkout.' },
    });
    expect(addTicketMessage.messageCount).toBe(2);
    expect(addTicketMessage.messages[1]).toEqual({ author: 'AGENT', body: 'Yes, at checkout.' });
    const missing = await fails(ADD, {
      input: { ticketId: 'tkt_000000000000000000000000', author: 'AGENT', body: 'x' },
    });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Ticket' });
  });

  it('changeTicketStatus and rateTicket: valid transitions only; a closed ticket stays closed', async () => {
    const CHANGE = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;
    expect((await ok(CHANGE, { input: { ticketId, status: 'RESOLVED' } })).changeTicketStatus.status).toBe(
      'RESOLVED',
    );
    const { rateTicket } = await ok(
      `mutation($input: RateTicketInput!) { rateTicket(input: $input) { satisfaction { score } } }`,
      { input: { ticketId, score: 4 } },
    );
    expect(rateTicket.satisfaction.score).toBe(4);
    expect((await ok(CHANGE, { input: { ticketId, status: 'CLOSED' } })).changeTicketStatus.status).toBe(
      'CLOSED',
    );
    const reopen = await fails(CHANGE, { input: { ticketId, status: 'OPEN' } });
    expect(reopen.extensions).toMatchObject({ code: 'INVALID_STATE_TRANSITION', from: 'CLOSED', to: 'OPEN' });
    const { customer } = await ok(
      `query($id: ID!) { customer(id: $id) { supportStats { openTickets averageSatisfaction } } }`,
      {
        id: customerId,
      },
    );
    expect(customer.supportStats).toEqual({ openTickets: 0, averageSatisfaction: 4 });
  });

  it('recordInteraction: logs a call that counts as a support contact', async () => {
    const { recordInteraction } = await ok(
      `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { kind customer { id } } }`,
      { input: { customerId, kind: 'CALL', summary: 'Asked about delivery times' } },
    );
    expect(recordInteraction).toEqual({ kind: 'CALL', customer: { id: customerId } });
    const { customer } = await ok(
      `query($id: ID!) { customer(id: $id) { supportStats { lastContactAt } } }`,
      {
        id: customerId,
      },
    );
    expect(Date.now() - Date.parse(customer.supportStats.lastContactAt)).toBeLessThan(60_000);
  });
});
