import {
  countSpendInformative,
  expectedAverageOrderValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodOne,
  populationMeanSpend,
  type GammaGammaParams,
} from '../../../subgraphs/sales/src/value-model/gamma-gamma';
import { simulateCustomers } from '../../helpers/value-model/simulate';
import { gammaGammaByIntegration } from './latent-integration';

// The CDNOW estimates of the Gamma-Gamma note (Fader & Hardie 2013).
const CDNOW: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

describe('Gamma-Gamma log-likelihood and expected spend', () => {
  const cases: Array<[number, number]> = [
    [1, 35],
    [5, 12.5],
    [40, 300],
    [2, 0.01],
  ];

  it('equal numerical integration over the latent ν', () => {
    for (const [x, m] of cases) {
      const integrated = gammaGammaByIntegration(CDNOW, x, m);
      expect(gammaGammaLogLikelihoodOne(CDNOW, x, m)).toBeCloseTo(integrated.logDensity, 9);
      const expected = expectedAverageOrderValue(CDNOW, x, m) as number;
      expect(Math.abs(expected - integrated.expectedSpend)).toBeLessThan(1e-9 * integrated.expectedSpend);
    }
  });

  it('shrinks a customer’s mean towards the population mean, less so the more purchases there are', () => {
    const population = populationMeanSpend(CDNOW) as number;
    expect(population).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(expectedAverageOrderValue(CDNOW, 0, 0)).toBe(population);
    const m = 100;
    let previousGap = Infinity;
    for (const x of [1, 2, 5, 20, 100]) {
      const e = expectedAverageOrderValue(CDNOW, x, m) as number;
      expect(e).toBeGreaterThan(population);
      expect(e).toBeLessThan(m);
      expect(m - e).toBeLessThan(previousGap);
      previousGap = m - e;
    }
  });

  it('has no population mean when q ≤ 1', () => {
    expect(populationMeanSpend({ p: 2, q: 0.9, v: 10 })).toBeNull();
    expect(expectedAverageOrderValue({ p: 2, q: 0.9, v: 10 }, 0, 0)).toBeNull();
    expect(expectedAverageOrderValue({ p: 2, q: 0.9, v: 10 }, 3, 20)).toBeCloseTo(
      (2 * (10 + 60)) / (6 - 0.1),
      12,
    );
  });

  it('ignores rows without repeat purchases or with zero spend', () => {
    const rows = [
      { x: 0, monetaryValue: 0 },
      { x: 2, monetaryValue: 0 },
      { x: 3, monetaryValue: 40 },
      { x: 1, monetaryValue: 25, weight: 2 },
    ];
    expect(countSpendInformative(rows)).toBe(3);
    expect(gammaGammaLogLikelihood(CDNOW, rows)).toBeCloseTo(
      gammaGammaLogLikelihoodOne(CDNOW, 3, 40) + 2 * gammaGammaLogLikelihoodOne(CDNOW, 1, 25),
      10,
    );
    expect(() => gammaGammaLogLikelihood(CDNOW, [{ x: 1, monetaryValue: -5 }])).toThrow(
      'summaries[0].monetaryValue',
    );
    expect(() => fitGammaGamma([{ x: 0, monetaryValue: 0 }])).toThrow('no repeat buyer');
  });
});

describe('fitGammaGamma', () => {
  // Spend of the repeat purchases of 10,000 simulated CDNOW-like customers (about 4,000 repeat buyers).
  // Tolerances: 4 standard deviations over 40 repeated simulations of this design (sd p 0.55, q 0.12, v 1.8);
  // the reported standard errors are of that size (p 0.64–0.68, q 0.12–0.13, v 1.7–1.8). p and v trade off
  // against each other (the mean spend p·v/(q−1) is pinned much more tightly than either), so they get the
  // widest relative tolerance.
  const sims = simulateCustomers({
    customers: 10_000,
    seed: 20130901,
    bgnbd: { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 },
    gammaGamma: CDNOW,
    observation: { min: 27, max: 39 },
  });
  const fit = fitGammaGamma(sims);
  const tolerance = { p: 4 * 0.55, q: 4 * 0.12, v: 4 * 1.8 };

  it('converges and recovers the simulated parameters', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(sims.filter((s) => s.x > 0).length);
    expect(fit.standardErrors).not.toBeNull();
    for (const key of ['p', 'q', 'v'] as const) {
      expect(Math.abs(fit.params[key] - CDNOW[key])).toBeLessThan(tolerance[key]);
      const se = (fit.standardErrors as GammaGammaParams)[key];
      expect(Math.abs(fit.params[key] - CDNOW[key])).toBeLessThan(4 * se);
    }
    // The population mean spend is identified far better than p, q, v separately.
    const trueMean = populationMeanSpend(CDNOW) as number;
    expect(Math.abs((populationMeanSpend(fit.params) as number) - trueMean) / trueMean).toBeLessThan(0.05);
  });

  it('reaches a maximum of the likelihood', () => {
    expect(fit.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(fit.params, sims), 6);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(CDNOW, sims));
    for (const key of ['p', 'q', 'v'] as const) {
      for (const factor of [0.99, 1.01]) {
        expect(
          gammaGammaLogLikelihood({ ...fit.params, [key]: fit.params[key] * factor }, sims),
        ).toBeLessThan(fit.logLikelihood);
      }
    }
  });
});
