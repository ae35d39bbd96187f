import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { MarketingContext } from '../context';
import { CreateCustomerInput } from './customer.input';
import { toCustomer } from './customer.mapper';
import { Customer } from './customer.type';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'One customer by id; null when unknown.' })
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: MarketingContext): Promise<Customer | null> {
    const doc = await ctx.loaders.customerById.load(id);
    return doc ? toCustomer(doc) : null;
  }

  @Mutation(() => Customer, { description: 'Creates a profile; CONFLICT when the email is already known.' })
  async createCustomer(
    @Arg('input', () => CreateCustomerInput) input: CreateCustomerInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<Customer> {
    return toCustomer(await ctx.services.customers.create(input));
  }
}
