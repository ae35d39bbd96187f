import { Aggregator } from 'mingo';
import {
  interactionStatsPipeline,
  ticketStatsPipeline,
  toSupportStats,
  type TicketStatsRow,
} from '../../../subgraphs/support/src/customer/support-stats';

const now = new Date('2024-06-30T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const A = 'cus_00000000000000000000000a';
const B = 'cus_00000000000000000000000b';
const C = 'cus_00000000000000000000000c';

function ticket(customerId: string, over: Record<string, unknown>): Record<string, unknown> {
  return {
    customerId,
    status: 'OPEN',
    category: 'QUESTION',
    openedAt: daysAgo(1),
    lastContactAt: daysAgo(1),
    ...over,
  };
}

// Runs the real pipeline over in-memory documents (mingo implements MongoDB's aggregation semantics).
function run(docs: Array<Record<string, unknown>>, ids: string[]): Map<string, TicketStatsRow> {
  const rows = new Aggregator(ticketStatsPipeline(ids, now) as unknown as Array<Record<string, unknown>>).run(
    docs,
  ) as unknown as TicketStatsRow[];
  return new Map(rows.map((r) => [r._id, r]));
}

describe('ticketStatsPipeline + toSupportStats', () => {
  const docs = [
    ticket(A, { category: 'COMPLAINT', status: 'OPEN', openedAt: daysAgo(5), lastContactAt: daysAgo(2) }),
    ticket(A, {
      category: 'COMPLAINT',
      status: 'RESOLVED',
      openedAt: daysAgo(29),
      satisfaction: { score: 2 },
    }),
    ticket(A, {
      category: 'COMPLAINT',
      status: 'CLOSED',
      openedAt: daysAgo(31),
      lastContactAt: daysAgo(31),
      lastNegativeAt: daysAgo(31),
      satisfaction: { score: 5 },
    }),
    ticket(A, { category: 'QUESTION', status: 'PENDING', lastNegativeAt: daysAgo(3) }),
    ticket(A, { category: 'BILLING', status: 'ON_HOLD', satisfaction: null }),
    ticket(B, {
      category: 'RETURN',
      status: 'CLOSED',
      lastContactAt: daysAgo(100),
      satisfaction: { score: 4 },
    }),
    ticket(C, { category: 'COMPLAINT', status: 'OPEN' }), // not asked for
  ];

  it('computes every contract field per customer in one pass', () => {
    const rows = run(docs, [A, B]);
    expect(rows.has(C)).toBe(false);
    expect(toSupportStats(rows.get(A))).toEqual({
      openTickets: 3, // OPEN, PENDING, ON_HOLD
      openComplaints: 1,
      complaintsLast30Days: 2, // 5 and 29 days ago; 31 days is outside the window
      lastContactAt: daysAgo(1),
      averageSatisfaction: 3.5, // (2 + 5) / 2; the null rating does not count
      lastNegativeSentimentAt: daysAgo(3),
    });
    expect(toSupportStats(rows.get(B))).toEqual({
      openTickets: 0,
      openComplaints: 0,
      complaintsLast30Days: 0,
      lastContactAt: daysAgo(100),
      averageSatisfaction: 4,
      lastNegativeSentimentAt: null,
    });
  });

  it('gives a customer without tickets zeros and nulls', () => {
    expect(toSupportStats(undefined)).toEqual({
      openTickets: 0,
      openComplaints: 0,
      complaintsLast30Days: 0,
      lastContactAt: null,
      averageSatisfaction: null,
      lastNegativeSentimentAt: null,
    });
  });

  it('rounds the average to two decimals', () => {
    const row: TicketStatsRow = {
      _id: A,
      openTickets: 0,
      openComplaints: 0,
      complaintsLast30Days: 0,
      lastContactAt: null,
      ratingSum: 13,
      ratingCount: 3,
      lastNegativeAt: null,
    };
    expect(toSupportStats(row).averageSatisfaction).toBe(4.33);
  });

  it('finds the latest call/chat and the latest negative one per customer', () => {
    const calls = [
      { customerId: A, startedAt: daysAgo(9), sentiment: 'NEGATIVE' },
      { customerId: A, startedAt: daysAgo(2), sentiment: null },
      { customerId: A, startedAt: daysAgo(4), sentiment: 'POSITIVE' },
      { customerId: B, startedAt: daysAgo(1) },
      { customerId: C, startedAt: daysAgo(0), sentiment: 'NEGATIVE' },
    ];
    const rows = new Aggregator(
      interactionStatsPipeline([A, B]) as unknown as Array<Record<string, unknown>>,
    ).run(calls) as unknown as Array<{ _id: string }>;
    const byId = new Map(rows.map((r) => [r._id, r]));
    expect(byId.get(A)).toEqual({ _id: A, lastContactAt: daysAgo(2), lastNegativeAt: daysAgo(9) });
    expect(byId.get(B)).toEqual({ _id: B, lastContactAt: daysAgo(1), lastNegativeAt: null });
    expect(byId.has(C)).toBe(false);
  });

  it('takes the latest contact and negative moment across tickets and calls/chats', () => {
    const row = run(docs, [A]).get(A);
    const stats = toSupportStats(row, { _id: A, lastContactAt: now, lastNegativeAt: daysAgo(10) });
    expect(stats.lastContactAt).toEqual(now);
    expect(stats.lastNegativeSentimentAt).toEqual(daysAgo(3));
    expect(
      toSupportStats(undefined, { _id: A, lastContactAt: now, lastNegativeAt: null }).lastContactAt,
    ).toEqual(now);
  });
});
