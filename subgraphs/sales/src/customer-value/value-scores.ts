import { badInput } from '../../../../shared/errors';
import type { SalesContext } from '../context';
import { currencyExponent } from '../../../../shared/money/money';
import { toMoney } from '../../../../shared/money/money.mapper';
import type { Money } from '../../../../shared/money/money.type';
import {
  DAY_MS,
  dropoutChances,
  predictCustomer,
  probablyGoneDay,
  purchaseModelInUse,
  utcDayNumber,
  type CustomerPrediction,
  type PredictOptions,
} from '../value-model';
import { validateClvOptions } from '../value-model/clv';
import { toPurchaseSummaryInfo } from './value-model.mapper';
import { toValueModel } from './value-model.service';
import type { RfmScores, ValueModelScores } from './value-model.type';
import type { ValueModelFacts } from './value-model-facts.type';

/**
 * The per-customer predictions behind both `Customer.valueModelScores` and the sales fields of
 * `CustomerValue`: one place that reads the stored model and the customer's purchase summary (both through
 * request loaders, so any number of customers costs three database commands) and turns them into field values.
 */

export const MAX_FORECAST_DAYS = 3650;

/** Reads the current model and the customer's summary at `asOf`; never refits. */
export async function loadValueModelScores(
  customerId: string,
  asOf: Date,
  ctx: SalesContext,
): Promise<ValueModelScores> {
  if (Number.isNaN(asOf.getTime())) throw badInput('asOf', 'is not a valid time');
  const [doc, purchase] = await Promise.all([
    ctx.loaders.currentValueModel.load('current'),
    ctx.loaders.purchaseSummaryByCustomer.load({
      parentId: customerId,
      params: { asOf: asOf.toISOString() },
    }),
  ]);
  // A model fitted in another currency (the base currency changed since) does not apply to these summaries.
  const usable = doc && doc.currency === ctx.services.valueModels.currency ? doc : null;
  return {
    asOf,
    modelFittedAt: usable?.fittedAt ?? null,
    summary: purchase ? toPurchaseSummaryInfo(purchase) : null,
    model: usable ? toValueModel(usable, ctx.services.valueModels.purchaseModel) : null,
    purchase,
  };
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

export function expectedPurchasesOf(s: ValueModelScores, days: number): number | null {
  if (!Number.isInteger(days) || days < 0 || days > MAX_FORECAST_DAYS) {
    throw badInput('days', `must be an integer between 0 and ${MAX_FORECAST_DAYS}`);
  }
  return predict(s, { days })?.expectedPurchases ?? null;
}

export function probabilityAliveOf(s: ValueModelScores): number | null {
  return predict(s, {})?.probabilityAlive ?? null;
}

export function expectedAverageOrderValueOf(s: ValueModelScores): Money | null {
  return modelMoney(predict(s, {})?.expectedAverageOrderValue, s.model?.currency ?? 'EUR');
}

export function predictedLifetimeValueOf(
  s: ValueModelScores,
  months: number,
  monthlyDiscountRate: number | null | undefined,
): Money | null {
  // Bad arguments are an error even when there is nothing to predict (no model, no purchase).
  validateClvOptions({ months, monthlyDiscountRate: monthlyDiscountRate ?? undefined });
  const p = predict(s, { months, monthlyDiscountRate: monthlyDiscountRate ?? undefined });
  return modelMoney(p?.predictedLifetimeValue, s.model?.currency ?? 'EUR');
}

export function rfmOf(s: ValueModelScores): RfmScores | null {
  const r = predict(s, {})?.rfm;
  return r
    ? { recency: r.recency, frequency: r.frequency, monetary: r.monetary, score: r.score, segment: r.segment }
    : null;
}

/** P(alive) at or below this: more likely gone than alive, the Bayes decision boundary for "gone or not". */
export const PROBABLY_GONE_P_ALIVE = 0.5;
/** Horizon of `ValueModelFacts.predictedLifetimeValue12Months`. */
export const FACTS_CLV_MONTHS = 12;

/** The argument-free verdict other subgraphs can @require; see ValueModelFacts. */
export function valueModelFactsOf(s: ValueModelScores): ValueModelFacts {
  const p = predict(s, { months: FACTS_CLV_MONTHS });
  const inUse = s.model?.status === 'ok' ? purchaseModelInUse(s.model) : null;
  // BG/NBD gives 1 to every customer without a repeat purchase by assumption (no drop-out chance yet): not a
  // verdict. MBG/NBD counts the first purchase as a chance, so every buyer gets a real P(alive).
  const informative =
    inUse && s.purchase && p && dropoutChances(s.purchase.x, inUse.kind) > 0 ? p.probabilityAlive : null;
  const goneDay =
    inUse && s.purchase && informative !== null
      ? probablyGoneDay(inUse.params, s.purchase, PROBABLY_GONE_P_ALIVE, inUse.kind)
      : null;
  return {
    purchaseModel: inUse?.kind ?? null,
    probabilityAlive: informative,
    probablyGoneAt:
      goneDay === null || !s.purchase
        ? null
        : new Date((utcDayNumber(s.purchase.firstPurchaseAt) + goneDay) * DAY_MS),
    predictedLifetimeValue12Months: modelMoney(p?.predictedLifetimeValue, s.model?.currency ?? 'EUR'),
  };
}
