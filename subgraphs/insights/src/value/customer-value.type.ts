import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../../../shared/money/money.type';
import { NpsCategory } from '../../../../shared/contract';
import type { ValueTier as Tier } from '../rules/value.rules';

export const ValueTier: { readonly [K in Tier]: K } = {
  PLATINUM: 'PLATINUM',
  GOLD: 'GOLD',
  SILVER: 'SILVER',
  BRONZE: 'BRONZE',
  NONE: 'NONE',
};
registerEnumType(ValueTier, {
  name: 'ValueTier',
  description: 'Value tier from the 0–100 value score; NONE for customers without orders.',
  valuesConfig: {
    PLATINUM: { description: 'Score ≥ 80.' },
    GOLD: { description: 'Score 60–79.' },
    SILVER: { description: 'Score 40–59.' },
    BRONZE: { description: 'Any buyer below 40.' },
    NONE: { description: 'No order yet.' },
  },
});

/**
 * An entity keyed by the customer id so that sales can add its model-based fields (expected purchases,
 * P(alive), CLV, RFM) with their client arguments, which @requires cannot pass. Insights cannot rebuild a
 * CustomerValue from its key alone (its figures come from @required facts), hence `resolvable: false`:
 * the planner only ever enters CustomerValue through `Customer.value` here.
 */
@Directive('@key(fields: "customerId", resolvable: false)')
@ObjectType({
  description:
    'What a customer is worth: past figures and a rule-based score (insights), RFM and model predictions (sales).',
})
export class CustomerValue {
  @Field(() => ID, { description: 'The customer these figures belong to.' })
  customerId!: string;

  @Field(() => Money, { description: 'Net revenue in the base currency (from sales).' })
  totalRevenue!: Money;

  @Field(() => Int, {
    description: 'Orders that count: neither cancelled nor entirely returned (from sales).',
  })
  orderCount!: number;

  @Field(() => Money, { nullable: true, description: 'Revenue per order; null without orders.' })
  averageOrderValue!: Money | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Orders per month (30.44 days) since the first order, tenure floored at one month; null without orders.',
  })
  purchaseFrequency!: number | null;

  @Field(() => Int, { nullable: true, description: 'Whole days since the last order; null without orders.' })
  daysSinceLastOrder!: number | null;

  @Field(() => NpsCategory, {
    nullable: true,
    description: 'Category of the last NPS answer; null without one.',
  })
  npsCategory!: NpsCategory | null;

  @Field(() => Int, { description: '0–100: monetary + frequency + recency + advocacy points (see README).' })
  score!: number;

  @Field(() => ValueTier, { description: 'The tier `score` falls in.' })
  tier!: Tier;
}
