import {
  ConsentChannel,
  ConsentPurpose,
  ConsentSource,
} from '../../../subgraphs/marketing/src/consent/consent.enums';
import { PhoneKind } from '../../../subgraphs/marketing/src/customer/customer.enums';
import { OrderChannel, OrderStatus } from '../../../subgraphs/sales/src/order/order.enums';
import { ReturnReason } from '../../../subgraphs/sales/src/return/return.enums';
import {
  TicketCategory,
  TicketChannel,
  TicketMessageAuthor as A,
  TicketPriority,
  TicketSentiment,
  TicketStatus as S,
} from '../../../subgraphs/support/src/ticket/ticket.enums';
import {
  customerDocument,
  interactionDocuments,
  orderAndReturnDocuments,
  ticketDocument,
} from '../../../scripts/seed/documents';
import {
  SupportInteractionDirection as D,
  SupportInteractionKind as K,
  SupportInteractionOutcome as O,
} from '../../../subgraphs/support/src/interaction/interaction.enums';
import type {
  OrderPlan,
  ProfilePlan,
  ReturnPlan,
  TicketEvent,
  TicketPlan,
} from '../../../scripts/seed/types';

const at = (iso: string) => new Date(iso);
let n = 0;
const nextId = () => `msg_${String(++n).padStart(24, '0')}`;

function ticket(events: TicketEvent[]): TicketPlan {
  return {
    ticketId: 'tkt_000000000000000000000001',
    channel: TicketChannel.EMAIL,
    category: TicketCategory.COMPLAINT,
    priority: TicketPriority.HIGH,
    subject: 'Damaged item',
    events,
  };
}

describe('ticket replay through support rules', () => {
  it('derives status, contact times, sentiment and the status history from the conversation', () => {
    const doc = ticketDocument(
      'cus_1',
      ticket([
        {
          kind: 'message',
          author: A.CUSTOMER,
          body: 'The mug arrived broken, I am really disappointed.',
          at: at('2026-10-01T08:00:00Z'),
        },
        {
          kind: 'message',
          author: A.AGENT,
          body: 'Sorry, sending a new one.',
          at: at('2026-10-01T10:00:00Z'),
        },
        { kind: 'status', to: S.PENDING, reason: 'Asked for photos', at: at('2026-10-01T10:01:00Z') },
        { kind: 'message', author: A.CUSTOMER, body: 'Photos attached.', at: at('2026-10-02T09:00:00Z') },
        { kind: 'status', to: S.RESOLVED, reason: 'Replacement sent', at: at('2026-10-03T09:00:00Z') },
        { kind: 'rating', score: 2, at: at('2026-10-04T09:00:00Z') },
        { kind: 'status', to: S.CLOSED, reason: 'No further reply', at: at('2026-10-08T09:00:00Z') },
      ]),
      nextId,
    );
    expect(doc.status).toBe(S.CLOSED);
    expect(doc.firstResponseAt).toEqual(at('2026-10-01T10:00:00Z'));
    expect(doc.lastContactAt).toEqual(at('2026-10-02T09:00:00Z')); // system notes are not contact
    expect(doc.lastNegativeAt).toEqual(at('2026-10-01T08:00:00Z'));
    expect(doc.resolvedAt).toEqual(at('2026-10-03T09:00:00Z'));
    expect(doc.closedAt).toEqual(at('2026-10-08T09:00:00Z'));
    expect(doc.satisfaction).toEqual({ score: 2, ratedAt: at('2026-10-04T09:00:00Z') });
    expect(doc.messages.map((m) => m.author)).toEqual([
      A.CUSTOMER,
      A.AGENT,
      A.SYSTEM,
      A.CUSTOMER,
      A.SYSTEM,
      A.SYSTEM,
    ]);
    expect(doc.messages[2].body).toBe('Status OPEN → PENDING: Asked for photos');
    // The customer's reply moved PENDING back to OPEN, so the resolution note starts from OPEN.
    expect(doc.messages[4].body).toBe('Status OPEN → RESOLVED: Replacement sent');
    expect(doc.messages[0].sentiment).toBe(TicketSentiment.NEGATIVE);
    expect(doc.rev).toBe(6);
    expect(doc.updatedAt).toEqual(at('2026-10-08T09:00:00Z'));
  });

  it('counts a reopen when the customer writes after the resolution', () => {
    const doc = ticketDocument(
      'cus_1',
      ticket([
        {
          kind: 'message',
          author: A.CUSTOMER,
          body: 'Question about my invoice',
          at: at('2026-10-01T08:00:00Z'),
        },
        { kind: 'status', to: S.RESOLVED, reason: 'Invoice sent', at: at('2026-10-01T09:00:00Z') },
        {
          kind: 'message',
          author: A.CUSTOMER,
          body: 'The company name is missing.',
          at: at('2026-10-02T09:00:00Z'),
        },
      ]),
      nextId,
    );
    expect(doc.status).toBe(S.OPEN);
    expect(doc.reopenCount).toBe(1);
    expect(doc.resolvedAt).toBeUndefined();
  });

  it('refuses conversations the support rules would refuse', () => {
    const rateOpen = ticket([
      { kind: 'message', author: A.CUSTOMER, body: 'Hello', at: at('2026-10-01T08:00:00Z') },
      { kind: 'rating', score: 5, at: at('2026-10-01T09:00:00Z') },
    ]);
    expect(() => ticketDocument('cus_1', rateOpen, nextId)).toThrow(/RESOLVED or CLOSED/);
    const writeToClosed = ticket([
      { kind: 'message', author: A.CUSTOMER, body: 'Hello', at: at('2026-10-01T08:00:00Z') },
      { kind: 'status', to: S.CLOSED, reason: 'Spam', at: at('2026-10-01T09:00:00Z') },
      { kind: 'message', author: A.CUSTOMER, body: 'Hello?', at: at('2026-10-02T08:00:00Z') },
    ]);
    expect(() => ticketDocument('cus_1', writeToClosed, nextId)).toThrow(/CLOSED/);
  });
});

describe('calls and chats behind PHONE and CHAT tickets', () => {
  const conversation = (channel: TicketChannel, category = TicketCategory.COMPLAINT) =>
    ticketDocument(
      'cus_1',
      {
        ...ticket([
          {
            kind: 'message',
            author: A.CUSTOMER,
            body: 'The mug arrived broken, I am really disappointed.',
            at: at('2026-10-01T08:00:00Z'),
          },
          {
            kind: 'message',
            author: A.AGENT,
            body: 'Sorry, sending a new one.',
            at: at('2026-10-01T10:00:00Z'),
          },
          { kind: 'message', author: A.CUSTOMER, body: 'Thanks.', at: at('2026-10-02T09:00:00Z') },
        ]),
        channel,
        category,
      },
      nextId,
    );
  let k = 0;
  const nextIxn = () => `ixn_${++k}`;

  it('logs each customer message on the phone as an answered inbound call, and a complaint call-back', () => {
    const doc = conversation(TicketChannel.PHONE);
    const calls = interactionDocuments(doc, nextIxn);
    const answered = calls.filter((c) => c.outcome === O.ANSWERED && c.direction === D.INBOUND);
    expect(answered.map((c) => c.startedAt)).toEqual([
      at('2026-10-01T08:00:00Z'),
      at('2026-10-02T09:00:00Z'),
    ]);
    expect(calls.every((c) => c.kind === K.CALL && c.ticketId === doc._id && c.customerId === 'cus_1')).toBe(
      true,
    );
    // The angry first call carries the message's sentiment; the call-back (at the first response) none.
    expect(answered[0].sentiment).toBe(TicketSentiment.NEGATIVE);
    const callback = calls.filter((c) => c.direction === D.OUTBOUND);
    expect(callback).toHaveLength(1);
    expect(callback[0].startedAt).toEqual(doc.firstResponseAt);
    expect(callback[0].sentiment).toBeUndefined();
    // Nothing is later than the ticket's own last contact, so support figures do not move.
    expect(Math.max(...calls.map((c) => c.startedAt.getTime()))).toBeLessThanOrEqual(
      doc.lastContactAt.getTime(),
    );
    for (const c of calls)
      expect(c.endedAt!.getTime() - c.startedAt.getTime()).toBe(c.durationSeconds! * 1000);
  });

  it('logs chats without call-backs, and nothing for other channels', () => {
    const chats = interactionDocuments(conversation(TicketChannel.CHAT), nextIxn);
    const answered = chats.filter((c) => c.outcome === O.ANSWERED);
    expect(answered.map((c) => [c.kind, c.direction, c.startedAt])).toEqual([
      [K.CHAT, D.INBOUND, at('2026-10-01T08:00:00Z')],
      [K.CHAT, D.INBOUND, at('2026-10-02T09:00:00Z')],
    ]);
    // Anything else is a chat left in the queue three minutes before an answered one.
    for (const c of chats.filter((x) => x.outcome !== O.ANSWERED)) {
      expect([c.kind, c.direction, c.outcome]).toEqual([K.CHAT, D.INBOUND, O.ABANDONED]);
      expect(answered.map((a) => a.startedAt.getTime() - c.startedAt.getTime())).toContain(180_000);
    }
    expect(interactionDocuments(conversation(TicketChannel.EMAIL), nextIxn)).toEqual([]);
  });
});

describe('orders and returns through sales rules', () => {
  const order: OrderPlan = {
    orderId: 'ord_1',
    orderNumber: 'SO-20261001-AAAAAAAA',
    channel: OrderChannel.WEB,
    placedAt: at('2026-10-01T12:00:00Z'),
    fulfilment: 'DELIVERED',
    lines: [
      { sku: 'COF-001', quantity: 2, unitPriceMinor: 1290 },
      { sku: 'KIT-003', quantity: 1, unitPriceMinor: 2490 },
    ],
    discountMinor: 507,
    shippingMinor: 490,
  };
  const ret = (id: string, items: ReturnPlan['items'], day: string): ReturnPlan => ({
    returnId: id,
    orderId: 'ord_1',
    items,
    reason: ReturnReason.DAMAGED,
    createdAt: at(day),
    processedAt: null,
  });
  const productIds = new Map([
    ['COF-001', 'prd_1'],
    ['KIT-003', 'prd_2'],
  ]);

  it('computes totals from the lines', () => {
    const { order: doc } = orderAndReturnDocuments('cus_1', order, [], productIds);
    expect(doc.subtotalMinor).toBe(2 * 1290 + 2490);
    expect(doc.totalMinor).toBe(doc.subtotalMinor - 507 + 490);
    expect(doc.status).toBe(OrderStatus.DELIVERED);
    expect(doc.items.map((i) => i.productId)).toEqual(['prd_1', 'prd_2']);
  });

  it('applies returns in time order: partial first, then everything, refunding all but shipping', () => {
    const later = ret('ret_2', [{ sku: 'COF-001', quantity: 2 }], '2026-10-12T10:00:00Z');
    const first = ret('ret_1', [{ sku: 'KIT-003', quantity: 1 }], '2026-10-08T10:00:00Z');
    const { order: doc, returns } = orderAndReturnDocuments('cus_1', order, [later, first], productIds);
    expect(returns.map((r) => r._id)).toEqual(['ret_1', 'ret_2']);
    expect(doc.status).toBe(OrderStatus.RETURNED);
    expect(doc.items.map((i) => i.returnedQuantity)).toEqual([2, 1]);
    expect(returns[0].amountMinor + returns[1].amountMinor).toBe(doc.totalMinor - doc.shippingMinor);
    expect(doc.refundedMinor).toBe(doc.totalMinor - doc.shippingMinor);
    expect(doc.updatedAt).toEqual(at('2026-10-12T10:00:00Z'));
  });

  it('refuses to return more than was ordered', () => {
    expect(() =>
      orderAndReturnDocuments(
        'cus_1',
        order,
        [ret('ret_1', [{ sku: 'KIT-003', quantity: 2 }], '2026-10-08T10:00:00Z')],
        productIds,
      ),
    ).toThrow(/cannot return 2 of KIT-003/);
  });
});

describe('customer documents', () => {
  const profile: ProfilePlan = {
    customerId: 'cus_5f0000000000000000000001',
    personKey: 'person-1',
    corruptions: [],
    locale: 'hu',
    country: 'HU',
    language: 'hu-HU',
    timeZone: 'Europe/Budapest',
    givenName: 'Péter',
    familyName: 'Kovács',
    sex: 'male',
    emails: [{ address: 'Kovacs.Peter@Freemail.hu', primary: true, addedAt: at('2025-01-01T00:00:00Z') }],
    phones: [
      { number: '+36301234567', kind: PhoneKind.MOBILE, primary: true, addedAt: at('2025-01-01T00:00:00Z') },
    ],
    identifiers: [],
    socialHandles: [],
    consents: [
      {
        channel: ConsentChannel.EMAIL,
        purpose: ConsentPurpose.MARKETING,
        granted: true,
        source: ConsentSource.WEB_FORM,
        at: at('2025-01-01T00:00:00Z'),
      },
      {
        channel: ConsentChannel.EMAIL,
        purpose: ConsentPurpose.MARKETING,
        granted: false,
        source: ConsentSource.EMAIL_LINK,
        at: at('2026-03-01T00:00:00Z'),
      },
      {
        channel: ConsentChannel.SMS,
        purpose: ConsentPurpose.MARKETING,
        granted: true,
        source: ConsentSource.WEB_FORM,
        at: at('2026-12-01T00:00:00Z'),
      },
    ],
    segmentKeys: ['vip'],
    createdAt: at('2025-01-01T00:00:00Z'),
  };

  it('keeps the latest decision per channel and purpose, the history, and nothing after asOf', () => {
    const doc = customerDocument(profile, new Map([['vip', 'seg_1']]), at('2026-11-01T00:00:00Z'));
    expect(doc.consents).toEqual([
      {
        channel: ConsentChannel.EMAIL,
        purpose: ConsentPurpose.MARKETING,
        granted: false,
        source: ConsentSource.EMAIL_LINK,
        updatedAt: at('2026-03-01T00:00:00Z'),
      },
    ]);
    expect(doc.consentHistory).toHaveLength(2);
    expect(doc.updatedAt).toEqual(at('2026-03-01T00:00:00Z'));
    expect(doc.segmentIds).toEqual(['seg_1']);
  });

  it('stores the derived keys marketing stores for its look-ups', () => {
    const doc = customerDocument(profile, new Map(), at('2026-11-01T00:00:00Z'));
    expect(doc.emails[0].normalized).toBe('kovacs.peter@freemail.hu');
    expect(doc.nameKey.startsWith('kovacs')).toBe(true);
    expect(doc.searchTokens).toEqual(expect.arrayContaining(['peter', 'kovacs', 'kovacs.peter@freemail.hu']));
    expect(doc.demographics).toEqual({ country: 'HU' });
  });
});
