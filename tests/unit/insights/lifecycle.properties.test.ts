/**
 * The cases of issue 11 ("computed fields a marketer can trust"), each named after what the demo data showed,
 * and properties over random customers: a stage never contradicts the facts its reasons cite, and buying
 * more recently never makes a customer more lapsed.
 */
import fc from 'fast-check';
import {
  CHURNED_AFTER_INACTIVE_DAYS,
  LAPSED_CADENCE_MULTIPLIER,
  PURCHASE_WINDOW_DAYS,
  computeLifecycle,
  lapseThresholdDays,
  lastActivityAt,
  type LifecycleResult,
} from '../../../subgraphs/insights/src/rules/lifecycle.rules';
import type { CustomerSignals } from '../../../subgraphs/insights/src/rules/signals';
import { daysSince } from '../../../subgraphs/insights/src/rules/time';
import { NOW, buyer, daysAgo, signals } from './customer-signals.builder';

describe('lifecycle: the cases the demo data showed', () => {
  it('a buyer of 12 orders in 12 weeks silent for 158 days is AT_RISK, not ADVOCACY', () => {
    // Every 7 days for 11 gaps, then silence; a promoter with a referral; the model says P(alive) 0.02.
    const r = computeLifecycle(
      signals({
        purchase: buyer(12, 158 + 77, 158),
        advocacy: { lastNpsScore: 10, lastNpsAt: daysAgo(30), referralsCount: 1 },
        engagement: { lastTouchpointAt: daysAgo(3) },
        model: { purchaseModel: 'BG_NBD', probabilityAlive: 0.02, probablyGoneAt: daysAgo(140) },
      }),
      NOW,
    );
    expect(r).toEqual({
      stage: 'AT_RISK',
      since: daysAgo(140), // the earlier of the two: the model's verdict, 18 days after the last order
      reasons: [
        'Last order 158 days ago (lapsed after 21 days without an order: 3 × their average gap between orders, at least 14 days)',
        'The BG_NBD model gives P(alive) 0.02: more likely gone than alive',
      ],
    });
  });

  it('a frequent buyer silent for 3× their own gap is flagged (65 were not)', () => {
    // 6 orders 20 days apart: lapsed after 60 days, where the old rule waited 180.
    const at = (silentDays: number) =>
      computeLifecycle(
        signals({
          purchase: buyer(6, 100 + silentDays, silentDays),
          engagement: { lastTouchpointAt: daysAgo(1) },
        }),
        NOW,
      );
    expect(at(59).stage).toBe('POST_PURCHASE_ENGAGEMENT');
    expect(at(60).stage).toBe('AT_RISK');
    expect(at(60).since).toEqual(daysAgo(0));
  });

  it('the model alone can flag a buyer: P(alive) fell to 0.5 before their rhythm lapsed', () => {
    const r = computeLifecycle(
      signals({
        purchase: buyer(3, 100, 20),
        engagement: { lastTouchpointAt: daysAgo(2) },
        model: { purchaseModel: 'BG_NBD', probabilityAlive: 0.4, probablyGoneAt: daysAgo(5) },
      }),
      NOW,
    );
    expect(r).toEqual({
      stage: 'AT_RISK',
      since: daysAgo(5),
      reasons: ['The BG_NBD model gives P(alive) 0.40: more likely gone than alive'],
    });
  });

  it('ignores a P(alive) verdict that lies in the future', () => {
    const r = computeLifecycle(
      signals({
        purchase: buyer(3, 100, 20),
        model: { purchaseModel: 'BG_NBD', probabilityAlive: 0.7, probablyGoneAt: daysAgo(-10) },
      }),
      NOW,
    );
    expect(r.stage).toBe('POST_PURCHASE_ENGAGEMENT');
  });

  it('a customer whose only order was fully returned is not a buyer (sales nets it out: orderCount 0)', () => {
    // PurchaseStats leaves entirely returned orders out, so the facts are those of a non-buyer with a return.
    const r = computeLifecycle(
      signals({
        purchase: { orderCount: 0, lastReturnAt: daysAgo(3) },
        engagement: { firstSeenAt: daysAgo(20) },
      }),
      NOW,
    );
    expect(r.stage).toBe('DISCOVERY');
  });
});

const day = fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null });
const randomCustomer: fc.Arbitrary<CustomerSignals> = fc
  .record({
    orders: fc.integer({ min: 0, max: 15 }),
    first: fc.integer({ min: 0, max: 1500 }),
    span: fc.integer({ min: 0, max: 1500 }),
    seen: fc.integer({ min: 0, max: 1500 }),
    touch: day,
    contact: day,
    negative: day,
    nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    npsAt: day,
    open: fc.integer({ min: 0, max: 2 }),
    recent: fc.integer({ min: 0, max: 3 }),
    referrals: fc.integer({ min: 0, max: 2 }),
    alive: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    goneAt: day,
  })
  .map((f) =>
    signals({
      purchase: f.orders > 0 ? buyer(f.orders, f.first, Math.max(0, f.first - f.span)) : { orderCount: 0 },
      engagement: {
        firstSeenAt: daysAgo(Math.max(f.seen, f.orders > 0 ? f.first : 0)),
        lastTouchpointAt: f.touch === null ? null : daysAgo(f.touch),
        touchpointsLast30Days: f.touch !== null && f.touch <= 30 ? 1 : 0,
      },
      advocacy: {
        lastNpsScore: f.nps,
        lastNpsAt: f.nps === null || f.npsAt === null ? null : daysAgo(f.npsAt),
        referralsCount: f.referrals,
      },
      support: {
        openComplaints: f.open,
        complaintsLast30Days: f.recent,
        lastContactAt: f.contact === null ? null : daysAgo(f.contact),
        lastNegativeSentimentAt: f.negative === null ? null : daysAgo(f.negative),
      },
      model:
        f.orders > 1 && f.alive !== null && f.goneAt !== null
          ? { purchaseModel: 'BG_NBD', probabilityAlive: f.alive, probablyGoneAt: daysAgo(f.goneAt) }
          : {},
    }),
  );

/** 2 churned, 1 lapsed (a lapse reason), 0 otherwise. */
function lapsedness(r: LifecycleResult): number {
  if (r.stage === 'CHURNED') return 2;
  return r.reasons.some((x) => x.startsWith('Last order') || x.startsWith('The BG_NBD model')) ? 1 : 0;
}

describe('lifecycle properties', () => {
  it('a stage never contradicts the facts its reasons cite', () => {
    fc.assert(
      fc.property(randomCustomer, (s) => {
        const r = computeLifecycle(s, NOW);
        const buyer = s.purchase.orderCount > 0;
        const idle = daysSince(lastActivityAt(s)!, NOW);
        if (r.stage === 'CHURNED' || r.stage === 'DORMANT') {
          expect(r.stage === 'CHURNED').toBe(buyer);
          expect(idle).toBeGreaterThanOrEqual(CHURNED_AFTER_INACTIVE_DAYS);
          expect(s.support.openComplaints).toBe(0);
        } else if (s.support.openComplaints === 0) {
          expect(idle).toBeLessThan(CHURNED_AFTER_INACTIVE_DAYS);
        }
        if (['PURCHASE', 'POST_PURCHASE_ENGAGEMENT', 'ADVOCACY'].includes(r.stage)) {
          expect(buyer).toBe(true);
          expect(daysSince(s.purchase.lastOrderAt!, NOW)).toBeLessThan(lapseThresholdDays(s));
          expect(s.support.openComplaints).toBe(0);
        }
        if (r.stage === 'PURCHASE') {
          expect(s.purchase.orderCount).toBe(1);
          expect(daysSince(s.purchase.firstOrderAt!, NOW)).toBeLessThan(PURCHASE_WINDOW_DAYS);
        }
        if (['DISCOVERY', 'EDUCATION'].includes(r.stage)) expect(buyer).toBe(false);
        for (const reason of r.reasons) {
          const m = /^Last order (\d+) days ago \(lapsed after (\d+) days/.exec(reason);
          if (m) expect(Number(m[1])).toBeGreaterThanOrEqual(Number(m[2]));
        }
        if (r.since && r.stage !== 'DISCOVERY') expect(r.since.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('adding an order today never makes a customer more lapsed', () => {
    fc.assert(
      fc.property(randomCustomer, (s) => {
        const before = computeLifecycle(s, NOW);
        const p = s.purchase;
        const after = computeLifecycle(
          {
            ...s,
            purchase: {
              ...p,
              orderCount: p.orderCount + 1,
              firstOrderAt: p.firstOrderAt ?? NOW,
              lastOrderAt: NOW,
            },
            model: { purchaseModel: null, probabilityAlive: null, probablyGoneAt: null },
          },
          NOW,
        );
        expect(lapsedness(after)).toBeLessThanOrEqual(lapsedness(before));
        expect(lapsedness(after)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a more recent last order (same orders, same first order) never makes a customer more lapsed', () => {
    fc.assert(
      fc.property(randomCustomer, fc.integer({ min: 0, max: 400 }), (s, earlierBy) => {
        fc.pre(s.purchase.orderCount >= 2 && s.model.probablyGoneAt === null);
        const later = computeLifecycle(s, NOW);
        const last = s.purchase.lastOrderAt!;
        const earlier = new Date(
          Math.max(s.purchase.firstOrderAt!.getTime(), last.getTime() - earlierBy * 86_400_000),
        );
        const moved = computeLifecycle({ ...s, purchase: { ...s.purchase, lastOrderAt: earlier } }, NOW);
        expect(lapsedness(later)).toBeLessThanOrEqual(lapsedness(moved));
      }),
      { numRuns: 300 },
    );
  });

  it(`lapses a repeat buyer at ${LAPSED_CADENCE_MULTIPLIER} own gaps: shorter for fast, longer for slow buyers`, () => {
    expect(lapseThresholdDays(signals({ purchase: buyer(12, 77 + 5, 5) }))).toBe(21);
    expect(lapseThresholdDays(signals({ purchase: buyer(3, 400, 0) }))).toBe(600);
  });
});
