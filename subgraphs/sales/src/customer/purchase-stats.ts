import { averageMinor } from '../../../../shared/money/money';
import { toMoney } from '../../../../shared/money/money.mapper';
import type { OrderStatsRow } from '../order/order.service';
import type { ReturnStatsRow } from '../return/return.service';
import type { PurchaseStats } from './customer.type';

/** Combines the per-customer order and return aggregations into PurchaseStats (zeros for a non-buyer). */
export function toPurchaseStats(
  orders: OrderStatsRow | undefined,
  returns: ReturnStatsRow | undefined,
  baseCurrency: string,
): PurchaseStats {
  const baseCount = orders?.baseCurrencyOrderCount ?? 0;
  const revenue = orders?.netRevenueMinor ?? 0;
  return {
    orderCount: orders?.orderCount ?? 0,
    totalRevenue: toMoney(revenue, baseCurrency),
    averageOrderValue: baseCount > 0 ? toMoney(averageMinor(revenue, baseCount), baseCurrency) : null,
    firstOrderAt: orders?.firstOrderAt ?? null,
    lastOrderAt: orders?.lastOrderAt ?? null,
    returnCount: returns?.returnCount ?? 0,
    lastReturnAt: returns?.lastReturnAt ?? null,
    otherCurrencyOrderCount: (orders?.orderCount ?? 0) - baseCount,
  };
}

const latestOf = (dates: Array<Date | null>, pick: (a: number, b: number) => boolean): Date | null =>
  dates.reduce<Date | null>((acc, d) => (d && (!acc || pick(d.getTime(), acc.getTime())) ? d : acc), null);

/** Order aggregates of several ids of one (merged) customer → one: counts and money add, dates span. */
export function combineOrderStats(parts: OrderStatsRow[]): OrderStatsRow {
  return {
    orderCount: parts.reduce((s, p) => s + p.orderCount, 0),
    baseCurrencyOrderCount: parts.reduce((s, p) => s + p.baseCurrencyOrderCount, 0),
    netRevenueMinor: parts.reduce((s, p) => s + p.netRevenueMinor, 0),
    firstOrderAt: latestOf(
      parts.map((p) => p.firstOrderAt),
      (a, b) => a < b,
    ),
    lastOrderAt: latestOf(
      parts.map((p) => p.lastOrderAt),
      (a, b) => a > b,
    ),
  };
}

export function combineReturnStats(parts: ReturnStatsRow[]): ReturnStatsRow {
  return {
    returnCount: parts.reduce((s, p) => s + p.returnCount, 0),
    lastReturnAt: latestOf(
      parts.map((p) => p.lastReturnAt),
      (a, b) => a > b,
    ),
  };
}
