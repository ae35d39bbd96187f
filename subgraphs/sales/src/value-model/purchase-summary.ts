import { badInput } from '../../../../shared/errors/app-error';

/*
 * From a customer's orders to the summary the value models read. This is the reference definition; the sales
 * subgraph computes the same in one MongoDB aggregation and is tested against this function.
 *
 * - A purchase is a purchase DAY (UTC calendar day): orders placed on the same day count once and their totals
 *   add up (as in the BG/NBD and Gamma-Gamma literature, where several same-day orders are one "transaction").
 * - Days are counted between UTC day starts: day(d) = floor(epochMs(d) / 86 400 000).
 *   T  = day(asOf) − day(first order),  tx = day(last order) − day(first order),  x = purchase days − 1.
 * - Only orders placed at or before `asOf` count.
 * - monetaryValue is the mean value of the REPEAT purchase days, in major units: the first day is left out as
 *   in FHL 2005 (JMR) — the first purchase often differs systematically (welcome offers, starter kits) and is
 *   not a repeat transaction. It is 0 when x = 0.
 * - One currency per summary: the caller passes only orders in the model's currency (and its exponent).
 */

export interface OrderAmount {
  placedAt: Date;
  /** Order total in minor currency units (cents), an integer ≥ 0. */
  totalMinor: number;
}

export interface PurchaseSummary {
  /** Repeat purchase days. */
  x: number;
  /** Days from the first to the last purchase day. */
  tx: number;
  /** Days from the first purchase day to the observation end. */
  T: number;
  /** Mean value of the repeat purchase days, major units; 0 when x = 0. */
  monetaryValue: number;
  firstPurchaseAt: Date;
  lastPurchaseAt: Date;
  /** Distinct purchase days (x + 1). */
  purchaseDays: number;
  /** Sum of all orders counted, major units. */
  total: number;
}

export const DAY_MS = 86_400_000;

export const utcDayNumber = (d: Date): number => Math.floor(d.getTime() / DAY_MS);

/**
 * Summarises orders up to `asOf`; null when the customer has no order by then (such a customer is outside the
 * model's base: BG/NBD starts the clock at the first purchase).
 */
export function summarizePurchases(
  orders: readonly OrderAmount[],
  options: { asOf: Date; currencyExponent?: number },
): PurchaseSummary | null {
  const { asOf } = options;
  const exponent = options.currencyExponent ?? 2;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw badInput('asOf', 'must be a valid date');
  if (!(Number.isInteger(exponent) && exponent >= 0 && exponent <= 4)) {
    throw badInput('currencyExponent', 'must be an integer between 0 and 4');
  }

  // Day number → summed minor units. Minor units are integers, so sums are exact.
  const days = new Map<number, number>();
  let first: Date | null = null;
  let last: Date | null = null;
  for (let i = 0; i < orders.length; i += 1) {
    const order = orders[i];
    if (!(order.placedAt instanceof Date) || Number.isNaN(order.placedAt.getTime())) {
      throw badInput(`orders[${i}].placedAt`, 'must be a valid date');
    }
    if (!(Number.isSafeInteger(order.totalMinor) && order.totalMinor >= 0)) {
      throw badInput(`orders[${i}].totalMinor`, 'must be a non-negative integer amount in minor units');
    }
    if (order.placedAt.getTime() > asOf.getTime()) continue;
    const day = utcDayNumber(order.placedAt);
    days.set(day, (days.get(day) ?? 0) + order.totalMinor);
    if (first === null || order.placedAt < first) first = order.placedAt;
    if (last === null || order.placedAt > last) last = order.placedAt;
  }
  if (first === null || last === null) return null;
  const firstAt = first;
  const lastAt = last;

  const firstDay = utcDayNumber(firstAt);
  const lastDay = utcDayNumber(lastAt);
  let totalMinor = 0;
  for (const amount of days.values()) totalMinor += amount;
  const x = days.size - 1;
  const scale = 10 ** exponent;
  const repeatMinor = totalMinor - (days.get(firstDay) ?? 0);
  return {
    x,
    tx: lastDay - firstDay,
    T: utcDayNumber(asOf) - firstDay,
    monetaryValue: x > 0 ? repeatMinor / scale / x : 0,
    firstPurchaseAt: new Date(firstAt.getTime()),
    lastPurchaseAt: new Date(lastAt.getTime()),
    purchaseDays: x + 1,
    total: totalMinor / scale,
  };
}
