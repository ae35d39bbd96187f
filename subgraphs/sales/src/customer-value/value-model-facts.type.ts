import { Field, Float, ObjectType } from 'type-graphql';
import { Money } from '../../../../shared/money/money.type';

/**
 * The value model's verdict on one customer at the request time, without arguments so that other subgraphs
 * can `@requires` it (insights' lifecycle and value tier read it). Null fields mean "the model cannot tell".
 */
@ObjectType({
  description:
    'The current value model’s verdict on this customer at the request time (no arguments, for @requires). ' +
    'Null fields: no fitted model, no purchase in the model currency, or the model cannot tell.',
})
export class ValueModelFacts {
  @Field(() => String, {
    nullable: true,
    description:
      'The purchase model in use: "MBG_NBD" (default) or "BG_NBD" (SALES_PURCHASE_MODEL); null before a model ' +
      'is fitted.',
  })
  purchaseModel!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'P(alive) when the model is informative: always under MBG/NBD; under BG/NBD null for a customer without ' +
      'a repeat purchase, whose P(alive) is 1 by that model’s assumption rather than by evidence.',
  })
  probabilityAlive!: number | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Start of the first UTC day on which P(alive) ≤ 0.5 (more likely gone than alive) given the customer’s ' +
      'history; may lie in the future. Null when `probabilityAlive` is null.',
  })
  probablyGoneAt!: Date | null;

  @Field(() => Money, {
    nullable: true,
    description:
      'Predicted lifetime value over the next 12 months at the default discount (0.01 a month), model currency.',
  })
  predictedLifetimeValue12Months!: Money | null;
}
