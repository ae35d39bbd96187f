import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * An exact amount of money: one class for every subgraph that returns money (sales, and insights in
 * Customer.value), so the shared type cannot drift between them.
 * `amountMinor` is GraphQL `Int` (32-bit): every single order amount is capped below 2^31 minor units on
 * input, so order, line and return amounts always fit; an aggregate beyond that (a customer with more than
 * EUR 21.4 million of revenue) fails on `amountMinor`, while `amount` stays exact at any size.
 */
// @shareable: several subgraphs resolve it (Federation requires value types to be marked so).
@Directive('@shareable')
@ObjectType({
  description:
    'An exact amount of money: integer minor units plus an ISO 4217 currency, never a float. ' +
    '`amountMinor` is a 32-bit GraphQL Int (single orders are capped at 2147483647 minor units); ' +
    '`amount` is the exact decimal string in major units and is safe at any size.',
})
export class Money {
  @Field(() => Int, { description: 'Integer amount in the minor unit of `currency` (cents; for JPY, yen).' })
  amountMinor!: number;

  @Field({ description: 'ISO 4217 alphabetic code, e.g. `EUR`, `JPY`.' })
  currency!: string;
}
