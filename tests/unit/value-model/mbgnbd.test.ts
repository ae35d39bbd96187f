import {
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodOne,
  bgnbdLogLikelihoodPrepared,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgnbd,
  prepareHistories,
  probabilityAlive,
  probablyGoneDay,
  type BgnbdParams,
  type WeightedHistory,
} from '../../../subgraphs/sales/src/value-model/bgnbd';
import { numericGradient } from '../../../subgraphs/sales/src/value-model/optimizer';
import { simulateCustomers } from '../../helpers/value-model/simulate';
import {
  bgnbdConditionalExpectationByIntegration,
  bgnbdLogLikelihoodByIntegration,
  bgnbdProbabilityAliveByIntegration,
  newCustomerExpectationByIntegration,
} from './latent-integration';
import { fromLog, HISTORIES as SHARED_HISTORIES, meanAndSe, OTHER, toLog } from './test-histories';

/*
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD's story with a drop-out chance right after the FIRST
 * purchase too, so a one-time buyer's P(alive) is a finding rather than 1 by assumption. Checked against
 * integration over the latent λ and p of that story (latent-integration.ts shares no code with the library).
 */

const MBG = 'MBG_NBD' as const;
// MBG/NBD on CDNOW in weeks (BTYDplus; reproduced in cdnow-published.test.ts); OTHER has a > 1, b < 1.
const CDNOW_MBG: BgnbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
// A one-time buyer long silent: the case where the two stories differ most.
const HISTORIES: WeightedHistory[] = [...SHARED_HISTORIES, { x: 0, tx: 0, T: 151 }];

describe('MBG/NBD log-likelihood', () => {
  it.each([
    ['CDNOW', CDNOW_MBG],
    ['a > 1, b < 1', OTHER],
  ])('equals numerical integration over the latent λ and p (%s)', (_name, params) => {
    for (const h of HISTORIES) {
      const closed = bgnbdLogLikelihoodOne(params, h, MBG);
      expect(Number.isFinite(closed)).toBe(true);
      expect(Math.abs(closed - bgnbdLogLikelihoodByIntegration(params, h.x, h.tx, h.T, 'MBG'))).toBeLessThan(
        1e-9 * Math.max(1, Math.abs(closed)),
      );
    }
  });

  it('differs from BG/NBD exactly where the stories differ', () => {
    // A one-time buyer: BG/NBD has only the "alive" branch, MBG/NBD adds "left right after the first purchase".
    const h = { x: 0, tx: 0, T: 40 };
    expect(bgnbdLogLikelihoodOne(CDNOW_MBG, h, MBG)).not.toBeCloseTo(bgnbdLogLikelihoodOne(CDNOW_MBG, h), 3);
  });

  it('has an analytic gradient that matches central differences', () => {
    const data = prepareHistories(HISTORIES.map((h, i) => ({ ...h, weight: 1 + i })));
    for (const params of [CDNOW_MBG, OTHER]) {
      const analytic = [0, 0, 0, 0];
      bgnbdLogLikelihoodPrepared(params, data, analytic, MBG);
      const numeric = numericGradient(
        (phi) => bgnbdLogLikelihoodPrepared(fromLog(phi), data, undefined, MBG),
        toLog(params),
      );
      analytic.forEach((g, i) =>
        expect(Math.abs(g - numeric[i])).toBeLessThan(1e-6 * Math.max(1, Math.abs(g))),
      );
    }
  });
});

describe('MBG/NBD probabilityAlive', () => {
  it('equals the alive share of the integrated likelihood', () => {
    for (const params of [CDNOW_MBG, OTHER]) {
      for (const h of HISTORIES) {
        const p = probabilityAlive(params, h, MBG);
        expect(Math.abs(p - bgnbdProbabilityAliveByIntegration(params, h.x, h.tx, h.T, 'MBG'))).toBeLessThan(
          1e-9,
        );
      }
    }
  });

  it('one-time buyers get an honest P(alive) that falls with the time since their purchase', () => {
    // The case: one purchase 1,058 days ago shown with P(alive) = 1 under BG/NBD.
    const days: BgnbdParams = { ...CDNOW_MBG, alpha: CDNOW_MBG.alpha * 7 };
    expect(probabilityAlive(days, { x: 0, tx: 0, T: 1058 })).toBe(1);
    const honest = probabilityAlive(days, { x: 0, tx: 0, T: 1058 }, MBG);
    expect(honest).toBeLessThan(0.5);
    let previous = 1;
    for (const T of [0, 30, 90, 365, 1058, 3000]) {
      const p = probabilityAlive(days, { x: 0, tx: 0, T }, MBG);
      expect(p).toBeLessThan(previous);
      previous = p;
    }
    // At the first purchase itself the customer may already have left: P(alive) = 1 − a/(a+b) = b/(a+b).
    expect(probabilityAlive(days, { x: 0, tx: 0, T: 0 }, MBG)).toBeCloseTo(
      CDNOW_MBG.b / (CDNOW_MBG.a + CDNOW_MBG.b),
      12,
    );
  });
});

describe('MBG/NBD expected purchases', () => {
  it('equals the posterior expectation integrated over λ and p', () => {
    const cases: Array<[BgnbdParams, number, number, number, number]> = [
      [CDNOW_MBG, 2, 30.43, 38.86, 39],
      [CDNOW_MBG, 0, 0, 10, 100],
      [CDNOW_MBG, 0, 0, 151, 52],
      [CDNOW_MBG, 20, 35, 38, 5],
      [OTHER, 4, 20, 30, 52],
    ];
    for (const [params, x, tx, T, t] of cases) {
      const closed = expectedPurchases(params, { x, tx, T }, t, MBG);
      const integrated = bgnbdConditionalExpectationByIntegration(params, x, tx, T, t, 'MBG');
      expect(Math.abs(closed - integrated)).toBeLessThan(1e-8 * Math.max(1, integrated));
    }
  });

  it('for a new customer equals the prior expectation, the first purchase being a drop-out chance', () => {
    for (const params of [CDNOW_MBG, OTHER]) {
      for (const t of [1, 39, 78, 520]) {
        const closed = expectedPurchasesNewCustomer(params, t, MBG);
        const integrated = newCustomerExpectationByIntegration(params, t, 'MBG');
        expect(Math.abs(closed - integrated)).toBeLessThan(1e-8 * Math.max(1, integrated));
        // BG/NBD's new customer cannot leave before buying again, so expects more.
        expect(closed).toBeLessThan(expectedPurchasesNewCustomer(params, t));
      }
    }
  });

  it('matches the mean repeat count of customers simulated from the MBG/NBD story', () => {
    const sims = simulateCustomers({
      customers: 20_000,
      seed: 2007,
      bgnbd: CDNOW_MBG,
      model: MBG,
      observation: { min: 39, max: 39 },
    });
    const { mean, se } = meanAndSe(sims.map((s) => s.x));
    expect(Math.abs(mean - expectedPurchasesNewCustomer(CDNOW_MBG, 39, MBG))).toBeLessThan(4 * se);
    // Some one-time buyers left right after buying, which BG/NBD's simulator never produces.
    expect(sims.some((s) => s.x === 0 && !s.latent.alive)).toBe(true);
  });
});

describe('MBG/NBD probablyGoneDay', () => {
  const days: BgnbdParams = { ...CDNOW_MBG, alpha: CDNOW_MBG.alpha * 7 };

  it.each([
    [0, 0],
    [1, 30],
    [3, 60],
    [11, 77],
  ])('is the first day P(alive) ≤ 0.5 for x = %i, tx = %i (one-time buyers included)', (x, tx) => {
    const day = probablyGoneDay(days, { x, tx }, 0.5, MBG)!;
    expect(day).not.toBeNull();
    expect(probabilityAlive(days, { x, tx, T: day }, MBG)).toBeLessThanOrEqual(0.5);
    if (day > tx) expect(probabilityAlive(days, { x, tx, T: day - 1 }, MBG)).toBeGreaterThan(0.5);
  });
});

describe('fitBgnbd with model MBG_NBD', () => {
  // 10,000 simulated customers of the MBG/NBD story with its CDNOW estimates (39-week window, cohort acquired
  // over the first 12 weeks). Tolerances: 4 standard deviations of each estimate over 40 repeated simulations
  // of this design (seeds 1–40: sd r 0.052, α 0.40, a 0.096, b 0.37; reported standard errors ranged r
  // 0.030–0.071, α 0.27–0.53, a 0.057–0.17, b 0.18–0.69, and the truth must lie within 4 of them too).
  const sims = simulateCustomers({
    customers: 10_000,
    seed: 20070301,
    bgnbd: CDNOW_MBG,
    model: MBG,
    observation: { min: 27, max: 39 },
  });
  const fit = fitBgnbd(sims, { model: MBG });
  const tolerance = { r: 4 * 0.052, alpha: 4 * 0.4, a: 4 * 0.096, b: 4 * 0.37 };

  it('converges and recovers the simulated parameters', () => {
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] - CDNOW_MBG[key])).toBeLessThan(tolerance[key]);
      const se = (fit.standardErrors as BgnbdParams)[key];
      expect(Math.abs(fit.params[key] - CDNOW_MBG[key])).toBeLessThan(4 * se);
    }
  });

  it('reaches a maximum of the MBG/NBD likelihood, which beats BG/NBD’s on MBG/NBD data', () => {
    expect(fit.logLikelihood).toBeCloseTo(bgnbdLogLikelihood(fit.params, sims, MBG), 6);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(CDNOW_MBG, sims, MBG));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.99, 1.01]) {
        expect(
          bgnbdLogLikelihood({ ...fit.params, [key]: fit.params[key] * factor }, sims, MBG),
        ).toBeLessThan(fit.logLikelihood);
      }
    }
    expect(fit.logLikelihood).toBeGreaterThan(fitBgnbd(sims).logLikelihood);
  });
});
