import { NpsCategory, npsCategory } from '../../../../shared/contract';
// The shared money module knows each currency's minor unit.
import { toMajorUnits } from '../../../../shared/money/money';
import type { CustomerSignals, MoneyValue } from './signals';
import { DAYS_PER_MONTH, daysSince } from './time';

/**
 * Customer value by rule: revenue, frequency, recency and willingness to recommend combined into a 0–100
 * score and a tier. Thresholds are deliberately simple and documented (README, "How the computed fields
 * are derived"); the model-based figures (RFM, CLV) come from sales' fitted value model.
 */

export type ValueTier = 'PLATINUM' | 'GOLD' | 'SILVER' | 'BRONZE' | 'NONE';

/**
 * Purchase frequency divides orders by the months since the first order, with at least this many months,
 * so a customer whose only order was yesterday shows 1 order/month rather than 30.
 */
export const MIN_FREQUENCY_TENURE_MONTHS = 1;

/**
 * Monetary points by total revenue in major units of sales' base currency (EUR 1,000 = 1,000; sales reports
 * revenue in one base currency). Highest match wins.
 */
export const MONETARY_POINTS: ReadonlyArray<{ minRevenue: number; points: number }> = [
  { minRevenue: 5000, points: 40 },
  { minRevenue: 1000, points: 30 },
  { minRevenue: 250, points: 20 },
  { minRevenue: 0.01, points: 10 },
];

/** Frequency points by number of orders (loyalty through repeat buying). */
export const FREQUENCY_POINTS: ReadonlyArray<{ minOrders: number; points: number }> = [
  { minOrders: 10, points: 25 },
  { minOrders: 5, points: 18 },
  { minOrders: 2, points: 10 },
  { minOrders: 1, points: 5 },
];

/** Recency points by days since the last order: value that is still active counts more. */
export const RECENCY_POINTS: ReadonlyArray<{ maxDays: number; points: number }> = [
  { maxDays: 90, points: 15 },
  { maxDays: 365, points: 5 },
];

/** Willingness to recommend: by NPS category of the last answer, plus a bonus for any referral. */
export const ADVOCACY_POINTS: Readonly<Record<NpsCategory, number>> = {
  PROMOTER: 10,
  PASSIVE: 5,
  DETRACTOR: -10,
};
export const REFERRAL_POINTS = 10;

/** Minimum score per tier; customers without an order are NONE whatever their score. */
export const TIER_MIN_SCORE: ReadonlyArray<{ tier: Exclude<ValueTier, 'NONE'>; minScore: number }> = [
  { tier: 'PLATINUM', minScore: 80 },
  { tier: 'GOLD', minScore: 60 },
  { tier: 'SILVER', minScore: 40 },
  { tier: 'BRONZE', minScore: 0 },
];

export interface CustomerValueResult {
  totalRevenue: MoneyValue;
  orderCount: number;
  averageOrderValue: MoneyValue | null;
  /** Orders per month (30.44 days) since the first order; null without orders. */
  purchaseFrequency: number | null;
  daysSinceLastOrder: number | null;
  npsCategory: NpsCategory | null;
  /** 0–100: monetary + frequency + recency + advocacy points (tables above). */
  score: number;
  tier: ValueTier;
}

/** Orders per month since the first order, rounded to 3 decimals; null without orders. */
export function purchaseFrequency(orderCount: number, firstOrderAt: Date | null, now: Date): number | null {
  if (orderCount <= 0 || !firstOrderAt) return null;
  const months = Math.max(MIN_FREQUENCY_TENURE_MONTHS, daysSince(firstOrderAt, now) / DAYS_PER_MONTH);
  return Math.round((orderCount / months) * 1000) / 1000;
}

function pointsFor<T>(
  table: ReadonlyArray<T>,
  matches: (row: T) => boolean,
  points: (row: T) => number,
): number {
  const row = table.find(matches);
  return row ? points(row) : 0;
}

export function valueScore(parts: {
  revenue: number;
  orderCount: number;
  daysSinceLastOrder: number | null;
  nps: NpsCategory | null;
  referralsCount: number;
}): number {
  const monetary = pointsFor(
    MONETARY_POINTS,
    (r) => parts.revenue >= r.minRevenue,
    (r) => r.points,
  );
  const frequency = pointsFor(
    FREQUENCY_POINTS,
    (r) => parts.orderCount >= r.minOrders,
    (r) => r.points,
  );
  const recency =
    parts.daysSinceLastOrder === null
      ? 0
      : pointsFor(
          RECENCY_POINTS,
          (r) => parts.daysSinceLastOrder! <= r.maxDays,
          (r) => r.points,
        );
  const advocacy =
    (parts.nps ? ADVOCACY_POINTS[parts.nps] : 0) + (parts.referralsCount > 0 ? REFERRAL_POINTS : 0);
  return Math.min(100, Math.max(0, monetary + frequency + recency + advocacy));
}

export function valueTier(score: number, orderCount: number): ValueTier {
  if (orderCount <= 0) return 'NONE';
  return TIER_MIN_SCORE.find((t) => score >= t.minScore)?.tier ?? 'BRONZE';
}

export function computeCustomerValue(signals: CustomerSignals, now: Date): CustomerValueResult {
  const { purchase, advocacy } = signals;
  const daysSinceLastOrder =
    purchase.orderCount > 0 && purchase.lastOrderAt ? daysSince(purchase.lastOrderAt, now) : null;
  const nps = npsCategory(advocacy.lastNpsScore);
  const score =
    purchase.orderCount > 0
      ? valueScore({
          revenue: toMajorUnits(purchase.totalRevenue.amountMinor, purchase.totalRevenue.currency),
          orderCount: purchase.orderCount,
          daysSinceLastOrder,
          nps,
          referralsCount: advocacy.referralsCount,
        })
      : 0;
  return {
    totalRevenue: purchase.totalRevenue,
    orderCount: purchase.orderCount,
    averageOrderValue: purchase.averageOrderValue,
    purchaseFrequency: purchaseFrequency(purchase.orderCount, purchase.firstOrderAt, now),
    daysSinceLastOrder,
    npsCategory: nps,
    score,
    tier: valueTier(score, purchase.orderCount),
  };
}
