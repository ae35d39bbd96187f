/* eslint-disable @typescript-eslint/no-explicit-any -- responses are asserted field by field, not typed */
/**
 * Scenario: the proof that the supergraph has no N+1. 100 customers get rich histories (touchpoints,
 * orders, returns, tickets with messages and ratings, survey answers, referrals, reviews), written
 * through the gateway's batch mutations where they exist. Then the same customer-360 list query — every
 * subgraph's fields, nested connections and the computed lifecycle / value / contact — runs for
 * `customers(first: 10)` and `customers(first: 100)`. The driver's command monitoring counts the MongoDB
 * commands each subgraph issues: the counts must be identical for 10 and 100 customers (one query per
 * entity type per request, never one per row). The counts are printed for the README.
 */
import {
  dataOf,
  startSubgraphsAndGateway,
  type SubgraphName,
  type SupergraphHarness,
} from '../helpers/supergraph';

jest.setTimeout(300_000);

let h: SupergraphHarness;
beforeAll(async () => {
  h = await startSubgraphsAndGateway();
});
afterAll(async () => h?.stop());

const CUSTOMERS = 100;
const DAY = 86_400_000;

const LIST_360 = `query Customers360($first: Int!) {
  customers(first: $first) {
    totalCount
    edges {
      node {
        id displayName email timeZone
        consents { channel granted }
        engagement { touchpointsLast30Days preferredChannel }
        advocacy { lastNpsScore referralsCount }
        touchpoints(first: 3) { totalCount edges { node { channel type occurredAt } } }
        surveyAnswers(first: 2) { score category }
        orders(first: 3) { totalCount edges { node { orderNumber status total { formatted } items { sku quantity } } } }
        returns(first: 2) { totalCount edges { node { reason amount { formatted } } } }
        purchaseStats { orderCount totalRevenue { formatted } lastOrderAt }
        tickets(first: 3) { totalCount edges { node { subject status category messageCount satisfaction { score } } } }
        supportStats { openTickets openComplaints averageSatisfaction }
        lifecycle { stage since reasons }
        value {
          tier score totalRevenue { formatted } averageOrderValue { formatted } purchaseFrequency npsCategory
          probabilityAlive expectedPurchases(days: 90) predictedLifetimeValue(months: 12) { amount } rfm { segment }
        }
        contact { contactableNow channel bestHour reasons }
      }
    }
  }
}`;

async function ok<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  return dataOf<T>(await h.query<T>(query, variables));
}

/** Writes a varied, deterministic history for `CUSTOMERS` customers. */
async function seed(): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const { createCustomer } = await ok<{ createCustomer: { id: string } }>(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      {
        input: {
          givenName: `Customer${i}`,
          familyName: `Family${i % 7}`,
          email: `customer${i}@example.com`,
          timeZone: ['Europe/Budapest', 'America/New_York', 'Asia/Tokyo'][i % 3],
          consents:
            i % 4 === 0
              ? []
              : [
                  {
                    channel: i % 2 ? 'EMAIL' : 'SMS',
                    purpose: 'MARKETING',
                    granted: true,
                    source: 'WEB_FORM',
                  },
                ],
        },
      },
    );
    ids.push(createCustomer.id);
  }
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();

  const touchpoints = ids.flatMap((customerId, i) =>
    Array.from({ length: 1 + (i % 5) }, (_, k) => ({
      customerId,
      channel: ['WEB', 'EMAIL', 'APP', 'SMS'][(i + k) % 4],
      type: ['PAGE_VIEW', 'EMAIL_OPEN', 'APP_OPEN', 'HELP_ARTICLE_VIEW'][(i + k) % 4],
      occurredAt: at((i * 3 + k * 11) % 200),
    })),
  );
  await ok(
    `mutation($t: [RecordTouchpointInput!]!) { recordTouchpoints(touchpoints: $t) { recordedCount } }`,
    {
      t: touchpoints,
    },
  );

  // Two in three customers have bought, some several times, some long ago.
  const orders = ids.flatMap((customerId, i) =>
    i % 3 === 0
      ? []
      : Array.from({ length: 1 + (i % 4) }, (_, k) => ({
          orderNumber: `N1-${i}-${k}`,
          customerId,
          channel: ['WEB', 'APP', 'STORE'][k % 3],
          currency: 'EUR',
          placedAt: at(1 + ((i * 7 + k * 45) % 400)),
          items: [
            {
              sku: `SKU-${(i + k) % 9}`,
              name: `Product ${(i + k) % 9}`,
              quantity: 1 + (k % 2),
              unitPriceMinor: 1500 + i * 10,
            },
          ],
        })),
  );
  await ok(`mutation($o: [ImportOrderInput!]!) { importOrders(orders: $o) { importedCount } }`, {
    o: orders,
  });

  for (let i = 0; i < CUSTOMERS; i += 5) {
    const customerId = ids[i];
    const { openTicket } = await ok<{ openTicket: { id: string } }>(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
      {
        input: {
          customerId,
          channel: 'EMAIL',
          category: i % 10 === 0 ? 'COMPLAINT' : 'QUESTION',
          subject: `Question ${i}`,
          body: 'Where can I find the size chart?',
        },
      },
    );
    await ok(`mutation($input: AddTicketMessageInput!) { addTicketMessage(input: $input) { id } }`, {
      input: { ticketId: openTicket.id, author: 'AGENT', body: 'Here is the link to our size chart.' },
    });
    if (i % 15 === 0) {
      await ok(`mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id } }`, {
        input: { ticketId: openTicket.id, status: 'RESOLVED' },
      });
      await ok(`mutation($input: RateTicketInput!) { rateTicket(input: $input) { id } }`, {
        input: { ticketId: openTicket.id, score: 1 + (i % 5) },
      });
    }
  }
  for (let i = 1; i < CUSTOMERS; i += 4) {
    await ok(`mutation($input: RecordSurveyAnswerInput!) { recordSurveyAnswer(input: $input) { id } }`, {
      input: { customerId: ids[i], surveyId: 'nps', score: i % 11 },
    });
  }
  for (let i = 2; i < CUSTOMERS; i += 10) {
    await ok(`mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }`, {
      input: { referrerId: ids[i], referredEmail: `friend${i}@example.com` },
    });
    await ok(`mutation($input: RecordReviewInput!) { recordReview(input: $input) { id } }`, {
      input: { customerId: ids[i], rating: 1 + (i % 5), title: 'Review' },
    });
  }
  return ids;
}

async function countCommandsFor(first: number) {
  h.commandCounter.reset();
  const response = await h.query<{ customers: { edges: Array<{ node: Record<string, any> }> } }>(LIST_360, {
    first,
  });
  const data = dataOf(response);
  return {
    counts: h.commandCounter.counts(),
    commands: {
      marketing: h.commandCounter.commands('marketing'),
      sales: h.commandCounter.commands('sales'),
      support: h.commandCounter.commands('support'),
    } as Record<SubgraphName, string[]>,
    nodes: data.customers.edges.map((e) => e.node),
  };
}

it('issues the same number of MongoDB commands per subgraph for 10 and for 100 customers', async () => {
  await seed();
  // Warm-up: lazy index builds and connection set-up are not part of a request's cost.
  await countCommandsFor(5);

  const ten = await countCommandsFor(10);
  const hundred = await countCommandsFor(100);

  expect(ten.nodes).toHaveLength(10);
  expect(hundred.nodes).toHaveLength(100);
  // Every subgraph contributed to every customer, and the computed fields were resolved for each.
  for (const node of hundred.nodes) {
    expect(node.purchaseStats).toEqual(expect.objectContaining({ orderCount: expect.any(Number) }));
    expect(node.supportStats).toEqual(expect.objectContaining({ openTickets: expect.any(Number) }));
    expect(node.lifecycle.stage).toEqual(expect.any(String));
    expect(node.value.tier).toEqual(expect.any(String));
  }
  const stages = new Set(hundred.nodes.map((n) => n.lifecycle.stage));
  expect(stages.size).toBeGreaterThanOrEqual(4);
  expect(hundred.nodes.filter((n) => n.orders.totalCount > 0).length).toBe(66);

  const report = (['marketing', 'sales', 'support'] as const)
    .map(
      (s) =>
        `${s.padEnd(9)} N=10: ${ten.counts[s]}  N=100: ${hundred.counts[s]}  (${hundred.commands[s].join(', ')})`,
    )
    .join('\n');
  console.log(`MongoDB commands per subgraph for the customer-360 list query:\n${report}`);

  expect(hundred.counts).toEqual(ten.counts);
  // The same commands, not just the same number.
  expect(hundred.commands).toEqual(ten.commands);
  for (const s of ['marketing', 'sales', 'support'] as const) expect(ten.counts[s]).toBeGreaterThan(0);
});
