import type { CustomerSignals } from '../../subgraphs/insights/src/rules/signals';
import { CampaignObjective } from '../../subgraphs/marketing/src/campaign/campaign.enums';
import { EDUCATION_TYPES, ENGAGED_TYPES } from '../../subgraphs/marketing/src/touchpoint/touchpoint.rules';
import { OrderStatus } from '../../subgraphs/sales/src/order/order.enums';
import { OPEN_STATUSES, TicketCategory } from '../../subgraphs/support/src/ticket/ticket.enums';
import type { DemoDocuments } from './documents';

/**
 * The insights layer's inputs (the contract fields) computed from seeded documents the way the subgraphs'
 * aggregations define them — so tests can ask the real lifecycle rules which stage each demo customer is in.
 * The fields the lifecycle and value rules read are filled faithfully (value-model facts need a fit: null).
 */

const DAY = 86_400_000;
const engaged = new Set<string>(ENGAGED_TYPES);
const education = new Set<string>(EDUCATION_TYPES);

export function signalsByCustomer(docs: DemoDocuments, now: Date): Map<string, CustomerSignals> {
  const t = now.getTime();
  const out = new Map<string, CustomerSignals>();
  for (const c of docs.marketing.customers) {
    out.set(c._id, {
      engagement: {
        firstSeenAt: c.createdAt,
        lastTouchpointAt: null,
        touchpointsLast30Days: 0,
        touchpointsLast90Days: 0,
        educationTouchpointsLast90Days: 0,
        preferredChannel: null,
        preferredHour: null,
      },
      advocacy: {
        lastNpsScore: null,
        lastNpsAt: null,
        referralsCount: 0,
        reviewsCount: 0,
        averageReviewRating: null,
      },
      consents: c.consents.map((x) => ({
        channel: x.channel,
        purpose: x.purpose,
        granted: x.granted,
        updatedAt: x.updatedAt,
      })),
      timeZone: c.timeZone ?? null,
      quietHours: c.quietHours ?? null,
      purchase: {
        orderCount: 0,
        totalRevenue: { amountMinor: 0, currency: 'EUR' },
        averageOrderValue: null,
        firstOrderAt: null,
        lastOrderAt: null,
        lastReturnAt: null,
      },
      support: {
        openComplaints: 0,
        complaintsLast30Days: 0,
        lastContactAt: null,
        averageSatisfaction: null,
        lastNegativeSentimentAt: null,
      },
      // The value model's verdict needs a fit; rules treat null as "the model cannot tell".
      model: { purchaseModel: null, probabilityAlive: null, probablyGoneAt: null },
    });
  }
  const min = (a: Date | null, b: Date) => (!a || b < a ? b : a);
  const max = (a: Date | null, b: Date) => (!a || b > a ? b : a);
  for (const tp of docs.marketing.touchpoints) {
    if (!engaged.has(tp.type)) continue;
    const e = out.get(tp.customerId)!.engagement;
    e.firstSeenAt = min(e.firstSeenAt, tp.occurredAt);
    e.lastTouchpointAt = max(e.lastTouchpointAt, tp.occurredAt);
    const age = t - tp.occurredAt.getTime();
    if (age <= 30 * DAY) e.touchpointsLast30Days++;
    if (age <= 90 * DAY) {
      e.touchpointsLast90Days++;
      if (education.has(tp.type) || tp.campaignObjective === CampaignObjective.EDUCATION)
        e.educationTouchpointsLast90Days++;
    }
  }
  for (const s of docs.marketing.surveyAnswers) {
    const a = out.get(s.customerId)!.advocacy;
    if (!a.lastNpsAt || s.answeredAt > a.lastNpsAt) {
      a.lastNpsAt = s.answeredAt;
      a.lastNpsScore = s.score;
    }
  }
  for (const r of docs.marketing.referrals) out.get(r.referrerId)!.advocacy.referralsCount++;
  const ratings = new Map<string, number[]>();
  for (const r of docs.marketing.reviews)
    ratings.set(r.customerId, [...(ratings.get(r.customerId) ?? []), r.rating]);
  for (const [id, list] of ratings) {
    const a = out.get(id)!.advocacy;
    a.reviewsCount = list.length;
    a.averageReviewRating = Math.round((list.reduce((x, y) => x + y, 0) / list.length) * 100) / 100;
  }
  for (const o of docs.sales.orders) {
    if (o.status === OrderStatus.CANCELLED || o.status === OrderStatus.RETURNED) continue;
    const p = out.get(o.customerId)!.purchase;
    p.orderCount++;
    if (o.currency === p.totalRevenue.currency)
      p.totalRevenue.amountMinor += o.totalMinor - (o.refundedMinor ?? 0);
    p.firstOrderAt = min(p.firstOrderAt, o.placedAt);
    p.lastOrderAt = max(p.lastOrderAt, o.placedAt);
  }
  for (const r of docs.sales.returns) {
    const p = out.get(r.customerId)!.purchase;
    p.lastReturnAt = max(p.lastReturnAt, r.createdAt);
  }
  const satisfaction = new Map<string, number[]>();
  for (const k of docs.support.tickets) {
    const s = out.get(k.customerId)!.support;
    const open = OPEN_STATUSES.includes(k.status);
    if (open && k.category === TicketCategory.COMPLAINT) s.openComplaints++;
    if (k.category === TicketCategory.COMPLAINT && k.openedAt.getTime() >= t - 30 * DAY)
      s.complaintsLast30Days++;
    s.lastContactAt = max(s.lastContactAt, k.lastContactAt);
    if (k.lastNegativeAt) s.lastNegativeSentimentAt = max(s.lastNegativeSentimentAt, k.lastNegativeAt);
    if (k.satisfaction)
      satisfaction.set(k.customerId, [...(satisfaction.get(k.customerId) ?? []), k.satisfaction.score]);
  }
  for (const [id, list] of satisfaction) {
    out.get(id)!.support.averageSatisfaction =
      Math.round((list.reduce((x, y) => x + y, 0) / list.length) * 100) / 100;
  }
  return out;
}
