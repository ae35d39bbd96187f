import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../../shared/errors';
import { assertId, ID_PREFIX } from '../common/id.validator';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { SegmentKind } from './segment.enums';
import { CreateSegmentInput, SegmentMembershipInput } from './segment.input';
import { toSegment } from './segment.mapper';
import { segmentsOf } from './segment.rules';
import { Segment } from './segment.type';

@Resolver(() => Segment)
export class SegmentResolver {
  @Query(() => [Segment], { description: 'Every segment, by name.' })
  async segments(@Ctx() ctx: MarketingContext): Promise<Segment[]> {
    return (await ctx.loaders.allSegments()).map(toSegment);
  }

  @Query(() => Segment, { nullable: true })
  async segment(@Arg('id', () => ID) id: string, @Ctx() ctx: MarketingContext): Promise<Segment | null> {
    assertId(id, ID_PREFIX.segment, 'id');
    const doc = (await ctx.loaders.allSegments()).find((s) => s._id === id);
    return doc ? toSegment(doc) : null;
  }

  @Mutation(() => Segment, { description: 'CONFLICT when the name is taken.' })
  async createSegment(
    @Arg('input', () => CreateSegmentInput) input: CreateSegmentInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Segment> {
    return toSegment(await ctx.services.segments.create(input));
  }

  @Mutation(() => Customer, { description: 'Adds a customer to a MANUAL segment (idempotent).' })
  async addCustomerToSegment(
    @Arg('input', () => SegmentMembershipInput) input: SegmentMembershipInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Customer> {
    await this.manualSegment(input.segmentId, ctx);
    return ctx.present(await ctx.services.customers.addToSegment(input.customerId, input.segmentId));
  }

  @Mutation(() => Customer, { description: 'Removes a customer from a MANUAL segment (idempotent).' })
  async removeCustomerFromSegment(
    @Arg('input', () => SegmentMembershipInput) input: SegmentMembershipInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Customer> {
    await this.manualSegment(input.segmentId, ctx);
    return ctx.present(await ctx.services.customers.removeFromSegment(input.customerId, input.segmentId));
  }

  private async manualSegment(id: string, ctx: MarketingContext) {
    const segment = await ctx.services.segments.get(id);
    if (segment.kind !== SegmentKind.MANUAL) {
      throw badInput('segmentId', 'is a RULE segment: its members follow from its rules');
    }
    return segment;
  }
}

@Resolver(() => Customer)
export class CustomerSegmentsResolver {
  @FieldResolver(() => [Segment], { description: 'Segments the customer is in (manual and rule-based).' })
  async segments(@Root() customer: Customer, @Ctx() ctx: MarketingContext): Promise<Segment[]> {
    return segmentsOf(customer.doc, await ctx.loaders.allSegments()).map(toSegment);
  }
}
