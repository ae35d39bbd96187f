import { expectedPurchasesNewCustomer } from '../../../subgraphs/sales/src/value-model/bgnbd';
import { summarizePurchases } from '../../../subgraphs/sales/src/value-model/purchase-summary';
import { createSeedRandom, type SeedRandom } from '../../../scripts/seed/random';
import { simulateCustomers, toOrders } from '../../helpers/value-model/simulate';
import { meanAndSe } from './test-histories';

const CDNOW = { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 };
const SPEND = { p: 6.25, q: 3.74, v: 15.44 };

/** Sample mean and its standard error. */

describe('seeded samplers (scripts/seed/random.ts, the one random source)', () => {
  const N = 100_000;

  it('are deterministic per seed and differ between seeds', () => {
    const draw = (seed: number) => {
      const rng = createSeedRandom(seed);
      return Array.from({ length: 5 }, () => rng.float());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draw uniforms in [0, 1)', () => {
    const rng = createSeedRandom(1);
    const u = Array.from({ length: N }, () => rng.float());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(Math.abs(meanAndSe(u).mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
  });

  // Each sample mean must lie within 5 standard errors of the distribution's mean (a 1-in-1.7-million miss for a
  // correct sampler), and the sample variance within 5 % of the true one: its relative standard error,
  // √((2 + excess kurtosis) / N), is at most 1.6 % here (Gamma(0.24) has excess kurtosis 6/0.24 = 25).
  it.each([
    ['Gamma(0.24, rate 4.41)', (rng: SeedRandom) => rng.gamma(0.24, 4.41), 0.24 / 4.41, 0.24 / 4.41 ** 2],
    ['Gamma(6.25, rate 2)', (rng: SeedRandom) => rng.gamma(6.25, 2), 3.125, 6.25 / 4],
    [
      'Beta(0.79, 2.43)',
      (rng: SeedRandom) => rng.beta(0.79, 2.43),
      0.79 / 3.22,
      (0.79 * 2.43) / (3.22 ** 2 * 4.22),
    ],
    ['Exponential(rate 3)', (rng: SeedRandom) => rng.exponential(3), 1 / 3, 1 / 9],
  ])('draw %s with the right mean and variance', (_name, sampler, mean, variance) => {
    const rng = createSeedRandom(2024);
    const values = Array.from({ length: N }, () => sampler(rng));
    const sample = meanAndSe(values);
    expect(Math.abs(sample.mean - mean)).toBeLessThan(5 * sample.se);
    expect(Math.abs((sample.se ** 2 * N) / variance - 1)).toBeLessThan(0.05);
  });
});

describe('simulateCustomers', () => {
  const sims = simulateCustomers({
    customers: 20_000,
    seed: 11,
    bgnbd: CDNOW,
    gammaGamma: SPEND,
    observation: { min: 39, max: 39 },
  });

  it('produces consistent histories', () => {
    for (const s of sims.slice(0, 300)) {
      expect(s.purchaseTimes[0]).toBe(0);
      expect(s.x).toBe(s.purchaseTimes.length - 1);
      expect(s.tx).toBe(s.purchaseTimes[s.x]);
      expect(s.tx).toBeLessThanOrEqual(s.T);
      expect(s.spends).toHaveLength(s.x + 1);
      const repeat = s.spends.slice(1);
      expect(s.monetaryValue).toBeCloseTo(
        repeat.length ? repeat.reduce((a, b) => a + b, 0) / repeat.length : 0,
        10,
      );
      // A customer can only have dropped out after a repeat purchase.
      if (s.x === 0) expect(s.latent.alive).toBe(true);
    }
  });

  it('matches the model’s own expected purchase count E[X(t)]', () => {
    // Independent check of simulator and closed form together: the mean repeat count over a fixed 39-week window
    // must agree with E[X(39)] within 4 standard errors of the sample mean.
    const sample = meanAndSe(sims.map((s) => s.x));
    expect(Math.abs(sample.mean - expectedPurchasesNewCustomer(CDNOW, 39))).toBeLessThan(4 * sample.se);
  });

  it('is reproducible from its seed', () => {
    const again = simulateCustomers({
      customers: 50,
      seed: 11,
      bgnbd: CDNOW,
      gammaGamma: SPEND,
      observation: { min: 39, max: 39 },
    });
    expect(again).toEqual(sims.slice(0, 50));
  });

  it('turns a history into orders that summarise back to it (days as the time unit)', () => {
    const asOf = new Date('2024-06-30T12:00:00Z');
    const daily = simulateCustomers({
      customers: 300,
      seed: 5,
      bgnbd: { ...CDNOW, alpha: CDNOW.alpha * 7 },
      gammaGamma: SPEND,
      observation: { min: 100, max: 300 },
    });
    for (const c of daily) {
      const summary = summarizePurchases(toOrders(c, asOf), { asOf });
      expect(summary).not.toBeNull();
      // Times are truncated to UTC days, so counts and spans can only shrink by merging and by at most a day.
      expect(summary?.x).toBeLessThanOrEqual(c.x);
      expect(Math.abs((summary?.T ?? 0) - c.T)).toBeLessThanOrEqual(1);
      expect(summary?.total).toBeCloseTo(
        c.spends.reduce((a, b) => a + b, 0),
        1,
      );
    }
  });

  it('rejects impossible designs', () => {
    expect(() =>
      simulateCustomers({ customers: -1, seed: 1, bgnbd: CDNOW, observation: { min: 1, max: 2 } }),
    ).toThrow();
    expect(() =>
      simulateCustomers({ customers: 1, seed: 1, bgnbd: CDNOW, observation: { min: 3, max: 2 } }),
    ).toThrow();
    expect(() => createSeedRandom(1.5)).toThrow(/seed must be an integer/);
  });
});
