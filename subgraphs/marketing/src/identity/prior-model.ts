import type { ComparisonName } from './types';

/*
 * The prior model: m and u per comparison level, in the order of `comparisonDefinitions`. EM starts
 * from these m and treats them as PRIOR_STRENGTH pseudo-matches (a Dirichlet prior, i.e. MAP-EM), so a
 * customer base with few or no duplicates cannot drive m to nonsense (the degenerate model of a clean
 * base: m of an exact given name 5e-6, below its u). The u are used only by `priorModel`, for a base
 * too small to sample u from.
 *
 * Where the numbers come from: the engine trained on 20,000 generated people (the test generator,
 * seed 7), rounded, with m raised to u where the data had it below (same city). They are parameters,
 * not a data generator, and a large base outweighs them.
 */
export const PRIOR_LEVELS: Record<ComparisonName, { m: number[]; u: number[] }> = {
  givenName: {
    m: [0.78, 0.1, 0.07, 0.02, 0.005, 0.025],
    u: [0.005, 0.0009, 0.001, 0.005, 0.0005, 0.9876],
  },
  familyName: {
    m: [0.83, 0.07, 0.07, 0.015, 0.002, 0.013],
    u: [0.003, 0.0004, 0.0008, 0.004, 0.0003, 0.9915],
  },
  birthDate: {
    m: [0.87, 0.06, 0.015, 0.035, 0.01, 0.01],
    u: [0.00007, 0.00025, 0.00001, 0.0004, 0.004, 0.99527],
  },
  email: { m: [0.575, 0.425], u: [0.00004, 0.99996] },
  phone: { m: [0.81, 0.04, 0.15], u: [0.00001, 0.00001, 0.99998] },
  address: {
    m: [0.85, 0.001, 0.051, 0.03, 0.037, 0.031],
    u: [0.00008, 0.00002, 0.00002, 0.003, 0.037, 0.95988],
  },
};

/**
 * Pseudo-matches the prior m counts as in each EM session. A base with thousands of duplicates outweighs
 * it; a base with a few dozen does not, and must not: there the "matches" EM finds are mostly relatives
 * (twins share birth date, family name and address), and fitting m to them taught a clean base that
 * different given names are usual between duplicates.
 */
export const PRIOR_STRENGTH = 200;

/**
 * Pseudo-pairs the prior u counts as when u is estimated from random pairs: a comparison the data
 * rarely fills (no emails in the base) keeps the prior's u instead of an even split over its levels
 * (which made an exact shared email worth 0.2 bits on a clean base).
 */
export const PRIOR_U_STRENGTH = 5000;

/** Prior P(two random profiles are one person) of `priorModel`: about one duplicate per 10,000 pairs. */
export const PRIOR_MATCH_PROBABILITY = 1e-4;

/**
 * Agreement is never evidence against a match: every level but the last ("else") gets m ≥ u, the
 * mass taken from the last level. EM applies this after each M step (projected EM), so the estimate
 * is the constrained maximum, not a clipped one.
 */
export function constrainAgreement(m: readonly number[], u: readonly number[], floor: number): number[] {
  const last = m.length - 1;
  const out = m.map((x, l) => (l < last ? Math.max(x, u[l]) : Math.max(x, floor)));
  let agreement = 0;
  for (let l = 0; l < last; l++) agreement += out[l];
  if (agreement <= 1 - floor) {
    out[last] = 1 - agreement;
    return out;
  }
  // Raising left no room for the last level: shrink the excess over u of the agreement levels.
  let baseline = 0;
  for (let l = 0; l < last; l++) baseline += u[l];
  const scale = (1 - floor - baseline) / (agreement - baseline);
  for (let l = 0; l < last; l++) out[l] = u[l] + (out[l] - u[l]) * scale;
  out[last] = floor;
  return out;
}
