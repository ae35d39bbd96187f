/**
 * Next best action: which of a fixed set of actions to take with a customer, in order, from facts the
 * computed fields already have. The rules are data (`DEFAULT_NBA_RULES`, replaceable as a whole): each
 * has a condition tree (all / any / not over facts), a base score, an optional expected value from the
 * value model, and the channel it uses. Pure; no I/O.
 */

export type NbaAction =
  'SERVICE_RECOVERY_CALL' | 'REVIEW_REQUEST' | 'WIN_BACK_OFFER' | 'CROSS_SELL' | 'DO_NOTHING';

/** SERVICE answers the customer; PROMOTION sells; ENGAGEMENT asks something of them; NONE does nothing. */
export type NbaPurpose = 'SERVICE' | 'ENGAGEMENT' | 'PROMOTION' | 'NONE';

export interface NbaFacts {
  lifecycleStage: string | null;
  valueTier: string | null;
  npsCategory: string | null;
  /** Expected value of the next 12 months from the value model (major units); null without a model. */
  predictedValue12m: number | null;
  pAlive: number | null;
  orderCount: number;
  daysSinceLastOrder: number | null;
  /** Days since the last order was delivered; null when none was. */
  daysSinceLastDelivery: number | null;
  reviewedSinceLastOrder: boolean;
  openComplaint: boolean;
  daysSinceLastComplaint: number | null;
  daysSinceLastReturn: number | null;
  /** What the contact rules say now. */
  contact: {
    marketingAllowedNow: boolean;
    serviceAllowedNow: boolean;
    /** Consented messaging channel for marketing; null when none. */
    channel: string | null;
    bestHour: number | null;
    reasons: string[];
  };
}

type NumericFact =
  | 'predictedValue12m'
  | 'pAlive'
  | 'orderCount'
  | 'daysSinceLastOrder'
  | 'daysSinceLastDelivery'
  | 'daysSinceLastComplaint'
  | 'daysSinceLastReturn';
type TextFact = 'lifecycleStage' | 'valueTier' | 'npsCategory';
type BooleanFact = 'reviewedSinceLastOrder' | 'openComplaint';

/** A condition over the facts; a comparison with a null fact is false. */
export type NbaCondition =
  | { all: NbaCondition[] }
  | { any: NbaCondition[] }
  | { not: NbaCondition }
  | { fact: NumericFact; op: 'lt' | 'lte' | 'gt' | 'gte'; value: number }
  | { fact: TextFact; in: string[] }
  | { fact: BooleanFact; is: boolean };

export interface NbaRule {
  id: string;
  action: NbaAction;
  purpose: NbaPurpose;
  when: NbaCondition;
  /** Ranking score: higher first. */
  score: number;
  /** Expected value = predictedValue12m × factor (the share of next year's value the action saves or adds). */
  expectedValueFactor?: number;
  /** PHONE for calls; MESSAGING uses the contact rules' consented channel and hour; NONE for doing nothing. */
  channel: 'PHONE' | 'MESSAGING' | 'NONE';
  description: string;
}

export interface NextBestAction {
  action: NbaAction;
  purpose: NbaPurpose;
  ruleId: string;
  score: number;
  /** Why: the rule's description. */
  reason: string;
  expectedValue: number | null;
  channel: string | null;
  bestHour: number | null;
  allowedNow: boolean;
  /** Why not now (contact rules), empty when allowed. */
  blockedBy: string[];
}

/** Days after a complaint or a return during which service recovery outranks any promotion. */
export const SERVICE_RECOVERY_DAYS = 30;

const recentTrouble: NbaCondition = {
  any: [
    { fact: 'openComplaint', is: true },
    { fact: 'daysSinceLastComplaint', op: 'lte', value: SERVICE_RECOVERY_DAYS },
    { fact: 'daysSinceLastReturn', op: 'lte', value: SERVICE_RECOVERY_DAYS },
  ],
};

export const DEFAULT_NBA_RULES: readonly NbaRule[] = [
  {
    id: 'service-recovery',
    action: 'SERVICE_RECOVERY_CALL',
    purpose: 'SERVICE',
    when: recentTrouble,
    score: 100,
    expectedValueFactor: 0.2,
    channel: 'PHONE',
    description: `open complaint, or a complaint or return in the last ${SERVICE_RECOVERY_DAYS} days`,
  },
  {
    id: 'review-request',
    action: 'REVIEW_REQUEST',
    purpose: 'ENGAGEMENT',
    when: {
      all: [
        { fact: 'daysSinceLastDelivery', op: 'gte', value: 3 },
        { fact: 'daysSinceLastDelivery', op: 'lte', value: 30 },
        { fact: 'reviewedSinceLastOrder', is: false },
        { not: { fact: 'npsCategory', in: ['DETRACTOR'] } },
        { not: recentTrouble },
      ],
    },
    score: 40,
    channel: 'MESSAGING',
    description: 'delivered 3–30 days ago, not reviewed yet, no complaint, return or detractor answer',
  },
  {
    id: 'win-back',
    action: 'WIN_BACK_OFFER',
    purpose: 'PROMOTION',
    when: {
      all: [
        { fact: 'lifecycleStage', in: ['AT_RISK', 'CHURNED'] },
        { fact: 'orderCount', op: 'gte', value: 1 },
      ],
    },
    score: 60,
    expectedValueFactor: 0.15,
    channel: 'MESSAGING',
    description: 'a buyer who is at risk or churned',
  },
  {
    id: 'cross-sell',
    action: 'CROSS_SELL',
    purpose: 'PROMOTION',
    when: {
      all: [
        { fact: 'lifecycleStage', in: ['PURCHASE', 'POST_PURCHASE_ENGAGEMENT', 'ADVOCACY'] },
        { fact: 'pAlive', op: 'gte', value: 0.5 },
      ],
    },
    score: 30,
    expectedValueFactor: 0.05,
    channel: 'MESSAGING',
    description: 'an active buyer the model expects to buy again (P(alive) ≥ 0.5)',
  },
  {
    id: 'do-nothing',
    action: 'DO_NOTHING',
    purpose: 'NONE',
    when: { all: [] },
    score: 0,
    channel: 'NONE',
    description: 'always possible: no contact',
  },
];

export function matches(condition: NbaCondition, facts: NbaFacts): boolean {
  if ('all' in condition) return condition.all.every((c) => matches(c, facts));
  if ('any' in condition) return condition.any.some((c) => matches(c, facts));
  if ('not' in condition) return !matches(condition.not, facts);
  if ('in' in condition) {
    const v = facts[condition.fact];
    return v !== null && condition.in.includes(v);
  }
  if ('is' in condition) return facts[condition.fact] === condition.is;
  const v = facts[condition.fact];
  if (v === null) return false;
  switch (condition.op) {
    case 'lt':
      return v < condition.value;
    case 'lte':
      return v <= condition.value;
    case 'gt':
      return v > condition.value;
    case 'gte':
      return v >= condition.value;
  }
}

/**
 * Every action whose rule matches, best first: by score, then expected value, then rule order. After a
 * complaint or a return (the service-recovery condition) every SERVICE action ranks above every
 * PROMOTION, whatever the scores say, and promotions drop below doing nothing.
 */
export function nextBestActions(
  facts: NbaFacts,
  rules: readonly NbaRule[] = DEFAULT_NBA_RULES,
): NextBestAction[] {
  const troubled = matches(recentTrouble, facts);
  const candidates = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => matches(rule.when, facts))
    .map(({ rule, index }) => {
      const expectedValue =
        rule.expectedValueFactor !== undefined && facts.predictedValue12m !== null
          ? facts.predictedValue12m * rule.expectedValueFactor
          : null;
      const messaging = rule.channel === 'MESSAGING';
      const allowedNow =
        rule.channel === 'NONE' ||
        (rule.channel === 'PHONE'
          ? facts.contact.serviceAllowedNow
          : facts.contact.marketingAllowedNow && !!facts.contact.channel);
      const action: NextBestAction = {
        action: rule.action,
        purpose: rule.purpose,
        ruleId: rule.id,
        score: rule.score,
        reason: rule.description,
        expectedValue,
        channel: rule.channel === 'NONE' ? null : messaging ? facts.contact.channel : 'PHONE',
        bestHour: rule.channel === 'NONE' ? null : facts.contact.bestHour,
        allowedNow,
        blockedBy: allowedNow
          ? []
          : messaging && !facts.contact.channel
            ? ['no consented channel', ...facts.contact.reasons]
            : facts.contact.reasons,
      };
      return { action, index };
    });
  const guard = (a: NextBestAction) =>
    troubled ? (a.purpose === 'SERVICE' ? 0 : a.purpose === 'PROMOTION' ? 2 : 1) : 0;
  return candidates
    .sort(
      (x, y) =>
        guard(x.action) - guard(y.action) ||
        y.action.score - x.action.score ||
        (y.action.expectedValue ?? -Infinity) - (x.action.expectedValue ?? -Infinity) ||
        x.index - y.index,
    )
    .map((c) => c.action);
}
