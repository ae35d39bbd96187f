import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../../shared/errors';
import type { SalesContext } from '../context';
import { Customer } from '../customer/customer.type';
import { currencyExponent } from '../money/money';
import { toMoney } from '../money/money.mapper';
import { Money } from '../money/money.type';
import { predictCustomer, type CustomerPrediction, type PredictOptions } from '../value-model';
import { toPurchaseSummaryInfo } from './value-model.mapper';
import { toValueModel } from './value-model.service';
import { RfmScores, ValueModelScores } from './value-model.type';

const MAX_FORECAST_DAYS = 3650;

@Resolver(() => Customer)
export class CustomerValueResolver {
  @FieldResolver(() => ValueModelScores, {
    description:
      'Expected purchases, probability of being alive, expected order value, predicted lifetime value and RFM, ' +
      'from the stored value model and this customer’s purchase summary. Batched: any number of customers ' +
      'costs two database commands (the current model, one summary aggregation).',
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
    const end = asOf ?? ctx.requestTime;
    if (Number.isNaN(end.getTime())) throw badInput('asOf', 'is not a valid time');
    const [doc, purchase] = await Promise.all([
      ctx.loaders.currentValueModel.load('current'),
      ctx.loaders.purchaseSummaryByCustomer.load({
        parentId: customer.id,
        params: { asOf: end.toISOString() },
      }),
    ]);
    // A model fitted in another currency (the base currency changed since) does not apply to these summaries.
    const usable = doc && doc.currency === ctx.services.valueModels.currency ? doc : null;
    return {
      asOf: end,
      modelFittedAt: usable?.fittedAt ?? null,
      summary: purchase ? toPurchaseSummaryInfo(purchase) : null,
      model: usable ? toValueModel(usable) : null,
      purchase,
    };
  }
}

function predict(s: ValueModelScores, options: Partial<PredictOptions>): CustomerPrediction | null {
  if (!s.model || !s.purchase) return null;
  return predictCustomer(s.model, s.purchase, { days: 0, months: 0, ...options });
}

/** A model figure in major units → Money in minor units of the model currency (null when not finite). */
function modelMoney(value: number | null | undefined, currency: string): Money | null {
  if (value == null || !Number.isFinite(value)) return null;
  const minor = Math.round(value * 10 ** currencyExponent(currency));
  return Number.isSafeInteger(minor) ? toMoney(minor, currency) : null;
}

@Resolver(() => ValueModelScores)
export class ValueModelScoresResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Expected number of purchase days in the next `days` days (BG/NBD conditional expectation).',
  })
  expectedPurchases(@Root() s: ValueModelScores, @Arg('days', () => Int) days: number): number | null {
    if (!Number.isInteger(days) || days < 0 || days > MAX_FORECAST_DAYS) {
      throw badInput('days', `must be an integer between 0 and ${MAX_FORECAST_DAYS}`);
    }
    return predict(s, { days })?.expectedPurchases ?? null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'P(still active | history) under BG/NBD. It is 1 for a customer without repeat purchases: the model ' +
      'lets customers drop out only right after a repeat purchase.',
  })
  probabilityAlive(@Root() s: ValueModelScores): number | null {
    return predict(s, {})?.probabilityAlive ?? null;
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'Gamma-Gamma conditional expected value of one future purchase day, in the model currency.',
  })
  expectedAverageOrderValue(@Root() s: ValueModelScores): Money | null {
    return modelMoney(predict(s, {})?.expectedAverageOrderValue, s.model?.currency ?? 'EUR');
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'Discounted expected revenue over the next `months` months (1–120): expected order value × monthly ' +
      'expected purchases discounted at `monthlyDiscountRate` per month (default 0.01 ≈ 12.7 % a year).',
  })
  predictedLifetimeValue(
    @Root() s: ValueModelScores,
    @Arg('months', () => Int) months: number,
    @Arg('monthlyDiscountRate', () => Float, { nullable: true }) monthlyDiscountRate?: number,
  ): Money | null {
    const p = predict(s, { months, monthlyDiscountRate: monthlyDiscountRate ?? undefined });
    return modelMoney(p?.predictedLifetimeValue, s.model?.currency ?? 'EUR');
  }

  @FieldResolver(() => RfmScores, {
    nullable: true,
    description: 'RFM against the current model’s breakpoints.',
  })
  rfm(@Root() s: ValueModelScores): RfmScores | null {
    const r = predict(s, {})?.rfm;
    return r
      ? {
          recency: r.recency,
          frequency: r.frequency,
          monetary: r.monetary,
          score: r.score,
          segment: r.segment,
        }
      : null;
  }
}
