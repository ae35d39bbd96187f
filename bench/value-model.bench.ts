/*
 * Value-model benchmark: fit BG/NBD and Gamma-Gamma on 100,000 simulated customers and print the fit times and
 * the parameter errors (true vs recovered, in units of the reported standard errors).
 *
 *   npm run bench:value            (CUSTOMERS=20000 npm run bench:value for a quicker run)
 *
 * Two paths over the same simulated customers:
 * - baseline: continuous-time histories, one row per customer (what the likelihood is written for);
 * - production: each history as orders → purchase-day summaries (integer days) → identical rows aggregated →
 *   fitValueModel, i.e. what the sales subgraph runs. Its time is also given as a ratio to the baseline.
 *   Its "truth" is only approximate: merging same-day purchases and rounding times to days changes the process
 *   being fitted (heavy buyers lose the most purchases), so expect a few per cent of shift in r and α there.
 *
 * Besides per-parameter errors, the baseline prints the joint likelihood-ratio statistic 2(ℓ(fit) − ℓ(truth)),
 * asymptotically χ² with 4 (BG/NBD) or 3 (Gamma-Gamma) degrees of freedom: above 9.49 / 7.81 happens in 5 % of
 * samples for a correct implementation.
 */
import { bgnbdLogLikelihood, fitBgnbd, type BgnbdParams } from '../subgraphs/sales/src/value-model/bgnbd';
import {
  fitGammaGamma,
  gammaGammaLogLikelihood,
  type GammaGammaParams,
} from '../subgraphs/sales/src/value-model/gamma-gamma';
import { aggregateHistories, fitValueModel, summarizePurchases } from '../subgraphs/sales/src/value-model';
import { simulateCustomers, toOrders } from '../tests/helpers/value-model/simulate';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 100_000);
const SEED = Number(process.env.SEED ?? 1);
// CDNOW behaviour (FHL 2005) in days, spend from the Gamma-Gamma note; customers observed for 6 to 24 months.
const TRUE_BGNBD: BgnbdParams = { r: 0.24, alpha: 4.41 * 7, a: 0.79, b: 2.43 };
const TRUE_GG: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const time = <T>(fn: () => T): [T, number] => {
  const start = process.hrtime.bigint();
  const value = fn();
  return [value, ms(start)];
};

function errorRows<K extends string>(
  truth: Record<K, number>,
  estimate: NoInfer<Record<K, number>>,
  se: NoInfer<Record<K, number>> | null,
): string[] {
  return (Object.keys(truth) as K[]).map((key) => {
    const error = estimate[key] - truth[key];
    const z = se ? (error / se[key]).toFixed(2) : 'n/a';
    return `    ${key.padEnd(6)} true ${truth[key].toFixed(4).padStart(9)}  recovered ${estimate[key].toFixed(4).padStart(9)}  error ${(
      (100 * error) /
      truth[key]
    )
      .toFixed(2)
      .padStart(6)} %  se ${se ? se[key].toFixed(4) : 'n/a'}  error/se ${z}`;
  });
}

function main(): void {
  console.log(
    `value-model benchmark: ${CUSTOMERS} simulated customers, seed ${SEED}, node ${process.version}`,
  );
  const asOf = new Date('2024-06-30T00:00:00Z');

  const [sims, simMs] = time(() =>
    simulateCustomers({
      customers: CUSTOMERS,
      seed: SEED,
      bgnbd: TRUE_BGNBD,
      gammaGamma: TRUE_GG,
      observation: { min: 182, max: 730 },
    }),
  );
  const repeat = sims.filter((s) => s.x > 0).length;
  console.log(`  simulate: ${simMs.toFixed(0)} ms (${repeat} repeat buyers)`);

  // Baseline: continuous histories, unaggregated.
  const [bg, bgMs] = time(() => fitBgnbd(sims));
  const [gg, ggMs] = time(() => fitGammaGamma(sims));
  console.log(`\n  baseline (continuous time, ${sims.length} rows)`);
  console.log(
    `    BG/NBD fit ${bgMs.toFixed(0)} ms, ${bg.iterations} iterations, converged ${bg.converged}, logL ${bg.logLikelihood.toFixed(1)}`,
  );
  errorRows(TRUE_BGNBD, bg.params, bg.standardErrors).forEach((l) => console.log(l));
  const lrBg = 2 * (bg.logLikelihood - bgnbdLogLikelihood(TRUE_BGNBD, sims));
  console.log(`    joint check: 2(logL(fit) − logL(truth)) = ${lrBg.toFixed(2)} (χ²₄: 95 % below 9.49)`);
  console.log(
    `    Gamma-Gamma fit ${ggMs.toFixed(0)} ms over ${gg.customers} repeat buyers, ${gg.iterations} iterations, converged ${gg.converged}`,
  );
  errorRows(TRUE_GG, gg.params, gg.standardErrors).forEach((l) => console.log(l));
  const lrGg = 2 * (gg.logLikelihood - gammaGammaLogLikelihood(TRUE_GG, sims));
  console.log(`    joint check: 2(logL(fit) − logL(truth)) = ${lrGg.toFixed(2)} (χ²₃: 95 % below 7.81)`);

  // Production path: orders → purchase-day summaries → aggregated fit.
  const [summaries, summaryMs] = time(() =>
    sims.map((c) => summarizePurchases(toOrders(c, asOf), { asOf })).filter((s) => s !== null),
  );
  const distinct = aggregateHistories(summaries).length;
  const [model, modelMs] = time(() => fitValueModel(summaries, { asOf, currency: 'EUR' }));
  console.log(`\n  production path (orders → purchase days → ${distinct} distinct (x, tx, T) rows)`);
  console.log(
    `    summarise orders ${summaryMs.toFixed(0)} ms; fitValueModel (both models + RFM) ${modelMs.toFixed(0)} ms`,
  );
  if (model.status !== 'ok') {
    console.log(`    status ${model.status}: ${model.reason}`);
    return;
  }
  console.log(`    BG/NBD ${model.bgnbd.iterations} iterations, converged ${model.bgnbd.converged}`);
  errorRows(TRUE_BGNBD, model.bgnbd, model.bgnbd.standardErrors).forEach((l) => console.log(l));
  if (model.gammaGamma) {
    console.log(
      `    Gamma-Gamma ${model.gammaGamma.iterations} iterations, converged ${model.gammaGamma.converged}`,
    );
    errorRows(TRUE_GG, model.gammaGamma, model.gammaGamma.standardErrors).forEach((l) => console.log(l));
  }
  console.log(
    `\n  fit time, production / baseline: ${(modelMs / (bgMs + ggMs)).toFixed(2)} (aggregation: ${(sims.length / distinct).toFixed(1)} customers per row)`,
  );
  if (model.warnings.length) console.log(`  warnings: ${model.warnings.join('; ')}`);
}

main();
