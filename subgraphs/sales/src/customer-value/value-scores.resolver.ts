import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { SalesContext } from '../context';
import { Customer } from '../customer/customer.type';
import { Money } from '../../../../shared/money/money.type';
import {
  expectedAverageOrderValueOf,
  expectedPurchasesOf,
  loadValueModelScores,
  predictedLifetimeValueOf,
  probabilityAliveOf,
  rfmOf,
  valueModelFactsOf,
} from './value-scores';
import { ValueModelFacts } from './value-model-facts.type';
import { RfmScores, ValueModelScores } from './value-model.type';

/**
 * `Customer.valueModelScores(asOf)`: the same predictions as the sales fields of `CustomerValue`, plus the
 * purchase summary behind them and an observation end of the caller's choice (back-testing: "what did the
 * model say on 1 March?"). Day-to-day reads go through `Customer.value`.
 */
@Resolver(() => Customer)
export class CustomerValueResolver {
  @FieldResolver(() => ValueModelScores, {
    nullable: true,
    description:
      'Expected purchases, probability of being alive, expected order value, predicted lifetime value and RFM, ' +
      'from the stored value model and this customer’s purchase summary at `asOf`, with that summary. The same ' +
      'figures at the request time are fields of `Customer.value`. Batched: any number of customers ' +
      'costs three database commands (the pointer to the model in use, that model, one summary aggregation).',
  })
  async valueModelScores(
    @Root() customer: Customer,
    @Ctx() ctx: SalesContext,
    @Arg('asOf', () => Date, {
      nullable: true,
      description: 'Observation end of the customer’s summary; default: the request time.',
    })
    asOf?: Date,
  ): Promise<ValueModelScores> {
    return loadValueModelScores(customer.id, asOf ?? ctx.requestTime, ctx);
  }

  @FieldResolver(() => ValueModelFacts, {
    nullable: true,
    description:
      'The value model’s verdict at the request time, without arguments (other subgraphs @require it): the ' +
      'model in use, an honest P(alive), when the customer became more likely gone than alive, 12-month CLV.',
  })
  async valueModelFacts(@Root() customer: Customer, @Ctx() ctx: SalesContext): Promise<ValueModelFacts> {
    return valueModelFactsOf(await loadValueModelScores(customer.id, ctx.requestTime, ctx));
  }
}

@Resolver(() => ValueModelScores)
export class ValueModelScoresResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Expected number of purchase days in the next `days` days (conditional expectation of the purchase model ' +
      'in use).',
  })
  expectedPurchases(@Root() s: ValueModelScores, @Arg('days', () => Int) days: number): number | null {
    return expectedPurchasesOf(s, days);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'P(still active | history) under the purchase model in use (`valueModel.purchaseModel`). Under BG/NBD ' +
      'it is 1 for a customer without repeat purchases (drop-out only right after a repeat purchase); under ' +
      'MBG/NBD (default) a one-time buyer can have left too.',
  })
  probabilityAlive(@Root() s: ValueModelScores): number | null {
    return probabilityAliveOf(s);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'Gamma-Gamma conditional expected value of one future purchase day, in the model currency.',
  })
  expectedAverageOrderValue(@Root() s: ValueModelScores): Money | null {
    return expectedAverageOrderValueOf(s);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'Discounted expected revenue over the next `months` months (0–120): expected order value × monthly ' +
      'expected purchases discounted at `monthlyDiscountRate` per month (default 0.01 ≈ 12.7 % a year).',
  })
  predictedLifetimeValue(
    @Root() s: ValueModelScores,
    @Arg('months', () => Int) months: number,
    @Arg('monthlyDiscountRate', () => Float, { nullable: true }) monthlyDiscountRate?: number,
  ): Money | null {
    return predictedLifetimeValueOf(s, months, monthlyDiscountRate);
  }

  @FieldResolver(() => RfmScores, {
    nullable: true,
    description: 'RFM against the current model’s breakpoints.',
  })
  rfm(@Root() s: ValueModelScores): RfmScores | null {
    return rfmOf(s);
  }
}
