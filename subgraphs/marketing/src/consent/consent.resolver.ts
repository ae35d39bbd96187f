import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { SetConsentInput } from './consent.input';

@Resolver()
export class ConsentResolver {
  @Mutation(() => Customer, {
    description:
      'Records a consent decision for one channel and purpose; kept in the consent history as proof.',
  })
  async setConsent(
    @Arg('input', () => SetConsentInput) input: SetConsentInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Customer> {
    const doc = await ctx.services.customers.setConsent(input.customerId, {
      channel: input.channel,
      purpose: input.purpose,
      granted: input.granted,
      source: input.source,
      updatedAt: input.occurredAt ?? ctx.clock(),
    });
    return ctx.present(doc);
  }
}
