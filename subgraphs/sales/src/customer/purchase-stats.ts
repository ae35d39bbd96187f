import { averageMinor } from '../money/money';
import { toMoney } from '../money/money.mapper';
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
