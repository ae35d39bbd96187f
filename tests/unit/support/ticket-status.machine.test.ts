import { AppError, ErrorCode } from '../../../shared/errors';
import { TicketMessageAuthor, TicketStatus } from '../../../subgraphs/support/src/ticket/ticket.enums';
import {
  assertRateable,
  assertTransition,
  canTransition,
  isOpenStatus,
  planStatusChange,
  statusAfterMessage,
} from '../../../subgraphs/support/src/ticket/ticket-status.machine';

const { OPEN, PENDING, ON_HOLD, RESOLVED, CLOSED } = TicketStatus;
const ALL = Object.values(TicketStatus);

// The product rules, written out independently of the module's table.
const ALLOWED = new Set([
  'OPEN>PENDING',
  'OPEN>ON_HOLD',
  'OPEN>RESOLVED',
  'OPEN>CLOSED',
  'PENDING>OPEN',
  'PENDING>ON_HOLD',
  'PENDING>RESOLVED',
  'PENDING>CLOSED',
  'ON_HOLD>OPEN',
  'ON_HOLD>PENDING',
  'ON_HOLD>RESOLVED',
  'ON_HOLD>CLOSED',
  'RESOLVED>OPEN',
  'RESOLVED>CLOSED',
]);

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('ticket status machine', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));

  it('covers all 25 status pairs', () => {
    expect(pairs).toHaveLength(25);
  });

  it.each(pairs)('%s → %s is allowed exactly when the product rules say so', (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      const err = caught(() => assertTransition(from, to));
      expect(err.code).toBe(ErrorCode.INVALID_STATE_TRANSITION);
      expect(err.details).toEqual({ entity: 'Ticket', from, to });
    }
  });

  it('never allows staying in the same status or leaving CLOSED', () => {
    for (const s of ALL) expect(canTransition(s, s)).toBe(false);
    for (const s of ALL) expect(canTransition(CLOSED, s)).toBe(false);
  });

  it('counts OPEN, PENDING and ON_HOLD as open', () => {
    expect(ALL.filter(isOpenStatus)).toEqual([OPEN, PENDING, ON_HOLD]);
  });
});

describe('planStatusChange', () => {
  const at = new Date('2024-05-01T10:00:00Z');
  const earlier = new Date('2024-04-01T10:00:00Z');

  it('stamps resolvedAt on RESOLVED', () => {
    expect(planStatusChange({ status: OPEN, reopenCount: 0 }, RESOLVED, at)).toEqual({
      set: { status: RESOLVED, resolvedAt: at },
      unset: [],
    });
  });

  it('stamps closedAt on CLOSED and keeps resolvedAt untouched', () => {
    expect(planStatusChange({ status: RESOLVED, resolvedAt: earlier, reopenCount: 0 }, CLOSED, at)).toEqual({
      set: { status: CLOSED, closedAt: at },
      unset: [],
    });
  });

  it('a reopen clears resolvedAt and counts the reopen', () => {
    expect(planStatusChange({ status: RESOLVED, resolvedAt: earlier, reopenCount: 2 }, OPEN, at)).toEqual({
      set: { status: OPEN, reopenCount: 3 },
      unset: ['resolvedAt'],
    });
  });

  it('PENDING → OPEN is not a reopen', () => {
    expect(planStatusChange({ status: PENDING, reopenCount: 0 }, OPEN, at)).toEqual({
      set: { status: OPEN },
      unset: [],
    });
  });

  it('rejects invalid transitions with INVALID_STATE_TRANSITION', () => {
    expect(caught(() => planStatusChange({ status: CLOSED, reopenCount: 0 }, OPEN, at)).code).toBe(
      ErrorCode.INVALID_STATE_TRANSITION,
    );
    expect(caught(() => planStatusChange({ status: RESOLVED, reopenCount: 0 }, RESOLVED, at)).code).toBe(
      ErrorCode.INVALID_STATE_TRANSITION,
    );
  });
});

describe('statusAfterMessage', () => {
  const expected: Record<TicketStatus, Record<TicketMessageAuthor, TicketStatus | 'CONFLICT'>> = {
    OPEN: { CUSTOMER: OPEN, AGENT: OPEN, SYSTEM: OPEN },
    PENDING: { CUSTOMER: OPEN, AGENT: PENDING, SYSTEM: PENDING },
    ON_HOLD: { CUSTOMER: ON_HOLD, AGENT: ON_HOLD, SYSTEM: ON_HOLD },
    RESOLVED: { CUSTOMER: OPEN, AGENT: RESOLVED, SYSTEM: RESOLVED },
    CLOSED: { CUSTOMER: 'CONFLICT', AGENT: 'CONFLICT', SYSTEM: 'CONFLICT' },
  };
  const cases = ALL.flatMap((s) => Object.values(TicketMessageAuthor).map((a) => [s, a] as const));

  it.each(cases)('%s + %s message', (status, author) => {
    const want = expected[status][author];
    if (want === 'CONFLICT') {
      const err = caught(() => statusAfterMessage(status, author));
      expect(err.code).toBe(ErrorCode.CONFLICT);
      expect(err.details.reason).toBe('TICKET_CLOSED');
    } else {
      expect(statusAfterMessage(status, author)).toBe(want);
    }
  });

  it('every status a message leads to is reachable by a valid transition', () => {
    for (const [status, author] of cases) {
      if (status === CLOSED) continue;
      const next = statusAfterMessage(status, author);
      if (next !== status) expect(canTransition(status, next)).toBe(true);
    }
  });
});

describe('assertRateable', () => {
  it.each(ALL)('%s, not yet rated', (status) => {
    if (status === RESOLVED || status === CLOSED) {
      expect(() => assertRateable(status, false)).not.toThrow();
    } else {
      const err = caught(() => assertRateable(status, false));
      expect(err.code).toBe(ErrorCode.CONFLICT);
      expect(err.details).toMatchObject({ reason: 'NOT_RESOLVED', status });
    }
  });

  it.each(ALL)('%s, already rated → CONFLICT ALREADY_RATED', (status) => {
    const err = caught(() => assertRateable(status, true));
    expect(err.code).toBe(ErrorCode.CONFLICT);
    expect(err.details.reason).toBe('ALREADY_RATED');
  });
});
