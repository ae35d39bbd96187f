/*
 * Independent numerical integration over the latent variables of the value models, for checking the closed
 * forms. Deliberately shares no code with the library: no special functions (normalising constants are
 * integrated too) and a different quadrature — the trapezoid rule after mapping each latent variable to the
 * whole real line (λ = e^y for rates, p = 1/(1 + e^−y) for probabilities), where it converges geometrically for
 * these smooth, fast-decaying integrands.
 */

// Module-level aliases: global lookups are slow inside Jest's vm context, and these run millions of times.
const { exp, log, log1p, expm1, sqrt, min, LN2, max: maxOf } = Math;
const { NEGATIVE_INFINITY } = Number;

/** ln ∫ exp(logIntegrand(y)) dy over [lo, hi] by the trapezoid rule with step h, shifted to avoid underflow. */
export function logTrapezoid(logIntegrand: (y: number) => number, lo: number, hi: number, h: number): number {
  const n = Math.ceil((hi - lo) / h);
  const step = (hi - lo) / n;
  // Streaming log-sum-exp: the running sum is kept relative to the largest term seen so far.
  let max = NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i <= n; i += 1) {
    const v = logIntegrand(lo + i * step) + (i === 0 || i === n ? -LN2 : 0);
    if (v === NEGATIVE_INFINITY) continue;
    if (v > max) {
      sum = sum * exp(max - v) + 1;
      max = v;
    } else {
      sum += exp(v - max);
    }
  }
  return max + log(sum * step);
}

/** ln ∫₀^∞ λ^(k−1) e^(−cλ) g(λ) dλ with λ = e^y; `extraLog(λ)` multiplies the integrand by e^extraLog. */
export function logRateIntegral(
  k: number,
  c: number,
  extraLog: (lambda: number) => number = () => 0,
): number {
  const peak = log(k / c);
  const h = min(0.2, 0.4 / sqrt(k));
  return logTrapezoid(
    (y) => {
      const lambda = exp(y);
      return k * y - c * lambda + extraLog(lambda);
    },
    peak - 45 / k - 12 / sqrt(k),
    peak + 7,
    h,
  );
}

/** ln ∫₀¹ p^(s−1) (1−p)^(t−1) q(p) dp with p = 1/(1 + e^−y) (so dp = p(1−p) dy). */
export function logProbabilityIntegral(
  s: number,
  t: number,
  extraLog: (p: number) => number = () => 0,
): number {
  const spread = sqrt(1 / s + 1 / t);
  const peak = log(s / t);
  return logTrapezoid(
    (y) => {
      // ln p and ln(1 − p) without cancellation.
      const logP = -log1p(exp(-y));
      const log1mP = -log1p(exp(y));
      return s * logP + t * log1mP + extraLog(exp(logP));
    },
    peak - 45 / s - 12 * spread,
    peak + 45 / t + 12 * spread,
    min(0.2, spread / 4),
  );
}

export interface LatentParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * The drop-out story: 'BG' lets a customer leave right after each repeat purchase (FHL 2005), 'MBG' after the
 * first purchase too (Batislam et al. 2007). A customer alive after the last of x repeat purchases has survived
 * `chances` coin flips: x or x + 1.
 */
export type DropoutStory = 'BG' | 'MBG';
const chances = (x: number, story: DropoutStory) => (story === 'MBG' ? x + 1 : x);

/**
 * (M)BG/NBD individual log-likelihood as ∫∫ L(x, tx, T | λ, p) g(λ | r, α) h(p | a, b) dλ dp with, for n
 * drop-out chances by the last purchase, L = (1−p)^n λ^x e^{−λT} + δ(n>0) p (1−p)^{n−1} λ^x e^{−λ tx}. λ and p
 * are independent, so each branch is a product of a λ-integral and a p-integral, each normalised by the
 * integrated prior.
 */
export function bgnbdLogLikelihoodByIntegration(
  P: LatentParams,
  x: number,
  tx: number,
  T: number,
  story: DropoutStory = 'BG',
): number {
  const n = chances(x, story);
  const gammaNorm = logRateIntegral(P.r, P.alpha);
  const betaNorm = logProbabilityIntegral(P.a, P.b);
  const alive =
    logRateIntegral(P.r + x, P.alpha + T) - gammaNorm + logProbabilityIntegral(P.a, P.b + n) - betaNorm;
  if (n === 0) return alive;
  const dead =
    logRateIntegral(P.r + x, P.alpha + tx) -
    gammaNorm +
    logProbabilityIntegral(P.a + 1, P.b + n - 1) -
    betaNorm;
  const m = maxOf(alive, dead);
  return m + log(exp(alive - m) + exp(dead - m));
}

/**
 * E[purchases in (T, T+t] | x, tx, T] by integrating the posterior: only the alive branch buys again, and a
 * customer alive with (λ, p) makes (1 − e^{−λpt}) / p purchases in expectation over the next t.
 */
export function bgnbdConditionalExpectationByIntegration(
  P: LatentParams,
  x: number,
  tx: number,
  T: number,
  t: number,
  story: DropoutStory = 'BG',
): number {
  const logNumerator = logProbabilityIntegral(P.a, P.b + chances(x, story), (p) =>
    logRateIntegral(P.r + x, P.alpha + T, (lambda) => log(-expm1(-lambda * p * t)) - log(p)),
  );
  const logEvidence = bgnbdLogLikelihoodByIntegration(P, x, tx, T, story);
  return exp(logNumerator - logRateIntegral(P.r, P.alpha) - logProbabilityIntegral(P.a, P.b) - logEvidence);
}

/** P(alive | x, tx, T): the alive branch's share of the integrated likelihood. */
export function bgnbdProbabilityAliveByIntegration(
  P: LatentParams,
  x: number,
  tx: number,
  T: number,
  story: DropoutStory = 'BG',
): number {
  const alive =
    logRateIntegral(P.r + x, P.alpha + T) -
    logRateIntegral(P.r, P.alpha) +
    logProbabilityIntegral(P.a, P.b + chances(x, story)) -
    logProbabilityIntegral(P.a, P.b);
  return exp(alive - bgnbdLogLikelihoodByIntegration(P, x, tx, T, story));
}

/**
 * E[repeat purchases in (0, t]] for a customer who has just made the first purchase, integrated over the prior:
 * under MBG the first purchase is a drop-out chance (survived with probability 1 − p), after which an alive
 * customer makes (1 − e^{−λpt}) / p purchases in expectation.
 */
export function newCustomerExpectationByIntegration(P: LatentParams, t: number, story: DropoutStory): number {
  const survived = story === 'MBG' ? (p: number) => log1p(-p) : () => 0;
  const logNumerator = logProbabilityIntegral(
    P.a,
    P.b,
    (p) => survived(p) + logRateIntegral(P.r, P.alpha, (lambda) => log(-expm1(-lambda * p * t)) - log(p)),
  );
  return exp(logNumerator - logRateIntegral(P.r, P.alpha) - logProbabilityIntegral(P.a, P.b));
}

/**
 * Gamma-Gamma: density of the mean m of x transactions, ∫ Gamma(m | px, rate νx) Gamma(ν | q, rate v) dν, and
 * the posterior mean of the customer's mean spend p/ν. The integrand's powers of ν and exponentials are
 * collected (ν^(q+px−1) e^(−ν(v+xm))) so the grid follows the posterior of ν; every Gamma normalising
 * constant is integrated too.
 */
export function gammaGammaByIntegration(
  G: { p: number; q: number; v: number },
  x: number,
  m: number,
): { logDensity: number; expectedSpend: number } {
  const px = G.p * x;
  const logGammaFn = (shape: number) => logRateIntegral(shape, 1);
  const logConstants = G.q * log(G.v) - logGammaFn(G.q) + px * log(x) + (px - 1) * log(m) - logGammaFn(px);
  const k = G.q + px;
  const c = G.v + x * m;
  const logDensity = logConstants + logRateIntegral(k, c);
  const logMeanNumerator = logConstants + logRateIntegral(k, c, (nu) => log(G.p / nu));
  return { logDensity, expectedSpend: exp(logMeanNumerator - logDensity) };
}
