/**
 * The support subgraph over real mongoose (embedded MongoDB, or MONGODB_URI): opening, discussing,
 * moving and rating tickets, agents' queues, and the Customer entity fields the gateway asks for.
 */
import { customerId, onlyError, startSupportTestServer, type SupportTestServer } from './support-test-server';

const TICKET = `
  id status channel category priority subject orderId sentiment sentimentScore sentimentSource
  openedAt firstResponseAt resolvedAt closedAt updatedAt reopenCount messageCount
  customer { id }
  messages { id author body channel at sentiment sentimentSource }
  satisfaction { ticketId score comment ratedAt }
`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET} } }`;
const ADD = `mutation($input: AddTicketMessageInput!) { addTicketMessage(input: $input) { ${TICKET} } }`;
const STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { ${TICKET} } }`;
const RATE = `mutation($input: RateTicketInput!) { rateTicket(input: $input) { ${TICKET} } }`;
const GET = `query($id: ID!) { ticket(id: $id) { ${TICKET} } }`;

/** Response JSON, checked field by field by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Ticket = Record<string, Json>;

let s: SupportTestServer;
const alice = customerId(0xa11ce);

beforeAll(async () => {
  s = await startSupportTestServer('support_tickets');
});
afterAll(async () => {
  await s.stop();
});

async function open(input: Record<string, unknown>): Promise<Ticket> {
  const res = await s.gql<{ openTicket: Ticket }>(OPEN, {
    input: {
      customerId: alice,
      channel: 'EMAIL',
      category: 'QUESTION',
      subject: 'Question',
      body: 'Hello',
      ...input,
    },
  });
  if (!res.data?.openTicket) throw new Error(JSON.stringify(res.errors));
  return res.data.openTicket;
}

async function move(ticketId: string, status: string, reason?: string) {
  return s.gql<{ changeTicketStatus: Ticket }>(STATUS, { input: { ticketId, status, reason } });
}

const ticketCount = () => s.connection.collection('tickets').countDocuments();
const advance = (days: number) => {
  s.clock.now = new Date(s.clock.now.getTime() + days * 86_400_000);
};

describe('openTicket', () => {
  it('opens a ticket with its first message, defaults and a derived sentiment', async () => {
    const t = await open({
      channel: 'CHAT',
      category: 'COMPLAINT',
      subject: '  Broken blender ',
      body: 'The blender arrived broken. This is unacceptable!',
      orderId: 'ord_0123456789abcdef01234567',
    });
    expect(t).toMatchObject({
      status: 'OPEN',
      channel: 'CHAT',
      category: 'COMPLAINT',
      priority: 'NORMAL',
      subject: 'Broken blender',
      orderId: 'ord_0123456789abcdef01234567',
      sentiment: 'NEGATIVE',
      sentimentSource: 'LEXICON',
      openedAt: s.clock.now.toISOString(),
      updatedAt: s.clock.now.toISOString(),
      firstResponseAt: null,
      resolvedAt: null,
      reopenCount: 0,
      messageCount: 1,
      customer: { id: alice },
      satisfaction: null,
    });
    expect(t.id).toMatch(/^tkt_[0-9a-f]{24}$/);
    expect(t.sentimentScore).toBeLessThan(-0.2);
    expect(t.messages).toEqual([
      {
        id: expect.stringMatching(/^msg_/),
        author: 'CUSTOMER',
        body: 'The blender arrived broken. This is unacceptable!',
        channel: 'CHAT',
        at: s.clock.now.toISOString(),
        sentiment: 'NEGATIVE',
        sentimentSource: 'LEXICON',
      },
    ]);
    const fetched = await s.gql<{ ticket: Ticket }>(GET, { id: t.id });
    expect(fetched.data?.ticket).toEqual(t);
  });

  it('an agent logging a phone call answers at once and may record the mood', async () => {
    const t = await open({
      channel: 'PHONE',
      author: 'AGENT',
      body: 'Customer called about delivery',
      sentiment: 'NEGATIVE',
    });
    expect(t).toMatchObject({
      firstResponseAt: s.clock.now.toISOString(),
      sentiment: 'NEGATIVE',
      sentimentSource: 'CALLER',
    });
  });

  it.each([
    ['customerId', { customerId: 'cus_nope' }],
    ['subject', { subject: 'x'.repeat(201) }],
    ['subject', { subject: '   ' }],
    ['body', { body: '' }],
    ['orderId', { orderId: '42' }],
    ['sentimentScore', { sentimentScore: -3 }],
  ])('rejects a bad %s with BAD_USER_INPUT naming it, writing nothing', async (field, patch) => {
    const before = await ticketCount();
    const res = await s.gql(OPEN, {
      input: { customerId: alice, channel: 'EMAIL', category: 'QUESTION', subject: 'S', body: 'B', ...patch },
    });
    const err = onlyError(res);
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(err.message).toContain(field);
    expect(res.data).toBeNull();
    expect(await ticketCount()).toBe(before);
  });

  it('rejects an unknown enum value before running anything', async () => {
    const res = await s.gql(OPEN, {
      input: { customerId: alice, channel: 'FAX', category: 'QUESTION', subject: 'S', body: 'B' },
    });
    expect(onlyError(res).extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('messages and status changes', () => {
  it('follows a conversation: first response, pending, customer reply, resolve, reopen, close', async () => {
    const t0 = await open({ category: 'TECHNICAL', body: 'The app crashes on start' });

    advance(0.1);
    const replied = (
      await s.gql<{ addTicketMessage: Ticket }>(ADD, {
        input: { ticketId: t0.id, author: 'AGENT', body: 'Which version do you use?' },
      })
    ).data!.addTicketMessage;
    const firstResponse = s.clock.now.toISOString();
    expect(replied).toMatchObject({ status: 'OPEN', firstResponseAt: firstResponse, messageCount: 2 });
    expect(replied.messages[1]).toMatchObject({ author: 'AGENT', channel: 'EMAIL', sentiment: null });
    // Agent wording is not scored, so the ticket keeps the customer's mood.
    expect(replied.sentiment).toBe(t0.sentiment);

    const pending = (await move(t0.id, 'PENDING')).data!.changeTicketStatus;
    expect(pending.status).toBe('PENDING');

    advance(0.1);
    const back = (
      await s.gql<{ addTicketMessage: Ticket }>(ADD, {
        input: {
          ticketId: t0.id,
          author: 'CUSTOMER',
          body: 'Version 2.1, thanks, works great now',
          channel: 'CHAT',
        },
      })
    ).data!.addTicketMessage;
    expect(back).toMatchObject({ status: 'OPEN', sentiment: 'POSITIVE', firstResponseAt: firstResponse });
    expect(back.messages[2]).toMatchObject({ channel: 'CHAT', sentiment: 'POSITIVE' });

    advance(0.1);
    const resolved = (await move(t0.id, 'RESOLVED', 'fixed in 2.1')).data!.changeTicketStatus;
    expect(resolved).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: s.clock.now.toISOString(),
      messageCount: 4,
    });
    expect(resolved.messages[3]).toMatchObject({
      author: 'SYSTEM',
      body: 'Status OPEN → RESOLVED: fixed in 2.1',
    });

    advance(1);
    const reopened = (
      await s.gql<{ addTicketMessage: Ticket }>(ADD, {
        input: { ticketId: t0.id, author: 'CUSTOMER', body: 'It crashed again' },
      })
    ).data!.addTicketMessage;
    expect(reopened).toMatchObject({
      status: 'OPEN',
      resolvedAt: null,
      reopenCount: 1,
      sentiment: 'NEGATIVE',
    });

    const closed = (await move(t0.id, 'CLOSED')).data!.changeTicketStatus;
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: s.clock.now.toISOString(), resolvedAt: null });
  });

  it('refuses an invalid transition with INVALID_STATE_TRANSITION and leaves the ticket as it was', async () => {
    const t = await open({});
    await move(t.id, 'CLOSED');
    const before = (await s.gql<{ ticket: Ticket }>(GET, { id: t.id })).data!.ticket;

    const err = onlyError(await move(t.id, 'OPEN'));
    expect(err.extensions).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      entity: 'Ticket',
      from: 'CLOSED',
      to: 'OPEN',
    });
    const same = onlyError(await move(t.id, 'CLOSED'));
    expect(same.extensions).toMatchObject({ code: 'INVALID_STATE_TRANSITION', from: 'CLOSED', to: 'CLOSED' });

    expect((await s.gql<{ ticket: Ticket }>(GET, { id: t.id })).data!.ticket).toEqual(before);
  });

  it('refuses messages on a CLOSED ticket (CONFLICT) without writing', async () => {
    const t = await open({});
    await move(t.id, 'CLOSED');
    const err = onlyError(
      await s.gql(ADD, { input: { ticketId: t.id, author: 'CUSTOMER', body: 'hello?' } }),
    );
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TICKET_CLOSED' });
    expect((await s.gql<{ ticket: Ticket }>(GET, { id: t.id })).data!.ticket.messageCount).toBe(1);
  });

  it('answers NOT_FOUND for an unknown ticket and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = 'tkt_ffffffffffffffffffffffff';
    expect(onlyError(await move(unknown, 'RESOLVED')).extensions).toMatchObject({
      code: 'NOT_FOUND',
      id: unknown,
    });
    expect(
      onlyError(await s.gql(ADD, { input: { ticketId: unknown, author: 'AGENT', body: 'x' } })).extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect(onlyError(await move('tkt_1', 'RESOLVED')).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ticketId',
    });
    expect((await s.gql(GET, { id: unknown })).data).toEqual({ ticket: null });
    expect(onlyError(await s.gql(GET, { id: 'nope' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });

  it('applies concurrent transitions from the same state exactly once', async () => {
    const t = await open({});
    const results = await Promise.all([1, 2, 3, 4].map(() => move(t.id, 'RESOLVED')));
    const ok = results.filter((r) => r.data?.changeTicketStatus);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(3);
    for (const r of refused)
      expect(onlyError(r).extensions).toMatchObject({ code: 'INVALID_STATE_TRANSITION', from: 'RESOLVED' });
  });
});

describe('rateTicket', () => {
  it('rates a resolved ticket once; unresolved or second ratings are CONFLICTs', async () => {
    const t = await open({});
    const early = onlyError(await s.gql(RATE, { input: { ticketId: t.id, score: 5 } }));
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_RESOLVED', status: 'OPEN' });

    await move(t.id, 'RESOLVED');
    advance(0.5);
    const rated = (
      await s.gql<{ rateTicket: Ticket }>(RATE, { input: { ticketId: t.id, score: 4, comment: 'Quick' } })
    ).data!.rateTicket;
    expect(rated.satisfaction).toEqual({
      ticketId: t.id,
      score: 4,
      comment: 'Quick',
      ratedAt: s.clock.now.toISOString(),
    });

    const again = onlyError(await s.gql(RATE, { input: { ticketId: t.id, score: 1 } }));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RATED' });
    expect((await s.gql<{ ticket: Ticket }>(GET, { id: t.id })).data!.ticket.satisfaction.score).toBe(4);
  });

  it('accepts exactly one of several concurrent ratings', async () => {
    const t = await open({});
    await move(t.id, 'CLOSED');
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((score) => s.gql(RATE, { input: { ticketId: t.id, score } })),
    );
    expect(results.filter((r) => r.data)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(onlyError(r).extensions?.code).toBe('CONFLICT');
  });

  it.each([0, 6])('rejects score %s with BAD_USER_INPUT', async (score) => {
    const err = onlyError(await s.gql(RATE, { input: { ticketId: 'tkt_ffffffffffffffffffffffff', score } }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
  });

  it('NOT_FOUND for an unknown ticket', async () => {
    const err = onlyError(
      await s.gql(RATE, { input: { ticketId: 'tkt_eeeeeeeeeeeeeeeeeeeeeeee', score: 3 } }),
    );
    expect(err.extensions?.code).toBe('NOT_FOUND');
  });
});

describe("tickets(...) agents' queue", () => {
  const QUEUE = `query($first: Int, $after: String, $filter: TicketFilterInput) {
    tickets(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id priority status category channel customer { id } } }
    }
  }`;
  const carol = customerId(0xca201);
  const ids: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 7; i++) {
      advance(0.01);
      const t = await open({
        customerId: carol,
        priority: i % 2 ? 'URGENT' : 'LOW',
        channel: i < 5 ? 'SOCIAL' : 'STORE',
        category: 'BILLING',
      });
      ids.push(t.id);
    }
    await move(ids[6], 'ON_HOLD');
  });

  it('pages newest first with keyset cursors and a total count', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: Json = await s.gql(QUEUE, { first: 3, after, filter: { customerId: carol } });
      const conn = res.data.tickets;
      expect(conn.totalCount).toBe(7);
      expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
      pages++;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('combines filters', async () => {
    const res: Json = await s.gql(QUEUE, {
      filter: { customerId: carol, priority: 'URGENT', channel: 'SOCIAL', status: 'OPEN' },
    });
    expect(res.data.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[3], ids[1]]);
    expect(res.data.tickets.totalCount).toBe(2);
    const held: Json = await s.gql(QUEUE, { filter: { status: 'ON_HOLD', category: 'BILLING' } });
    expect(held.data.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[6]]);
  });

  it('rejects bad page sizes, cursors and filter ids naming the argument', async () => {
    expect(onlyError(await s.gql(QUEUE, { first: 101 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect(onlyError(await s.gql(QUEUE, { after: 'garbage' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const forged = Buffer.from(JSON.stringify([{ $gt: '' }, 'x'])).toString('base64url');
    expect(onlyError(await s.gql(QUEUE, { after: forged })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(onlyError(await s.gql(QUEUE, { filter: { customerId: 'bob' } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'customerId',
    });
  });
});

describe('Customer entity (as the gateway resolves it)', () => {
  const ENTITIES = `query($reps: [_Any!]!, $status: TicketStatus, $first: Int, $after: String) {
    _entities(representations: $reps) {
      ... on Customer {
        id
        supportStats { openTickets openComplaints complaintsLast30Days lastContactAt averageSatisfaction lastNegativeSentimentAt }
        tickets(first: $first, after: $after, status: $status) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id status subject customer { id } } }
        }
      }
    }
  }`;
  const dave = customerId(0xda7e);
  const nobody = customerId(0x0);

  it('computes supportStats and lists tickets per customer', async () => {
    s.clock.now = new Date('2024-01-01T09:00:00Z');
    const old = await open({
      customerId: dave,
      category: 'COMPLAINT',
      subject: 'old',
      body: 'Terrible, it is broken',
    });
    const oldNegativeAt = s.clock.now.toISOString();
    await move(old.id, 'RESOLVED');
    await s.gql(RATE, { input: { ticketId: old.id, score: 2 } });

    s.clock.now = new Date('2024-03-01T09:00:00Z');
    const recent = await open({
      customerId: dave,
      category: 'COMPLAINT',
      subject: 'recent',
      body: 'Where is my parcel?',
    });
    s.clock.now = new Date('2024-03-02T09:00:00Z');
    await s.gql(ADD, { input: { ticketId: recent.id, author: 'AGENT', body: 'On its way' } });
    const contactAt = s.clock.now.toISOString();

    s.clock.now = new Date('2024-03-03T09:00:00Z');
    const q = await open({
      customerId: dave,
      category: 'QUESTION',
      subject: 'question',
      body: 'Do you ship to Austria?',
    });
    await move(q.id, 'RESOLVED');
    await s.gql(RATE, { input: { ticketId: q.id, score: 5 } });
    // A SYSTEM note is not contact, so lastContactAt stays at the question's opening.
    s.clock.now = new Date('2024-03-10T09:00:00Z');
    await move(q.id, 'CLOSED', 'auto-close after 7 days');

    s.clock.now = new Date('2024-03-20T09:00:00Z');
    const res = await s.gql<{ _entities: Json[] }>(ENTITIES, {
      reps: [
        { __typename: 'Customer', id: dave },
        { __typename: 'Customer', id: nobody },
      ],
    });
    expect(res.errors).toBeUndefined();
    const [d, n] = res.data!._entities;
    expect(d.id).toBe(dave);
    expect(d.supportStats).toEqual({
      openTickets: 1,
      openComplaints: 1,
      complaintsLast30Days: 1, // "recent"; "old" was opened 79 days earlier
      lastContactAt: '2024-03-03T09:00:00.000Z',
      averageSatisfaction: 3.5,
      lastNegativeSentimentAt: oldNegativeAt,
    });
    expect(contactAt < d.supportStats.lastContactAt).toBe(true);
    expect(d.tickets.totalCount).toBe(3);
    expect(d.tickets.edges.map((e: { node: { subject: string } }) => e.node.subject)).toEqual([
      'question',
      'recent',
      'old',
    ]);
    expect(d.tickets.edges[0].node.customer).toEqual({ id: dave });
    expect(n).toEqual({
      id: nobody,
      supportStats: {
        openTickets: 0,
        openComplaints: 0,
        complaintsLast30Days: 0,
        lastContactAt: null,
        averageSatisfaction: null,
        lastNegativeSentimentAt: null,
      },
      tickets: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
    });

    const openOnly = await s.gql<{ _entities: Json[] }>(ENTITIES, {
      reps: [{ __typename: 'Customer', id: dave }],
      status: 'OPEN',
    });
    expect(openOnly.data!._entities[0].tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
      [recent.id],
    );
    expect(openOnly.data!._entities[0].tickets.totalCount).toBe(1);

    const page1 = await s.gql<{ _entities: Json[] }>(ENTITIES, {
      reps: [{ __typename: 'Customer', id: dave }],
      first: 2,
    });
    const conn1 = page1.data!._entities[0].tickets;
    expect(conn1.pageInfo.hasNextPage).toBe(true);
    const page2 = await s.gql<{ _entities: Json[] }>(ENTITIES, {
      reps: [{ __typename: 'Customer', id: dave }],
      first: 2,
      after: conn1.pageInfo.endCursor,
    });
    const conn2 = page2.data!._entities[0].tickets;
    expect(conn2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([old.id]);
    expect(conn2.pageInfo.hasNextPage).toBe(false);
  });
});
