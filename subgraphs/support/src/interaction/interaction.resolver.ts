import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { SupportContext } from '../context';
import { Customer } from '../customer/customer.type';
import { toTicket } from '../ticket/ticket.mapper';
import { Ticket } from '../ticket/ticket.type';
import { RecordInteractionInput } from './interaction.input';
import { toInteraction } from './interaction.mapper';
import { SupportInteraction, SupportInteractionConnection } from './interaction.type';

@Resolver(() => SupportInteraction)
export class SupportInteractionResolver {
  @Mutation(() => SupportInteraction, {
    description: 'Records a call or chat; a linked ticket must exist and belong to the same customer.',
  })
  async recordInteraction(
    @Arg('input', () => RecordInteractionInput) input: RecordInteractionInput,
    @Ctx() ctx: SupportContext,
  ): Promise<SupportInteraction> {
    return toInteraction(await ctx.services.interactions.record(input));
  }

  // Nullable: when marketing fails, a non-null profile field nulls the customer, not the interaction.
  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() interaction: SupportInteraction): Customer {
    return { id: interaction.customerId };
  }

  @FieldResolver(() => Ticket, {
    nullable: true,
    description: 'The ticket this call or chat is about, if any.',
  })
  async ticket(@Root() interaction: SupportInteraction, @Ctx() ctx: SupportContext): Promise<Ticket | null> {
    if (!interaction.ticketId) return null;
    const doc = await ctx.loaders.ticketById.load(interaction.ticketId);
    return doc ? toTicket(doc) : null;
  }
}

@Resolver(() => SupportInteractionConnection)
export class SupportInteractionConnectionResolver {
  @FieldResolver(() => Int, { description: 'Interactions matching the arguments, regardless of pagination.' })
  async totalCount(@Root() connection: SupportInteractionConnection): Promise<number> {
    return connection.count();
  }
}
