import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { SalesContext } from '../context';
import { Money } from '../../../../shared/money/money.type';
import { CustomerValuePredictions } from './customer-value.type';
import { RfmScores } from './value-model.type';
import {
  expectedAverageOrderValueOf,
  expectedPurchasesOf,
  loadValueModelScores,
  predictedLifetimeValueOf,
  probabilityAliveOf,
  rfmOf,
} from './value-scores';

/** Scores at the request time: one instant per request, so all customers share one summary batch. */
const scoresOf = (v: CustomerValuePredictions, ctx: SalesContext) =>
  loadValueModelScores(v.customerId, ctx.requestTime, ctx);

const NULL_WHEN =
  'Null before a model is fitted (or when it could not be: see `valueModel.status`) and for customers ' +
  'without a purchase in the model currency.';

/**
 * The predictive fields of `Customer.value`, read from the stored value model and the customer's purchase
 * summary (never refitted during a request). Batched: any number of customers costs three database commands.
 */
@Resolver(() => CustomerValuePredictions)
export class CustomerValuePredictionsResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Expected number of purchase days in the next `days` days (0–3650; conditional expectation of the purchase ' +
      'model in use, `valueModel.purchaseModel`). ' +
      NULL_WHEN,
  })
  async expectedPurchases(
    @Root() v: CustomerValuePredictions,
    @Ctx() ctx: SalesContext,
    @Arg('days', () => Int) days: number,
  ): Promise<number | null> {
    return expectedPurchasesOf(await scoresOf(v, ctx), days);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'P(still active | history) under the purchase model in use (`valueModel.purchaseModel`), in (0, 1]. ' +
      'Under MBG/NBD (default) it falls for a one-time buyer too; under BG/NBD it is 1 for a customer without ' +
      'repeat purchases (that model lets customers drop out only right after a repeat purchase). ' +
      NULL_WHEN,
  })
  async probabilityAlive(
    @Root() v: CustomerValuePredictions,
    @Ctx() ctx: SalesContext,
  ): Promise<number | null> {
    return probabilityAliveOf(await scoresOf(v, ctx));
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'Gamma-Gamma conditional expected value of one future purchase day, in the model currency. ' +
      NULL_WHEN,
  })
  async expectedAverageOrderValue(
    @Root() v: CustomerValuePredictions,
    @Ctx() ctx: SalesContext,
  ): Promise<Money | null> {
    return expectedAverageOrderValueOf(await scoresOf(v, ctx));
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'Discounted expected revenue over the next `months` months (0–120): expected order value × monthly ' +
      'expected purchases discounted at `monthlyDiscountRate` per month (0–1, default 0.01 ≈ 12.7 % a year). ' +
      NULL_WHEN,
  })
  async predictedLifetimeValue(
    @Root() v: CustomerValuePredictions,
    @Ctx() ctx: SalesContext,
    @Arg('months', () => Int) months: number,
    @Arg('monthlyDiscountRate', () => Float, { nullable: true }) monthlyDiscountRate?: number,
  ): Promise<Money | null> {
    return predictedLifetimeValueOf(await scoresOf(v, ctx), months, monthlyDiscountRate);
  }

  @FieldResolver(() => RfmScores, {
    nullable: true,
    description:
      'Recency, frequency and monetary quintile scores (1–5) against the current model’s base, the RFM cell ' +
      'and its named segment. ' +
      NULL_WHEN,
  })
  async rfm(@Root() v: CustomerValuePredictions, @Ctx() ctx: SalesContext): Promise<RfmScores | null> {
    return rfmOf(await scoresOf(v, ctx));
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the model behind the predictive fields was fitted; null before the first fit.',
  })
  async valueModelFittedAt(
    @Root() v: CustomerValuePredictions,
    @Ctx() ctx: SalesContext,
  ): Promise<Date | null> {
    return (await scoresOf(v, ctx)).modelFittedAt;
  }
}
