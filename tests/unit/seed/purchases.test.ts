import { drawBuyerTraits, PURCHASE_PROCESS, simulatePurchaseTimes } from '../../../scripts/seed/purchases';
import { createSeedRandom } from '../../../scripts/seed/random';
import { DAY_MS } from '../../../scripts/seed/time';
import { fitBgnbd, type WeightedHistory } from '../../../subgraphs/sales/src/value-model';

/*
 * The demo purchase process is meant to be the BG/NBD story itself, so the sales value model fitted on it
 * should find the parameters it was drawn from (within sampling error), with real spread in drop-out.
 */

const asOfMs = Date.UTC(2026, 10, 1);

function simulateBase(seed: number, buyers: number): WeightedHistory[] {
  const rng = createSeedRandom(seed);
  const rows: WeightedHistory[] = [];
  for (let i = 0; i < buyers; i++) {
    const start = asOfMs - rng.uniform(30, 3 * 365) * DAY_MS;
    const times = simulatePurchaseTimes(rng, drawBuyerTraits(rng), start, asOfMs);
    const days = (ms: number) => (ms - start) / DAY_MS;
    rows.push({ x: times.length - 1, tx: days(times[times.length - 1]), T: days(asOfMs), weight: 1 });
  }
  return rows;
}

describe('demo purchase process', () => {
  it('draws purchase rates and drop-out probabilities that vary between buyers', () => {
    const rng = createSeedRandom(3);
    const traits = Array.from({ length: 4000 }, () => drawBuyerTraits(rng));
    const mean = (f: (t: (typeof traits)[number]) => number) =>
      traits.reduce((s, t) => s + f(t), 0) / traits.length;
    const P = PURCHASE_PROCESS;
    const meanP = P.a / (P.a + P.b);
    // Sampling error of the mean rate over 4,000 draws is about 1.5 %.
    expect(Math.abs(mean((t) => t.lambda) / (P.r / P.alpha) - 1)).toBeLessThan(0.06);
    expect(Math.abs(mean((t) => t.dropout) - meanP)).toBeLessThan(0.01);
    // Beta(a, b) variance, not a constant: the spread is what the fitted Beta has to measure.
    const varP = mean((t) => (t.dropout - meanP) ** 2);
    const betaVar = (P.a * P.b) / ((P.a + P.b) ** 2 * (P.a + P.b + 1));
    expect(varP / betaVar).toBeGreaterThan(0.85);
    expect(varP / betaVar).toBeLessThan(1.15);
    // Typical buyers order every one to three months while active.
    const gaps = traits.map((t) => 1 / t.lambda).sort((x, y) => x - y);
    const medianGap = gaps[gaps.length >> 1];
    expect(medianGap).toBeGreaterThan(30);
    expect(medianGap).toBeLessThan(100);
  });

  it('stops after a repeat purchase with the drawn probability, never after the first', () => {
    const rng = createSeedRandom(5);
    const end = asOfMs + 100_000 * DAY_MS;
    const always = simulatePurchaseTimes(rng, { lambda: 0.05, dropout: 1, nu: 1 }, asOfMs, end);
    expect(always).toHaveLength(2);
    const counts = Array.from(
      { length: 3000 },
      () => simulatePurchaseTimes(rng, { lambda: 0.05, dropout: 0.25, nu: 1 }, asOfMs, end).length - 1,
    );
    // Repeat purchases before leaving are geometric: mean 1 / p.
    expect(counts.reduce((s, c) => s + c, 0) / counts.length).toBeCloseTo(4, 0);
  });

  it('is recovered by the BG/NBD fit the sales subgraph uses', () => {
    const fit = fitBgnbd(simulateBase(11, 4000));
    const P = PURCHASE_PROCESS;
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeGreaterThan(P.r * 0.75);
    expect(fit.params.r).toBeLessThan(P.r * 1.33);
    expect(fit.params.alpha).toBeGreaterThan(P.alpha * 0.75);
    expect(fit.params.alpha).toBeLessThan(P.alpha * 1.33);
    const meanP = fit.params.a / (fit.params.a + fit.params.b);
    expect(Math.abs(meanP - P.a / (P.a + P.b))).toBeLessThan(0.05);
    // Off the boundary: a homogeneous drop-out would push a and b to millions.
    expect(fit.params.a).toBeLessThan(10);
    expect(fit.params.b).toBeLessThan(50);
  });
});
