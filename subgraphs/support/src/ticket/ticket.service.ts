import { systemClock, type Clock } from '../../../../shared/time/clock';
import { trusted, type PipelineStage, type QueryFilter, type UpdateQuery } from 'mongoose';
import type { EventOutbox } from '../../../../shared/events';
import { badInput, conflict, notFound } from '../../../../shared/errors';
import { afterFilter } from '../../../../shared/graphql/pagination';
import { newId } from '../../../../shared/ids/ids';
import { keysetAfter } from '../common/keyset';
import { ticketStatsPipeline, type TicketStatsRow } from '../customer/support-stats';
import { TicketMessageAuthor, TicketPriority, TicketStatus } from './ticket.enums';
import type {
  AddTicketMessageInput,
  ChangeTicketStatusInput,
  OpenTicketInput,
  RateTicketInput,
  TicketFilterInput,
} from './ticket.input';
import {
  MAX_MESSAGES_PER_TICKET,
  type TicketDoc,
  type TicketMessageDoc,
  type TicketModel,
} from './ticket.model';
import { messageSentiment, NO_SENTIMENT, planNewMessage, type MessagePlan } from './ticket.rules';
import { assertRateable, planStatusChange } from './ticket-status.machine';

/** Every ticket list is newest first; the keyset cursor is (openedAt, _id). */
const NEWEST_FIRST = { openedAt: -1, _id: -1 } as const;
/** Optimistic updates retry this often when another request changed the ticket in between. */
const MAX_ATTEMPTS = 3;

/** Parameters of one `Customer.tickets(...)` call; requests with equal parameters share one query. */
export interface CustomerTicketsParams {
  first: number;
  after: unknown[] | null;
  status: TicketStatus | null;
}

export function ticketMatch(filter: TicketFilterInput | null | undefined): QueryFilter<TicketDoc> {
  const match: Record<string, string> = {};
  for (const key of ['status', 'category', 'priority', 'channel', 'customerId'] as const) {
    const value = filter?.[key];
    if (value) match[key] = value;
  }
  return match as QueryFilter<TicketDoc>;
}

/** Mongo update of one message plan: the plan decides, this only translates to operators. */
function messageUpdate(plan: MessagePlan, message: TicketMessageDoc): UpdateQuery<TicketDoc> {
  const $set: Record<string, unknown> = {};
  const $max: Record<string, Date> = {};
  const $unset: Record<string, 1> = {};
  if (plan.status) {
    Object.assign($set, plan.status.set);
    for (const f of plan.status.unset) $unset[f] = 1;
  }
  if (plan.sentiment) Object.assign($set, plan.sentiment);
  if (plan.firstResponseAt) $set.firstResponseAt = plan.firstResponseAt;
  // $max keeps the latest even if two messages race (the guard on `rev` makes one of them retry anyway).
  if (plan.lastContactAt) $max.lastContactAt = plan.lastContactAt;
  if (plan.lastNegativeAt) $max.lastNegativeAt = plan.lastNegativeAt;
  const update: UpdateQuery<TicketDoc> = { $set, $push: { messages: message } };
  if (Object.keys($max).length) update.$max = $max;
  if (Object.keys($unset).length) update.$unset = $unset;
  return update;
}

function notBlank(field: string, value: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(field, 'must not be blank');
  return trimmed;
}

/**
 * Ticket reads and writes. Every write is ONE document operation (insert, or an update guarded by the
 * ticket's revision), so a failed write leaves nothing half-written and concurrent writers cannot
 * apply a transition decided on a stale status.
 */
export class TicketService {
  constructor(
    private readonly tickets: TicketModel,
    private readonly outbox: EventOutbox,
    private readonly now: Clock = systemClock,
  ) {}

  async open(input: OpenTicketInput): Promise<TicketDoc> {
    const at = this.now();
    const author = input.author ?? TicketMessageAuthor.CUSTOMER;
    const body = notBlank('body', input.body);
    const sentiment = messageSentiment({ ...input, author, body });
    const plan = planNewMessage({ status: TicketStatus.OPEN, reopenCount: 0 }, { author, at }, sentiment);
    const subject = notBlank('subject', input.subject);
    // The ticket and its ticket.opened event commit together.
    return this.outbox.runInTransaction(async (session, emit) => {
      const [doc] = await this.tickets.create(
        [
          {
            customerId: input.customerId,
            channel: input.channel,
            category: input.category,
            priority: input.priority ?? TicketPriority.NORMAL,
            status: TicketStatus.OPEN,
            subject,
            orderId: input.orderId ?? undefined,
            ...(sentiment ?? NO_SENTIMENT),
            messages: [{ _id: newId('msg'), author, body, channel: input.channel, at, ...sentiment }],
            openedAt: at,
            updatedAt: at,
            firstResponseAt: plan.firstResponseAt ?? undefined,
            lastContactAt: plan.lastContactAt ?? undefined,
            lastNegativeAt: plan.lastNegativeAt ?? undefined,
            reopenCount: 0,
            rev: 0,
          },
        ],
        { session },
      );
      const ticket = doc.toObject() as TicketDoc;
      emit('ticket.opened', ticket.customerId, {
        ticketId: ticket._id,
        channel: ticket.channel,
        category: ticket.category,
        priority: ticket.priority,
      });
      return ticket;
    });
  }

  async addMessage(input: AddTicketMessageInput): Promise<TicketDoc> {
    const body = notBlank('body', input.body);
    return this.guardedUpdate(input.ticketId, (ticket, at) => {
      if (ticket.messages.length >= MAX_MESSAGES_PER_TICKET) {
        throw conflict(`Ticket has reached ${MAX_MESSAGES_PER_TICKET} messages; open a new ticket`, {
          reason: 'TOO_MANY_MESSAGES',
        });
      }
      const sentiment = messageSentiment({ ...input, body });
      const plan = planNewMessage(ticket, { author: input.author, at }, sentiment);
      return messageUpdate(plan, {
        _id: newId('msg'),
        author: input.author,
        body,
        channel: input.channel ?? ticket.channel,
        at,
        ...sentiment,
      });
    });
  }

  async changeStatus(input: ChangeTicketStatusInput): Promise<TicketDoc> {
    const reason = input.reason ? notBlank('reason', input.reason) : null;
    return this.guardedUpdate(input.ticketId, (ticket, at) => {
      const patch = planStatusChange(ticket, input.status, at);
      const update: UpdateQuery<TicketDoc> = { $set: { ...patch.set } };
      if (patch.unset.length) update.$unset = Object.fromEntries(patch.unset.map((f) => [f, 1]));
      // The reason is an audit note; a ticket at its message cap still changes status, without the note.
      if (reason && ticket.messages.length < MAX_MESSAGES_PER_TICKET) {
        update.$push = {
          messages: {
            _id: newId('msg'),
            author: TicketMessageAuthor.SYSTEM,
            body: `Status ${ticket.status} → ${input.status}: ${reason}`,
            channel: ticket.channel,
            at,
          },
        };
      }
      return update;
    });
  }

  async rate(input: RateTicketInput): Promise<TicketDoc> {
    const at = this.now();
    const comment = input.comment ? notBlank('comment', input.comment) : undefined;
    // The filter is the rule (RESOLVED/CLOSED, not yet rated), so two concurrent ratings cannot both win.
    const rated = await this.tickets
      .findOneAndUpdate(
        {
          _id: input.ticketId,
          status: trusted({ $in: [TicketStatus.RESOLVED, TicketStatus.CLOSED] }),
          satisfaction: null,
        },
        {
          $set: { satisfaction: { score: input.score, comment, ratedAt: at }, updatedAt: at },
          $inc: { rev: 1 },
        },
        { returnDocument: 'after', runValidators: true },
      )
      .lean<TicketDoc>();
    if (rated) return rated;
    const ticket = await this.tickets.findById(input.ticketId).lean<TicketDoc>();
    if (!ticket) throw notFound('Ticket', input.ticketId);
    assertRateable(ticket.status, Boolean(ticket.satisfaction));
    throw conflict('Ticket changed while rating it; retry', { reason: 'CONCURRENT_UPDATE' });
  }

  /**
   * Read, decide (pure functions), write with a filter on the revision read. If another request got in
   * between, the decision is re-made on fresh data (a few times) rather than applied to stale state. A
   * status change (an explicit one, or a reopen by a customer's message) commits with its events:
   * ticket.status-changed, and ticket.closed when the ticket reaches CLOSED.
   */
  private async guardedUpdate(
    id: string,
    decide: (ticket: TicketDoc, at: Date) => UpdateQuery<TicketDoc>,
  ): Promise<TicketDoc> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const ticket = await this.tickets.findById(id).lean<TicketDoc>();
      if (!ticket) throw notFound('Ticket', id);
      const at = this.now();
      const update = decide(ticket, at);
      update.$set = { ...(update.$set as object), updatedAt: at };
      update.$inc = { rev: 1 };
      const revFilter = ticket.rev === undefined ? { rev: trusted({ $exists: false }) } : { rev: ticket.rev };
      const saved = await this.outbox.runInTransaction(async (session, emit) => {
        const after = await this.tickets
          .findOneAndUpdate({ _id: id, ...revFilter }, update, {
            returnDocument: 'after',
            runValidators: true,
            session,
          })
          .lean<TicketDoc>();
        if (after && after.status !== ticket.status) {
          emit('ticket.status-changed', after.customerId, { ticketId: id, from: ticket.status, to: after.status });
          if (after.status === TicketStatus.CLOSED) {
            emit('ticket.closed', after.customerId, { ticketId: id, from: ticket.status });
          }
        }
        return after;
      });
      if (saved) return saved;
    }
    throw conflict('Ticket is being changed by someone else; retry', { reason: 'CONCURRENT_UPDATE' });
  }

  async findMany(ids: readonly string[]): Promise<TicketDoc[]> {
    return this.tickets.find({ _id: trusted({ $in: [...ids] }) }).lean<TicketDoc[]>();
  }

  /** One page (limit first + 1, so the caller can tell hasNextPage) of an agents' queue. */
  async list(
    filter: TicketFilterInput | null | undefined,
    first: number,
    after?: unknown[],
  ): Promise<TicketDoc[]> {
    return this.tickets
      .find({ ...ticketMatch(filter), ...keysetAfter<TicketDoc>('openedAt', after) })
      .sort(NEWEST_FIRST)
      .limit(first + 1)
      .lean<TicketDoc[]>();
  }

  async count(filter: TicketFilterInput | null | undefined): Promise<number> {
    return this.tickets.countDocuments(ticketMatch(filter));
  }

  /**
   * The first `first + 1` tickets of MANY customers in ONE aggregation ($topN per customer), so a list
   * of 100 customers asking for their tickets costs one query, not 100.
   */
  async pagesForCustomers(
    customerIds: readonly string[],
    params: CustomerTicketsParams,
  ): Promise<Map<string, TicketDoc[]>> {
    const match = {
      customerId: { $in: [...customerIds] },
      ...(params.status ? { status: params.status } : {}),
      ...afterFilter('openedAt', -1, params.after ?? undefined),
    };
    const pipeline: PipelineStage[] = [
      { $match: match },
      {
        $group: {
          _id: '$customerId',
          rows: { $topN: { n: params.first + 1, sortBy: NEWEST_FIRST, output: '$$ROOT' } },
        },
      },
    ];
    const groups = await this.tickets.aggregate<{ _id: string; rows: TicketDoc[] }>(pipeline);
    return new Map(groups.map((g) => [g._id, g.rows]));
  }

  /** Ticket counts of many customers (optionally of one status) in one aggregation. */
  async countsForCustomers(
    customerIds: readonly string[],
    status: TicketStatus | null,
  ): Promise<Map<string, number>> {
    const groups = await this.tickets.aggregate<{ _id: string; n: number }>([
      { $match: { customerId: { $in: [...customerIds] }, ...(status ? { status } : {}) } },
      { $group: { _id: '$customerId', n: { $sum: 1 } } },
    ]);
    return new Map(groups.map((g) => [g._id, g.n]));
  }

  async statsForCustomers(customerIds: readonly string[]): Promise<Map<string, TicketStatsRow>> {
    const rows = await this.tickets.aggregate<TicketStatsRow>(ticketStatsPipeline(customerIds, this.now()));
    return new Map(rows.map((r) => [r._id, r]));
  }
}
