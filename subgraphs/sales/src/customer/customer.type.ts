import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../../shared/money/money.type';

/**
 * The Customer entity as sales sees it: marketing owns the profile, sales adds purchase history.
 * `__resolveReference` returns `{ id }` without a database hit; every field below is batched per request.
 */
@Directive('@key(fields: "id")')
// No description: marketing owns the entity and its description (differing ones only produce composition hints).
@ObjectType()
export class Customer {
  @Field(() => ID)
  id!: string;

  /** Owned by marketing: ids merged into this customer, so their orders and returns count as its own. */
  @Directive('@external')
  @Field(() => [ID])
  mergedIds?: string[];
}

@ObjectType({
  description:
    'Purchase figures of a customer. Cancelled and entirely returned orders never count. Money figures are in the base currency ' +
    '(SALES_BASE_CURRENCY, default EUR) over base-currency orders only; orders in other currencies are not ' +
    'converted but counted in `otherCurrencyOrderCount`. Revenue is net of refunds for returns.',
})
export class PurchaseStats {
  @Field(() => Int, { description: 'Orders neither cancelled nor entirely returned, in any currency.' })
  orderCount!: number;

  @Field(() => Money, {
    description:
      'Σ (total − refunded) over non-cancelled base-currency orders: net of cancellations and of returns.',
  })
  totalRevenue!: Money;

  @Field(() => Money, {
    nullable: true,
    description:
      'totalRevenue ÷ number of non-cancelled base-currency orders (rounded half away from zero); null without any.',
  })
  averageOrderValue!: Money | null;

  @Field(() => Date, {
    nullable: true,
    description: 'First order that counts (see orderCount), any currency.',
  })
  firstOrderAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Latest order that counts (see orderCount), any currency.',
  })
  lastOrderAt!: Date | null;

  @Field(() => Int, { description: 'Returns recorded, any currency.' })
  returnCount!: number;

  @Field(() => Date, { nullable: true })
  lastReturnAt!: Date | null;

  @Field(() => Int, {
    description:
      'Non-cancelled orders in a currency other than the base currency (in orderCount, not in revenue).',
  })
  otherCurrencyOrderCount!: number;
}
