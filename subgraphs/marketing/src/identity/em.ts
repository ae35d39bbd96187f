import { NULL_LEVEL } from './comparison';
import { constrainAgreement } from './prior-model';

/*
 * Expectation–maximisation for the Fellegi–Sunter mixture (Winkler 1988; as in Splink): every compared
 * pair is either a match or not; given the class, comparisons are independent with level probabilities
 * m (matches) and u (non-matches). EM alternates between the posterior match probability of each pair
 * and re-estimating m and λ (the share of matches) from those posteriors. u stays fixed at the values
 * estimated from random pairs, which are almost all non-matches — Splink's default, and more stable than
 * estimating both. Every M step keeps m ≥ u on each agreement level (`constrainAgreement`): agreeing
 * is never evidence against a match, however few matches the pairs hold.
 *
 * Pairs are aggregated into distinct level patterns first: a million pairs have only a few hundred
 * patterns, so each iteration is cheap.
 */

export interface PatternTable {
  /** Comparison count per pattern. */
  width: number;
  /** Flat pattern levels, `width` per pattern; NULL_LEVEL for missing. */
  levels: Int8Array;
  counts: Float64Array;
  size: number;
}

/**
 * Counts distinct level vectors among `pairs` vectors laid out flat in `levels`. Levels are small
 * (-1..7), so a vector is a base-9 number: no strings, no hashing of arrays.
 */
export function aggregatePatterns(levels: Int8Array, width: number, pairs: number): PatternTable {
  const index = new Map<number, number>();
  const firstSeen: number[] = [];
  const counts: number[] = [];
  for (let p = 0; p < pairs; p++) {
    let key = 0;
    const base = p * width;
    for (let k = 0; k < width; k++) key = key * 9 + (levels[base + k] + 1);
    const at = index.get(key);
    if (at !== undefined) counts[at]++;
    else {
      index.set(key, counts.length);
      firstSeen.push(p);
      counts.push(1);
    }
  }
  const flat = new Int8Array(counts.length * width);
  firstSeen.forEach((p, i) => flat.set(levels.subarray(p * width, p * width + width), i * width));
  return { width, levels: flat, counts: Float64Array.from(counts), size: counts.length };
}

export interface EmInput {
  patterns: PatternTable;
  /** Level count per comparison (non-null levels). */
  levelCounts: number[];
  /** Fixed u probabilities, [comparison][level]. */
  u: number[][];
  /** Starting m probabilities, [comparison][level]. */
  m: number[][];
  lambda: number;
  /** Comparisons that take part; the others (those the training block fixes) are ignored. */
  active: boolean[];
  /**
   * Dirichlet prior on m (MAP-EM): `priorM` counts as `priorStrength` pseudo-matches, so a session with
   * almost no matches among its pairs keeps the prior instead of fitting noise.
   */
  priorM?: number[][];
  priorStrength?: number;
  /** Estimate λ only (m kept as given). */
  lambdaOnly?: boolean;
  /**
   * Pairs λ is a share of, when larger than the pairs given: all n(n-1)/2 pairs when the patterns are
   * only the blocked candidates and every other pair is taken as a non-match.
   */
  population?: number;
  maxIterations: number;
  tolerance: number;
}

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
  /** Largest parameter change of each iteration (for convergence checks). */
  deltas: number[];
}

/** Smallest probability a level may take, so that log-weights stay finite. */
export const MIN_PROBABILITY = 1e-7;

/**
 * Smallest m of a comparison's last level ("else"): some true duplicates disagree on anything (a moved
 * address, a changed number), and an m fitted to zero would make one disagreement outweigh every
 * agreement (−23 bits for an address that changed).
 */
export const MIN_ELSE_M = 1e-3;

export function expectationMaximisation(input: EmInput): EmResult {
  const { patterns, levelCounts, u, active, maxIterations, tolerance } = input;
  const { width, levels, counts, size } = patterns;
  let m = input.m.map((row) => row.slice());
  let lambda = input.lambda;
  const deltas: number[] = [];
  const posterior = new Float64Array(size);
  let converged = false;
  let iterations = 0;
  for (let iter = 0; iter < maxIterations; iter++) {
    iterations = iter + 1;
    // E step: posterior match probability of each pattern.
    for (let p = 0; p < size; p++) {
      let likeM = lambda;
      let likeU = 1 - lambda;
      for (let k = 0; k < width; k++) {
        const level = levels[p * width + k];
        if (!active[k] || level === NULL_LEVEL) continue;
        likeM *= m[k][level];
        likeU *= u[k][level];
      }
      posterior[p] = likeM / (likeM + likeU);
    }
    // M step: λ and m from the expected match counts.
    let matches = 0;
    let total = 0;
    const levelMatches = levelCounts.map((n) => new Float64Array(n));
    for (let p = 0; p < size; p++) {
      const weight = counts[p] * posterior[p];
      matches += weight;
      total += counts[p];
      for (let k = 0; k < width; k++) {
        const level = levels[p * width + k];
        if (level !== NULL_LEVEL) levelMatches[k][level] += weight;
      }
    }
    const denominator = Math.max(total, input.population ?? 0);
    const newLambda = Math.min(1 - MIN_PROBABILITY, Math.max(Number.MIN_VALUE, matches / denominator));
    // λ can be tiny (1e-5 of all pairs), so its change counts relative to its size.
    let delta = Math.abs(newLambda - lambda) / Math.max(lambda, newLambda);
    let newM = m;
    if (!input.lambdaOnly) {
      newM = m.map((row, k) => {
        if (!active[k]) return row;
        const strength = input.priorM ? (input.priorStrength ?? 0) : 0;
        const counts = Array.from(levelMatches[k], (x, l) => x + strength * (input.priorM?.[k][l] ?? 0));
        const sum = counts.reduce((s, x) => s + x, 0);
        if (sum <= 0) return row;
        const raw = counts.map((x) => Math.max(MIN_PROBABILITY, x / sum));
        const norm = raw.reduce((s, x) => s + x, 0);
        return constrainAgreement(
          raw.map((x) => x / norm),
          u[k],
          MIN_ELSE_M,
        );
      });
      for (let k = 0; k < width; k++) {
        for (let l = 0; l < levelCounts[k]; l++) delta = Math.max(delta, Math.abs(newM[k][l] - m[k][l]));
      }
    }
    m = newM;
    lambda = newLambda;
    deltas.push(delta);
    if (delta < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, lambda, iterations, converged, deltas };
}
