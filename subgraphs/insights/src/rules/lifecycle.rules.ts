import type { CustomerSignals } from './signals';
import { addDays, daysSince, earliest, latest, DAY_MS } from './time';
import { ago, plural } from './text';
import { NPS_PROMOTER_MIN, NpsCategory, npsCategory } from '../../../../shared/contract';

/**
 * Lifecycle stage from the facts the subgraphs own. The stage is recomputed from the current facts on
 * every read, so it moves backwards as naturally as forwards: a lapsed buyer drops to AT_RISK, a long
 * silent one to CHURNED, and a churned customer who orders again is a buyer again.
 *
 * Rules are checked in order and the first that matches wins (risk outranks progress):
 * CHURNED / DORMANT → AT_RISK → ADVOCACY → PURCHASE → POST_PURCHASE_ENGAGEMENT → EDUCATION → DISCOVERY.
 * An open complaint is never churned away: the customer is waiting for us, so it stays AT_RISK.
 * "Orders" are sales' purchases: cancelled and entirely returned orders do not count (PurchaseStats).
 */

export type LifecycleStage =
  | 'DISCOVERY'
  | 'EDUCATION'
  | 'PURCHASE'
  | 'POST_PURCHASE_ENGAGEMENT'
  | 'ADVOCACY'
  | 'AT_RISK'
  | 'CHURNED'
  | 'DORMANT';

/**
 * No order, touchpoint, survey answer or support contact for this many days: a buyer is CHURNED, a person who
 * never bought is DORMANT (a prospect gone quiet; churn means losing a customer).
 */
export const CHURNED_AFTER_INACTIVE_DAYS = 365;

/**
 * A one-time buyer with no further order for this many days has lapsed: a fixed "hiatus" rule, the managerial
 * heuristic Wübben & von Wangenheim (2008) found as accurate as the BG/NBD and Pareto/NBD models in retail.
 * Repeat buyers are judged by their own rhythm instead (below).
 */
export const LAPSED_AFTER_DAYS = 180;

/**
 * A repeat buyer lapses after this many of their own average gaps between orders without one: buying at a
 * steady (Poisson) pace, the chance of a silence of 3 gaps is e^−3 ≈ 5 %, so it is unusual for a customer who
 * is still buying. It shrinks for fast buyers (weekly buyer: 21 days) and stretches for slow ones.
 */
export const LAPSED_CADENCE_MULTIPLIER = 3;

/** The rhythm never lapses a buyer sooner than two weeks: shorter silences are ordinary (delivery, stock, weekends). */
export const MIN_LAPSE_DAYS = 14;

/** Complaints opened in the last 30 days (support's window) from which a customer is at risk. */
export const AT_RISK_COMPLAINTS_LAST_30_DAYS = 2;

/** A support conversation with negative sentiment this recent puts the customer at risk. */
export const NEGATIVE_SENTIMENT_WINDOW_DAYS = 30;

/** A detractor NPS answer (0–6) this recent puts the customer at risk. */
export const DETRACTOR_WINDOW_DAYS = 90;

/** Average support satisfaction (1–5) below this, with a support contact in the window, is a risk. */
export const LOW_SATISFACTION_BELOW = 2.5;
export const LOW_SATISFACTION_WINDOW_DAYS = 90;

/** A promoter answer counts as advocacy for this long. */
export const PROMOTER_VALID_DAYS = 365;

/** Reviews averaging at least this rating (1–5) count as advocacy. */
export const ADVOCACY_MIN_REVIEW_RATING = 4;

/** A first-time buyer stays in PURCHASE for this many days after the first order. */
export const PURCHASE_WINDOW_DAYS = 30;

/** Education touchpoints (help articles, demos, webinars…) in marketing's 90-day window needed for EDUCATION. */
export const EDUCATION_MIN_TOUCHPOINTS_90_DAYS = 1;

/** A non-buyer who contacted support this recently is asking questions before buying: EDUCATION. */
export const EDUCATION_SUPPORT_CONTACT_DAYS = 90;

export interface LifecycleResult {
  stage: LifecycleStage;
  /** When the current stage began, as far as the facts tell; null when they do not say. */
  since: Date | null;
  /** Why, in plain words, with the figures that triggered the stage. */
  reasons: string[];
}

interface Evidence {
  reason: string;
  /** When this evidence became true; null when unknown. */
  at: Date | null;
}

/** The last sign of life of any kind; profile creation counts so a silent new profile is not churned. */
export function lastActivityAt(s: CustomerSignals): Date | null {
  return latest(
    s.purchase.lastOrderAt,
    s.purchase.lastReturnAt,
    s.engagement.lastTouchpointAt,
    s.engagement.firstSeenAt,
    s.advocacy.lastNpsAt,
    s.support.lastContactAt,
  );
}

/** Days without an order after which this buyer counts as lapsed (see LAPSED_CADENCE_MULTIPLIER). */
export function lapseThresholdDays(s: CustomerSignals): number {
  const { orderCount, firstOrderAt, lastOrderAt } = s.purchase;
  if (orderCount >= 2 && firstOrderAt && lastOrderAt) {
    const averageGapDays = (lastOrderAt.getTime() - firstOrderAt.getTime()) / DAY_MS / (orderCount - 1);
    return Math.max(MIN_LAPSE_DAYS, Math.ceil(LAPSED_CADENCE_MULTIPLIER * averageGapDays));
  }
  return LAPSED_AFTER_DAYS;
}

const isBuyer = (s: CustomerSignals) => s.purchase.orderCount > 0 && s.purchase.firstOrderAt !== null;

function inactivityEvidence(s: CustomerSignals, now: Date): Evidence | null {
  const last = lastActivityAt(s);
  // Someone waiting for an answer to a complaint has not left us; we have not answered them (AT_RISK).
  if (!last || s.support.openComplaints > 0) return null;
  const idle = daysSince(last, now);
  if (idle < CHURNED_AFTER_INACTIVE_DAYS) return null;
  const what = isBuyer(s) ? 'churned' : 'dormant';
  return {
    reason: `No order, touchpoint or support contact for ${plural(idle, 'day')} (${what} after ${CHURNED_AFTER_INACTIVE_DAYS})`,
    at: addDays(last, CHURNED_AFTER_INACTIVE_DAYS),
  };
}

function riskEvidence(s: CustomerSignals, now: Date): Evidence[] {
  const out: Evidence[] = [];
  const { purchase, support, advocacy, model } = s;
  if (purchase.orderCount > 0 && purchase.lastOrderAt) {
    const threshold = lapseThresholdDays(s);
    const idle = daysSince(purchase.lastOrderAt, now);
    if (idle >= threshold) {
      const rhythm =
        purchase.orderCount >= 2
          ? `${LAPSED_CADENCE_MULTIPLIER} × their average gap between orders, at least ${MIN_LAPSE_DAYS} days`
          : 'one order only';
      out.push({
        reason: `Last order ${ago(idle)} (lapsed after ${threshold} days without an order: ${rhythm})`,
        at: addDays(purchase.lastOrderAt, threshold),
      });
    }
  }
  if (isBuyer(s) && model.probabilityAlive !== null && model.probablyGoneAt && model.probablyGoneAt <= now) {
    out.push({
      reason: `The ${model.purchaseModel ?? 'purchase'} model gives P(alive) ${model.probabilityAlive.toFixed(2)}: more likely gone than alive`,
      at: model.probablyGoneAt,
    });
  }
  if (support.openComplaints > 0) {
    // Support does not expose when the complaint was opened; its latest contact is the closest known date.
    const last = support.lastContactAt;
    out.push({
      reason: `${plural(support.openComplaints, 'open complaint')}${last ? `, last support contact ${ago(daysSince(last, now))}` : ''}`,
      at: last,
    });
  }
  if (support.complaintsLast30Days >= AT_RISK_COMPLAINTS_LAST_30_DAYS) {
    out.push({
      reason: `${plural(support.complaintsLast30Days, 'complaint')} in the last 30 days`,
      at: support.lastContactAt,
    });
  }
  if (support.lastNegativeSentimentAt) {
    const days = daysSince(support.lastNegativeSentimentAt, now);
    if (days < NEGATIVE_SENTIMENT_WINDOW_DAYS) {
      out.push({
        reason: `Negative sentiment in a support conversation ${ago(days)}`,
        at: support.lastNegativeSentimentAt,
      });
    }
  }
  if (advocacy.lastNpsAt && npsCategory(advocacy.lastNpsScore) === NpsCategory.DETRACTOR) {
    const days = daysSince(advocacy.lastNpsAt, now);
    if (days < DETRACTOR_WINDOW_DAYS) {
      out.push({
        reason: `Detractor NPS ${advocacy.lastNpsScore} given ${ago(days)}`,
        at: advocacy.lastNpsAt,
      });
    }
  }
  if (
    support.averageSatisfaction !== null &&
    support.averageSatisfaction < LOW_SATISFACTION_BELOW &&
    support.lastContactAt &&
    daysSince(support.lastContactAt, now) < LOW_SATISFACTION_WINDOW_DAYS
  ) {
    out.push({
      reason: `Average support satisfaction ${support.averageSatisfaction.toFixed(1)} of 5 (below ${LOW_SATISFACTION_BELOW})`,
      at: support.lastContactAt,
    });
  }
  return out;
}

function advocacyEvidence(s: CustomerSignals, now: Date): Evidence[] {
  const { advocacy } = s;
  const out: Evidence[] = [];
  const category = npsCategory(advocacy.lastNpsScore);
  // A detractor's referrals from long ago do not make them an advocate today.
  if (category === NpsCategory.DETRACTOR) return out;
  if (category === NpsCategory.PROMOTER && advocacy.lastNpsAt) {
    const days = daysSince(advocacy.lastNpsAt, now);
    if (days < PROMOTER_VALID_DAYS) {
      out.push({
        reason: `Promoter NPS ${advocacy.lastNpsScore} (≥ ${NPS_PROMOTER_MIN}) given ${ago(days)}`,
        at: advocacy.lastNpsAt,
      });
    }
  }
  if (advocacy.referralsCount > 0) {
    out.push({ reason: `${plural(advocacy.referralsCount, 'referral')} made`, at: null });
  }
  if (
    advocacy.reviewsCount > 0 &&
    advocacy.averageReviewRating !== null &&
    advocacy.averageReviewRating >= ADVOCACY_MIN_REVIEW_RATING
  ) {
    out.push({
      reason: `${plural(advocacy.reviewsCount, 'review')} averaging ${advocacy.averageReviewRating.toFixed(1)} of 5`,
      at: null,
    });
  }
  return out;
}

/** The stage began when the first of the signals that still hold appeared (unknown dates are skipped). */
function sinceOf(evidence: Evidence[]): Date | null {
  return earliest(...evidence.map((e) => e.at));
}

export function computeLifecycle(s: CustomerSignals, now: Date): LifecycleResult {
  const gone = inactivityEvidence(s, now);
  if (gone) return { stage: isBuyer(s) ? 'CHURNED' : 'DORMANT', since: gone.at, reasons: [gone.reason] };

  const risks = riskEvidence(s, now);
  if (risks.length > 0)
    return { stage: 'AT_RISK', since: sinceOf(risks), reasons: risks.map((r) => r.reason) };

  const { purchase, engagement, support } = s;

  if (isBuyer(s)) {
    const firstOrderAt = purchase.firstOrderAt!;
    const advocacy = advocacyEvidence(s, now);
    if (advocacy.length > 0) {
      return { stage: 'ADVOCACY', since: sinceOf(advocacy), reasons: advocacy.map((a) => a.reason) };
    }
    const daysSinceFirst = daysSince(firstOrderAt, now);
    if (purchase.orderCount === 1 && daysSinceFirst < PURCHASE_WINDOW_DAYS) {
      return { stage: 'PURCHASE', since: firstOrderAt, reasons: [`First order ${ago(daysSinceFirst)}`] };
    }
    const windowEnd = addDays(firstOrderAt, PURCHASE_WINDOW_DAYS);
    const reasons =
      purchase.orderCount > 1
        ? [
            `${plural(purchase.orderCount, 'order')}, the last ${ago(daysSince(purchase.lastOrderAt ?? firstOrderAt, now))}`,
          ]
        : [`First order ${ago(daysSinceFirst)}; the purchase window is ${PURCHASE_WINDOW_DAYS} days`];
    if (engagement.touchpointsLast30Days > 0) {
      reasons.push(`${plural(engagement.touchpointsLast30Days, 'touchpoint')} in the last 30 days`);
    }
    // A repeat order ends the purchase window early; with 2 orders `lastOrderAt` is that repeat order.
    const since = purchase.orderCount > 1 ? earliest(windowEnd, purchase.lastOrderAt) : windowEnd;
    return { stage: 'POST_PURCHASE_ENGAGEMENT', since, reasons };
  }

  const education: string[] = [];
  if (engagement.educationTouchpointsLast90Days >= EDUCATION_MIN_TOUCHPOINTS_90_DAYS) {
    education.push(
      `${plural(engagement.educationTouchpointsLast90Days, 'education touchpoint')} in the last 90 days`,
    );
  }
  if (support.lastContactAt && daysSince(support.lastContactAt, now) < EDUCATION_SUPPORT_CONTACT_DAYS) {
    education.push(`Contacted support ${ago(daysSince(support.lastContactAt, now))} before buying`);
  }
  // Aggregates do not say when the first education touchpoint happened, so `since` stays unknown.
  if (education.length > 0) return { stage: 'EDUCATION', since: null, reasons: education };

  const reasons =
    engagement.touchpointsLast90Days > 0
      ? [`No purchase yet; ${plural(engagement.touchpointsLast90Days, 'touchpoint')} in the last 90 days`]
      : ['No purchase or education activity yet'];
  return { stage: 'DISCOVERY', since: engagement.firstSeenAt, reasons };
}
