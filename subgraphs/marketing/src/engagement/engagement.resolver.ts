import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { summarizeEngagement } from './engagement.logic';
import { Engagement } from './engagement.type';

@Resolver(() => Customer)
export class CustomerEngagementResolver {
  @FieldResolver(() => Engagement, {
    description: 'Batched: one aggregation for every customer in the response.',
  })
  async engagement(@Root() customer: Customer, @Ctx() ctx: MarketingContext): Promise<Engagement> {
    return (await ctx.loaders.engagement.load(customer.id)) ?? summarizeEngagement([], customer.createdAt);
  }
}
