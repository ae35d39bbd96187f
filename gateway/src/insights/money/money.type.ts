import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * Sales' `Money`, shared (@shareable in sales and here) because insights returns money in
 * `Customer.value`. A non-entity value type can only be returned by a subgraph that resolves all of its
 * fields, so insights resolves `amount` and `formatted` with sales' own pure functions (money.resolver.ts):
 * identical output whichever subgraph the query planner picks. Descriptions match sales' word for word.
 */
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
