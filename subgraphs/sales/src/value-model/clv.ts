import { badInput } from '../../../../shared/errors/app-error';
import { expectedPurchases, type BgnbdParams, type PurchaseHistory, type PurchaseModelKind } from './bgnbd';

/*
 * Customer lifetime value over a finite horizon, combining (M)BG/NBD (how many purchases) with Gamma-Gamma (how
 * much each is worth). Formulation — discrete monthly discounting of the BG/NBD forecast:
 *
 *   CLV(N, d) = E[M] · Σ_{i=1..N} ( E[Y(i·L)] − E[Y((i−1)·L)] ) / (1 + d)^i
 *
 * where E[Y(t)] is the customer's expected number of purchases in (T, T + t] given (x, tx, T), L is one month
 * in the model's time unit (365.25/12 = 30.4375 days), d the monthly discount rate, and E[M] the
 * Gamma-Gamma conditional expected value per purchase. Each month's expected purchases are discounted to
 * today as if they happened at the month's end (slightly conservative). Multiplying the two expectations is
 * exact under the models' assumption that spend is independent of the purchase process. The result is revenue
 * (the same unit as the order totals); apply a margin outside if profit is wanted.
 *
 * The default d = 0.01 per month is (1.01)^12 − 1 ≈ 12.7 % per year, a common order of magnitude for a
 * retailer's cost of capital; pass 0 for undiscounted expected revenue.
 */

export const DEFAULT_MONTHLY_DISCOUNT_RATE = 0.01;
export const DAYS_PER_MONTH = 365.25 / 12;
/** Ten years: far beyond what a purchase model fitted on a few years of history can say anything about. */
export const MAX_HORIZON_MONTHS = 120;

export interface ClvOptions {
  months: number;
  monthlyDiscountRate?: number;
  /** Length of a month in the model's time unit; days by default. */
  monthLength?: number;
  /** The purchase model the parameters belong to; BG/NBD by default. */
  model?: PurchaseModelKind;
}

export function validateClvOptions(options: ClvOptions): Required<Omit<ClvOptions, 'model'>> {
  const { months } = options;
  const monthlyDiscountRate = options.monthlyDiscountRate ?? DEFAULT_MONTHLY_DISCOUNT_RATE;
  const monthLength = options.monthLength ?? DAYS_PER_MONTH;
  if (!(Number.isInteger(months) && months >= 0 && months <= MAX_HORIZON_MONTHS)) {
    throw badInput('months', `must be an integer between 0 and ${MAX_HORIZON_MONTHS}`);
  }
  if (!(Number.isFinite(monthlyDiscountRate) && monthlyDiscountRate >= 0 && monthlyDiscountRate <= 1)) {
    throw badInput('monthlyDiscountRate', 'must be a number between 0 and 1 (a rate per month, e.g. 0.01)');
  }
  if (!(Number.isFinite(monthLength) && monthLength > 0)) throw badInput('monthLength', 'must be positive');
  return { months, monthlyDiscountRate, monthLength };
}

/** Expected purchases in each of the next `months` months (not cumulative). */
export function expectedPurchasesByMonth(
  params: BgnbdParams,
  history: PurchaseHistory,
  months: number,
  monthLength = DAYS_PER_MONTH,
  model: PurchaseModelKind = 'BG_NBD',
): number[] {
  const perMonth: number[] = [];
  let previous = 0;
  for (let i = 1; i <= months; i += 1) {
    const cumulative = expectedPurchases(params, history, i * monthLength, model);
    // Cumulative expectations are non-decreasing; clamp rounding noise so a month never counts negative.
    perMonth.push(Math.max(0, cumulative - previous));
    previous = Math.max(previous, cumulative);
  }
  return perMonth;
}

/** Σ monthly expected purchases discounted to today: the "discounted expected transactions" of the horizon. */
export function discountedExpectedPurchases(
  params: BgnbdParams,
  history: PurchaseHistory,
  options: ClvOptions,
): number {
  const { months, monthlyDiscountRate, monthLength } = validateClvOptions(options);
  return expectedPurchasesByMonth(params, history, months, monthLength, options.model).reduce(
    (sum, purchases, i) => sum + purchases / Math.pow(1 + monthlyDiscountRate, i + 1),
    0,
  );
}

/** CLV(N, d) as above; `averageOrderValue` is the Gamma-Gamma conditional expectation for this customer. */
export function predictedLifetimeValue(
  params: BgnbdParams,
  history: PurchaseHistory,
  averageOrderValue: number,
  options: ClvOptions,
): number {
  return averageOrderValue * discountedExpectedPurchases(params, history, options);
}
