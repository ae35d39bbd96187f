/**
 * What the insights rules know about one customer: the facts the rules use (customer/customer.requires.ts),
 * received through `@requires` and already parsed (dates as `Date`). Plain data, so every rule is a
 * pure function of (signals, now) and can be tested without GraphQL or a database.
 */

/** Sales' Money: integer minor units (cents; for JPY, yen) and an ISO 4217 code; never a float. */
export interface MoneyValue {
  amountMinor: number;
  currency: string;
}

export interface EngagementSignals {
  firstSeenAt: Date | null;
  lastTouchpointAt: Date | null;
  touchpointsLast30Days: number;
  touchpointsLast90Days: number;
  educationTouchpointsLast90Days: number;
  preferredChannel: string | null;
  /** 0–23 in the customer's time zone. */
  preferredHour: number | null;
}

export interface AdvocacySignals {
  lastNpsScore: number | null;
  lastNpsAt: Date | null;
  referralsCount: number;
  reviewsCount: number;
  averageReviewRating: number | null;
}

export interface ConsentSignal {
  channel: string;
  purpose: string;
  granted: boolean;
  updatedAt: Date;
}

export interface PurchaseSignals {
  orderCount: number;
  totalRevenue: MoneyValue;
  averageOrderValue: MoneyValue | null;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  lastReturnAt: Date | null;
}

export interface SupportSignals {
  openComplaints: number;
  complaintsLast30Days: number;
  lastContactAt: Date | null;
  /** Mean ticket rating on the 1–5 scale; null when never rated. */
  averageSatisfaction: number | null;
  lastNegativeSentimentAt: Date | null;
}

/** The customer's own quiet hours (`HH:MM` local time; start after end spans midnight). */
export interface QuietHoursSignal {
  start: string;
  end: string;
}

/** Sales' value-model verdict at the request time; null fields mean "the model cannot tell". */
export interface ModelSignals {
  /** The purchase model in use (e.g. "BG_NBD"); null before a model is fitted. */
  purchaseModel: string | null;
  /** P(alive); null where the model is not informative (BG/NBD without a repeat purchase). */
  probabilityAlive: number | null;
  /** When P(alive) fell (or will fall) to 0.5 or below: more likely gone than alive. */
  probablyGoneAt: Date | null;
}

export interface CustomerSignals {
  engagement: EngagementSignals;
  advocacy: AdvocacySignals;
  consents: ConsentSignal[];
  timeZone: string | null;
  quietHours: QuietHoursSignal | null;
  purchase: PurchaseSignals;
  support: SupportSignals;
  model: ModelSignals;
}
