import type { CustomerSignals, MoneyValue } from '../../../subgraphs/insights/src/rules/signals';
import { DAY_MS } from '../../../subgraphs/insights/src/rules/time';

/** The fixed "now" of every rule test: a Saturday at noon UTC. */
export const NOW = new Date('2024-06-01T12:00:00.000Z');

/** A date `n` days before NOW (negative n: after NOW). */
export const daysAgo = (n: number, now: Date = NOW): Date => new Date(now.getTime() - n * DAY_MS);

export const eur = (major: number): MoneyValue => ({ amountMinor: Math.round(major * 100), currency: 'EUR' });

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Array<infer U> ? U[] : T[K] extends object ? Partial<T[K]> : T[K];
};

/**
 * A customer who was created yesterday and has done nothing yet; tests override what they need. A buyer's
 * profile is first seen at the first order unless the test says otherwise.
 */
export function signals(overrides: DeepPartial<CustomerSignals> = {}): CustomerSignals {
  return {
    engagement: {
      firstSeenAt: overrides.purchase?.firstOrderAt ?? daysAgo(1),
      lastTouchpointAt: null,
      touchpointsLast30Days: 0,
      touchpointsLast90Days: 0,
      educationTouchpointsLast90Days: 0,
      preferredChannel: null,
      preferredHour: null,
      ...overrides.engagement,
    },
    advocacy: {
      lastNpsScore: null,
      lastNpsAt: null,
      referralsCount: 0,
      reviewsCount: 0,
      averageReviewRating: null,
      ...overrides.advocacy,
    },
    consents: overrides.consents ?? [],
    timeZone: overrides.timeZone === undefined ? 'UTC' : overrides.timeZone,
    quietHours:
      overrides.quietHours === undefined ? null : (overrides.quietHours as CustomerSignals['quietHours']),
    purchase: {
      orderCount: 0,
      totalRevenue: eur(0),
      averageOrderValue: null,
      firstOrderAt: null,
      lastOrderAt: null,
      lastReturnAt: null,
      ...overrides.purchase,
    },
    support: {
      openComplaints: 0,
      complaintsLast30Days: 0,
      lastContactAt: null,
      averageSatisfaction: null,
      lastNegativeSentimentAt: null,
      ...overrides.support,
    },
    model: {
      purchaseModel: null,
      probabilityAlive: null,
      probablyGoneAt: null,
      ...overrides.model,
    },
  };
}

/** A buyer with `orderCount` orders, the first `firstDaysAgo` and the last `lastDaysAgo` days before NOW. */
export function buyer(
  orderCount: number,
  firstDaysAgo: number,
  lastDaysAgo = firstDaysAgo,
  revenue = 100 * orderCount,
): DeepPartial<CustomerSignals>['purchase'] {
  return {
    orderCount,
    totalRevenue: eur(revenue),
    averageOrderValue: eur(revenue / orderCount),
    firstOrderAt: daysAgo(firstDaysAgo),
    lastOrderAt: daysAgo(lastDaysAgo),
  };
}
