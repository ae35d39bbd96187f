import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Sales' part of `Customer.value`. Insights owns `Customer.value` (its facts come through @requires, which
 * cannot carry client arguments such as `days` or `months`), so `CustomerValue` is an entity keyed by the
 * customer id: insights returns the key, and the query planner fetches the predictive fields below from
 * sales' `_entities`, arguments and all. The object is only the key; fields batch through request loaders.
 */
@Directive('@key(fields: "customerId")')
@ObjectType('CustomerValue', {
  description:
    'What a customer is worth: past figures and a rule-based score (insights), RFM and model predictions (sales).',
})
export class CustomerValuePredictions {
  @Field(() => ID, { description: 'The customer these figures belong to.' })
  customerId!: string;
}
