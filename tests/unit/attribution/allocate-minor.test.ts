import fc from 'fast-check';
import { MoneyError, allocateMinor } from '../../../shared/money/money';

describe('allocateMinor (largest remainder)', () => {
  it('splits 100 cents in three as 34/33/33: the leftover cent goes to the earliest of equal remainders', () => {
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives the leftover unit to the largest remainder', () => {
    // exact shares 1.5, 2.25, 6.25 → floors 1, 2, 6 and one unit left for the 0.5 remainder
    expect(allocateMinor(10, [0.15, 0.225, 0.625])).toEqual([2, 2, 6]);
  });

  it('never gives anything to a zero weight and keeps the sign of a negative total', () => {
    expect(allocateMinor(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
    expect(allocateMinor(-7, [1, 1])).toEqual([-4, -3]);
  });

  it('refuses empty, negative or all-zero weights and fractional totals', () => {
    expect(() => allocateMinor(10, [])).toThrow(MoneyError);
    expect(() => allocateMinor(10, [1, -1])).toThrow(MoneyError);
    expect(() => allocateMinor(10, [0, 0])).toThrow(MoneyError);
    expect(() => allocateMinor(1.5, [1])).toThrow(MoneyError);
  });

  it('always adds up to the total, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (total, raw) => {
          const weights = raw.some((w) => w > 0) ? raw : [...raw.slice(1), 1];
          const parts = allocateMinor(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isSafeInteger(p)).toBe(true);
            expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1 + 1e-6 * total);
            if (weights[i] === 0) expect(p).toBe(0);
          });
        },
      ),
    );
  });
});
