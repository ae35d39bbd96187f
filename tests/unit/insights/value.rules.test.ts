import {
  ADVOCACY_POINTS,
  FREQUENCY_POINTS,
  MONETARY_POINTS,
  RECENCY_POINTS,
  REFERRAL_POINTS,
  computeCustomerValue,
  purchaseFrequency,
  valueScore,
  valueTier,
} from '../../../subgraphs/insights/src/rules/value.rules';
import { NpsCategory, npsCategory } from '../../../shared/contract';
import { DAYS_PER_MONTH } from '../../../subgraphs/insights/src/rules/time';
import { NOW, buyer, daysAgo, eur, signals } from './customer-signals.builder';

describe('value rules', () => {
  describe('npsCategory', () => {
    it.each([
      [0, 'DETRACTOR'],
      [6, 'DETRACTOR'],
      [7, 'PASSIVE'],
      [8, 'PASSIVE'],
      [9, 'PROMOTER'],
      [10, 'PROMOTER'],
    ])('classifies %i as %s', (score, category) => {
      expect(npsCategory(score)).toBe(category);
    });

    it('is null without an answer', () => {
      expect(npsCategory(null)).toBeNull();
      expect(npsCategory(undefined)).toBeNull();
      expect(npsCategory(Number.NaN)).toBeNull();
    });
  });

  describe('purchaseFrequency (orders per month)', () => {
    it('is null without orders', () => {
      expect(purchaseFrequency(0, null, NOW)).toBeNull();
    });

    it('floors the tenure at one month so a brand-new buyer shows 1 order/month', () => {
      expect(purchaseFrequency(1, daysAgo(1), NOW)).toBe(1);
    });

    it('divides orders by months since the first order', () => {
      expect(purchaseFrequency(12, daysAgo(Math.round(12 * DAYS_PER_MONTH)), NOW)).toBeCloseTo(1, 2);
      expect(purchaseFrequency(3, daysAgo(Math.round(6 * DAYS_PER_MONTH)), NOW)).toBeCloseTo(0.5, 2);
    });
  });

  describe('score tables', () => {
    const base = { revenue: 0, orderCount: 0, daysSinceLastOrder: null, nps: null, referralsCount: 0 };

    it('gives monetary points by the highest revenue band reached', () => {
      for (const band of MONETARY_POINTS) {
        expect(valueScore({ ...base, revenue: band.minRevenue })).toBe(band.points);
      }
      expect(valueScore({ ...base, revenue: 249.99 })).toBe(10);
      expect(valueScore({ ...base, revenue: 0 })).toBe(0);
    });

    it('gives frequency points by number of orders', () => {
      for (const band of FREQUENCY_POINTS) {
        expect(valueScore({ ...base, orderCount: band.minOrders })).toBe(band.points);
      }
      expect(valueScore({ ...base, orderCount: 4 })).toBe(10);
    });

    it('gives recency points by days since the last order', () => {
      for (const band of RECENCY_POINTS) {
        expect(valueScore({ ...base, daysSinceLastOrder: band.maxDays })).toBe(band.points);
      }
      expect(valueScore({ ...base, daysSinceLastOrder: 366 })).toBe(0);
    });

    it('adds willingness to recommend and referrals, and takes points away for a detractor', () => {
      const mid = { ...base, revenue: 1000, orderCount: 5, daysSinceLastOrder: 10 };
      const plain = valueScore(mid);
      expect(plain).toBe(30 + 18 + 15);
      expect(valueScore({ ...mid, nps: NpsCategory.PROMOTER })).toBe(plain + ADVOCACY_POINTS.PROMOTER);
      expect(valueScore({ ...mid, nps: NpsCategory.PASSIVE })).toBe(plain + ADVOCACY_POINTS.PASSIVE);
      expect(valueScore({ ...mid, nps: NpsCategory.DETRACTOR })).toBe(plain + ADVOCACY_POINTS.DETRACTOR);
      expect(valueScore({ ...mid, referralsCount: 3 })).toBe(plain + REFERRAL_POINTS);
    });

    it('stays within 0–100', () => {
      expect(
        valueScore({
          revenue: 0,
          orderCount: 1,
          daysSinceLastOrder: 900,
          nps: NpsCategory.DETRACTOR,
          referralsCount: 0,
        }),
      ).toBe(0);
      expect(
        valueScore({
          revenue: 1e9,
          orderCount: 1000,
          daysSinceLastOrder: 0,
          nps: NpsCategory.PROMOTER,
          referralsCount: 9,
        }),
      ).toBe(100);
    });
  });

  describe('valueTier', () => {
    it.each([
      [100, 'PLATINUM'],
      [80, 'PLATINUM'],
      [79, 'GOLD'],
      [60, 'GOLD'],
      [59, 'SILVER'],
      [40, 'SILVER'],
      [39, 'BRONZE'],
      [0, 'BRONZE'],
    ])('maps score %i of a buyer to %s', (score, tier) => {
      expect(valueTier(score, 1)).toBe(tier);
    });

    it('is NONE without orders', () => {
      expect(valueTier(100, 0)).toBe('NONE');
    });
  });

  describe('computeCustomerValue', () => {
    it('describes a prospect as NONE with nothing to divide', () => {
      const v = computeCustomerValue(
        signals({ advocacy: { lastNpsScore: 10, lastNpsAt: daysAgo(3), referralsCount: 1 } }),
        NOW,
      );
      expect(v).toEqual({
        totalRevenue: eur(0),
        orderCount: 0,
        averageOrderValue: null,
        purchaseFrequency: null,
        daysSinceLastOrder: null,
        npsCategory: 'PROMOTER',
        score: 0,
        tier: 'NONE',
      });
    });

    it('passes money through untouched from sales (no float arithmetic on money)', () => {
      const purchase = { ...buyer(3, 60, 5), totalRevenue: eur(1234.56), averageOrderValue: eur(411.52) };
      const v = computeCustomerValue(signals({ purchase }), NOW);
      expect(v.totalRevenue).toBe(purchase.totalRevenue);
      expect(v.averageOrderValue).toBe(purchase.averageOrderValue);
    });

    it('rates a frequent, recent, big-spending promoter PLATINUM', () => {
      const v = computeCustomerValue(
        signals({
          purchase: buyer(12, 365, 3, 6000),
          advocacy: { lastNpsScore: 10, lastNpsAt: daysAgo(10), referralsCount: 1 },
        }),
        NOW,
      );
      expect(v.score).toBe(100);
      expect(v.tier).toBe('PLATINUM');
      expect(v.daysSinceLastOrder).toBe(3);
      expect(v.npsCategory).toBe('PROMOTER');
      expect(v.purchaseFrequency).toBeCloseTo(12 / (365 / DAYS_PER_MONTH), 2);
    });

    it('rates a recent one-off small buyer BRONZE', () => {
      const v = computeCustomerValue(signals({ purchase: buyer(1, 5, 5, 49.9) }), NOW);
      expect(v.score).toBe(10 + 5 + 15);
      expect(v.tier).toBe('BRONZE');
    });

    it('lets a lapsed customer lose tier through recency', () => {
      const recent = computeCustomerValue(signals({ purchase: buyer(5, 400, 30, 1500) }), NOW);
      const lapsed = computeCustomerValue(signals({ purchase: buyer(5, 800, 400, 1500) }), NOW);
      expect(recent.tier).toBe('GOLD');
      expect(lapsed.tier).toBe('SILVER');
    });

    it('respects the currency’s minor unit (JPY has none)', () => {
      const yen = { amountMinor: 300000, currency: 'JPY' };
      const v = computeCustomerValue(signals({ purchase: { ...buyer(1, 5), totalRevenue: yen } }), NOW);
      expect(v.score).toBe(40 + 5 + 15);
    });
  });
});
