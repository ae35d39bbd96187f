import { trusted, type PipelineStage } from 'mongoose';
import { badInput, notFound } from '../../../../shared/errors';
import { afterFilter } from '../../../../shared/graphql/pagination';
import { interactionStatsPipeline, type ContactStatsRow } from '../customer/support-stats';
import type { TicketDoc, TicketModel } from '../ticket/ticket.model';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import {
  SupportInteractionDirection,
  SupportInteractionKind,
  SupportInteractionOutcome,
} from './interaction.enums';
import type { RecordInteractionInput } from './interaction.input';
import type { InteractionDoc, InteractionModel } from './interaction.model';
import { interactionSentiment, planInteractionTiming } from './interaction.rules';

const NEWEST_FIRST = { startedAt: -1, _id: -1 } as const;

export interface CustomerInteractionsParams {
  first: number;
  after: unknown[] | null;
  kind: SupportInteractionKind | null;
}

/** Calls and chats: recorded once (one insert), read in batches. */
export class InteractionService {
  constructor(
    private readonly interactions: InteractionModel,
    private readonly tickets: TicketModel,
    private readonly now: Clock = systemClock,
  ) {}

  async record(input: RecordInteractionInput): Promise<InteractionDoc> {
    const timing = planInteractionTiming(input, this.now());
    if (input.ticketId) {
      const ticket = await this.tickets
        .findById(input.ticketId, { customerId: 1 })
        .lean<Pick<TicketDoc, 'customerId'>>();
      if (!ticket) throw notFound('Ticket', input.ticketId);
      if (ticket.customerId !== input.customerId) throw badInput('ticketId', 'belongs to another customer');
    }
    const doc = await this.interactions.create({
      customerId: input.customerId,
      kind: input.kind,
      direction: input.direction ?? SupportInteractionDirection.INBOUND,
      outcome: input.outcome ?? SupportInteractionOutcome.ANSWERED,
      ...timing,
      agentId: input.agentId?.trim() || undefined,
      summary: input.summary?.trim() || undefined,
      ticketId: input.ticketId ?? undefined,
      ...interactionSentiment(input),
      createdAt: this.now(),
    });
    return doc.toObject();
  }

  /** The first `first + 1` interactions of MANY customers in ONE aggregation ($topN per customer). */
  async pagesForCustomers(
    customerIds: readonly string[],
    params: CustomerInteractionsParams,
  ): Promise<Map<string, InteractionDoc[]>> {
    const pipeline: PipelineStage[] = [
      {
        $match: {
          customerId: { $in: [...customerIds] },
          ...(params.kind ? { kind: params.kind } : {}),
          ...afterFilter('startedAt', -1, params.after ?? undefined),
        },
      },
      {
        $group: {
          _id: '$customerId',
          rows: { $topN: { n: params.first + 1, sortBy: NEWEST_FIRST, output: '$$ROOT' } },
        },
      },
    ];
    const groups = await this.interactions.aggregate<{ _id: string; rows: InteractionDoc[] }>(pipeline);
    return new Map(groups.map((g) => [g._id, g.rows]));
  }

  async countsForCustomers(
    customerIds: readonly string[],
    kind: SupportInteractionKind | null,
  ): Promise<Map<string, number>> {
    const groups = await this.interactions.aggregate<{ _id: string; n: number }>([
      { $match: { customerId: { $in: [...customerIds] }, ...(kind ? { kind } : {}) } },
      { $group: { _id: '$customerId', n: { $sum: 1 } } },
    ]);
    return new Map(groups.map((g) => [g._id, g.n]));
  }

  /** The calls and chats of many tickets in one query (oldest first, as a conversation reads). */
  async forTickets(ticketIds: readonly string[]): Promise<InteractionDoc[]> {
    return this.interactions
      .find({ ticketId: trusted({ $in: [...ticketIds] }) })
      .sort({ startedAt: 1, _id: 1 })
      .lean<InteractionDoc[]>();
  }

  async contactStatsForCustomers(customerIds: readonly string[]): Promise<Map<string, ContactStatsRow>> {
    const rows = await this.interactions.aggregate<ContactStatsRow>(interactionStatsPipeline(customerIds));
    return new Map(rows.map((r) => [r._id, r]));
  }
}
