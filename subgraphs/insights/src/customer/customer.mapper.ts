import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { ConsentSignal, CustomerSignals, MoneyValue, QuietHoursSignal } from '../rules/signals';

/**
 * `_entities` representation → rule input. Representations are plain JSON from the gateway (dates are
 * ISO strings), so this is the one place that parses and checks them. A fact the field @requires but the
 * representation lacks means its owning subgraph failed: that is an error, never a silent zero that
 * would, say, hide a complaint. Facts the field does not require get neutral values the rules ignore.
 */
export type CustomerRepresentation = { __typename?: string; id: string } & Record<string, unknown>;

type Json = Record<string, unknown>;

/** Top-level facts that are legitimately null (unset on the profile). */
const NULLABLE_FACTS = new Set(['timeZone', 'quietHours']);

const topLevelCache = new Map<string, string[]>();

/** Top-level field names of a @requires selection (`engagement { … } timeZone` → engagement, timeZone). */
export function topLevelFields(selection: string): string[] {
  let names = topLevelCache.get(selection);
  if (!names) {
    const op = parse(`{ ${selection} }`).definitions[0] as OperationDefinitionNode;
    names = op.selectionSet.selections.map((s) => (s as FieldNode).name.value);
    topLevelCache.set(selection, names);
  }
  return names;
}

function fail(id: string, message: string): never {
  throw new Error(`Customer ${id}: ${message}`);
}

function date(id: string, v: unknown, field: string): Date | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : null;
  if (!d || Number.isNaN(d.getTime())) fail(id, `${field} is not a date: ${JSON.stringify(v)}`);
  return d;
}

function num(id: string, v: unknown, field: string, fallback: number | null): number | null {
  if (v === null || v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(id, `${field} is not a number: ${JSON.stringify(v)}`);
  return v;
}

const int = (id: string, v: unknown, field: string) => num(id, v, field, 0) as number;

function money(id: string, v: unknown, field: string): MoneyValue | null {
  if (v === null || v === undefined) return null;
  const m = v as Json;
  if (typeof m.amountMinor !== 'number' || typeof m.currency !== 'string') {
    fail(id, `${field} is not Money: ${JSON.stringify(v)}`);
  }
  return { amountMinor: m.amountMinor, currency: m.currency };
}

function quietHours(v: unknown): QuietHoursSignal | null {
  const q = v as Json | null | undefined;
  return q && typeof q.start === 'string' && typeof q.end === 'string'
    ? { start: q.start, end: q.end }
    : null;
}

/** A neutral amount for facts a field does not require (never shown: only `value` reads revenue). */
const NO_MONEY: MoneyValue = { amountMinor: 0, currency: 'EUR' };

export function toSignals(rep: CustomerRepresentation, requires: string): CustomerSignals {
  const id = String(rep.id);
  for (const key of topLevelFields(requires)) {
    const v = rep[key];
    if (v === undefined || (v === null && !NULLABLE_FACTS.has(key))) {
      fail(id, `required fact "${key}" is missing; the subgraph that owns it may be unavailable`);
    }
  }
  const e = (rep.engagement ?? {}) as Json;
  const a = (rep.advocacy ?? {}) as Json;
  const p = (rep.purchaseStats ?? {}) as Json;
  const s = (rep.supportStats ?? {}) as Json;
  const m = (rep.valueModelFacts ?? {}) as Json;
  const consents = (Array.isArray(rep.consents) ? rep.consents : []) as Json[];

  return {
    engagement: {
      firstSeenAt: date(id, e.firstSeenAt, 'engagement.firstSeenAt'),
      lastTouchpointAt: date(id, e.lastTouchpointAt, 'engagement.lastTouchpointAt'),
      touchpointsLast30Days: int(id, e.touchpointsLast30Days, 'engagement.touchpointsLast30Days'),
      touchpointsLast90Days: int(id, e.touchpointsLast90Days, 'engagement.touchpointsLast90Days'),
      educationTouchpointsLast90Days: int(
        id,
        e.educationTouchpointsLast90Days,
        'engagement.educationTouchpointsLast90Days',
      ),
      preferredChannel: typeof e.preferredChannel === 'string' ? e.preferredChannel : null,
      preferredHour: num(id, e.preferredHour, 'engagement.preferredHour', null),
    },
    advocacy: {
      lastNpsScore: num(id, a.lastNpsScore, 'advocacy.lastNpsScore', null),
      lastNpsAt: date(id, a.lastNpsAt, 'advocacy.lastNpsAt'),
      referralsCount: int(id, a.referralsCount, 'advocacy.referralsCount'),
      reviewsCount: int(id, a.reviewsCount, 'advocacy.reviewsCount'),
      averageReviewRating: num(id, a.averageReviewRating, 'advocacy.averageReviewRating', null),
    },
    consents: consents.map((c, i): ConsentSignal => ({
      channel: String(c.channel),
      purpose: String(c.purpose),
      granted: c.granted === true,
      updatedAt: date(id, c.updatedAt, `consents[${i}].updatedAt`) ?? new Date(0),
    })),
    timeZone: typeof rep.timeZone === 'string' ? rep.timeZone : null,
    quietHours: quietHours(rep.quietHours),
    purchase: {
      orderCount: int(id, p.orderCount, 'purchaseStats.orderCount'),
      totalRevenue: money(id, p.totalRevenue, 'purchaseStats.totalRevenue') ?? NO_MONEY,
      averageOrderValue: money(id, p.averageOrderValue, 'purchaseStats.averageOrderValue'),
      firstOrderAt: date(id, p.firstOrderAt, 'purchaseStats.firstOrderAt'),
      lastOrderAt: date(id, p.lastOrderAt, 'purchaseStats.lastOrderAt'),
      lastReturnAt: date(id, p.lastReturnAt, 'purchaseStats.lastReturnAt'),
    },
    support: {
      openComplaints: int(id, s.openComplaints, 'supportStats.openComplaints'),
      complaintsLast30Days: int(id, s.complaintsLast30Days, 'supportStats.complaintsLast30Days'),
      lastContactAt: date(id, s.lastContactAt, 'supportStats.lastContactAt'),
      averageSatisfaction: num(id, s.averageSatisfaction, 'supportStats.averageSatisfaction', null),
      lastNegativeSentimentAt: date(id, s.lastNegativeSentimentAt, 'supportStats.lastNegativeSentimentAt'),
    },
    model: {
      purchaseModel: typeof m.purchaseModel === 'string' ? m.purchaseModel : null,
      probabilityAlive: num(id, m.probabilityAlive, 'valueModelFacts.probabilityAlive', null),
      probablyGoneAt: date(id, m.probablyGoneAt, 'valueModelFacts.probablyGoneAt'),
    },
  };
}
