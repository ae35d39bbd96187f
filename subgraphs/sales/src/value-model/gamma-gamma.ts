import { badInput } from '../../../../shared/errors/app-error';
import { invertSpd, minimize } from './optimizer';
import { digamma, logGamma } from './special-functions';

// Module-level aliases: a global `Math` lookup in a hot loop is ~10x slower inside a vm context (as under Jest).
const { abs, exp, log, sqrt } = Math;

/*
 * Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves for
 * customer base analysis", JMR 42(4):415-430; Fader & Hardie 2013, "The Gamma-Gamma model of monetary value").
 *
 * Per customer: the value of each transaction is Gamma(shape p, rate ν) around the customer's own mean p/ν;
 * ν ~ Gamma(shape q, rate v) across customers (the note calls v "γ"). Spend is assumed independent of the
 * purchase process, which is what lets CLV multiply BG/NBD transactions by expected spend.
 * Data per customer: x repeat purchases and their mean value m (major currency units); only x > 0 informs it.
 */

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface SpendHistory {
  x: number;
  /** Mean value of the x repeat purchases, in major currency units. */
  monetaryValue: number;
  weight?: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  message: string;
  /** Repeat buyers with positive spend (total weight) used by the fit. */
  customers: number;
  standardErrors: GammaGammaParams | null;
}

export function validateGammaGammaParams(p: GammaGammaParams, field = 'gammaGamma'): void {
  for (const key of ['p', 'q', 'v'] as const) {
    if (!(Number.isFinite(p[key]) && p[key] > 0))
      throw badInput(`${field}.${key}`, 'must be a positive finite number');
  }
}

/**
 * Individual log-likelihood of the mean m of x transactions (the note's eq. 5):
 *   ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(v + x m).
 */
export function gammaGammaLogLikelihoodOne(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = params;
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * log(v) +
    (px - 1) * log(m) +
    px * log(x) -
    (px + q) * log(v + x * m)
  );
}

interface PreparedSpend {
  x: Float64Array;
  m: Float64Array;
  w: Float64Array;
  totalWeight: number;
}

/** Keeps the rows the model can use (x > 0 and m > 0) and checks them. */
function prepareSpend(rows: readonly SpendHistory[]): PreparedSpend {
  const keep: number[] = [];
  rows.forEach((row, i) => {
    if (!(Number.isInteger(row.x) && row.x >= 0))
      throw badInput(`summaries[${i}].x`, 'must be a non-negative integer');
    if (!(Number.isFinite(row.monetaryValue) && row.monetaryValue >= 0)) {
      throw badInput(`summaries[${i}].monetaryValue`, 'must be a non-negative finite number');
    }
    if (row.weight !== undefined && !(Number.isFinite(row.weight) && row.weight > 0)) {
      throw badInput(`summaries[${i}].weight`, 'must be a positive finite number');
    }
    // Zero-valued repeat purchases have no Gamma density: such customers carry no spend information.
    if (row.x > 0 && row.monetaryValue > 0) keep.push(i);
  });
  const x = new Float64Array(keep.length);
  const m = new Float64Array(keep.length);
  const w = new Float64Array(keep.length);
  let totalWeight = 0;
  keep.forEach((i, k) => {
    x[k] = rows[i].x;
    m[k] = rows[i].monetaryValue;
    w[k] = rows[i].weight ?? 1;
    totalWeight += w[k];
  });
  return { x, m, w, totalWeight };
}

/** Weighted log-likelihood and, optionally, its gradient in (ln p, ln q, ln v). */
function logLikelihoodPrepared(params: GammaGammaParams, d: PreparedSpend, gradient?: number[]): number {
  const { p, q, v } = params;
  const lgQ = logGamma(q);
  const psiQ = gradient ? digamma(q) : 0;
  const logV = log(v);
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  for (let i = 0; i < d.x.length; i += 1) {
    const x = d.x[i];
    const m = d.m[i];
    const w = d.w[i];
    const px = p * x;
    const logM = log(m);
    const logX = log(x);
    const logVXM = log(v + x * m);
    total +=
      w *
      (logGamma(px + q) - logGamma(px) - lgQ + q * logV + (px - 1) * logM + px * logX - (px + q) * logVXM);
    if (gradient) {
      const psiPXQ = digamma(px + q);
      gp += w * x * (psiPXQ - digamma(px) + logM + logX - logVXM);
      gq += w * (psiPXQ - psiQ + logV - logVXM);
      gv += w * (q / v - (px + q) / (v + x * m));
    }
  }
  if (gradient) {
    gradient[0] = p * gp;
    gradient[1] = q * gq;
    gradient[2] = v * gv;
  }
  return total;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendHistory[]): number {
  return logLikelihoodPrepared(params, prepareSpend(rows));
}

/** Number of customers (total weight) the Gamma-Gamma fit can use: x > 0 and positive mean spend. */
export function countSpendInformative(rows: readonly SpendHistory[]): number {
  return rows.reduce((n, r) => (r.x > 0 && r.monetaryValue > 0 ? n + (r.weight ?? 1) : n), 0);
}

const LOG_PARAM_LIMIT = 25;
const fromLog = (phi: readonly number[]): GammaGammaParams => ({
  p: exp(phi[0]),
  q: exp(phi[1]),
  v: exp(phi[2]),
});

/**
 * Maximum-likelihood fit of p, q, v over repeat buyers (rows with x = 0 or zero spend are ignored), on
 * log-parameters with the analytic gradient.
 */
export function fitGammaGamma(
  rows: readonly SpendHistory[],
  options: { initial?: GammaGammaParams; maxIterations?: number; gradientTolerance?: number } = {},
): GammaGammaFit {
  const data = prepareSpend(rows);
  if (data.totalWeight === 0) throw badInput('summaries', 'no repeat buyer with a positive spend');
  const W = data.totalWeight;
  const inBox = (phi: readonly number[]) => phi.every((v) => abs(v) < LOG_PARAM_LIMIT);
  const objective = (phi: readonly number[]) =>
    inBox(phi) ? -logLikelihoodPrepared(fromLog(phi), data) / W : Number.POSITIVE_INFINITY;
  const grad = [0, 0, 0];
  const gradient = (phi: readonly number[]): number[] => {
    if (!inBox(phi)) return [NaN, NaN, NaN];
    logLikelihoodPrepared(fromLog(phi), data, grad);
    return grad.map((g) => -g / W);
  };

  // Start at p = 1, q = 2 with v matching the observed mean spend (E[m] = p v / (q − 1)).
  let meanSpend = 0;
  for (let i = 0; i < data.m.length; i += 1) meanSpend += (data.w[i] * data.m[i]) / W;
  const start = options.initial ?? { p: 1, q: 2, v: meanSpend };
  validateGammaGammaParams(start, 'initial');
  const result = minimize(objective, [log(start.p), log(start.q), log(start.v)], {
    gradient,
    maxIterations: options.maxIterations ?? 300,
    gradientTolerance: options.gradientTolerance ?? 1e-8,
  });
  return {
    params: fromLog(result.x),
    logLikelihood: -result.fx * W,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    message: result.message,
    customers: W,
    standardErrors: standardErrors(result.x, (phi) => gradient(phi).map((g) => g * W)),
  };
}

function standardErrors(
  phi: readonly number[],
  negGradient: (phi: readonly number[]) => number[],
): GammaGammaParams | null {
  const h = 1e-5;
  const H = phi.map((_, j) => {
    const up = phi.slice();
    const down = phi.slice();
    up[j] += h;
    down[j] -= h;
    const gu = negGradient(up);
    const gd = negGradient(down);
    return gu.map((g, i) => (g - gd[i]) / (2 * h));
  });
  // H was built column by column; symmetrise.
  const sym = H.map((row, i) => row.map((v, j) => (v + H[j][i]) / 2));
  const cov = invertSpd(sym);
  if (!cov || cov.some((row, i) => !(row[i] > 0))) return null;
  const se = phi.map((v, i) => exp(v) * sqrt(cov[i][i]));
  return { p: se[0], q: se[1], v: se[2] };
}

/**
 * Population mean spend per transaction, E[Z] = p v / (q − 1); null when q ≤ 1 (the mean does not exist).
 */
export function populationMeanSpend(params: GammaGammaParams): number | null {
  return params.q > 1 ? (params.p * params.v) / (params.q - 1) : null;
}

/**
 * Conditional expected average transaction value (the note's eq. 6; FHL 2005 JMR eq. 3):
 *   E[M | p, q, v, m, x] = p (v + x m) / (p x + q − 1),
 * a weighted average of the population mean p v /(q − 1) and the customer's own mean m, with the customer's
 * weight p x /(p x + q − 1) growing with x. With x = 0 it is the population mean (null when q ≤ 1).
 */
export function expectedAverageOrderValue(params: GammaGammaParams, x: number, m: number): number | null {
  if (x === 0) return populationMeanSpend(params);
  const denominator = params.p * x + params.q - 1;
  return denominator > 0 ? (params.p * (params.v + x * m)) / denominator : null;
}
