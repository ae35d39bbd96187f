import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { checkPageSize } from '../../../../shared/graphql/pagination';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { RecordReviewInput } from './review.input';
import { toReview } from './review.mapper';
import { Review } from './review.type';

@Resolver(() => Review)
export class ReviewResolver {
  @Mutation(() => Review, { description: 'CONFLICT when the customer already reviewed this product.' })
  async recordReview(
    @Arg('input', () => RecordReviewInput) input: RecordReviewInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Review> {
    return toReview(await ctx.services.reviews.record(input));
  }
}

@Resolver(() => Customer)
export class CustomerReviewsResolver {
  @FieldResolver(() => [Review], { description: 'Reviews written by the customer, newest first.' })
  async reviews(
    @Root() customer: Customer,
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<Review[]> {
    const n = checkPageSize(first);
    return (await ctx.loaders.reviewsByCustomer.load(customer.id)).slice(0, n).map(toReview);
  }
}
