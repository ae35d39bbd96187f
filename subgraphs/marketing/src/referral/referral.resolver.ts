import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { checkPageSize } from '../../../../shared/graphql/pagination';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { RecordReferralInput } from './referral.input';
import { toReferral } from './referral.mapper';
import { Referral } from './referral.type';

@Resolver(() => Referral)
export class ReferralResolver {
  @Mutation(() => Referral, { description: 'CONFLICT when this referrer already referred this person.' })
  async recordReferral(
    @Arg('input', () => RecordReferralInput) input: RecordReferralInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Referral> {
    return toReferral(await ctx.services.referrals.record(input));
  }
}

@Resolver(() => Customer)
export class CustomerReferralsResolver {
  @FieldResolver(() => [Referral], { description: 'People this customer referred, newest first.' })
  async referrals(
    @Root() customer: Customer,
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ): Promise<Referral[]> {
    const n = checkPageSize(first);
    return (await ctx.loaders.referralsByReferrer.load(customer.id)).slice(0, n).map(toReferral);
  }
}
