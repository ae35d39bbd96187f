import { blockingRulesNamed, generateCandidatePairs, type CandidatePairs } from './blocking';
import {
  comparePair,
  comparedValues,
  ComparisonContext,
  comparisonDefinitions,
  comparisonSettings,
  BIRTH,
  COMPARISON_COUNT,
  FAMILY,
  GIVEN,
  NULL_LEVEL,
  type ComparisonSettings,
  type NameOrientation,
  type PreparedProfile,
} from './comparison';
import type { IdentityConfig } from './config';
import { aggregatePatterns, expectationMaximisation, MIN_PROBABILITY } from './em';
import { IdentityInputError } from './errors';
import { PRIOR_LEVELS, PRIOR_MATCH_PROBABILITY, PRIOR_STRENGTH, PRIOR_U_STRENGTH } from './prior-model';
import { createRandom } from './random';
import type { AttributeContribution, ComparisonName } from './types';

/*
 * The Fellegi–Sunter model: for each comparison level, m = P(level | same person) and
 * u = P(level | different people). A pair's match weight is log2 of the prior odds plus, per attribute,
 * log2(m/u) of the level it falls into; the match probability is 2^w / (1 + 2^w). u is estimated from
 * random pairs, m by EM on blocked pairs (training sessions, one per blocking rule, each unable to learn
 * the attributes it blocks on), and the prior from the expected number of matches among all candidates.
 */

export interface ModelLevel {
  id: string;
  description: string;
  m: number;
  u: number;
}

export interface ModelComparison {
  name: ComparisonName;
  description: string;
  termFrequency: boolean;
  levels: ModelLevel[];
}

export interface TrainingSession {
  /** The training blocking rule: which candidate pairs the session learns from. */
  blockingRule: string;
  pairs: number;
  iterations: number;
  converged: boolean;
  lambda: number;
  estimated: ComparisonName[];
}

/** Bumped whenever comparison levels change: a stored model of another version is not used. */
export const MODEL_VERSION = 2;

/** A trained model: plain JSON, so the subgraph can store it and reuse it for real-time matching. */
export interface IdentityModel {
  version: typeof MODEL_VERSION;
  settings: ComparisonSettings;
  comparisons: ModelComparison[];
  priorMatchProbability: number;
  /** How often each normalized name key occurs, for term-frequency adjustment of exact matches. */
  termFrequencies: Record<'givenName' | 'familyName', { total: number; counts: Record<string, number> }>;
  training: {
    profiles: number;
    uSamplePairs: number;
    sessions: TrainingSession[];
    /** Every EM session that had pairs converged within `training.maxIterations`. */
    converged: boolean;
    /** Candidate pairs the prior was estimated over and the share of them judged matches. */
    priorCandidatePairs: number;
    candidateMatchShare: number;
  };
}

/** Levels of every candidate pair, flat: `COMPARISON_COUNT` per pair. */
export interface PairLevels {
  levels: Int8Array;
  /** NameOrientation of each pair. */
  swapped: Uint8Array;
  count: number;
}

export function comparePairs(
  profiles: readonly PreparedProfile[],
  pairs: { left: Int32Array; right: Int32Array; count: number },
  ctx: ComparisonContext,
): PairLevels {
  const levels = new Int8Array(pairs.count * COMPARISON_COUNT);
  const swapped = new Uint8Array(pairs.count);
  for (let p = 0; p < pairs.count; p++) {
    swapped[p] = comparePair(
      profiles[pairs.left[p]],
      profiles[pairs.right[p]],
      ctx,
      levels,
      p * COMPARISON_COUNT,
    );
  }
  return { levels, swapped, count: pairs.count };
}

/** The prior model's m for each comparison: EM's start and its Dirichlet prior. */
function priorM(definitions: readonly { name: ComparisonName }[]): number[][] {
  return definitions.map((d) => PRIOR_LEVELS[d.name].m.slice());
}

function estimateU(
  profiles: readonly PreparedProfile[],
  priorU: readonly (readonly number[])[],
  levelCounts: number[],
  ctx: ComparisonContext,
  sampleSize: number,
  seed: number,
): { u: number[][]; pairs: number } {
  const n = profiles.length;
  const random = createRandom(seed);
  const all = (n * (n - 1)) / 2;
  const counts = levelCounts.map((c) => new Float64Array(c));
  const out = new Int8Array(COMPARISON_COUNT);
  const compare = (i: number, j: number): void => {
    comparePair(profiles[i], profiles[j], ctx, out);
    for (let k = 0; k < COMPARISON_COUNT; k++) if (out[k] !== NULL_LEVEL) counts[k][out[k]]++;
  };
  let pairs = 0;
  if (all <= sampleSize) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) compare(i, j);
    pairs = all;
  } else {
    for (; pairs < sampleSize; pairs++) {
      const i = random.int(n);
      let j = random.int(n - 1);
      if (j >= i) j++;
      compare(i, j);
    }
  }
  // Shrunk towards the prior model's u: a level never seen among random pairs (two strangers with one
  // email) is rare, not impossible, and a comparison the data hardly fills keeps the prior's u.
  const u = counts.map((row, k) => {
    const total = row.reduce((s, x) => s + x, 0);
    const u0 = priorU[k];
    return Array.from(row, (x, l) => (x + PRIOR_U_STRENGTH * u0[l]) / (total + PRIOR_U_STRENGTH));
  });
  return { u, pairs };
}

function termFrequencyTable(values: (string | undefined)[]): {
  total: number;
  counts: Record<string, number>;
} {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const v of values) {
    if (!v) continue;
    counts[v] = (counts[v] ?? 0) + 1;
    total++;
  }
  return { total, counts };
}

/**
 * EM training sessions, as Splink runs them: each learns from the candidate pairs that agree exactly on
 * its blocking attributes, and cannot learn m for those attributes (they agree by construction), so it
 * leaves them fixed. Every attribute is learned in at least one session; m is averaged over sessions.
 */
export const TRAINING_SESSIONS: readonly {
  name: string;
  fixes: number[];
  selects(levels: Int8Array, offset: number): boolean;
}[] = [
  {
    name: 'same-given-and-family-name',
    fixes: [GIVEN, FAMILY],
    selects: (levels, o) => levels[o + GIVEN] === 0 && levels[o + FAMILY] === 0,
  },
  { name: 'same-birth-date', fixes: [BIRTH], selects: (levels, o) => levels[o + BIRTH] === 0 },
];

function selectPairs(
  all: PairLevels,
  session: (typeof TRAINING_SESSIONS)[number],
): { levels: Int8Array; count: number } {
  const picked: number[] = [];
  for (let p = 0; p < all.count; p++) if (session.selects(all.levels, p * COMPARISON_COUNT)) picked.push(p);
  const levels = new Int8Array(picked.length * COMPARISON_COUNT);
  picked.forEach((p, i) =>
    levels.set(all.levels.subarray(p * COMPARISON_COUNT, (p + 1) * COMPARISON_COUNT), i * COMPARISON_COUNT),
  );
  return { levels, count: picked.length };
}

/**
 * Trains m, u and the prior on the profiles themselves. `candidates` (the prediction blocking's pairs
 * and their levels) may be passed in when the caller has them already, to avoid comparing twice.
 */
export function trainModel(
  profiles: readonly PreparedProfile[],
  config: IdentityConfig,
  candidates?: { pairs: CandidatePairs; levels: PairLevels },
): IdentityModel {
  if (profiles.length < 2) {
    throw new IdentityInputError('profiles', 'training needs at least 2 profiles');
  }
  const definitions = comparisonDefinitions(config);
  const settings = comparisonSettings(config, profiles);
  const ctx = new ComparisonContext(settings);
  const levelCounts = definitions.map((d) => d.levels.length);
  const prior0 = priorM(definitions);
  const { training } = config;
  const { u, pairs: uPairs } = estimateU(
    profiles,
    definitions.map((d) => PRIOR_LEVELS[d.name].u),
    levelCounts,
    ctx,
    training.uSampleSize,
    training.seed,
  );

  // Candidate pairs (the prediction blocking's) and their levels: the sessions select from them.
  const c =
    candidates ??
    (() => {
      const pairs = generateCandidatePairs(
        profiles,
        blockingRulesNamed(config.blocking.rules),
        config.blocking.maxBlockSize,
      );
      return { pairs, levels: comparePairs(profiles, pairs, ctx) };
    })();

  const mSums = levelCounts.map((count) => new Float64Array(count));
  const mSessions = new Array<number>(COMPARISON_COUNT).fill(0);
  const sessions: TrainingSession[] = [];
  for (const session of TRAINING_SESSIONS) {
    const selected = selectPairs(c.levels, session);
    const active = definitions.map((_, k) => !session.fixes.includes(k));
    const record: TrainingSession = {
      blockingRule: session.name,
      pairs: selected.count,
      iterations: 0,
      converged: false,
      lambda: 0,
      estimated: definitions.filter((_, k) => active[k]).map((d) => d.name),
    };
    sessions.push(record);
    if (selected.count === 0) continue;
    const result = expectationMaximisation({
      patterns: aggregatePatterns(selected.levels, COMPARISON_COUNT, selected.count),
      levelCounts,
      u,
      m: prior0,
      priorM: prior0,
      priorStrength: PRIOR_STRENGTH,
      lambda: 0.3,
      active,
      maxIterations: training.maxIterations,
      tolerance: training.tolerance,
    });
    Object.assign(record, {
      iterations: result.iterations,
      converged: result.converged,
      lambda: result.lambda,
    });
    for (let k = 0; k < COMPARISON_COUNT; k++) {
      if (!active[k]) continue;
      mSessions[k]++;
      result.m[k].forEach((x, l) => (mSums[k][l] += x));
    }
  }
  // Each session's m is constrained to m ≥ u on agreement levels, so their average is too.
  const m = levelCounts.map((_, k) =>
    mSessions[k] > 0 ? Array.from(mSums[k], (x) => x / mSessions[k]) : prior0[k],
  );

  // Prior λ = P(two random profiles are one person), by EM over all n(n-1)/2 pairs with m and u fixed:
  // the candidates carry the patterns, every pair blocking left out counts as a non-match.
  const n = profiles.length;
  const allPairs = (n * (n - 1)) / 2;
  let candidateMatchShare = 0;
  let prior = training.priorMatchProbability;
  if (prior === undefined) {
    let expectedMatches = 1;
    if (c.levels.count > 0) {
      const result = expectationMaximisation({
        patterns: aggregatePatterns(c.levels.levels, COMPARISON_COUNT, c.levels.count),
        levelCounts,
        u,
        m,
        lambda: Math.min(0.5, c.levels.count / allPairs / 10),
        active: definitions.map(() => true),
        lambdaOnly: true,
        population: allPairs,
        maxIterations: 200,
        tolerance: 1e-6,
      });
      expectedMatches = Math.max(1, result.lambda * allPairs);
      candidateMatchShare = expectedMatches / c.levels.count;
    }
    prior = Math.min(0.5, Math.max(1e-12, expectedMatches / allPairs));
  }
  const priorCandidatePairs = c.levels.count;

  return {
    version: MODEL_VERSION,
    settings,
    comparisons: definitions.map((d, k) => ({
      name: d.name,
      description: d.description,
      termFrequency: d.termFrequency && config.names.termFrequency,
      levels: d.levels.map((level, l) => ({ ...level, m: m[k][l], u: u[k][l] })),
    })),
    priorMatchProbability: prior,
    termFrequencies: {
      givenName: termFrequencyTable(profiles.map((p) => (p.given ? termKey(p.given) : undefined))),
      familyName: termFrequencyTable(profiles.map((p) => (p.family ? termKey(p.family) : undefined))),
    },
    training: {
      profiles: n,
      uSamplePairs: uPairs,
      sessions,
      converged: sessions.every((s) => s.pairs === 0 || s.converged),
      priorCandidatePairs,
      candidateMatchShare,
    },
  };
}

/**
 * The model for a base too small to learn from (or to sample u from): the prior model's m and u, no
 * term frequencies. It is parameters, not generated people.
 */
export function priorModel(config: IdentityConfig): IdentityModel {
  const definitions = comparisonDefinitions(config);
  return {
    version: MODEL_VERSION,
    settings: comparisonSettings(config),
    comparisons: definitions.map((d) => ({
      name: d.name,
      description: d.description,
      termFrequency: false,
      levels: d.levels.map((level, l) => ({
        ...level,
        m: PRIOR_LEVELS[d.name].m[l],
        u: PRIOR_LEVELS[d.name].u[l],
      })),
    })),
    priorMatchProbability: config.training.priorMatchProbability ?? PRIOR_MATCH_PROBABILITY,
    termFrequencies: { givenName: { total: 0, counts: {} }, familyName: { total: 0, counts: {} } },
    training: {
      profiles: 0,
      uSamplePairs: 0,
      sessions: [],
      converged: true,
      priorCandidatePairs: 0,
      candidateMatchShare: 0,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------------

/** Precomputed log2(m/u) per level, for scoring many pairs. */
export interface ScoringTables {
  model: IdentityModel;
  priorWeight: number;
  weights: Float64Array[];
}

export function scoringTables(model: IdentityModel): ScoringTables {
  const p = model.priorMatchProbability;
  return {
    model,
    priorWeight: Math.log2(p / (1 - p)),
    weights: model.comparisons.map((c) => Float64Array.from(c.levels, (l) => Math.log2(l.m / l.u))),
  };
}

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

function frequency(table: { total: number; counts: Record<string, number> }, key: string): number {
  return (table.counts[key] ?? 1) / table.total;
}

/**
 * Term frequencies count a name by its phonetic skeleton, so that "محمدی", "Mohammadi" and "Mohamadi"
 * count as one name: counted apart, a common Persian name looks rare in each script and an exact match
 * on it would weigh far too much.
 */
function termKey(name: { key: string; skeleton: string }): string {
  return name.skeleton || name.key;
}

/**
 * Term-frequency u of an exact name match of `a` (how often a random profile has exactly this name), or
 * undefined when term frequencies do not apply. With crossed name order the name matched a given name
 * on one side and a family name on the other; the more common reading counts, so a family name in the
 * given-name field never looks like a rare given name.
 */
function termFrequencyU(
  model: IdentityModel,
  comparison: number,
  a: PreparedProfile,
  orientation: NameOrientation,
): number | undefined {
  if (!model.comparisons[comparison].termFrequency) return undefined;
  const fromGiven = (comparison === GIVEN) === (orientation !== 2);
  const name = fromGiven ? a.given : a.family;
  if (!name) return undefined;
  const key = termKey(name);
  const { givenName, familyName } = model.termFrequencies;
  const own = comparison === GIVEN ? givenName : familyName;
  const exact = model.comparisons[comparison].levels[0];
  if (own.total === 0) return exact.u;
  let f = frequency(own, key);
  if (orientation !== 0) {
    const other = comparison === GIVEN ? familyName : givenName;
    if (other.total > 0) f = Math.max(f, frequency(other, key));
  }
  // Capped at m: an exact name, however common, is never evidence against a match.
  return Math.min(exact.m, Math.max(MIN_PROBABILITY, f));
}

/** Match weight of one compared pair (levels at `offset`). */
export function pairWeight(
  tables: ScoringTables,
  levels: Int8Array,
  offset: number,
  a: PreparedProfile,
  orientation: NameOrientation = 0,
): number {
  let w = tables.priorWeight;
  const { model } = tables;
  for (let k = 0; k < COMPARISON_COUNT; k++) {
    const level = levels[offset + k];
    if (level === NULL_LEVEL) continue;
    if (level === 0 && (k === GIVEN || k === FAMILY)) {
      const u = termFrequencyU(model, k, a, orientation);
      if (u !== undefined) {
        w += Math.log2(model.comparisons[k].levels[0].m / u);
        continue;
      }
    }
    w += tables.weights[k][level];
  }
  return w;
}

/** Per-attribute contributions of one pair, for the explanation. */
export function contributions(
  tables: ScoringTables,
  levels: Int8Array,
  offset: number,
  a: PreparedProfile,
  b: PreparedProfile,
  orientation: NameOrientation,
): AttributeContribution[] {
  const { model } = tables;
  return model.comparisons.map((comparison, k) => {
    const level = levels[offset + k];
    if (level === NULL_LEVEL) {
      return {
        comparison: comparison.name,
        level: 'missing',
        description: `${comparison.description} missing on one side`,
        m: 1,
        u: 1,
        bayesFactor: 1,
        matchWeight: 0,
        termFrequencyAdjusted: false,
      };
    }
    const def = comparison.levels[level];
    let u = def.u;
    let tf = false;
    if (level === 0 && (k === GIVEN || k === FAMILY)) {
      const tfU = termFrequencyU(model, k, a, orientation);
      if (tfU !== undefined) {
        u = tfU;
        tf = true;
      }
    }
    const [left, right] = comparedValues(k, a, b, orientation);
    const bayesFactor = def.m / u;
    return {
      comparison: comparison.name,
      level: def.id,
      description: def.description,
      left,
      right,
      m: def.m,
      u,
      bayesFactor,
      matchWeight: Math.log2(bayesFactor),
      termFrequencyAdjusted: tf,
    };
  });
}

/** Throws BAD_USER_INPUT when a stored model does not fit this engine version. */
export function assertModel(model: IdentityModel): void {
  if (
    !model ||
    model.version !== MODEL_VERSION ||
    !Array.isArray(model.comparisons) ||
    model.comparisons.length !== COMPARISON_COUNT
  ) {
    throw new IdentityInputError(
      'model',
      `not an identity model of version ${MODEL_VERSION} with ${COMPARISON_COUNT} comparisons`,
    );
  }
  if (!(model.priorMatchProbability > 0 && model.priorMatchProbability < 1)) {
    throw new IdentityInputError('model.priorMatchProbability', 'must be strictly between 0 and 1');
  }
}
