import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, Int, type FieldOptions } from 'type-graphql';
import { MAX_ORDER_AMOUNT_MINOR } from './order-totals';

/**
 * An input amount in integer minor units: GraphQL `Int`, validated as 0 … MAX_ORDER_AMOUNT_MINOR (so every
 * amount, and every sum the service builds from them, stays exact). `nullable: true` also makes it optional.
 */
export function MinorAmountField(options: FieldOptions = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, options)(target, key);
    if (options.nullable) IsOptional()(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MAX_ORDER_AMOUNT_MINOR)(target, key);
  };
}
