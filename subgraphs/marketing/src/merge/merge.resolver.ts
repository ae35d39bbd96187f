import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertId } from '../common/id.validator';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { MergeCustomersInput } from './merge.input';
import { toMerge } from './merge.mapper';
import { Merge } from './merge.type';

const MERGE_PREFIX = 'mrg';

@Resolver(() => Merge)
export class MergeResolver {
  @Query(() => Merge, { nullable: true, description: 'One merge record (audit), whatever its status.' })
  async merge(@Arg('id', () => ID) id: string, @Ctx() ctx: MarketingContext): Promise<Merge | null> {
    const doc = await ctx.services.merges.get(assertId(id, MERGE_PREFIX, 'id')).catch(() => null);
    return doc ? toMerge(doc) : null;
  }

  @Mutation(() => Merge, {
    description:
      'Merges profiles into a survivor, recording who, why and a snapshot of every profile so it can be ' +
      'undone. BAD_USER_INPUT (ids, survivor among mergedIds), NOT_FOUND, CONFLICT with ' +
      '`extensions.reason` ALREADY_MERGED or CONCURRENT_UPDATE.',
  })
  async mergeCustomers(
    @Arg('input', () => MergeCustomersInput) input: MergeCustomersInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Merge> {
    const doc = await ctx.services.merges.merge({ ...input, actor: ctx.actor });
    // Profiles this request may have loaded are stale now.
    for (const id of [doc.survivorId, ...doc.mergedIds]) ctx.loaders.customerById.clear(id);
    return toMerge(doc);
  }

  @Mutation(() => Merge, {
    description:
      'Undoes a merge: every profile and identifier back exactly as before; the record stays, UNDONE. ' +
      'CONFLICT with `extensions.reason` ALREADY_UNDONE, NOT_APPLIED or CHANGED_SINCE_MERGE (a later ' +
      'change or merge would be lost: undo that first).',
  })
  async unmergeCustomer(
    @Arg('mergeId', () => ID) mergeId: string,
    @Ctx() ctx: MarketingContext,
  ): Promise<Merge> {
    const doc = await ctx.services.merges.unmerge(assertId(mergeId, MERGE_PREFIX, 'mergeId'), ctx.actor);
    for (const id of [doc.survivorId, ...doc.mergedIds]) ctx.loaders.customerById.clear(id);
    return toMerge(doc);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The survivor as it is now.' })
  async survivor(@Root() merge: Merge, @Ctx() ctx: MarketingContext): Promise<Customer | null> {
    const doc = await ctx.loaders.customerById.load(merge.survivorId);
    return doc ? ctx.present(doc) : null;
  }
}

@Resolver(() => Customer)
export class CustomerMergeHistoryResolver {
  @FieldResolver(() => [Merge], {
    description: 'Merges this profile took part in (as survivor or merged away), newest first.',
  })
  async mergeHistory(@Root() customer: Customer, @Ctx() ctx: MarketingContext): Promise<Merge[]> {
    return (await ctx.loaders.mergeHistory.load(customer.id)).map(toMerge);
  }
}
