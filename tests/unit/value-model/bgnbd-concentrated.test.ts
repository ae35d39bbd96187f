/**
 * Φ(k, a, b', w) when the drop-out distribution Beta(a, b') is very concentrated — what a fit produces when
 * drop-out barely varies across the base (a and b run to millions with a/(a+b) fixed; the demo data does
 * this). ₂F₁ and the quadrature cannot resolve such a narrow density; the moment expansion must, and must
 * agree with an independent integration over p (latent-integration.ts) wherever it is used.
 */
import {
  bgnbdForecastFactor,
  bgnbdForecastFactorConcentrated,
  expectedPurchases,
} from '../../../subgraphs/sales/src/value-model/bgnbd';
import { logProbabilityIntegral } from './latent-integration';

const { exp, expm1, log, log1p } = Math;

/** Φ = E[(1 − (1 + p·w)^−k)/p], p ~ Beta(a, b'), by the trapezoid rule over logit(p). */
function phiByIntegration(k: number, a: number, bPrime: number, w: number): number {
  const logG = (p: number) => log(-expm1(-k * log1p(p * w))) - log(p);
  return exp(logProbabilityIntegral(a, bPrime, logG) - logProbabilityIntegral(a, bPrime));
}

describe('bgnbdForecastFactor for a concentrated drop-out distribution', () => {
  const cases: Array<[k: number, a: number, bPrime: number, w: number]> = [
    [1.57, 2_220_029, 43_523_669, 90 / 263], // the demo data's fit
    [1.57, 2_220_029, 43_523_669, 3650 / 263],
    [31.57, 2_220_029, 43_523_675, 30 / 700],
    [2.5, 5e4, 5e4, 1.2],
    [0.8, 900, 1.5e5, 2],
    [12, 3e5, 1e3, 0.05],
  ];

  it.each(cases)('k=%p a=%p b=%p w=%p matches integration over p', (k, a, bPrime, w) => {
    const direct = bgnbdForecastFactorConcentrated(k, a, bPrime, w);
    expect(direct).not.toBeNull();
    const reference = phiByIntegration(k, a, bPrime, w);
    expect(Math.abs(direct! / reference - 1)).toBeLessThan(1e-9);
    expect(bgnbdForecastFactor(k, a, bPrime, w)).toBe(direct);
  });

  it('leaves wide distributions to the closed form and quadrature', () => {
    expect(bgnbdForecastFactorConcentrated(1.57, 0.79, 2.43, 0.3)).toBeNull();
    expect(bgnbdForecastFactorConcentrated(40, 500, 500, 10)).toBeNull();
  });

  it('gives finite forecasts growing with the horizon for the demo fit', () => {
    const params = { r: 1.5703553679662579, alpha: 262.8095250821034, a: 2220029.23, b: 43523669.34 };
    for (const h of [
      { x: 0, tx: 0, T: 1 },
      { x: 1, tx: 3, T: 4 },
      { x: 5, tx: 200, T: 300 },
    ]) {
      const forecasts = [30, 90, 365, 3650].map((t) => expectedPurchases(params, h, t));
      for (const f of forecasts) expect(Number.isFinite(f) && f > 0).toBe(true);
      for (let i = 1; i < forecasts.length; i++) expect(forecasts[i]).toBeGreaterThan(forecasts[i - 1]);
    }
  });
});
