import { badInput } from '../../../../shared/errors/app-error';
import { invertSpd, minimize } from './optimizer';
import { tanhSinh } from './quadrature';
import { digamma, hyp2f1, logAddExp, logBeta, logGamma } from './special-functions';

// Module-level aliases: a global `Math` lookup in a hot loop is ~10x slower inside a vm context (as under Jest).
const { abs, exp, expm1, log, log1p, pow, sqrt } = Math;
const { NEGATIVE_INFINITY } = Number;

/*
 * BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting your customers the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2):275-284), and its MBG/NBD variant (Batislam,
 * Denizel & Filiztekin 2007, "Empirical validation and comparison of models for customer base analysis",
 * IJRM 24(3):201-209; the same model as Hoppe & Wagner's 2007 "central" CBG/NBD).
 *
 * Generative story, per customer:
 * - while alive, purchases follow a Poisson process with rate λ; λ ~ Gamma(shape r, rate α) across customers;
 * - BG/NBD: right after each REPEAT purchase the customer drops out for good with probability p; the first
 *   purchase (time 0) is never followed by a drop-out, so a customer without repeats is alive by assumption;
 * - MBG/NBD: right after EVERY purchase, the first one included, so a one-time buyer may have left too;
 * - p ~ Beta(a, b) across customers; λ and p are independent.
 * Data per customer: x repeat purchases, tx the time of the last one (0 when x = 0), T the time from the first
 * purchase to the end of observation, all in one time unit (days in this project).
 *
 * Both variants differ only in the number of drop-out chances a customer has survived by the last purchase:
 * n = x (BG/NBD) or x + 1 (MBG/NBD). Every formula below is written with n, so one implementation serves both.
 */

/** Which Beta-geometric drop-out story: BG/NBD (FHL 2005) or MBG/NBD (Batislam et al. 2007). */
export type PurchaseModelKind = 'BG_NBD' | 'MBG_NBD';

export const PURCHASE_MODEL_KINDS: readonly PurchaseModelKind[] = ['BG_NBD', 'MBG_NBD'];

/** Drop-out chances passed by the last observed purchase: after each repeat (and, in MBG/NBD, the first). */
export const dropoutChances = (x: number, model: PurchaseModelKind): number =>
  model === 'MBG_NBD' ? x + 1 : x;

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer's history: the BG/NBD sufficient statistics. */
export interface PurchaseHistory {
  x: number;
  tx: number;
  T: number;
}

/** A history standing for `weight` identical customers (aggregating identical rows makes fits faster). */
export interface WeightedHistory extends PurchaseHistory {
  weight?: number;
}

export interface BgnbdFit {
  params: BgnbdParams;
  /** Maximised log-likelihood, summed over customers (weights count as customers). */
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  message: string;
  /** Number of customers (total weight) the fit used. */
  customers: number;
  /**
   * Asymptotic standard errors from the observed information (inverse Hessian of −logLikelihood in log-parameter
   * space, mapped back by the delta method); null when that Hessian is not positive definite.
   */
  standardErrors: BgnbdParams | null;
}

export interface BgnbdFitOptions {
  /** The drop-out story to fit; BG/NBD by default. */
  model?: PurchaseModelKind;
  initial?: BgnbdParams;
  maxIterations?: number;
  gradientTolerance?: number;
}

const isNonNegativeFinite = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Throws BAD_USER_INPUT naming the field when a history is not a valid (x, tx, T) triple. */
export function validateHistory(h: WeightedHistory, field = 'summary'): void {
  if (!isNonNegativeFinite(h.x) || !Number.isInteger(h.x))
    throw badInput(`${field}.x`, 'must be a non-negative integer');
  if (!isNonNegativeFinite(h.T)) throw badInput(`${field}.T`, 'must be a non-negative finite number');
  if (!isNonNegativeFinite(h.tx) || h.tx > h.T) throw badInput(`${field}.tx`, 'must lie between 0 and T');
  if (h.x === 0 && h.tx !== 0) throw badInput(`${field}.tx`, 'must be 0 when there is no repeat purchase');
  if (h.weight !== undefined && !(Number.isFinite(h.weight) && h.weight > 0)) {
    throw badInput(`${field}.weight`, 'must be a positive finite number');
  }
}

export function validateParams(p: BgnbdParams, field = 'bgnbd'): void {
  for (const key of ['r', 'alpha', 'a', 'b'] as const) {
    if (!(Number.isFinite(p[key]) && p[key] > 0))
      throw badInput(`${field}.${key}`, 'must be a positive finite number');
  }
}

/** Merges identical (x, tx, T) rows into one weighted row each; order of first appearance is kept. */
export function aggregateHistories(rows: readonly WeightedHistory[]): WeightedHistory[] {
  const byKey = new Map<string, WeightedHistory>();
  for (const row of rows) {
    const key = `${row.x}|${row.tx}|${row.T}`;
    const existing = byKey.get(key);
    if (existing) existing.weight = (existing.weight ?? 1) + (row.weight ?? 1);
    else byKey.set(key, { x: row.x, tx: row.tx, T: row.T, weight: row.weight ?? 1 });
  }
  return [...byKey.values()];
}

/**
 * Histories laid out as typed arrays, with the distinct x values indexed so that the Gamma and Beta terms,
 * which depend on x only, are computed once per distinct x rather than once per customer.
 */
export interface PreparedHistories {
  readonly n: number;
  readonly totalWeight: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly xIndex: Int32Array;
  readonly distinctX: Float64Array;
}

export function prepareHistories(rows: readonly WeightedHistory[], field = 'summaries'): PreparedHistories {
  const n = rows.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const weight = new Float64Array(n);
  const xIndex = new Int32Array(n);
  const positions = new Map<number, number>();
  let totalWeight = 0;
  for (let i = 0; i < n; i += 1) {
    const row = rows[i];
    validateHistory(row, `${field}[${i}]`);
    x[i] = row.x;
    tx[i] = row.tx;
    T[i] = row.T;
    weight[i] = row.weight ?? 1;
    totalWeight += weight[i];
    let pos = positions.get(row.x);
    if (pos === undefined) {
      pos = positions.size;
      positions.set(row.x, pos);
    }
    xIndex[i] = pos;
  }
  const distinctX = new Float64Array(positions.size);
  for (const [value, pos] of positions) distinctX[pos] = value;
  return { n, totalWeight, x, tx, T, weight, xIndex, distinctX };
}

/**
 * Individual log-likelihood, FHL 2005 eq. (6) in log form, with n drop-out chances (n = x for BG/NBD,
 * x + 1 for MBG/NBD, Batislam et al. 2007 eq. 3):
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+n) − ln B(a, b)
 *          + ln[ (α+T)^−(r+x) + δ(n>0) · a/(b+n−1) · (α+tx)^−(r+x) ]
 * (the Beta ratio is FHL's Γ(a+b)Γ(b+x)/(Γ(b)Γ(a+b+x)) for n = x; and B(a+1, b+n−1) = B(a, b+n)·a/(b+n−1)).
 * The second term is "left right after the last purchase": impossible in BG/NBD without a repeat purchase.
 * The bracket is combined with log-add-exp so that large x and T do not underflow.
 */
export function bgnbdLogLikelihoodOne(
  params: BgnbdParams,
  h: PurchaseHistory,
  model: PurchaseModelKind = 'BG_NBD',
): number {
  const { r, alpha, a, b } = params;
  const n = dropoutChances(h.x, model);
  const k = r + h.x;
  const alive = -k * log(alpha + h.T);
  const bracket = n > 0 ? logAddExp(alive, log(a) - log(b + n - 1) - k * log(alpha + h.tx)) : alive;
  return logGamma(k) - logGamma(r) + r * log(alpha) + logBeta(a, b + n) - logBeta(a, b) + bracket;
}

/**
 * Weighted sum of log-likelihoods and, when `gradient` is given, its gradient with respect to the
 * log-parameters (ln r, ln α, ln a, ln b), written into `gradient`.
 */
export function bgnbdLogLikelihoodPrepared(
  params: BgnbdParams,
  data: PreparedHistories,
  gradient?: number[],
  model: PurchaseModelKind = 'BG_NBD',
): number {
  const { r, alpha, a, b } = params;
  const shift = dropoutChances(0, model);
  const m = data.distinctX.length;
  // Per-distinct-x terms.
  const base = new Float64Array(m);
  const logDeadFactor = new Float64Array(m);
  const dBase = gradient ? [new Float64Array(m), new Float64Array(m), new Float64Array(m)] : null;
  const lgR = logGamma(r);
  const lbAB = logBeta(a, b);
  const psiR = gradient ? digamma(r) : 0;
  const psiAB = gradient ? digamma(a + b) : 0;
  const psiB = gradient ? digamma(b) : 0;
  for (let j = 0; j < m; j += 1) {
    const xj = data.distinctX[j];
    const nj = xj + shift;
    base[j] = logGamma(r + xj) - lgR + r * log(alpha) + logBeta(a, b + nj) - lbAB;
    logDeadFactor[j] = nj > 0 ? log(a) - log(b + nj - 1) : NEGATIVE_INFINITY;
    if (dBase) {
      const psiABN = digamma(a + b + nj);
      dBase[0][j] = digamma(r + xj) - psiR + log(alpha); // ∂/∂r of the x-only terms
      dBase[1][j] = psiAB - psiABN; // ∂/∂a
      dBase[2][j] = digamma(b + nj) - psiB + psiAB - psiABN; // ∂/∂b
    }
  }

  let total = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  const { x, tx, T, weight, xIndex } = data;
  for (let i = 0; i < data.n; i += 1) {
    const j = xIndex[i];
    const w = weight[i];
    const k = r + x[i];
    const logAliveBase = log(alpha + T[i]);
    const alive = -k * logAliveBase;
    const n = x[i] + shift;
    let ll: number;
    let deadShare = 0;
    let logDeadBase = 0;
    if (n > 0) {
      logDeadBase = log(alpha + tx[i]);
      const dead = logDeadFactor[j] - k * logDeadBase;
      const bracket = logAddExp(alive, dead);
      deadShare = exp(dead - bracket);
      ll = base[j] + bracket;
    } else {
      ll = base[j] + alive;
    }
    total += w * ll;
    if (dBase) {
      const aliveShare = 1 - deadShare;
      gr += w * (dBase[0][j] - aliveShare * logAliveBase - deadShare * logDeadBase);
      gAlpha += w * (r / alpha - aliveShare * (k / (alpha + T[i])) - deadShare * (k / (alpha + tx[i])));
      ga += w * (dBase[1][j] + deadShare / a);
      gb += w * (dBase[2][j] - (n > 0 ? deadShare / (b + n - 1) : 0));
    }
  }
  if (gradient) {
    // Chain rule to log-parameters: ∂/∂ln θ = θ ∂/∂θ.
    gradient[0] = r * gr;
    gradient[1] = alpha * gAlpha;
    gradient[2] = a * ga;
    gradient[3] = b * gb;
  }
  return total;
}

export function bgnbdLogLikelihood(
  params: BgnbdParams,
  rows: readonly WeightedHistory[],
  model: PurchaseModelKind = 'BG_NBD',
): number {
  return bgnbdLogLikelihoodPrepared(params, prepareHistories(rows), undefined, model);
}

const fromLog = (phi: readonly number[]): BgnbdParams => ({
  r: exp(phi[0]),
  alpha: exp(phi[1]),
  a: exp(phi[2]),
  b: exp(phi[3]),
});

// Outside this box of log-parameters the model is degenerate (and exp overflows): treated as infeasible.
const LOG_PARAM_LIMIT = 25;

/**
 * Maximum-likelihood fit of r, α, a, b of BG/NBD or MBG/NBD (`options.model`). Optimises the log-parameters (so positivity holds without constraints)
 * on the mean log-likelihood per customer (so tolerances do not depend on the sample size), with the analytic
 * gradient.
 */
export function fitBgnbd(rows: readonly WeightedHistory[], options: BgnbdFitOptions = {}): BgnbdFit {
  const data = prepareHistories(rows);
  if (data.totalWeight === 0) throw badInput('summaries', 'at least one customer is needed');
  const W = data.totalWeight;
  const model = options.model ?? 'BG_NBD';
  const grad = [0, 0, 0, 0];
  const objective = (phi: readonly number[]): number => {
    if (phi.some((v) => !(abs(v) < LOG_PARAM_LIMIT))) return Number.POSITIVE_INFINITY;
    return -bgnbdLogLikelihoodPrepared(fromLog(phi), data, undefined, model) / W;
  };
  const gradient = (phi: readonly number[]): number[] => {
    if (phi.some((v) => !(abs(v) < LOG_PARAM_LIMIT))) return [NaN, NaN, NaN, NaN];
    bgnbdLogLikelihoodPrepared(fromLog(phi), data, grad, model);
    return grad.map((g) => -g / W);
  };

  const start = options.initial ?? initialGuess(data);
  validateParams(start, 'initial');
  const phi0 = [log(start.r), log(start.alpha), log(start.a), log(start.b)];
  const result = minimize(objective, phi0, {
    gradient,
    maxIterations: options.maxIterations ?? 300,
    gradientTolerance: options.gradientTolerance ?? 1e-8,
  });
  const params = fromLog(result.x);
  return {
    params,
    logLikelihood: -result.fx * W,
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    message: result.message,
    customers: W,
    standardErrors: standardErrors(result.x, (phi) => gradient(phi).map((g) => g * W)),
  };
}

/** Start from r = 1 and α matching the observed repeat rate, a = b = 1 (a uniform drop-out probability). */
function initialGuess(data: PreparedHistories): BgnbdParams {
  let purchases = 0;
  let time = 0;
  for (let i = 0; i < data.n; i += 1) {
    purchases += data.weight[i] * data.x[i];
    time += data.weight[i] * data.T[i];
  }
  const rate = purchases > 0 && time > 0 ? purchases / time : 1;
  return { r: 1, alpha: 1 / rate, a: 1, b: 1 };
}

/**
 * Delta-method standard errors: Hessian of −ln L in log-parameters from central differences of the analytic
 * gradient, inverted; se(θ) = θ · se(ln θ).
 */
function standardErrors(
  phi: readonly number[],
  negGradient: (phi: readonly number[]) => number[],
): BgnbdParams | null {
  const n = phi.length;
  const h = 1e-5;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j += 1) {
    const up = phi.slice();
    const down = phi.slice();
    up[j] += h;
    down[j] -= h;
    const gu = negGradient(up);
    const gd = negGradient(down);
    for (let i = 0; i < n; i += 1) H[i][j] = (gu[i] - gd[i]) / (2 * h);
  }
  const sym = H.map((row, i) => row.map((v, j) => (v + H[j][i]) / 2));
  const cov = invertSpd(sym);
  if (!cov || cov.some((row, i) => !(row[i] > 0))) return null;
  const se = phi.map((v, i) => exp(v) * sqrt(cov[i][i]));
  return { r: se[0], alpha: se[1], a: se[2], b: se[3] };
}

/**
 * P(alive at T | x, tx, T) = 1 / (1 + δ(n>0) · a/(b+n−1) · ((α+T)/(α+tx))^(r+x))   (FHL 2005 eq. 11 with
 * n = x; Batislam et al. 2007 with n = x + 1, i.e. a/(b+x)).
 * Under BG/NBD a customer without repeat purchases gets exactly 1: drop-out can only happen right after a
 * repeat purchase, so such a customer cannot have left. That is the model's assumption, not an observation;
 * MBG/NBD relaxes it, and a one-time buyer's P(alive) falls with the time since the purchase.
 */
export function probabilityAlive(
  params: BgnbdParams,
  h: PurchaseHistory,
  model: PurchaseModelKind = 'BG_NBD',
): number {
  const n = dropoutChances(h.x, model);
  if (n === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = log(a) - log(b + n - 1) + (r + h.x) * (log(alpha + h.T) - log(alpha + h.tx));
  // 1 / (1 + e^logOdds), written to stay finite for any logOdds.
  return logOdds > 0 ? exp(-logOdds) / (1 + exp(-logOdds)) : 1 / (1 + exp(logOdds));
}

/**
 * The first whole day T (days since the first purchase day) from which P(alive) ≤ `threshold`: P(alive) falls
 * monotonically with T, and solving eq. 11 for T gives
 *   T* = (α + tx) · exp(K / (r + x)) − α,  K = ln(1/θ − 1) + ln(b + n − 1) − ln a,
 * so the day is max(tx, ⌈T*⌉) (a customer can only be judged gone after the last purchase). Null when the
 * model gives no drop-out chance yet (BG/NBD without a repeat purchase: P(alive) is 1 and crosses nothing).
 */
export function probablyGoneDay(
  params: BgnbdParams,
  h: Pick<PurchaseHistory, 'x' | 'tx'>,
  threshold: number,
  model: PurchaseModelKind = 'BG_NBD',
): number | null {
  if (!(threshold > 0 && threshold < 1)) throw badInput('threshold', 'must be between 0 and 1 (exclusive)');
  const n = dropoutChances(h.x, model);
  if (n === 0) return null;
  const { r, alpha, a, b } = params;
  const k = log(1 / threshold - 1) + log(b + n - 1) - log(a);
  const tStar = (alpha + h.tx) * exp(k / (r + h.x)) - alpha;
  return Math.max(h.tx, Math.ceil(tStar - 1e-9));
}

/**
 * Φ(k, a, b', w) = E[(1 − (1 + p·w)^−k) / p] for p ~ Beta(a, b').
 *
 * This single function gives both BG/NBD forecasts: for a customer who bought with rate λ and is alive,
 * E[purchases in the next t | λ, p] = (1 − e^{−λpt})/p; averaging over the Gamma posterior of λ gives the
 * bracket with k = r + x, w = t/(α + T), and the posterior of p among the alive is Beta(a, b + x).
 *
 * Closed form (FHL 2005 eq. 10 after Euler's transformation of its ₂F₁, which keeps all arguments moderate):
 *   Φ = (a+b'−1)/(a−1) · [1 − (1+w)^{−(a−1)} · ₂F₁(a+b'−1−k, a−1; a+b'−1; w/(1+w))].
 * The (a−1) division is removable; it is rewritten with expm1 so that a near 1 loses no precision. When a is
 * within 1e-4 of 1, or ₂F₁ is unavailable (see special-functions.ts), Φ is computed by quadrature instead.
 */
export function bgnbdForecastFactor(k: number, a: number, bPrime: number, w: number): number {
  if (w === 0) return 0;
  // A fit on a base whose drop-out probability barely varies drives a and b to millions (a/(a+b) stays put);
  // ₂F₁ and the quadrature below both break down there, while a moment expansion is exact to rounding.
  const concentrated = bgnbdForecastFactorConcentrated(k, a, bPrime, w);
  if (concentrated !== null) return concentrated;
  const B = a - 1;
  const C = a + bPrime - 1;
  if (abs(B) >= 1e-4 && C > 0) {
    const L = -log1p(w);
    const F = hyp2f1(C - k, B, C, w / (1 + w));
    if (Number.isFinite(F)) {
      const value = C * (-expm1(B * L) / B - (exp(B * L) * (F - 1)) / B);
      if (Number.isFinite(value) && value >= 0) return value;
    }
  }
  return bgnbdForecastFactorByQuadrature(k, a, bPrime, w);
}

/**
 * Largest (k + 4)·w·sd(p) for which the moment expansion is used. The neglected terms are then below about
 * 15·0.05^6/6! ≈ 3e-10 of Φ (the 6th central moment is ≈ 15·sd^6; the 5th is smaller by a skewness factor).
 */
export const CONCENTRATED_BETA_MAX_SPREAD = 0.05;

/**
 * Φ for a Beta(a, b') so concentrated around its mean m that g(p) = (1 − (1 + p·w)^−k)/p is nearly a
 * polynomial over its spread: Φ = E[g(p)] ≈ g(m) + g''(m)·μ2/2 + g'''(m)·μ3/6 + g''''(m)·μ4/24 with the Beta's
 * central moments μn. Null when the spread is too wide for that (the other methods apply).
 * Derivatives come from g(p) = ∫₀¹ k·w·(1 + s·p·w)^−(k+1) ds, differentiated under the integral: positive,
 * smooth integrands without the cancellation of differentiating g's closed form at small p.
 */
export function bgnbdForecastFactorConcentrated(
  k: number,
  a: number,
  bPrime: number,
  w: number,
): number | null {
  const n = a + bPrime;
  const m = a / n;
  const v = m * (1 - m);
  const mu2 = v / (n + 1);
  if (!(Number.isFinite(mu2) && (k + 4) * w * sqrt(mu2) <= CONCENTRATED_BETA_MAX_SPREAD)) return null;
  const mu3 = (2 * v * (1 - 2 * m)) / ((n + 1) * (n + 2));
  const mu4 = (3 * v * (v * (n - 6) + 2)) / ((n + 1) * (n + 2) * (n + 3));
  const g = m > 0 ? -expm1(-k * log1p(m * w)) / m : k * w;
  // (−1)^order · k(k+1)…(k+order) · w^(order+1) · ∫₀¹ s^order (1 + s·m·w)^−(k+order+1) ds
  const derivative = (order: number): number => {
    let c = k * w;
    for (let j = 1; j <= order; j++) c *= -(k + j) * w;
    const integral = tanhSinh((x) => pow(x, order) * exp(-(k + order + 1) * log1p(x * m * w)), 0, 1, {
      relativeTolerance: 1e-12,
    });
    return c * integral.value;
  };
  return g + (derivative(2) * mu2) / 2 + (derivative(3) * mu3) / 6 + (derivative(4) * mu4) / 24;
}

/**
 * Φ by tanh-sinh quadrature after the substitution p = u^{1/a}, which turns the Beta density's p^{a−1}
 * singularity into a constant: Φ = 1/(a·B(a, b')) ∫₀¹ g(p) (1−p)^{b'−1} du with g(p) = (1 − (1+pw)^−k)/p.
 */
export function bgnbdForecastFactorByQuadrature(k: number, a: number, bPrime: number, w: number): number {
  const invA = 1 / a;
  const integral = tanhSinh(
    (u, _fromZero, toOne) => {
      const p = pow(u, invA);
      // 1 − p computed from 1 − u without cancellation.
      const q = toOne < 0.5 ? -expm1(log1p(-toOne) * invA) : 1 - p;
      const g = p > 0 ? -expm1(-k * log1p(p * w)) / p : k * w;
      return g * exp((bPrime - 1) * log(q));
    },
    0,
    1,
    { relativeTolerance: 1e-12, maxLevel: 12 },
  );
  return integral.value * exp(-log(a) - logBeta(a, bPrime));
}

/**
 * Expected number of purchases in (T, T + t] for a customer with history (x, tx, T)   (FHL 2005 eq. 10):
 * P(alive) × Φ(r + x, a, b + n, t / (α + T)) — an alive customer's drop-out probability has the posterior
 * Beta(a, b + n) after n survived chances (n = x + 1 for MBG/NBD gives Batislam et al.'s (a+b+x)/(a−1) form).
 */
export function expectedPurchases(
  params: BgnbdParams,
  h: PurchaseHistory,
  t: number,
  model: PurchaseModelKind = 'BG_NBD',
): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const n = dropoutChances(h.x, model);
  return probabilityAlive(params, h, model) * bgnbdForecastFactor(r + h.x, a, b + n, t / (alpha + h.T));
}

/**
 * Expected number of repeat purchases in (0, t] for a customer who has just made a first purchase — E[X(t)]:
 * BG/NBD (FHL 2005 eq. 9): Φ(r, a, b, t / α). MBG/NBD: the customer first survives the drop-out chance of the
 * first purchase, with probability E[1 − p] = b/(a+b), after which p is Beta(a, b + 1): b/(a+b) · Φ(r, a, b+1, t/α).
 */
export function expectedPurchasesNewCustomer(
  params: BgnbdParams,
  t: number,
  model: PurchaseModelKind = 'BG_NBD',
): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  if (model === 'MBG_NBD') return (b / (a + b)) * bgnbdForecastFactor(r, a, b + 1, t / alpha);
  return bgnbdForecastFactor(r, a, b, t / alpha);
}
