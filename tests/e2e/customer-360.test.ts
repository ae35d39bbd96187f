/* eslint-disable @typescript-eslint/no-explicit-any -- responses are asserted field by field, not typed */
/**
 * Scenario: a customer's life, told through the gateway only. Anna signs up (marketing), reads help
 * articles and opens emails, buys twice (sales), complains about a late parcel and gets it resolved
 * (support), then answers a survey with a 9. After each step the customer-360 query shows her lifecycle
 * moving (education → purchase → at risk → advocacy); at the end one query returns her profile,
 * orders, tickets and touchpoints from the three subgraphs plus the computed lifecycle, value and
 * contact eligibility. A second customer with a return and an open complaint shows the "do not contact"
 * side, and the list query serves a frontend's customer table.
 */
import { dataOf, startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

jest.setTimeout(180_000);

let h: SupergraphHarness;
beforeAll(async () => {
  h = await startSubgraphsAndGateway();
});
afterAll(async () => h?.stop());

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id displayName } }`;
const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`;
const PLACE_ORDER = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { id orderNumber placedAt total { amountMinor currency formatted } }
}`;
const CHANGE_ORDER_STATUS = `mutation($id: ID!, $status: OrderStatus!) { changeOrderStatus(id: $id, status: $status) { id status } }`;
const RECORD_RETURN = `mutation($input: RecordReturnInput!) { recordReturn(input: $input) { id amount { amountMinor } } }`;
const OPEN_TICKET = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id status category } }`;
const CHANGE_TICKET_STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id status } }`;
const RATE_TICKET = `mutation($input: RateTicketInput!) { rateTicket(input: $input) { id satisfaction { score } } }`;
const RECORD_TOUCHPOINT = `mutation($input: RecordTouchpointInput!) { recordTouchpoint(input: $input) { id } }`;
const RECORD_TOUCHPOINTS = `mutation($touchpoints: [RecordTouchpointInput!]!) {
  recordTouchpoints(touchpoints: $touchpoints) { recordedCount }
}`;
const RECORD_SURVEY = `mutation($input: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $input) { id category } }`;

const LIFECYCLE = `query($id: ID!) {
  customer(id: $id) { lifecycle { stage since reasons } contact { contactableNow channel reasons } }
}`;

const CUSTOMER_360 = `query Customer360($id: ID!) {
  customer(id: $id) {
    id displayName email timeZone
    consents { channel purpose granted }
    engagement { touchpointsLast30Days educationTouchpointsLast90Days lastTouchpointAt }
    advocacy { lastNpsScore }
    touchpoints(first: 10) { totalCount edges { node { channel type } } }
    orders(first: 10) { totalCount edges { node { orderNumber total { amountMinor } } } }
    purchaseStats { orderCount totalRevenue { amountMinor currency } lastOrderAt }
    tickets(first: 10) { totalCount edges { node { subject category status satisfaction { score } } } }
    supportStats { openTickets openComplaints complaintsLast30Days averageSatisfaction }
    lifecycle { stage since reasons }
    value {
      totalRevenue { amountMinor currency amount formatted }
      orderCount averageOrderValue { amountMinor } purchaseFrequency daysSinceLastOrder npsCategory score tier
    }
    contact { contactableNow channel bestHour reasons }
  }
}`;

interface Lifecycle {
  stage: string;
  since: string | null;
  reasons: string[];
}

async function lifecycleOf(id: string) {
  return dataOf<{
    customer: { lifecycle: Lifecycle; contact: { contactableNow: boolean; reasons: string[] } };
  }>(await h.query(LIFECYCLE, { id })).customer;
}

async function ok<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  return dataOf<T>(await h.query<T>(query, variables));
}

/** The current hour in Budapest, so quiet hours can be placed away from (or around) "now". */
function budapestHour(): number {
  return Number(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Budapest',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(new Date()),
  );
}
const hh = (h: number) => `${String(((h % 24) + 24) % 24).padStart(2, '0')}:00`;

describe('customer 360 through the gateway', () => {
  let annaId: string;
  const orders: Array<{ placedAt: string; total: { amountMinor: number } }> = [];

  beforeAll(async () => {
    await ok(CREATE_PRODUCT, {
      input: { sku: 'TEE-BLUE', name: 'Blue tee', category: 'apparel', priceMinor: 2500, currency: 'EUR' },
    });
    await ok(CREATE_PRODUCT, {
      input: { sku: 'MUG-LOGO', name: 'Logo mug', category: 'home', priceMinor: 1250, currency: 'EUR' },
    });
  });

  it('creates a customer in marketing and starts her in DISCOVERY', async () => {
    const hour = budapestHour();
    const { createCustomer } = await ok<{ createCustomer: { id: string; displayName: string } }>(
      CREATE_CUSTOMER,
      {
        input: {
          givenName: 'Anna',
          familyName: 'Nagy',
          email: 'anna.nagy@example.com',
          timeZone: 'Europe/Budapest',
          // Her quiet hours lie well away from now, so she is contactable whenever this test runs.
          quietHours: { start: hh(hour + 3), end: hh(hour + 6) },
          consents: [{ channel: 'EMAIL', purpose: 'MARKETING', granted: true, source: 'WEB_FORM' }],
        },
      },
    );
    annaId = createCustomer.id;
    expect(annaId).toMatch(/^cus_[0-9a-f]{24}$/);
    const { lifecycle } = await lifecycleOf(annaId);
    expect(lifecycle.stage).toBe('DISCOVERY');
    expect(lifecycle.reasons).toEqual(['No purchase or education activity yet']);
  });

  it('moves to EDUCATION once she reads help articles', async () => {
    const now = new Date().toISOString();
    await ok(RECORD_TOUCHPOINT, {
      input: { customerId: annaId, channel: 'WEB', type: 'HELP_ARTICLE_VIEW', occurredAt: now },
    });
    const { recordTouchpoints } = await ok<{ recordTouchpoints: { recordedCount: number } }>(
      RECORD_TOUCHPOINTS,
      {
        touchpoints: [
          { customerId: annaId, channel: 'WEB', type: 'TUTORIAL_VIEW', occurredAt: now },
          { customerId: annaId, channel: 'EMAIL', type: 'EMAIL_OPEN', occurredAt: now },
          { customerId: annaId, channel: 'EMAIL', type: 'EMAIL_CLICK', occurredAt: now },
        ],
      },
    );
    expect(recordTouchpoints.recordedCount).toBe(3);
    const { lifecycle } = await lifecycleOf(annaId);
    expect(lifecycle.stage).toBe('EDUCATION');
    expect(lifecycle.reasons).toEqual(['2 education touchpoints in the last 90 days']);
  });

  it('moves to PURCHASE with her first order, dated by it', async () => {
    const { placeOrder } = await ok<{ placeOrder: (typeof orders)[number] }>(PLACE_ORDER, {
      input: {
        customerId: annaId,
        channel: 'WEB',
        currency: 'EUR',
        items: [
          { sku: 'TEE-BLUE', quantity: 2 },
          { sku: 'MUG-LOGO', quantity: 1 },
        ],
      },
    });
    // Totals are computed by sales from the catalogue prices: 2 × 25.00 + 12.50.
    expect(placeOrder.total.amountMinor).toBe(6250);
    orders.push(placeOrder);
    const { lifecycle } = await lifecycleOf(annaId);
    expect(lifecycle).toEqual({
      stage: 'PURCHASE',
      since: placeOrder.placedAt,
      reasons: ['First order today'],
    });
  });

  it('drops to AT_RISK while a complaint is open, and may not be marketed to', async () => {
    const { openTicket } = await ok<{ openTicket: { id: string; status: string } }>(OPEN_TICKET, {
      input: {
        customerId: annaId,
        channel: 'EMAIL',
        category: 'COMPLAINT',
        subject: 'Parcel one week late',
        body: 'My parcel arrived a week after the promised date.',
        sentiment: 'NEUTRAL',
      },
    });
    expect(openTicket.status).toBe('OPEN');
    const atRisk = await lifecycleOf(annaId);
    expect(atRisk.lifecycle.stage).toBe('AT_RISK');
    expect(atRisk.lifecycle.reasons).toEqual(['1 open complaint, last support contact today']);
    expect(atRisk.contact.contactableNow).toBe(false);
    expect(atRisk.contact.reasons).toEqual(['1 open complaint']);

    await ok(CHANGE_TICKET_STATUS, { input: { ticketId: openTicket.id, status: 'RESOLVED' } });
    await ok(RATE_TICKET, { input: { ticketId: openTicket.id, score: 5, comment: 'Quick and kind' } });
    const resolved = await lifecycleOf(annaId);
    expect(resolved.lifecycle.stage).toBe('PURCHASE');
    expect(resolved.contact.contactableNow).toBe(true);
  });

  it('reaches ADVOCACY after a repeat order and a promoter answer', async () => {
    const { placeOrder } = await ok<{ placeOrder: (typeof orders)[number] }>(PLACE_ORDER, {
      input: {
        customerId: annaId,
        channel: 'APP',
        currency: 'EUR',
        items: [{ sku: 'MUG-LOGO', quantity: 4 }],
      },
    });
    orders.push(placeOrder);
    expect((await lifecycleOf(annaId)).lifecycle.stage).toBe('POST_PURCHASE_ENGAGEMENT');

    await ok(RECORD_SURVEY, {
      input: { customerId: annaId, surveyId: 'nps-2024', score: 9, comment: 'Great mugs' },
    });
    const { lifecycle } = await lifecycleOf(annaId);
    expect(lifecycle.stage).toBe('ADVOCACY');
    expect(lifecycle.reasons).toEqual(['Promoter NPS 9 (≥ 9) given today']);
  });

  it('answers the customer-360 query with data from all three subgraphs and the computed fields', async () => {
    const { customer } = await ok<{ customer: Record<string, any> }>(CUSTOMER_360, { id: annaId });
    // marketing
    expect(customer).toMatchObject({
      id: annaId,
      displayName: expect.stringContaining('Anna'),
      email: 'anna.nagy@example.com',
      timeZone: 'Europe/Budapest',
      consents: [{ channel: 'EMAIL', purpose: 'MARKETING', granted: true }],
      engagement: { educationTouchpointsLast90Days: 2 },
      advocacy: { lastNpsScore: 9 },
    });
    expect(customer.touchpoints.totalCount).toBeGreaterThanOrEqual(4);
    expect(customer.touchpoints.edges.map((e: any) => e.node.type)).toEqual(
      expect.arrayContaining(['HELP_ARTICLE_VIEW', 'TUTORIAL_VIEW', 'EMAIL_OPEN', 'EMAIL_CLICK']),
    );
    // sales
    const revenue = orders.reduce((sum, o) => sum + o.total.amountMinor, 0);
    expect(revenue).toBe(6250 + 5000);
    expect(customer.orders.totalCount).toBe(2);
    expect(customer.purchaseStats).toMatchObject({
      orderCount: 2,
      totalRevenue: { amountMinor: revenue, currency: 'EUR' },
    });
    // support
    expect(customer.tickets.edges).toEqual([
      {
        node: {
          subject: 'Parcel one week late',
          category: 'COMPLAINT',
          status: 'RESOLVED',
          satisfaction: { score: 5 },
        },
      },
    ]);
    expect(customer.supportStats).toMatchObject({
      openTickets: 0,
      openComplaints: 0,
      complaintsLast30Days: 1,
      averageSatisfaction: 5,
    });
    // insights: the rule tables in the README, worked by hand for €112.50 over 2 orders today
    // and a promoter answer: monetary 10 + frequency 10 + recency 15 + promoter 10 = 45 → SILVER.
    expect(customer.lifecycle.stage).toBe('ADVOCACY');
    expect(customer.value).toEqual({
      totalRevenue: { amountMinor: 11250, currency: 'EUR', amount: '112.50', formatted: '€112.50' },
      orderCount: 2,
      averageOrderValue: { amountMinor: 5625 },
      purchaseFrequency: 2,
      daysSinceLastOrder: 0,
      npsCategory: 'PROMOTER',
      score: 45,
      tier: 'SILVER',
    });
    expect(customer.contact).toMatchObject({
      contactableNow: true,
      channel: 'EMAIL',
      reasons: ['Marketing consent for EMAIL'],
    });
  });

  it('blocks marketing to a customer with a recent return, an open complaint and quiet hours, saying why', async () => {
    const hour = budapestHour();
    const { createCustomer } = await ok<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, {
      input: {
        givenName: 'Bence',
        email: 'bence@example.com',
        timeZone: 'Europe/Budapest',
        // Quiet hours around now.
        quietHours: { start: hh(hour - 1), end: hh(hour + 2) },
        consents: [{ channel: 'SMS', purpose: 'MARKETING', granted: true, source: 'APP' }],
      },
    });
    const id = createCustomer.id;
    const { placeOrder } = await ok<{ placeOrder: { id: string } }>(PLACE_ORDER, {
      input: { customerId: id, channel: 'STORE', currency: 'EUR', items: [{ sku: 'TEE-BLUE', quantity: 1 }] },
    });
    // Paid, delivered, then sent back.
    await ok(CHANGE_ORDER_STATUS, { id: placeOrder.id, status: 'PAID' });
    await ok(CHANGE_ORDER_STATUS, { id: placeOrder.id, status: 'DELIVERED' });
    await ok(RECORD_RETURN, {
      input: { orderId: placeOrder.id, items: [{ sku: 'TEE-BLUE', quantity: 1 }], reason: 'SIZE_OR_FIT' },
    });
    await ok(OPEN_TICKET, {
      input: {
        customerId: id,
        channel: 'PHONE',
        category: 'COMPLAINT',
        subject: 'Refund not received',
        body: 'I returned the shirt and have not seen the refund.',
        sentiment: 'NEUTRAL',
      },
    });
    const { customer } = await ok<{ customer: Record<string, any> }>(CUSTOMER_360, { id });
    expect(customer.lifecycle).toMatchObject({
      stage: 'AT_RISK',
      reasons: ['1 open complaint, last support contact today'],
    });
    expect(customer.contact.contactableNow).toBe(false);
    expect(customer.contact.channel).toBe('SMS');
    expect(customer.contact.reasons).toEqual([
      '1 open complaint',
      'Return today (cool-down 14 days)',
      expect.stringMatching(
        new RegExp(`^Quiet hours: \\d\\d:\\d\\d in Europe/Budapest \\(${hh(hour - 1)}–${hh(hour + 2)}\\)$`),
      ),
    ]);
    // The return refunded the whole order: no revenue, so no value tier (a refunded order is no purchase).
    expect(customer.value).toMatchObject({ orderCount: 0, totalRevenue: { amountMinor: 0 }, tier: 'NONE' });
  });

  it('serves a frontend list page: customers with their stage, value and open tickets, newest first', async () => {
    const LIST = `query CustomerList($first: Int!, $after: String) {
      customers(first: $first, after: $after, sort: CREATED_AT_DESC) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id displayName email lifecycle { stage } value { tier totalRevenue { formatted } } supportStats { openTickets } } }
      }
    }`;
    const first = await ok<{ customers: any }>(LIST, { first: 1 });
    expect(first.customers.totalCount).toBe(2);
    expect(first.customers.pageInfo.hasNextPage).toBe(true);
    expect(first.customers.edges[0].node).toMatchObject({
      displayName: expect.stringContaining('Bence'),
      lifecycle: { stage: 'AT_RISK' },
      value: { tier: 'NONE', totalRevenue: { formatted: '€0.00' } },
      supportStats: { openTickets: 1 },
    });
    const second = await ok<{ customers: any }>(LIST, {
      first: 1,
      after: first.customers.pageInfo.endCursor,
    });
    expect(second.customers.pageInfo.hasNextPage).toBe(false);
    expect(second.customers.edges[0].node).toMatchObject({
      id: annaId,
      lifecycle: { stage: 'ADVOCACY' },
      value: { tier: 'SILVER', totalRevenue: { formatted: '€112.50' } },
      supportStats: { openTickets: 0 },
    });
  });
});
