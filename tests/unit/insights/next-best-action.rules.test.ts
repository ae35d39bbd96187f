import fc from 'fast-check';
import {
  DEFAULT_NBA_RULES,
  nextBestActions,
  type NbaFacts,
  type NbaRule,
} from '../../../subgraphs/insights/src/rules/next-best-action.rules';

const base: NbaFacts = {
  lifecycleStage: 'PURCHASE',
  valueTier: 'GOLD',
  npsCategory: null,
  predictedValue12m: 400,
  pAlive: 0.8,
  orderCount: 3,
  daysSinceLastOrder: 10,
  daysSinceLastDelivery: 5,
  reviewedSinceLastOrder: false,
  openComplaint: false,
  daysSinceLastComplaint: null,
  daysSinceLastReturn: null,
  contact: {
    marketingAllowedNow: true,
    serviceAllowedNow: true,
    channel: 'EMAIL',
    bestHour: 19,
    reasons: [],
  },
};
const actions = (facts: Partial<NbaFacts>, rules?: readonly NbaRule[]) =>
  nextBestActions({ ...base, ...facts }, rules).map((a) => a.action);

describe('next best action', () => {
  it('a delivered, unreviewed order: review request, then cross-sell, then nothing', () => {
    const [review, cross, nothing] = nextBestActions(base);
    expect([review.action, cross.action, nothing.action]).toEqual([
      'REVIEW_REQUEST',
      'CROSS_SELL',
      'DO_NOTHING',
    ]);
    expect(review).toMatchObject({
      ruleId: 'review-request',
      channel: 'EMAIL',
      bestHour: 19,
      allowedNow: true,
      expectedValue: null,
    });
    expect(cross.expectedValue).toBeCloseTo(20, 12); // 5 % of the predicted 400
    expect(nothing).toMatchObject({ channel: null, bestHour: null, allowedNow: true, expectedValue: null });
  });

  it('an at-risk buyer gets a win-back offer worth 15 % of the predicted value', () => {
    const [first] = nextBestActions({ ...base, lifecycleStage: 'AT_RISK', daysSinceLastDelivery: 200 });
    expect(first).toMatchObject({
      action: 'WIN_BACK_OFFER',
      purpose: 'PROMOTION',
      channel: 'EMAIL',
      allowedNow: true,
    });
    expect(first.expectedValue).toBeCloseTo(60, 12);
  });

  it('after a complaint: a service recovery call first, no review request, promotions even after doing nothing', () => {
    const facts = { lifecycleStage: 'AT_RISK', openComplaint: true, daysSinceLastComplaint: 2 };
    expect(actions(facts)).toEqual(['SERVICE_RECOVERY_CALL', 'DO_NOTHING', 'WIN_BACK_OFFER']);
    const [call] = nextBestActions({ ...base, ...facts });
    expect(call).toMatchObject({ channel: 'PHONE', purpose: 'SERVICE', allowedNow: true });
    expect(call.expectedValue).toBeCloseTo(80, 12);
  });

  it('service recovery outranks a promotion even when configured rules score the promotion higher', () => {
    const greedy = DEFAULT_NBA_RULES.map((r) => (r.id === 'win-back' ? { ...r, score: 1_000 } : r));
    expect(actions({ lifecycleStage: 'AT_RISK', daysSinceLastReturn: 5 }, greedy)).toEqual([
      'SERVICE_RECOVERY_CALL',
      'DO_NOTHING',
      'WIN_BACK_OFFER',
    ]);
    // without recent trouble the configured score wins as usual
    expect(actions({ lifecycleStage: 'AT_RISK', daysSinceLastDelivery: null }, greedy)[0]).toBe(
      'WIN_BACK_OFFER',
    );
  });

  it('says when contact rules block an action now, and why', () => {
    const blocked = {
      marketingAllowedNow: false,
      serviceAllowedNow: true,
      channel: 'EMAIL',
      bestHour: 8,
      reasons: ['quiet hours until 08:00'],
    };
    const [review] = nextBestActions({ ...base, contact: blocked });
    expect(review).toMatchObject({
      action: 'REVIEW_REQUEST',
      allowedNow: false,
      blockedBy: ['quiet hours until 08:00'],
    });
    const noChannel = { ...blocked, marketingAllowedNow: true, channel: null, reasons: [] };
    expect(nextBestActions({ ...base, contact: noChannel })[0]).toMatchObject({
      allowedNow: false,
      blockedBy: ['no consented channel'],
    });
  });

  it('rules are data: a null fact never satisfies a comparison', () => {
    expect(actions({ pAlive: null, daysSinceLastDelivery: null })).toEqual(['DO_NOTHING']);
  });

  it('for any facts: do nothing is always listed, and after trouble no promotion precedes a service action', () => {
    const days = fc.option(fc.integer({ min: 0, max: 400 }), { nil: null });
    const facts = fc.record({
      lifecycleStage: fc.constantFrom('AT_RISK', 'CHURNED', 'PURCHASE', 'ADVOCACY', 'DORMANT', null),
      valueTier: fc.constantFrom('GOLD', 'NONE', null),
      npsCategory: fc.constantFrom('PROMOTER', 'DETRACTOR', null),
      predictedValue12m: fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: null }),
      pAlive: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      orderCount: fc.nat(20),
      daysSinceLastOrder: days,
      daysSinceLastDelivery: days,
      reviewedSinceLastOrder: fc.boolean(),
      openComplaint: fc.boolean(),
      daysSinceLastComplaint: days,
      daysSinceLastReturn: days,
      contact: fc.record({
        marketingAllowedNow: fc.boolean(),
        serviceAllowedNow: fc.boolean(),
        channel: fc.constantFrom('EMAIL', 'SMS', null),
        bestHour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
        reasons: fc.constant([] as string[]),
      }),
    });
    const scores = fc.array(fc.integer({ min: -50, max: 2000 }), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(facts, scores, (f, s) => {
        const rules = DEFAULT_NBA_RULES.map((r, i) => ({ ...r, score: s[i] }));
        const list = nextBestActions(f, rules);
        expect(list.some((a) => a.action === 'DO_NOTHING')).toBe(true);
        const troubled =
          f.openComplaint ||
          (f.daysSinceLastComplaint !== null && f.daysSinceLastComplaint <= 30) ||
          (f.daysSinceLastReturn !== null && f.daysSinceLastReturn <= 30);
        if (troubled) {
          const firstPromotion = list.findIndex((a) => a.purpose === 'PROMOTION');
          const lastService = list.map((a) => a.purpose).lastIndexOf('SERVICE');
          expect(lastService).toBeGreaterThanOrEqual(0);
          if (firstPromotion >= 0) expect(lastService).toBeLessThan(firstPromotion);
          expect(list.some((a) => a.action === 'REVIEW_REQUEST')).toBe(false);
        }
      }),
    );
  });
});
