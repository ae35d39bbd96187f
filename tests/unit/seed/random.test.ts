import { createSeedRandom, mixSeed } from '../../../scripts/seed/random';

const draw = (seed: number, n: number) => {
  const r = createSeedRandom(seed);
  return Array.from({ length: n }, () => r.float());
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('seed random', () => {
  it('repeats exactly for the same seed and differs for another seed', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
    expect(draw(42, 1000)).not.toEqual(draw(43, 1000));
  });

  it('gives floats in [0, 1) and integers in range', () => {
    const r = createSeedRandom(7);
    for (let i = 0; i < 5000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      const k = r.between(3, 5);
      expect([3, 4, 5]).toContain(k);
    }
  });

  it('forks independent streams that do not depend on how much the parent consumed', () => {
    const a = createSeedRandom(1);
    const b = createSeedRandom(1);
    for (let i = 0; i < 100; i++) b.float();
    expect(a.fork('customer', 3).float()).toBe(b.fork('customer', 3).float());
    expect(a.fork('customer', 3).float()).not.toBe(a.fork('customer', 4).float());
    expect(mixSeed(1, 'x', 0)).not.toBe(mixSeed(1, 'y', 0));
  });

  it('draws distributions with the right means', () => {
    const r = createSeedRandom(99);
    const n = 20000;
    expect(mean(Array.from({ length: n }, () => r.gamma(2, 0.5)))).toBeCloseTo(4, 0); // shape / rate
    expect(mean(Array.from({ length: n }, () => r.gamma(0.5, 1)))).toBeCloseTo(0.5, 1);
    expect(mean(Array.from({ length: n }, () => r.beta(2, 6)))).toBeCloseTo(0.25, 1);
    expect(mean(Array.from({ length: n }, () => r.exponential(0.1)))).toBeGreaterThan(9.5);
    expect(mean(Array.from({ length: n }, () => r.exponential(0.1)))).toBeLessThan(10.5);
    expect(mean(Array.from({ length: n }, () => r.poisson(3)))).toBeCloseTo(3, 1);
    expect(mean(Array.from({ length: n }, () => r.normal(5, 2)))).toBeCloseTo(5, 1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < n; i++) counts[r.weighted({ a: 3, b: 1 })]++;
    expect(counts.a / n).toBeCloseTo(0.75, 1);
  });

  it('samples distinct items', () => {
    const r = createSeedRandom(5);
    const s = r.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    expect(r.sample([1, 2], 5)).toHaveLength(2);
  });
});
