import stdlibBetaln from '@stdlib/math-base-special-betaln';
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibHyp2f1 from '@stdlib/math-base-special-hyp2f1';

// Module-level aliases: a global `Math` lookup in a hot loop is ~10x slower inside a vm context (as under Jest).
const { exp, log, log1p } = Math;
const { NEGATIVE_INFINITY } = Number;

/*
 * Thin wrappers over @stdlib special functions with the domain the value models use.
 *
 * Checked against mpmath (40 digits) before adopting them (see tests/unit/value-model/special-functions.test.ts):
 * - gammaln, betaln: relative error below 4e-16 on arguments from 1e-8 to 1e7, which covers r + x, a, b + x
 *   and p·x + q for any realistic purchase count.
 * - hyp2f1 (a port of Cephes): accurate to ~1e-13 for the Euler-transformed argument set the BG/NBD forecast
 *   uses (see `bgnbdForecastFactor` in bgnbd.ts), z in [0, 1), but it returns NaN when c - a - b is an integer,
 *   z > 0.9 and c > ~170 (Gamma(c) overflows inside its 1 - z transformation). Callers must therefore treat a
 *   non-finite result as "fall back", which `hyp2f1` below makes explicit by returning NaN.
 */

/** ln Γ(x) for x > 0; NaN outside that domain (the models only ever need positive arguments). */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  return stdlibGammaln(x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0, computed without cancellation for large arguments. */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return Number.NaN;
  return stdlibBetaln(a, b);
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1 (where the series or its analytic continuation
 * is finite). Returns NaN — never ±Infinity — when the value is not available, so callers can fall back.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite) || z >= 1) return Number.NaN;
  if (c <= 0 && Number.isInteger(c)) return Number.NaN;
  const value = stdlibHyp2f1(a, b, c, z);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0 (used by the analytic likelihood gradients). Upward recurrence
 * ψ(x) = ψ(x + 1) − 1/x until x ≥ 10, then the asymptotic series (Abramowitz & Stegun 6.3.18), whose first
 * omitted term is below 1e-16 there.
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return shift + log(x) - 0.5 / x - series;
}

/** ln(e^u + e^v) without overflow; −Infinity terms are allowed. */
export function logAddExp(u: number, v: number): number {
  if (u === NEGATIVE_INFINITY) return v;
  if (v === NEGATIVE_INFINITY) return u;
  return u > v ? u + log1p(exp(v - u)) : v + log1p(exp(u - v));
}
