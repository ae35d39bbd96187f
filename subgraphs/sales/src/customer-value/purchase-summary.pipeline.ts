import { currencyExponent } from '../../../../shared/money/money';
import { NOT_PURCHASE_STATUSES } from '../order/order.enums';
import { DAY_MS, utcDayNumber, type PurchaseSummary } from '../value-model';

/**
 * Orders that count as purchases for the value model: not cancelled and not entirely returned (an undone
 * purchase is no purchase), in the model's currency, placed by the observation end. Partially returned
 * orders count with their net value (total − refunded).
 */
export const SUMMARY_EXCLUDED_STATUSES = NOT_PURCHASE_STATUSES;

export interface SummaryRow {
  _id: string;
  purchaseDays: number;
  firstDay: number;
  lastDay: number;
  firstDayMinor: number;
  totalMinor: number;
  firstPurchaseAt: Date;
  lastPurchaseAt: Date;
}

/**
 * ONE aggregation producing every customer's purchase summary (the same definition as the pure
 * `summarizePurchases` in value-model/purchase-summary.ts, which the tests compare it with):
 * orders → (customer, UTC day) with summed net value → per customer: purchase days, first/last day,
 * value of the first day and of all days. Served by the (customerId, placedAt) index when restricted
 * to some customers; a refit scans the orders once.
 */
export function purchaseSummaryPipeline(opts: {
  asOf: Date;
  currency: string;
  customerIds?: readonly string[];
}): Record<string, unknown>[] {
  return [
    {
      $match: {
        ...(opts.customerIds ? { customerId: { $in: [...opts.customerIds] } } : {}),
        currency: opts.currency,
        status: { $nin: SUMMARY_EXCLUDED_STATUSES },
        placedAt: { $lte: opts.asOf },
      },
    },
    {
      $project: {
        customerId: 1,
        placedAt: 1,
        value: { $subtract: ['$totalMinor', { $ifNull: ['$refundedMinor', 0] }] },
        // Date − epoch = milliseconds; floor(ms / day) is the UTC day number, as utcDayNumber() computes it.
        day: { $floor: { $divide: [{ $subtract: ['$placedAt', new Date(0)] }, DAY_MS] } },
      },
    },
    {
      $group: {
        _id: { c: '$customerId', d: '$day' },
        value: { $sum: '$value' },
        first: { $min: '$placedAt' },
        last: { $max: '$placedAt' },
      },
    },
    { $sort: { '_id.c': 1, '_id.d': 1 } },
    {
      $group: {
        _id: '$_id.c',
        purchaseDays: { $sum: 1 },
        firstDay: { $first: '$_id.d' },
        lastDay: { $last: '$_id.d' },
        firstDayMinor: { $first: '$value' },
        totalMinor: { $sum: '$value' },
        firstPurchaseAt: { $min: '$first' },
        lastPurchaseAt: { $max: '$last' },
      },
    },
  ];
}

/** One aggregation row → the summary the models read (days; money in major units of `currency`). */
export function toPurchaseSummary(row: SummaryRow, asOf: Date, currency: string): PurchaseSummary {
  const scale = 10 ** currencyExponent(currency);
  const x = row.purchaseDays - 1;
  return {
    x,
    tx: row.lastDay - row.firstDay,
    T: utcDayNumber(asOf) - row.firstDay,
    monetaryValue: x > 0 ? (row.totalMinor - row.firstDayMinor) / scale / x : 0,
    firstPurchaseAt: row.firstPurchaseAt,
    lastPurchaseAt: row.lastPurchaseAt,
    purchaseDays: row.purchaseDays,
    total: row.totalMinor / scale,
  };
}
