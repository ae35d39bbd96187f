import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../../shared/errors';
import { checkPageSize, DEFAULT_PAGE_SIZE, toConnection } from '../../../../shared/graphql/pagination';
import { isId } from '../../../../shared/ids/ids';
import type { SupportContext } from '../context';
import { Customer } from '../customer/customer.type';
import { toInteraction } from '../interaction/interaction.mapper';
import { SupportInteraction } from '../interaction/interaction.type';
import {
  AddTicketMessageInput,
  ChangeTicketStatusInput,
  OpenTicketInput,
  RateTicketInput,
  TicketFilterInput,
} from './ticket.input';
import { ticketCursor, toTicket } from './ticket.mapper';
import type { TicketDoc } from './ticket.model';
import { parseKeysetCursor } from '../common/keyset';
import { Ticket, TicketConnection } from './ticket.type';

/** Keeps the request's loader consistent with what a mutation just wrote. */
function written(ctx: SupportContext, doc: TicketDoc): Ticket {
  ctx.loaders.ticketById.clear(doc._id).prime(doc._id, doc);
  return toTicket(doc);
}

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true, description: 'One ticket by id; null when unknown.' })
  async ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: SupportContext): Promise<Ticket | null> {
    if (!isId(id, 'tkt')) throw badInput('id', 'must be an id like tkt_<24 hex digits>');
    const doc = await ctx.loaders.ticketById.load(id);
    return doc ? toTicket(doc) : null;
  }

  @Query(() => TicketConnection, { description: "Tickets for agents' queues, newest first." })
  async tickets(
    // Parameters are listed last-to-first: type-graphql prints arguments in reverse declaration order.
    @Arg('filter', () => TicketFilterInput, { nullable: true }) filter: TicketFilterInput | null | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Ctx() ctx: SupportContext,
  ): Promise<TicketConnection> {
    const n = checkPageSize(first);
    const cursor = after ? parseKeysetCursor(after) : undefined;
    const rows = await ctx.services.tickets.list(filter, n, cursor);
    const page = toConnection(rows.map(toTicket), n, ticketCursor, Boolean(cursor));
    return { edges: page.edges, pageInfo: page.pageInfo, count: () => ctx.services.tickets.count(filter) };
  }

  @FieldResolver(() => Customer, {
    // Nullable: when marketing fails, a non-null profile field nulls the customer, not the ticket.
    nullable: true,
    description: 'The customer who raised the ticket (profile from marketing).',
  })
  customer(@Root() ticket: Ticket): Customer {
    return { id: ticket.customerId };
  }

  @FieldResolver(() => [SupportInteraction], {
    description: 'Calls and chats about this ticket, oldest first.',
  })
  async interactions(@Root() ticket: Ticket, @Ctx() ctx: SupportContext): Promise<SupportInteraction[]> {
    return (await ctx.loaders.interactionsByTicket.load(ticket.id)).map(toInteraction);
  }

  @Mutation(() => Ticket, { description: 'Opens a ticket with its first message (status OPEN).' })
  async openTicket(
    @Arg('input', () => OpenTicketInput) input: OpenTicketInput,
    @Ctx() ctx: SupportContext,
  ): Promise<Ticket> {
    return written(ctx, await ctx.services.tickets.open(input));
  }

  @Mutation(() => Ticket, {
    description:
      'Adds a message. A CUSTOMER message to a PENDING or RESOLVED ticket puts it back to OPEN; CLOSED tickets refuse messages (CONFLICT).',
  })
  async addTicketMessage(
    @Arg('input', () => AddTicketMessageInput) input: AddTicketMessageInput,
    @Ctx() ctx: SupportContext,
  ): Promise<Ticket> {
    return written(ctx, await ctx.services.tickets.addMessage(input));
  }

  @Mutation(() => Ticket, {
    description:
      'Moves a ticket to another status; disallowed transitions fail with INVALID_STATE_TRANSITION.',
  })
  async changeTicketStatus(
    @Arg('input', () => ChangeTicketStatusInput) input: ChangeTicketStatusInput,
    @Ctx() ctx: SupportContext,
  ): Promise<Ticket> {
    return written(ctx, await ctx.services.tickets.changeStatus(input));
  }

  @Mutation(() => Ticket, {
    description:
      'Rates a RESOLVED or CLOSED ticket once; a second rating or an unfinished ticket is a CONFLICT.',
  })
  async rateTicket(
    @Arg('input', () => RateTicketInput) input: RateTicketInput,
    @Ctx() ctx: SupportContext,
  ): Promise<Ticket> {
    return written(ctx, await ctx.services.tickets.rate(input));
  }
}

@Resolver(() => TicketConnection)
export class TicketConnectionResolver {
  @FieldResolver(() => Int, { description: 'Tickets matching the filter, regardless of pagination.' })
  async totalCount(@Root() connection: TicketConnection): Promise<number> {
    return connection.count();
  }
}
