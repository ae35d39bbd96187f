/**
 * No N+1 in the support subgraph: the gateway resolves a list of customers with one `_entities` call,
 * and the support fields of 100 customers must cost the same MongoDB commands as those of 10
 * (one aggregation per kind of data), counted with the driver's command monitoring.
 */
import { createModels } from '../../../subgraphs/support/src/models';
import { customerId, startSupportTestServer, type SupportTestServer } from './support-test-server';

/** Response JSON, checked field by field by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const CUSTOMER_360 = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Customer {
      id
      supportStats { openTickets openComplaints complaintsLast30Days lastContactAt averageSatisfaction lastNegativeSentimentAt }
      tickets(first: 3) { totalCount edges { cursor node { id status subject openedAt customer { id } } } }
      open: tickets(first: 2, status: OPEN) { totalCount edges { node { id status } } }
      interactions(first: 2) { totalCount edges { node { id kind startedAt customer { id } } } }
    }
  }
}`;

const CUSTOMERS = 100;
const TICKETS_EACH = 4;
let s: SupportTestServer;

beforeAll(async () => {
  s = await startSupportTestServer('support_batching');
  const { tickets, interactions } = createModels(s.connection);
  const base = s.clock.now.getTime();
  const docs = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    for (let k = 0; k < TICKETS_EACH; k++) {
      const at = new Date(base - (c * TICKETS_EACH + k) * 3_600_000);
      docs.push({
        customerId: customerId(c + 1),
        channel: 'EMAIL',
        category: k === 0 ? 'COMPLAINT' : 'QUESTION',
        priority: 'NORMAL',
        status: k % 2 === 0 ? 'OPEN' : 'RESOLVED',
        subject: `c${c} t${k}`,
        sentiment: 'NEUTRAL',
        sentimentSource: 'LEXICON',
        messages: [{ author: 'CUSTOMER', body: 'hello', channel: 'EMAIL', at }],
        openedAt: at,
        updatedAt: at,
        lastContactAt: at,
        satisfaction: k === 1 ? { score: (c % 5) + 1, ratedAt: at } : undefined,
      });
    }
  }
  await tickets.insertMany(docs);
  // Every other customer also had two calls.
  const calls = [];
  for (let c = 0; c < CUSTOMERS; c += 2) {
    for (let k = 0; k < 2; k++) {
      const at = new Date(base - (c * 2 + k) * 60_000);
      calls.push({
        customerId: customerId(c + 1),
        kind: 'CALL',
        direction: 'INBOUND',
        outcome: 'ANSWERED',
        startedAt: at,
        createdAt: at,
      });
    }
  }
  await interactions.insertMany(calls);
});
afterAll(async () => {
  await s.stop();
});

async function run(n: number) {
  const reps = Array.from({ length: n }, (_, i) => ({ __typename: 'Customer', id: customerId(i + 1) }));
  s.resetCommands();
  const res = await s.gql<{ _entities: Json[] }>(CUSTOMER_360, { reps });
  expect(res.errors).toBeUndefined();
  return { entities: res.data!._entities, commands: [...s.commands] };
}

it('resolves 10 and 100 customers with the same, constant number of MongoDB commands', async () => {
  const ten = await run(10);
  const hundred = await run(100);
  // Stats (tickets + calls/chats), one page query per distinct tickets(...) argument set and one count
  // per distinct status filter (2 + 2), interactions page + count (2): 8 aggregations, whatever N is.
  const expected = Array.from({ length: 8 }, () => 'aggregate');
  expect(ten.commands.sort()).toEqual(expected);
  expect(hundred.commands.sort()).toEqual(expected);
  console.log(
    `support _entities: N=10 → ${ten.commands.length} commands, N=100 → ${hundred.commands.length} commands`,
  );

  // And the batched answers are each customer's own.
  expect(hundred.entities).toHaveLength(100);
  hundred.entities.forEach((e, i) => {
    expect(e.id).toBe(customerId(i + 1));
    expect(e.supportStats).toMatchObject({
      openTickets: 2,
      openComplaints: 1,
      averageSatisfaction: (i % 5) + 1,
    });
    expect(e.tickets.totalCount).toBe(TICKETS_EACH);
    expect(e.tickets.edges.map((x: { node: { subject: string } }) => x.node.subject)).toEqual([
      `c${i} t0`,
      `c${i} t1`,
      `c${i} t2`,
    ]);
    for (const edge of e.tickets.edges) expect(edge.node.customer.id).toBe(e.id);
    expect(e.open.totalCount).toBe(2);
    expect(e.open.edges.map((x: { node: { status: string } }) => x.node.status)).toEqual(['OPEN', 'OPEN']);
    expect(e.interactions.totalCount).toBe(i % 2 === 0 ? 2 : 0);
    for (const edge of e.interactions.edges) expect(edge.node.customer.id).toBe(e.id);
  });
});

it('does not touch the database for Customer references themselves', async () => {
  s.resetCommands();
  const res = await s.gql(
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { id } } }`,
    {
      reps: [{ __typename: 'Customer', id: customerId(1) }],
    },
  );
  expect(res.errors).toBeUndefined();
  expect(s.commands).toEqual([]);
});
