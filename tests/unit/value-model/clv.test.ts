import { expectedPurchases, type BgnbdParams } from '../../../subgraphs/sales/src/value-model/bgnbd';
import {
  DAYS_PER_MONTH,
  DEFAULT_MONTHLY_DISCOUNT_RATE,
  discountedExpectedPurchases,
  expectedPurchasesByMonth,
  predictedLifetimeValue,
} from '../../../subgraphs/sales/src/value-model/clv';

// CDNOW's weekly estimates converted to days (α in days = 4.41 weeks × 7).
const DAILY: BgnbdParams = { r: 0.24, alpha: 4.41 * 7, a: 0.79, b: 2.43 };
const FREQUENT = { x: 12, tx: 170, T: 180 };

describe('CLV', () => {
  it('documents its default: 1 % a month, about 12.7 % a year', () => {
    expect(DEFAULT_MONTHLY_DISCOUNT_RATE).toBe(0.01);
    expect((1 + DEFAULT_MONTHLY_DISCOUNT_RATE) ** 12 - 1).toBeCloseTo(0.1268, 4);
    expect(DAYS_PER_MONTH).toBeCloseTo(30.4375, 10);
  });

  it('splits the forecast into months that add up to the cumulative expectation', () => {
    const months = expectedPurchasesByMonth(DAILY, FREQUENT, 24);
    expect(months).toHaveLength(24);
    months.forEach((m) => expect(m).toBeGreaterThan(0));
    const total = months.reduce((s, m) => s + m, 0);
    expect(total).toBeCloseTo(expectedPurchases(DAILY, FREQUENT, 24 * DAYS_PER_MONTH), 10);
    // Fewer purchases expected each month as the chance of having left grows.
    for (let i = 1; i < months.length; i += 1) expect(months[i]).toBeLessThan(months[i - 1]);
  });

  it('without discounting, is the average order value times the expected purchases over the horizon', () => {
    const clv = predictedLifetimeValue(DAILY, FREQUENT, 42.5, { months: 12, monthlyDiscountRate: 0 });
    expect(clv).toBeCloseTo(42.5 * expectedPurchases(DAILY, FREQUENT, 12 * DAYS_PER_MONTH), 9);
  });

  it('discounts each month at its end', () => {
    const months = expectedPurchasesByMonth(DAILY, FREQUENT, 3);
    const d = 0.05;
    const manual = months[0] / 1.05 + months[1] / 1.05 ** 2 + months[2] / 1.05 ** 3;
    expect(discountedExpectedPurchases(DAILY, FREQUENT, { months: 3, monthlyDiscountRate: d })).toBeCloseTo(
      manual,
      12,
    );
  });

  it('falls as the discount rate rises and grows with the horizon', () => {
    let previous = Infinity;
    for (const rate of [0, 0.005, 0.01, 0.02, 0.05, 0.2]) {
      const clv = predictedLifetimeValue(DAILY, FREQUENT, 30, { months: 36, monthlyDiscountRate: rate });
      expect(clv).toBeLessThan(previous);
      previous = clv;
    }
    let shorter = 0;
    for (const months of [1, 6, 12, 60, 120]) {
      const clv = predictedLifetimeValue(DAILY, FREQUENT, 30, { months });
      expect(clv).toBeGreaterThan(shorter);
      shorter = clv;
    }
    expect(predictedLifetimeValue(DAILY, FREQUENT, 30, { months: 0 })).toBe(0);
  });

  it('rejects bad horizons and rates naming the argument', () => {
    const run = (months: number, monthlyDiscountRate?: number) => () =>
      predictedLifetimeValue(DAILY, FREQUENT, 30, { months, monthlyDiscountRate });
    expect(run(1.5)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'months' } }),
    );
    expect(run(-1)).toThrow('months');
    expect(run(121)).toThrow('months');
    expect(run(12, -0.01)).toThrow(expect.objectContaining({ details: { field: 'monthlyDiscountRate' } }));
    expect(run(12, NaN)).toThrow('monthlyDiscountRate');
  });
});
