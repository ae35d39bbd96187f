import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { Advocacy } from './advocacy.type';

const NONE: Advocacy = {
  lastNpsScore: null,
  lastNpsAt: null,
  referralsCount: 0,
  reviewsCount: 0,
  averageReviewRating: null,
};

@Resolver(() => Customer)
export class CustomerAdvocacyResolver {
  @FieldResolver(() => Advocacy, {
    description: 'Batched: three aggregations for every customer in the response.',
  })
  async advocacy(@Root() customer: Customer, @Ctx() ctx: MarketingContext): Promise<Advocacy> {
    return (await ctx.loaders.advocacy.load(customer.id)) ?? NONE;
  }
}
