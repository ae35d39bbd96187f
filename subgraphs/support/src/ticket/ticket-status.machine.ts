import { conflict, invalidTransition } from '../../../../shared/errors';
import { TicketMessageAuthor, TicketStatus } from './ticket.enums';

const { OPEN, PENDING, ON_HOLD, RESOLVED, CLOSED } = TicketStatus;

/**
 * Every allowed status change. Anything not listed (including "to the same status") is rejected, so a
 * client can never, say, reopen a CLOSED ticket or resolve one twice and move its resolvedAt.
 * CLOSED is terminal: a customer writing again gets a new ticket, keeping resolution metrics honest.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  [OPEN]: [PENDING, ON_HOLD, RESOLVED, CLOSED],
  [PENDING]: [OPEN, ON_HOLD, RESOLVED, CLOSED],
  [ON_HOLD]: [OPEN, PENDING, RESOLVED, CLOSED],
  [RESOLVED]: [OPEN, CLOSED],
  [CLOSED]: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** Throws INVALID_STATE_TRANSITION unless `from → to` is allowed. */
export function assertTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canTransition(from, to)) throw invalidTransition('Ticket', from, to);
}

export function isOpenStatus(status: TicketStatus): boolean {
  return status === OPEN || status === PENDING || status === ON_HOLD;
}

/** The status-dependent fields of a ticket. */
export interface TicketStatusState {
  status: TicketStatus;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  reopenCount: number;
}

/** Field changes for one transition: values to set and fields to remove. */
export interface StatusPatch {
  set: { status: TicketStatus; resolvedAt?: Date; closedAt?: Date; reopenCount?: number };
  unset: Array<'resolvedAt'>;
}

/**
 * The field changes a valid transition implies: RESOLVED stamps resolvedAt, CLOSED stamps closedAt
 * (resolvedAt stays as it was: a ticket closed as spam was never resolved), and a reopen clears
 * resolvedAt and counts the reopen, so "resolved" always describes the current state.
 */
export function planStatusChange(ticket: TicketStatusState, to: TicketStatus, at: Date): StatusPatch {
  assertTransition(ticket.status, to);
  const patch: StatusPatch = { set: { status: to }, unset: [] };
  if (to === RESOLVED) patch.set.resolvedAt = at;
  if (to === CLOSED) patch.set.closedAt = at;
  if (ticket.status === RESOLVED && to === OPEN) {
    patch.unset.push('resolvedAt');
    patch.set.reopenCount = ticket.reopenCount + 1;
  }
  return patch;
}

/**
 * Status after a new message. A customer replying to a ticket that waits for them (PENDING) or that was
 * RESOLVED puts it back in the team's queue (OPEN; the second case is a reopen). Agent and system
 * messages never move the status: agents change it explicitly. CLOSED tickets take no messages (CONFLICT).
 */
export function statusAfterMessage(status: TicketStatus, author: TicketMessageAuthor): TicketStatus {
  if (status === CLOSED) {
    throw conflict('Ticket is CLOSED; closed tickets take no new messages (open a new ticket)', {
      reason: 'TICKET_CLOSED',
      status,
    });
  }
  if (author === TicketMessageAuthor.CUSTOMER && (status === PENDING || status === RESOLVED)) return OPEN;
  return status;
}

/** Ratings are for finished work only, and one per ticket. */
export function assertRateable(status: TicketStatus, alreadyRated: boolean): void {
  if (alreadyRated) throw conflict('Ticket was already rated', { reason: 'ALREADY_RATED' });
  if (status !== RESOLVED && status !== CLOSED) {
    throw conflict(`Only RESOLVED or CLOSED tickets can be rated (ticket is ${status})`, {
      reason: 'NOT_RESOLVED',
      status,
    });
  }
}
