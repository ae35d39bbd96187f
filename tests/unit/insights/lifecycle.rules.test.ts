import {
  CHURNED_AFTER_INACTIVE_DAYS,
  DETRACTOR_WINDOW_DAYS,
  LAPSED_AFTER_DAYS,
  MIN_LAPSE_DAYS,
  NEGATIVE_SENTIMENT_WINDOW_DAYS,
  PROMOTER_VALID_DAYS,
  PURCHASE_WINDOW_DAYS,
  computeLifecycle,
  lapseThresholdDays,
  lastActivityAt,
} from '../../../subgraphs/insights/src/rules/lifecycle.rules';
import { NOW, buyer, daysAgo, signals } from './customer-signals.builder';

describe('lifecycle rules', () => {
  describe('before the first purchase', () => {
    it('puts a brand-new profile in DISCOVERY since it was first seen', () => {
      const s = signals({ engagement: { firstSeenAt: daysAgo(3) } });
      const r = computeLifecycle(s, NOW);
      expect(r.stage).toBe('DISCOVERY');
      expect(r.since).toEqual(daysAgo(3));
      expect(r.reasons).toEqual(['No purchase or education activity yet']);
    });

    it('keeps since unknown when nothing tells when the customer was first seen', () => {
      const r = computeLifecycle(signals({ engagement: { firstSeenAt: null } }), NOW);
      expect(r).toEqual({
        stage: 'DISCOVERY',
        since: null,
        reasons: ['No purchase or education activity yet'],
      });
    });

    it('mentions recent touchpoints of a browsing prospect', () => {
      const r = computeLifecycle(
        signals({ engagement: { touchpointsLast90Days: 5, lastTouchpointAt: daysAgo(2) } }),
        NOW,
      );
      expect(r.stage).toBe('DISCOVERY');
      expect(r.reasons).toEqual(['No purchase yet; 5 touchpoints in the last 90 days']);
    });

    it('moves to EDUCATION on education touchpoints (help articles, demos, webinars)', () => {
      const r = computeLifecycle(signals({ engagement: { educationTouchpointsLast90Days: 2 } }), NOW);
      expect(r.stage).toBe('EDUCATION');
      expect(r.since).toBeNull();
      expect(r.reasons).toEqual(['2 education touchpoints in the last 90 days']);
    });

    it('counts a recent question to support as education, but not an old one', () => {
      const recent = computeLifecycle(signals({ support: { lastContactAt: daysAgo(4) } }), NOW);
      expect(recent.stage).toBe('EDUCATION');
      expect(recent.reasons).toEqual(['Contacted support 4 days ago before buying']);

      const old = computeLifecycle(
        signals({ engagement: { firstSeenAt: daysAgo(200) }, support: { lastContactAt: daysAgo(120) } }),
        NOW,
      );
      expect(old.stage).toBe('DISCOVERY');
    });

    it('does not make a non-buyer an advocate, even a promoter with referrals', () => {
      const r = computeLifecycle(
        signals({ advocacy: { lastNpsScore: 10, lastNpsAt: daysAgo(5), referralsCount: 3 } }),
        NOW,
      );
      expect(r.stage).toBe('DISCOVERY');
    });
  });

  describe('purchase and after', () => {
    it('puts a first-time buyer in PURCHASE since the first order', () => {
      const r = computeLifecycle(signals({ purchase: buyer(1, 3) }), NOW);
      expect(r).toEqual({ stage: 'PURCHASE', since: daysAgo(3), reasons: ['First order 3 days ago'] });
    });

    it('says "today" for an order placed today', () => {
      expect(computeLifecycle(signals({ purchase: buyer(1, 0) }), NOW).reasons).toEqual([
        'First order today',
      ]);
    });

    it('moves a single-order buyer to POST_PURCHASE_ENGAGEMENT when the purchase window ends', () => {
      const last = computeLifecycle(signals({ purchase: buyer(1, PURCHASE_WINDOW_DAYS - 1) }), NOW);
      expect(last.stage).toBe('PURCHASE');

      const after = computeLifecycle(signals({ purchase: buyer(1, PURCHASE_WINDOW_DAYS) }), NOW);
      expect(after.stage).toBe('POST_PURCHASE_ENGAGEMENT');
      // The stage began exactly when the window closed, i.e. today.
      expect(after.since).toEqual(NOW);
      expect(after.reasons[0]).toBe(
        `First order ${PURCHASE_WINDOW_DAYS} days ago; the purchase window is 30 days`,
      );
    });

    it('counts a repeat order as post-purchase engagement from the repeat order on', () => {
      const r = computeLifecycle(
        signals({ purchase: buyer(2, 20, 10), engagement: { touchpointsLast30Days: 4 } }),
        NOW,
      );
      expect(r.stage).toBe('POST_PURCHASE_ENGAGEMENT');
      expect(r.since).toEqual(daysAgo(10));
      expect(r.reasons).toEqual(['2 orders, the last 10 days ago', '4 touchpoints in the last 30 days']);
    });

    it('dates a long-standing repeat buyer from the end of the first purchase window', () => {
      const r = computeLifecycle(signals({ purchase: buyer(6, 300, 20) }), NOW);
      expect(r.stage).toBe('POST_PURCHASE_ENGAGEMENT');
      expect(r.since).toEqual(daysAgo(300 - PURCHASE_WINDOW_DAYS));
    });
  });

  describe('advocacy', () => {
    it('makes a buyer with a recent promoter answer an advocate since the answer', () => {
      const r = computeLifecycle(
        signals({ purchase: buyer(3, 200, 30), advocacy: { lastNpsScore: 9, lastNpsAt: daysAgo(12) } }),
        NOW,
      );
      expect(r.stage).toBe('ADVOCACY');
      expect(r.since).toEqual(daysAgo(12));
      expect(r.reasons).toEqual(['Promoter NPS 9 (≥ 9) given 12 days ago']);
    });

    it('lets a promoter answer expire after a year', () => {
      const r = computeLifecycle(
        signals({
          purchase: buyer(3, 500, 30),
          advocacy: { lastNpsScore: 10, lastNpsAt: daysAgo(PROMOTER_VALID_DAYS) },
        }),
        NOW,
      );
      expect(r.stage).toBe('POST_PURCHASE_ENGAGEMENT');
    });

    it('counts referrals and well-rated reviews, with an unknown since', () => {
      const r = computeLifecycle(
        signals({
          purchase: buyer(2, 100, 40),
          advocacy: { referralsCount: 2, reviewsCount: 3, averageReviewRating: 4.67 },
        }),
        NOW,
      );
      expect(r.stage).toBe('ADVOCACY');
      expect(r.since).toBeNull();
      expect(r.reasons).toEqual(['2 referrals made', '3 reviews averaging 4.7 of 5']);
    });

    it('does not count poorly rated reviews or a passive answer', () => {
      const r = computeLifecycle(
        signals({
          purchase: buyer(2, 100, 40),
          advocacy: { reviewsCount: 2, averageReviewRating: 3.5, lastNpsScore: 8, lastNpsAt: daysAgo(3) },
        }),
        NOW,
      );
      expect(r.stage).toBe('POST_PURCHASE_ENGAGEMENT');
    });

    it('does not count old referrals of a customer whose last answer was a detractor', () => {
      const r = computeLifecycle(
        signals({
          purchase: buyer(2, 300, 40),
          advocacy: { referralsCount: 1, lastNpsScore: 4, lastNpsAt: daysAgo(DETRACTOR_WINDOW_DAYS + 10) },
        }),
        NOW,
      );
      expect(r.stage).toBe('POST_PURCHASE_ENGAGEMENT');
    });
  });

  describe('moving back: at risk', () => {
    it('drops a lapsed single-order buyer to AT_RISK from the day they lapsed', () => {
      const before = computeLifecycle(signals({ purchase: buyer(1, LAPSED_AFTER_DAYS - 1) }), NOW);
      expect(before.stage).toBe('POST_PURCHASE_ENGAGEMENT');

      const r = computeLifecycle(signals({ purchase: buyer(1, 200) }), NOW);
      expect(r.stage).toBe('AT_RISK');
      expect(r.since).toEqual(daysAgo(200 - LAPSED_AFTER_DAYS));
      expect(r.reasons).toEqual([
        `Last order 200 days ago (lapsed after ${LAPSED_AFTER_DAYS} days without an order: one order only)`,
      ]);
    });

    it('drops even an advocate to AT_RISK once they stop buying (risk outranks advocacy)', () => {
      const r = computeLifecycle(
        signals({
          purchase: buyer(4, 400, 200),
          advocacy: { lastNpsScore: 10, lastNpsAt: daysAgo(20), referralsCount: 2 },
        }),
        NOW,
      );
      expect(r.stage).toBe('AT_RISK');
    });

    it('judges a slow but regular buyer by their own rhythm', () => {
      // 5 orders 100 days apart: lapsed only after 3 × 100 = 300 days, not after 180.
      const s = (lastDaysAgo: number) =>
        signals({
          purchase: buyer(5, 400 + lastDaysAgo, lastDaysAgo),
          engagement: { lastTouchpointAt: daysAgo(10) },
        });
      expect(lapseThresholdDays(s(200))).toBe(300);
      expect(computeLifecycle(s(299), NOW).stage).toBe('POST_PURCHASE_ENGAGEMENT');
      expect(computeLifecycle(s(300), NOW).stage).toBe('AT_RISK');
    });

    it('never lapses a repeat buyer sooner than the minimum, however close their orders', () => {
      expect(lapseThresholdDays(signals({ purchase: buyer(2, 40, 39) }))).toBe(MIN_LAPSE_DAYS);
    });

    it('puts a customer with an open complaint at risk since their latest support contact', () => {
      const r = computeLifecycle(
        signals({ purchase: buyer(2, 60, 10), support: { openComplaints: 1, lastContactAt: daysAgo(2) } }),
        NOW,
      );
      expect(r).toEqual({
        stage: 'AT_RISK',
        since: daysAgo(2),
        reasons: ['1 open complaint, last support contact 2 days ago'],
      });
    });

    it('puts repeated recent complaints at risk even when they are resolved', () => {
      const r = computeLifecycle(
        signals({
          purchase: buyer(2, 60, 10),
          support: { complaintsLast30Days: 2, lastContactAt: daysAgo(1) },
        }),
        NOW,
      );
      expect(r.stage).toBe('AT_RISK');
      expect(r.reasons).toEqual(['2 complaints in the last 30 days']);
    });

    it('lets a single resolved complaint pass', () => {
      const r = computeLifecycle(
        signals({
          purchase: buyer(2, 60, 10),
          support: { complaintsLast30Days: 1, lastContactAt: daysAgo(1) },
        }),
        NOW,
      );
      expect(r.stage).toBe('POST_PURCHASE_ENGAGEMENT');
    });

    it('reacts to recent negative sentiment only inside its window', () => {
      const at = (days: number) =>
        computeLifecycle(
          signals({ purchase: buyer(2, 100, 20), support: { lastNegativeSentimentAt: daysAgo(days) } }),
          NOW,
        );
      expect(at(5).stage).toBe('AT_RISK');
      expect(at(5).since).toEqual(daysAgo(5));
      expect(at(5).reasons).toEqual(['Negative sentiment in a support conversation 5 days ago']);
      expect(at(NEGATIVE_SENTIMENT_WINDOW_DAYS).stage).toBe('POST_PURCHASE_ENGAGEMENT');
    });

    it('reacts to a recent detractor answer only inside its window', () => {
      const at = (days: number) =>
        computeLifecycle(
          signals({ purchase: buyer(2, 200, 20), advocacy: { lastNpsScore: 6, lastNpsAt: daysAgo(days) } }),
          NOW,
        );
      expect(at(30).stage).toBe('AT_RISK');
      expect(at(30).reasons).toEqual(['Detractor NPS 6 given 30 days ago']);
      expect(at(DETRACTOR_WINDOW_DAYS).stage).toBe('POST_PURCHASE_ENGAGEMENT');
    });

    it('counts low average satisfaction only with a recent support contact', () => {
      const recent = computeLifecycle(
        signals({
          purchase: buyer(2, 200, 20),
          support: { averageSatisfaction: 2, lastContactAt: daysAgo(10) },
        }),
        NOW,
      );
      expect(recent.stage).toBe('AT_RISK');
      expect(recent.reasons).toEqual(['Average support satisfaction 2.0 of 5 (below 2.5)']);

      const stale = computeLifecycle(
        signals({
          purchase: buyer(2, 200, 20),
          support: { averageSatisfaction: 2, lastContactAt: daysAgo(150) },
        }),
        NOW,
      );
      expect(stale.stage).toBe('POST_PURCHASE_ENGAGEMENT');
    });

    it('lists every risk and dates the stage from the earliest of them', () => {
      const r = computeLifecycle(
        signals({
          purchase: buyer(1, 250),
          engagement: { lastTouchpointAt: daysAgo(1) },
          support: { openComplaints: 2, lastContactAt: daysAgo(3), lastNegativeSentimentAt: daysAgo(4) },
        }),
        NOW,
      );
      expect(r.stage).toBe('AT_RISK');
      expect(r.reasons).toEqual([
        'Last order 250 days ago (lapsed after 180 days without an order: one order only)',
        '2 open complaints, last support contact 3 days ago',
        'Negative sentiment in a support conversation 4 days ago',
      ]);
      expect(r.since).toEqual(daysAgo(250 - LAPSED_AFTER_DAYS));
    });

    it('puts a complaining prospect at risk too', () => {
      const r = computeLifecycle(signals({ support: { openComplaints: 1, lastContactAt: daysAgo(1) } }), NOW);
      expect(r.stage).toBe('AT_RISK');
    });
  });

  describe('moving back: churned', () => {
    it('churns a buyer with no activity of any kind for a year', () => {
      const r = computeLifecycle(signals({ purchase: buyer(3, 900, 400) }), NOW);
      expect(r.stage).toBe('CHURNED');
      expect(r.since).toEqual(daysAgo(400 - CHURNED_AFTER_INACTIVE_DAYS));
      expect(r.reasons).toEqual(['No order, touchpoint or support contact for 400 days (churned after 365)']);
    });

    it('keeps a long-lapsed buyer who still opens emails at risk rather than churned', () => {
      const r = computeLifecycle(
        signals({ purchase: buyer(3, 500, 400), engagement: { lastTouchpointAt: daysAgo(20) } }),
        NOW,
      );
      expect(r.stage).toBe('AT_RISK');
    });

    it('counts support contacts and survey answers as activity', () => {
      const base = { purchase: buyer(3, 500, 400) };
      expect(
        computeLifecycle(signals({ ...base, support: { lastContactAt: daysAgo(100) } }), NOW).stage,
      ).toBe('AT_RISK');
      expect(
        computeLifecycle(signals({ ...base, advocacy: { lastNpsScore: 8, lastNpsAt: daysAgo(100) } }), NOW)
          .stage,
      ).toBe('AT_RISK');
    });

    it('calls a prospect silent for a year DORMANT, not churned (284 never-buyers were CHURNED)', () => {
      const r = computeLifecycle(
        signals({
          engagement: { firstSeenAt: daysAgo(700), lastTouchpointAt: daysAgo(CHURNED_AFTER_INACTIVE_DAYS) },
        }),
        NOW,
      );
      expect(r).toEqual({
        stage: 'DORMANT',
        since: NOW,
        reasons: ['No order, touchpoint or support contact for 365 days (dormant after 365)'],
      });
    });

    it('keeps a complaint open and unanswered for 522 days AT_RISK, not CHURNED', () => {
      const r = computeLifecycle(
        signals({ purchase: buyer(1, 800), support: { openComplaints: 1, lastContactAt: daysAgo(522) } }),
        NOW,
      );
      expect(r.stage).toBe('AT_RISK');
      expect(r.reasons).toContain('1 open complaint, last support contact 522 days ago');
      expect(r.since).toEqual(daysAgo(800 - LAPSED_AFTER_DAYS));
    });

    it('brings a churned customer who orders again back to the buying stages', () => {
      const r = computeLifecycle(signals({ purchase: buyer(2, 900, 2) }), NOW);
      expect(r.stage).toBe('POST_PURCHASE_ENGAGEMENT');
      expect(r.since).toEqual(daysAgo(900 - PURCHASE_WINDOW_DAYS));
    });
  });

  describe('helpers', () => {
    it('finds the latest activity among orders, returns, touchpoints, surveys and support', () => {
      const s = signals({
        purchase: { ...buyer(1, 50), lastReturnAt: daysAgo(7) },
        engagement: { lastTouchpointAt: daysAgo(9) },
        advocacy: { lastNpsAt: daysAgo(8) },
        support: { lastContactAt: daysAgo(30) },
      });
      expect(lastActivityAt(s)).toEqual(daysAgo(7));
    });

    it('treats dates in the future (clock skew) as today', () => {
      const r = computeLifecycle(signals({ purchase: buyer(1, -1) }), NOW);
      expect(r.stage).toBe('PURCHASE');
      expect(r.reasons).toEqual(['First order today']);
    });
  });
});
