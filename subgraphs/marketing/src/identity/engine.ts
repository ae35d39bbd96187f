import { blockingRulesNamed, generateCandidatePairs, type BlockingRuleStats } from './blocking';
import {
  ADDRESS_LEVEL,
  BIRTH,
  BIRTH_LEVEL,
  NAME_LEVEL,
  comparePair,
  ComparisonContext,
  comparisonSettings,
  COMPARISON_COUNT,
  ADDRESS,
  EMAIL,
  FAMILY,
  GIVEN,
  PHONE,
  prepareForComparison,
  ValueInterner,
  type NameOrientation,
  type PreparedProfile,
} from './comparison';
import { resolveIdentityConfig, type IdentityConfig, type IdentityConfigInput } from './config';
import { IdentityInputError } from './errors';
import {
  assertModel,
  comparePairs,
  contributions,
  pairWeight,
  probabilityFromWeight,
  scoringTables,
  trainModel,
  priorModel,
  type IdentityModel,
  type ScoringTables,
} from './fellegi-sunter';
import { stableHash, UnionFind } from './household';
import {
  normalizeAddress,
  normalizeBirthDate,
  normalizeEmail,
  normalizePhone,
  normalizeProfile,
  parseFullName,
  type NormalizedProfile,
} from './normalize';
import { deterministicPairs, IdentifierIndex, sharedIdentifiers, withinSharingLimit } from './rules';
import type {
  Conflict,
  Decision,
  DeterministicEvidence,
  IdentifierKind,
  IdentityProfile,
  MatchExplanation,
  PostalAddressInput,
  ScoredPair,
} from './types';

/*
 * The facade the marketing subgraph calls. Pure: profiles in, decisions out. Deterministic rules first
 * (an identifier within its sharing limit merges), then the Fellegi–Sunter probability against the two
 * thresholds, with one safety net: pairs whose given names or birth dates disagree outright never merge
 * automatically, because households share everything else.
 */

const LIST_FIELDS = ['emails', 'phones', 'externalIds', 'deviceIds'] as const;

function validateProfiles(profiles: readonly IdentityProfile[], field = 'profiles'): void {
  if (!Array.isArray(profiles)) throw new IdentityInputError(field, 'must be an array of profiles');
  const seen = new Set<string>();
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i];
    if (!p || typeof p.id !== 'string' || p.id.length === 0) {
      throw new IdentityInputError(`${field}[${i}].id`, 'must be a non-empty string');
    }
    if (seen.has(p.id)) throw new IdentityInputError(`${field}[${i}].id`, `duplicate profile id ${p.id}`);
    seen.add(p.id);
    for (const list of LIST_FIELDS) {
      if (p[list] !== undefined && !Array.isArray(p[list])) {
        throw new IdentityInputError(`${field}[${i}].${list}`, 'must be an array of strings');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Decisions and explanations
// ---------------------------------------------------------------------------------------------------

const PERSONAL_KINDS: readonly IdentifierKind[] = ['email', 'phone', 'externalId'];

interface Verdict {
  decision: Decision;
  conflicts: Conflict[];
}

function conflictsOf(levels: Int8Array, offset: number, rules: readonly DeterministicEvidence[]): Conflict[] {
  const conflicts: Conflict[] = [];
  const given = levels[offset + GIVEN];
  const birth = levels[offset + BIRTH];
  if (given === NAME_LEVEL.else) conflicts.push('given-name');
  if (birth === BIRTH_LEVEL.else) conflicts.push('birth-date');
  const family = levels[offset + FAMILY];
  const address = levels[offset + ADDRESS];
  // Could be two people of one family: neither the family name nor the address disagrees (either may
  // be missing), or only a shared device or landline joins them.
  const household =
    (family !== NAME_LEVEL.else && address !== ADDRESS_LEVEL.else && (family >= 0 || address >= 0)) ||
    (rules.length > 0 && rules.every((r) => !PERSONAL_KINDS.includes(r.kind)));
  // Only the person's own data tells a duplicate from a relative: the birth date (a junior has the
  // father's name) and the given name (twins share the birth date), or a personal identifier.
  const personal =
    (birth >= 0 && birth <= BIRTH_LEVEL.typo) ||
    levels[offset + EMAIL] === 0 ||
    (levels[offset + PHONE] >= 0 && levels[offset + PHONE] <= 1) ||
    rules.some((r) => PERSONAL_KINDS.includes(r.kind));
  const givenAgrees = given >= 0 && given <= NAME_LEVEL.similar;
  if (household && !(personal && givenAgrees) && conflicts.length === 0) {
    conflicts.push('household-evidence-only');
  }
  return conflicts;
}

function decide(
  probability: number,
  levels: Int8Array,
  offset: number,
  rules: readonly DeterministicEvidence[],
  config: IdentityConfig,
): Verdict {
  const conflicts = conflictsOf(levels, offset, rules);
  const { autoMerge, review } = config.thresholds;
  if (conflicts.length > 0 && config.conflicts.preventAutoMerge) {
    if (conflicts[0] === 'household-evidence-only') {
      // Possibly a duplicate, possibly a relative: a human decides.
      return { decision: probability >= review ? 'review' : 'none', conflicts };
    }
    const sharesPersonal =
      rules.some((r) => PERSONAL_KINDS.includes(r.kind)) ||
      levels[offset + EMAIL] === 0 ||
      levels[offset + PHONE] === 0;
    const policy = config.conflicts.review;
    const toReview =
      policy === 'score' ? probability >= review : policy === 'shared-identifier' ? sharesPersonal : false;
    return { decision: toReview ? 'review' : 'none', conflicts };
  }
  if (rules.length > 0 || probability >= autoMerge) return { decision: 'auto-merge', conflicts };
  return { decision: probability >= review ? 'review' : 'none', conflicts };
}

function percent(p: number): string {
  return p >= 0.9999 ? '>99.99%' : `${(p * 100).toFixed(2)}%`;
}

function reasonFor(
  verdict: Verdict,
  probability: number,
  explanation: Pick<MatchExplanation, 'rules' | 'contributions'>,
  config: IdentityConfig,
): string {
  const { autoMerge, review } = config.thresholds;
  const strongest = explanation.contributions
    .filter((c) => c.matchWeight > 0)
    .sort((a, b) => b.matchWeight - a.matchWeight)
    .slice(0, 3)
    .map((c) => `${c.comparison} ${c.level} (+${c.matchWeight.toFixed(1)})`)
    .join(', ');
  const rule = explanation.rules[0];
  if (verdict.conflicts[0] === 'household-evidence-only' && config.conflicts.preventAutoMerge) {
    return `Family name and address${rule ? ` (and ${rule.kind} ${rule.value})` : ''} agree, as they do between relatives, but no birth date, email, phone or loyalty id confirms the person (match probability ${percent(probability)}), so no automatic merge.`;
  }
  if (verdict.conflicts.length > 0 && config.conflicts.preventAutoMerge) {
    const what = verdict.conflicts
      .map((c) => (c === 'given-name' ? 'given names' : 'birth dates'))
      .join(' and ');
    const base = `${what} disagree, so no automatic merge (family members share address, family name and devices)`;
    return verdict.decision === 'review'
      ? `${base}; for review because they share ${rule ? `${rule.kind} ${rule.value}` : 'an identifier'}.`
      : `${base}.`;
  }
  if (verdict.decision === 'auto-merge' && rule) {
    return `Same ${rule.kind} ${rule.value}, carried by ${rule.profilesSharing} profiles (limit ${config.identifierLimits[rule.kind]}).`;
  }
  if (verdict.decision === 'auto-merge') {
    return `Match probability ${percent(probability)} ≥ auto-merge threshold ${percent(autoMerge)}; strongest evidence: ${strongest}.`;
  }
  if (verdict.decision === 'review') {
    return `Match probability ${percent(probability)} between the review (${percent(review)}) and auto-merge (${percent(autoMerge)}) thresholds; evidence: ${strongest || 'none'}.`;
  }
  return `Match probability ${percent(probability)} below the review threshold ${percent(review)}.`;
}

interface PairContext {
  tables: ScoringTables;
  config: IdentityConfig;
  countOf: (kind: IdentifierKind, value: string) => number;
}

function scoredPair(
  ctx: PairContext,
  a: PreparedProfile,
  b: PreparedProfile,
  levels: Int8Array,
  offset: number,
  orientation: NameOrientation,
): ScoredPair {
  const weight = pairWeight(ctx.tables, levels, offset, a, orientation);
  const probability = probabilityFromWeight(weight);
  const shared = sharedIdentifiers(a.profile, b.profile, ctx.countOf, ctx.config.identifierLimits);
  const verdict = decide(probability, levels, offset, shared.rules, ctx.config);
  const partial = {
    rules: shared.rules,
    contributions: contributions(ctx.tables, levels, offset, a, b, orientation),
  };
  const explanation: MatchExplanation = {
    priorWeight: ctx.tables.priorWeight,
    matchWeight: weight,
    probability,
    contributions: partial.contributions,
    nameOrderSwapped: orientation !== 0,
    rules: shared.rules,
    overSharedIdentifiers: shared.overShared,
    conflicts: verdict.conflicts,
    decision: verdict.decision,
    reason: reasonFor(verdict, probability, partial, ctx.config),
  };
  return {
    left: a.profile.id,
    right: b.profile.id,
    probability,
    matchWeight: weight,
    decision: verdict.decision,
    explanation,
  };
}

// ---------------------------------------------------------------------------------------------------
// findDuplicates
// ---------------------------------------------------------------------------------------------------

export interface DuplicateCluster {
  /** Stable id: hash of the sorted member ids. */
  id: string;
  /** Profile ids, sorted. */
  members: string[];
}

export interface FindDuplicatesStats {
  profiles: number;
  /** All pairs a naive comparison would score: n(n-1)/2. */
  possiblePairs: number;
  candidatePairs: number;
  /** possiblePairs / candidatePairs. */
  reductionFactor: number;
  blocking: BlockingRuleStats[];
  deterministicPairs: number;
  /** Identifiers switched off by their sharing limit, per kind. */
  overSharedIdentifiers: Record<IdentifierKind, number>;
  /** The most shared of them (at most 10). */
  mostSharedIdentifiers: DeterministicEvidence[];
  autoMergePairs: number;
  autoMergeByRule: number;
  reviewPairs: number;
  /** High-scoring or rule-matched pairs held back because given names or birth dates disagree. */
  conflictsHeldBack: number;
  /** Auto-merge pairs sent to review because they would join two clusters that contain a conflict. */
  clusterConflicts: number;
  clusters: number;
  profilesInClusters: number;
  /** Whether the model was trained on this data (false when one was passed in). */
  trained: boolean;
  timingsMs: {
    normalize: number;
    blocking: number;
    comparing: number;
    training: number;
    scoring: number;
    total: number;
  };
}

export interface FindDuplicatesResult {
  autoMerge: { pairs: ScoredPair[]; clusters: DuplicateCluster[] };
  /** Pairs for a human, most probable first; pairs already in one auto-merge cluster are left out. */
  review: ScoredPair[];
  model: IdentityModel;
  stats: FindDuplicatesStats;
}

export interface FindDuplicatesOptions {
  /** A model trained earlier (e.g. stored after the last run); trained on `profiles` when absent. */
  model?: IdentityModel;
}

/** Deduplicates a whole data set: blocking, deterministic rules, (training,) scoring, clustering. */
/** Normalised, indexed and prepared for comparison: the common start of every whole-base operation. */
function prepareProfiles(sorted: readonly IdentityProfile[], config: IdentityConfig) {
  const normalized = sorted.map((p) => normalizeProfile(p, config));
  const index = new IdentifierIndex(normalized);
  const limits = config.identifierLimits;
  const interner = new ValueInterner();
  const prepared = normalized.map((p, i) =>
    prepareForComparison(
      p,
      i,
      interner,
      (kind, value) => !withinSharingLimit(kind, index.count(kind, value), limits),
    ),
  );
  return { index, prepared };
}

/** Deterministic pairs plus the blocking rules' candidates, the same for dedup, training and the bound. */
function candidatesOf(prepared: readonly PreparedProfile[], index: IdentifierIndex, config: IdentityConfig) {
  const det = deterministicPairs(index, config.identifierLimits);
  const pairs = generateCandidatePairs(
    prepared,
    blockingRulesNamed(config.blocking.rules),
    config.blocking.maxBlockSize,
    det.pairs,
  );
  return { det, pairs };
}

function byId(profiles: readonly IdentityProfile[]): IdentityProfile[] {
  return [...profiles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function findDuplicates(
  profiles: readonly IdentityProfile[],
  configInput: IdentityConfigInput = {},
  options: FindDuplicatesOptions = {},
): FindDuplicatesResult {
  const started = performance.now();
  const config = resolveIdentityConfig(configInput);
  validateProfiles(profiles);
  if (options.model) assertModel(options.model);
  // One canonical order, so that the u sample, blocking and tie-breaks (and so the pairs) do not depend
  // on the order the profiles were loaded in.
  profiles = byId(profiles);

  let t = performance.now();
  const { index, prepared } = prepareProfiles(profiles, config);
  const countOf = (kind: IdentifierKind, value: string): number => index.count(kind, value);
  const normalizeMs = performance.now() - t;

  t = performance.now();
  const { det, pairs: candidates } = candidatesOf(prepared, index, config);
  const blockingMs = performance.now() - t;

  t = performance.now();
  const comparisons = new ComparisonContext(options.model?.settings ?? comparisonSettings(config, prepared));
  const levels = comparePairs(prepared, candidates, comparisons);
  const comparingMs = performance.now() - t;

  t = performance.now();
  const model = options.model ?? trainModel(prepared, config, { pairs: candidates, levels });
  const trainingMs = performance.now() - t;

  t = performance.now();
  const n = prepared.length;
  // Candidates come sorted by pair (i·n + j); so do these, and one walk finds which pairs a rule joins.
  const ruleKeys = Float64Array.from(det.pairs, ([i, j]) => i * n + j).sort();
  let nextRule = 0;
  const ctx: PairContext = { tables: scoringTables(model), config, countOf };
  const autoCandidates: { pair: ScoredPair; i: number; j: number }[] = [];
  const reviewCandidates: { pair: ScoredPair; i: number; j: number }[] = [];
  let conflictsHeldBack = 0;
  const reviewFloor = config.thresholds.review;
  for (let p = 0; p < candidates.count; p++) {
    const i = candidates.left[p];
    const j = candidates.right[p];
    const offset = p * COMPARISON_COUNT;
    const pairKey = i * n + j;
    while (nextRule < ruleKeys.length && ruleKeys[nextRule] < pairKey) nextRule++;
    const hasRule = nextRule < ruleKeys.length && ruleKeys[nextRule] === pairKey;
    const sharesExact = levels.levels[offset + EMAIL] === 0 || levels.levels[offset + PHONE] === 0;
    // Cheap filter first: only pairs that can end up on a list get an explanation built.
    if (!hasRule && !sharesExact) {
      const w = pairWeight(
        ctx.tables,
        levels.levels,
        offset,
        prepared[i],
        levels.swapped[p] as NameOrientation,
      );
      if (probabilityFromWeight(w) < reviewFloor) continue;
    }
    const pair = scoredPair(
      ctx,
      prepared[i],
      prepared[j],
      levels.levels,
      offset,
      levels.swapped[p] as NameOrientation,
    );
    if (pair.explanation.conflicts.length > 0 && config.conflicts.preventAutoMerge) {
      if (pair.explanation.rules.length > 0 || pair.probability >= config.thresholds.autoMerge)
        conflictsHeldBack++;
    }
    if (pair.decision === 'auto-merge') autoCandidates.push({ pair, i, j });
    else if (pair.decision === 'review') reviewCandidates.push({ pair, i, j });
  }

  // Clustering: strongest edges first (rules, then probability). An edge that would put two profiles
  // whose given names or birth dates disagree into one customer is not taken; it goes to review.
  autoCandidates.sort(
    (a, b) =>
      b.pair.explanation.rules.length - a.pair.explanation.rules.length ||
      b.pair.probability - a.pair.probability ||
      a.i - b.i ||
      a.j - b.j,
  );
  const uf = new UnionFind(n);
  const members = new Map<number, number[]>();
  const membersOf = (root: number): number[] => members.get(root) ?? [root];
  const scratch = new Int8Array(COMPARISON_COUNT);
  const autoPairs: ScoredPair[] = [];
  let clusterConflicts = 0;
  for (const candidate of autoCandidates) {
    const ri = uf.find(candidate.i);
    const rj = uf.find(candidate.j);
    if (ri !== rj) {
      const left = membersOf(ri);
      const right = membersOf(rj);
      const clash = clusterClash(left, right, candidate, prepared, comparisons, scratch);
      if (clash) {
        clusterConflicts++;
        const [x, y] = clash;
        candidate.pair.decision = 'review';
        candidate.pair.explanation.decision = 'review';
        candidate.pair.explanation.reason =
          `${candidate.pair.explanation.reason} Held back: it would make ${prepared[x].profile.id} and ` +
          `${prepared[y].profile.id}, whose given names or birth dates disagree, one customer.`;
        reviewCandidates.push(candidate);
        continue;
      }
      uf.union(ri, rj);
      const root = uf.find(ri);
      members.set(root, [...left, ...right]);
      members.delete(root === ri ? rj : ri);
    }
    autoPairs.push(candidate.pair);
  }
  const review = reviewCandidates
    .filter(({ i, j }) => uf.find(i) !== uf.find(j))
    .map(({ pair }) => pair)
    .sort(
      (a, b) =>
        b.probability - a.probability || a.left.localeCompare(b.left) || a.right.localeCompare(b.right),
    );
  const clusters = clustersOf(uf, prepared);
  const scoringMs = performance.now() - t;

  const overSharedIdentifiers: Record<IdentifierKind, number> = {
    email: 0,
    phone: 0,
    landline: 0,
    externalId: 0,
    deviceId: 0,
  };
  for (const e of det.overShared) overSharedIdentifiers[e.kind]++;
  const possiblePairs = (n * (n - 1)) / 2;
  return {
    autoMerge: { pairs: autoPairs, clusters },
    review,
    model,
    stats: {
      profiles: n,
      possiblePairs,
      candidatePairs: candidates.count,
      reductionFactor: candidates.count > 0 ? possiblePairs / candidates.count : possiblePairs,
      blocking: candidates.rules,
      deterministicPairs: det.pairs.length,
      overSharedIdentifiers,
      mostSharedIdentifiers: det.overShared.slice(0, 10),
      autoMergePairs: autoPairs.length,
      autoMergeByRule: autoPairs.filter((p) => p.explanation.rules.length > 0).length,
      reviewPairs: review.length,
      conflictsHeldBack,
      clusterConflicts,
      clusters: clusters.length,
      profilesInClusters: clusters.reduce((s, c) => s + c.members.length, 0),
      trained: !options.model,
      timingsMs: {
        normalize: normalizeMs,
        blocking: blockingMs,
        comparing: comparingMs,
        training: trainingMs,
        scoring: scoringMs,
        total: performance.now() - started,
      },
    },
  };
}

/**
 * A pair of profiles, one from each cluster, whose given names or birth dates disagree outright; null
 * when the clusters may be joined. Clusters are small (a person's few profiles), so all pairs are checked.
 */
function clusterClash(
  left: readonly number[],
  right: readonly number[],
  edge: { i: number; j: number },
  prepared: readonly PreparedProfile[],
  comparisons: ComparisonContext,
  scratch: Int8Array,
): [number, number] | null {
  for (const x of left) {
    for (const y of right) {
      if ((x === edge.i && y === edge.j) || (x === edge.j && y === edge.i)) continue;
      comparePair(prepared[x], prepared[y], comparisons, scratch);
      if (scratch[GIVEN] === NAME_LEVEL.else || scratch[BIRTH] === BIRTH_LEVEL.else) return [x, y];
    }
  }
  return null;
}

function clustersOf(uf: UnionFind, prepared: readonly PreparedProfile[]): DuplicateCluster[] {
  const byRoot = new Map<number, string[]>();
  for (const p of prepared) {
    const root = uf.find(p.index);
    const list = byRoot.get(root);
    if (list) list.push(p.profile.id);
    else byRoot.set(root, [p.profile.id]);
  }
  const clusters: DuplicateCluster[] = [];
  for (const members of byRoot.values()) {
    if (members.length < 2) continue;
    members.sort();
    clusters.push({ id: `dup_${stableHash(members.join('\u0000'))}`, members });
  }
  return clusters.sort((a, b) => (a.members[0] < b.members[0] ? -1 : 1));
}

/**
 * The pairs blocking hands to scoring (as profile id pairs), for diagnostics: the share of known true
 * pairs among them is the recall bound of blocking.
 */
export function candidatePairs(
  profiles: readonly IdentityProfile[],
  configInput: IdentityConfigInput = {},
): [string, string][] {
  const config = resolveIdentityConfig(configInput);
  validateProfiles(profiles);
  const sorted = byId(profiles);
  const { index, prepared } = prepareProfiles(sorted, config);
  const { pairs } = candidatesOf(prepared, index, config);
  return Array.from(pairs.left, (i, k) => [sorted[i].id, sorted[pairs.right[k]].id]);
}

/** The prior model (m and u shipped with the engine): for a base too small to train on. */
export function priorIdentityModel(configInput: IdentityConfigInput = {}): IdentityModel {
  return priorModel(resolveIdentityConfig(configInput));
}

/**
 * Trains a model (m and u by EM and random pairs, the prior, name frequencies) without deduplicating:
 * for a job that retrains on a schedule and stores the model for `matchCandidates`/`resolveIdentity`.
 */
export function trainIdentityModel(
  profiles: readonly IdentityProfile[],
  configInput: IdentityConfigInput = {},
): IdentityModel {
  const config = resolveIdentityConfig(configInput);
  validateProfiles(profiles);
  const { index, prepared } = prepareProfiles(byId(profiles), config);
  // The same candidates as findDuplicates (deterministic pairs included), so both train the same model.
  const { pairs } = candidatesOf(prepared, index, config);
  const levels = comparePairs(prepared, pairs, new ComparisonContext(comparisonSettings(config, prepared)));
  return trainModel(prepared, config, { pairs, levels });
}

// ---------------------------------------------------------------------------------------------------
// matchCandidates / resolveIdentity
// ---------------------------------------------------------------------------------------------------

export interface MatchOptions {
  /**
   * How many profiles in the whole database carry an identifier (for the sharing limits). Defaults to
   * counting among the profile and its candidates, which undercounts: pass the database's count.
   */
  identifierCount?: (kind: IdentifierKind, value: string) => number;
}

/** Scores one profile against candidates (found by the caller, e.g. via `blockingKeys`), best first. */
export function matchCandidates(
  profile: IdentityProfile,
  candidates: readonly IdentityProfile[],
  model: IdentityModel,
  configInput: IdentityConfigInput = {},
  options: MatchOptions = {},
): ScoredPair[] {
  const config = resolveIdentityConfig(configInput);
  assertModel(model);
  validateProfiles([profile], 'profile');
  validateProfiles(candidates, 'candidates');
  const others = candidates.filter((c) => c.id !== profile.id);
  const normalized = [profile, ...others].map((p) => normalizeProfile(p, config));
  const index = new IdentifierIndex(normalized);
  const countOf = options.identifierCount
    ? (kind: IdentifierKind, value: string) =>
        Math.max(options.identifierCount!(kind, value), index.count(kind, value))
    : (kind: IdentifierKind, value: string) => index.count(kind, value);
  const limits = config.identifierLimits;
  const interner = new ValueInterner();
  const prepared = normalized.map((p, i) =>
    prepareForComparison(
      p,
      i,
      interner,
      (kind, value) => !withinSharingLimit(kind, countOf(kind, value), limits),
    ),
  );
  const comparisons = new ComparisonContext(model.settings);
  const ctx: PairContext = { tables: scoringTables(model), config, countOf };
  const levels = new Int8Array(COMPARISON_COUNT);
  return prepared
    .slice(1)
    .map((candidate) => {
      const orientation = comparePair(prepared[0], candidate, comparisons, levels);
      return scoredPair(ctx, prepared[0], candidate, levels, 0, orientation);
    })
    .sort((a, b) => b.probability - a.probability || a.right.localeCompare(b.right));
}

/** What a support or sales system knows about an unknown contact. */
export interface ResolveIdentityQuery {
  email?: string;
  phone?: string;
  /** Full name in one string, either order ("Kovács Péter", "Peter Kovacs"). */
  name?: string;
  givenName?: string;
  familyName?: string;
  address?: PostalAddressInput;
  birthDate?: string;
  externalId?: string;
  deviceId?: string;
}

export interface ResolvedIdentity {
  customerId: string;
  probability: number;
  /** `certain` above the auto-merge threshold (or by a deterministic rule), `possible` above review. */
  confidence: 'certain' | 'possible';
  explanation: MatchExplanation;
}

export interface ResolveIdentityResult {
  match: ResolvedIdentity | null;
  /** Other candidates at or above the review threshold, best first. */
  alternatives: { customerId: string; probability: number; decision: Decision }[];
  /** True when a second candidate is also at or above the review threshold. */
  ambiguous: boolean;
}

/** Turns a lookup query into a profile; rejects unusable values with BAD_USER_INPUT naming the field. */
export function queryToProfile(query: ResolveIdentityQuery, config: IdentityConfig): IdentityProfile {
  if (!query || typeof query !== 'object') throw new IdentityInputError('input', 'must be an object');
  const present = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
  if (present(query.email) && !normalizeEmail(query.email, config.email)) {
    throw new IdentityInputError('email', 'is not an email address');
  }
  // Same region rule as for stored profiles: the address's country, else the configured default.
  const country = normalizeAddress(query.address)?.country;
  const region = country && /^[A-Z]{2}$/.test(country) ? country : config.phone.defaultRegion;
  if (present(query.phone) && !normalizePhone(query.phone, region, config.phone.landlineTypes)) {
    throw new IdentityInputError('phone', 'is not a phone number');
  }
  if (present(query.birthDate) && !normalizeBirthDate(query.birthDate)) {
    throw new IdentityInputError('birthDate', 'must be YYYY-MM-DD, YYYY-MM or YYYY');
  }
  let { givenName, familyName } = query;
  if (present(query.name) && !present(givenName) && !present(familyName)) {
    ({ givenName, familyName } = parseFullName(query.name as string));
  }
  const profile: IdentityProfile = {
    id: '\u0000query',
    givenName,
    familyName,
    emails: present(query.email) ? [query.email as string] : [],
    phones: present(query.phone) ? [query.phone as string] : [],
    externalIds: present(query.externalId) ? [query.externalId as string] : [],
    deviceIds: present(query.deviceId) ? [query.deviceId as string] : [],
    address: query.address,
    birthDate: present(query.birthDate) ? query.birthDate : undefined,
  };
  const n: NormalizedProfile = normalizeProfile(profile, config);
  const usable =
    n.given ||
    n.family ||
    n.emails.length ||
    n.personalPhones.length ||
    n.landlines.length ||
    n.externalIds.length ||
    n.deviceIds.length ||
    n.address ||
    n.birthDate;
  if (!usable) {
    throw new IdentityInputError(
      'input',
      'needs at least one of email, phone, name, address, birthDate, externalId, deviceId',
    );
  }
  return profile;
}

/** The best matching customer for a contact, with confidence and explanation, or none. */
export function resolveIdentity(
  query: ResolveIdentityQuery,
  candidates: readonly IdentityProfile[],
  model: IdentityModel,
  configInput: IdentityConfigInput = {},
  options: MatchOptions = {},
): ResolveIdentityResult {
  const config = resolveIdentityConfig(configInput);
  const profile = queryToProfile(query, config);
  const scored = matchCandidates(profile, candidates, model, configInput, options).filter(
    (s) => s.decision !== 'none',
  );
  const best = scored[0];
  return {
    match: best
      ? {
          customerId: best.right,
          probability: best.probability,
          confidence: best.decision === 'auto-merge' ? 'certain' : 'possible',
          explanation: best.explanation,
        }
      : null,
    alternatives: scored
      .slice(1)
      .map((s) => ({ customerId: s.right, probability: s.probability, decision: s.decision })),
    ambiguous: scored.length > 1,
  };
}

/**
 * Blocking keys of one profile, prefixed by rule ("email:…", "name:…"). The subgraph stores them on the
 * customer document with a multikey index and finds `matchCandidates`' candidates with one `$in` query.
 */
export function blockingKeys(profile: IdentityProfile, configInput: IdentityConfigInput = {}): string[] {
  const config = resolveIdentityConfig(configInput);
  const prepared = prepareForComparison(normalizeProfile(profile, config), 0, new ValueInterner());
  const keys = new Set<string>();
  for (const rule of blockingRulesNamed(config.blocking.rules))
    for (const key of rule.keys(prepared)) keys.add(`${rule.name}:${key}`);
  return [...keys].sort();
}
