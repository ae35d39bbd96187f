/**
 * Calls and chats: recorded as interactions (optionally linked to a ticket), listed per customer and per
 * ticket, and counted in supportStats (lastContactAt, lastNegativeSentimentAt).
 */
import { customerId, onlyError, startSupportTestServer, type SupportTestServer } from './support-test-server';

/** Response JSON, checked field by field by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const RECORD = `mutation($input: RecordInteractionInput!) {
  recordInteraction(input: $input) {
    id kind direction outcome startedAt endedAt durationSeconds agentId summary sentiment sentimentSource
    customer { id } ticket { id subject }
  }
}`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;

let s: SupportTestServer;
const erin = customerId(0xe1);
const frank = customerId(0xf1);
const interactionCount = () => s.connection.collection('interactions').countDocuments();

beforeAll(async () => {
  s = await startSupportTestServer('support_interactions', new Date('2024-05-10T15:00:00Z'));
});
afterAll(async () => {
  await s.stop();
});

it('records calls and chats and shows them on the customer, the ticket and in supportStats', async () => {
  const ticket = (
    await s.gql<{ openTicket: { id: string } }>(OPEN, {
      input: {
        customerId: erin,
        channel: 'PHONE',
        category: 'RETURN',
        subject: 'Return',
        body: 'How do I return it?',
      },
    })
  ).data!.openTicket;

  const call = await s.gql<{ recordInteraction: Json }>(RECORD, {
    input: {
      customerId: erin,
      kind: 'CALL',
      startedAt: '2024-05-10T14:00:00Z',
      endedAt: '2024-05-10T14:07:30Z',
      agentId: 'agent-7',
      summary: ' Explained the return label ',
      ticketId: ticket.id,
      sentiment: 'NEGATIVE',
    },
  });
  expect(call.errors).toBeUndefined();
  expect(call.data!.recordInteraction).toMatchObject({
    kind: 'CALL',
    direction: 'INBOUND',
    outcome: 'ANSWERED',
    startedAt: '2024-05-10T14:00:00.000Z',
    endedAt: '2024-05-10T14:07:30.000Z',
    durationSeconds: 450,
    agentId: 'agent-7',
    summary: 'Explained the return label',
    sentiment: 'NEGATIVE',
    sentimentSource: 'CALLER',
    customer: { id: erin },
    ticket: { id: ticket.id, subject: 'Return' },
  });
  expect(call.data!.recordInteraction.id).toMatch(/^ixn_[0-9a-f]{24}$/);

  const chat = await s.gql<{ recordInteraction: Json }>(RECORD, {
    input: { customerId: erin, kind: 'CHAT', direction: 'OUTBOUND' },
  });
  expect(chat.data!.recordInteraction).toMatchObject({
    kind: 'CHAT',
    startedAt: s.clock.now.toISOString(),
    endedAt: null,
    durationSeconds: null,
    sentiment: null,
    ticket: null,
  });

  const res = await s.gql<{ _entities: Json[] }>(
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer {
      supportStats { lastContactAt lastNegativeSentimentAt openTickets }
      calls: interactions(kind: CALL) { totalCount edges { node { id durationSeconds } } }
      all: interactions(first: 1) { totalCount pageInfo { hasNextPage } edges { node { kind } } }
    } } }`,
    { reps: [{ __typename: 'Customer', id: erin }] },
  );
  expect(res.errors).toBeUndefined();
  const e = res.data!._entities[0];
  expect(e.supportStats).toEqual({
    // The outbound chat (now) is later than the ticket (opened now too) and the call.
    lastContactAt: s.clock.now.toISOString(),
    lastNegativeSentimentAt: '2024-05-10T14:00:00.000Z',
    openTickets: 1,
  });
  expect(e.calls).toEqual({
    totalCount: 1,
    edges: [{ node: { id: call.data!.recordInteraction.id, durationSeconds: 450 } }],
  });
  expect(e.all).toEqual({
    totalCount: 2,
    pageInfo: { hasNextPage: true },
    edges: [{ node: { kind: 'CHAT' } }],
  });

  const viaTicket = await s.gql<{ ticket: Json }>(
    `query($id: ID!) { ticket(id: $id) { interactions { id kind } } }`,
    {
      id: ticket.id,
    },
  );
  expect(viaTicket.data!.ticket.interactions).toEqual([
    { id: call.data!.recordInteraction.id, kind: 'CALL' },
  ]);
});

it('rejects bad calls without writing anything', async () => {
  const franksTicket = (
    await s.gql<{ openTicket: { id: string } }>(OPEN, {
      input: { customerId: frank, channel: 'EMAIL', category: 'QUESTION', subject: 'Q', body: 'Q?' },
    })
  ).data!.openTicket;
  const before = await interactionCount();
  const bad = async (patch: Record<string, unknown>) =>
    onlyError(await s.gql(RECORD, { input: { customerId: erin, kind: 'CALL', ...patch } })).extensions;

  expect(await bad({ ticketId: franksTicket.id })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'ticketId',
  });
  expect(await bad({ ticketId: 'tkt_dddddddddddddddddddddddd' })).toMatchObject({ code: 'NOT_FOUND' });
  expect(await bad({ startedAt: '2024-05-10T14:00:00Z', endedAt: '2024-05-10T13:00:00Z' })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'endedAt',
  });
  expect(await bad({ startedAt: '2030-01-01T00:00:00Z' })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'startedAt',
  });
  expect(await bad({ customerId: 'erin' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
  expect(await bad({ agentId: 'a'.repeat(101) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agentId' });
  expect(await interactionCount()).toBe(before);
});
