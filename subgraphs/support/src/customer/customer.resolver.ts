import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkPageSize, DEFAULT_PAGE_SIZE, toConnection } from '../../../../shared/graphql/pagination';
import type { SupportContext } from '../context';
import { SupportInteractionKind } from '../interaction/interaction.enums';
import { interactionCursor, toInteraction } from '../interaction/interaction.mapper';
import { SupportInteractionConnection } from '../interaction/interaction.type';
import { TicketStatus } from '../ticket/ticket.enums';
import { ticketCursor, toTicket } from '../ticket/ticket.mapper';
import { parseKeysetCursor } from '../common/keyset';
import { TicketConnection } from '../ticket/ticket.type';
import { Customer, SupportStats } from './customer.type';

/** Marketing's merged ids of the customer: records filed under them are the customer's too. */
const MERGED_IDS = '@requires(fields: "mergedIds")';

/** Support's fields on the shared Customer entity; every one goes through a per-request loader. */
@Resolver(() => Customer)
export class CustomerResolver {
  @Directive(MERGED_IDS)
  @FieldResolver(() => TicketConnection, {
    nullable: true,
    description: "The customer's tickets, newest first (those filed under merged-away ids included).",
  })
  async tickets(
    // Parameters are listed last-to-first: type-graphql prints arguments in reverse declaration order.
    @Arg('status', () => TicketStatus, { nullable: true }) status: TicketStatus | null | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Root() customer: Customer,
    @Ctx() ctx: SupportContext,
  ): Promise<TicketConnection> {
    const n = checkPageSize(first);
    const cursor = after ? parseKeysetCursor(after) : null;
    ctx.identities.register(customer);
    const rows = await ctx.loaders.customerTickets.load({
      parentId: customer.id,
      params: { first: n, after: cursor, status: status ?? null },
    });
    const page = toConnection((rows ?? []).map(toTicket), n, ticketCursor, cursor !== null);
    return {
      edges: page.edges,
      pageInfo: page.pageInfo,
      count: async () =>
        (await ctx.loaders.customerTicketCount.load({
          parentId: customer.id,
          params: { status: status ?? null },
        })) ?? 0,
    };
  }

  @Directive(MERGED_IDS)
  @FieldResolver(() => SupportInteractionConnection, {
    nullable: true,
    description: "The customer's calls and chats, newest first (merged-away ids included).",
  })
  async interactions(
    // Parameters are listed last-to-first: type-graphql prints arguments in reverse declaration order.
    @Arg('kind', () => SupportInteractionKind, { nullable: true })
    kind: SupportInteractionKind | null | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Root() customer: Customer,
    @Ctx() ctx: SupportContext,
  ): Promise<SupportInteractionConnection> {
    const n = checkPageSize(first);
    const cursor = after ? parseKeysetCursor(after) : null;
    ctx.identities.register(customer);
    const rows = await ctx.loaders.customerInteractions.load({
      parentId: customer.id,
      params: { first: n, after: cursor, kind: kind ?? null },
    });
    const page = toConnection((rows ?? []).map(toInteraction), n, interactionCursor, cursor !== null);
    return {
      edges: page.edges,
      pageInfo: page.pageInfo,
      count: async () =>
        (await ctx.loaders.customerInteractionCount.load({
          parentId: customer.id,
          params: { kind: kind ?? null },
        })) ?? 0,
    };
  }

  @Directive(MERGED_IDS)
  @FieldResolver(() => SupportStats, {
    nullable: true,
    description: 'Open tickets, complaints, satisfaction and mood at a glance (merged-away ids included).',
  })
  async supportStats(@Root() customer: Customer, @Ctx() ctx: SupportContext): Promise<SupportStats> {
    ctx.identities.register(customer);
    return ctx.loaders.supportStats.load(customer.id);
  }
}
