import type { CountryCode } from 'libphonenumber-js';
import { PREDICTION_BLOCKING_RULES } from './blocking';
import { IdentityInputError } from './errors';
import type { IdentifierKind } from './types';

/**
 * Every tunable of the identity engine, as one plain object. `resolveIdentityConfig` fills in the
 * defaults documented here and rejects nonsense (thresholds out of order, negative limits) with a
 * BAD_USER_INPUT naming the field. The README ("How to tune") explains them.
 */
export interface IdentityConfig {
  thresholds: {
    /** Match probability at or above which a pair merges without a human. */
    autoMerge: number;
    /** Match probability at or above which a pair goes to the review list. */
    review: number;
  };
  /**
   * An identifier carried by more profiles than this never merges anyone automatically and is ignored
   * as evidence (a family tablet's device id, an office switchboard, info@company). 1 means "never".
   */
  identifierLimits: Record<IdentifierKind, number>;
  phone: {
    /** Region for numbers written without a country code when the profile's address has no country. */
    defaultRegion: CountryCode;
    /**
     * libphonenumber types treated as landlines: household signals that never identify one person.
     * FIXED_LINE_OR_MOBILE (US, CA...) is left out by default because it cannot tell the two apart.
     */
    landlineTypes: string[];
  };
  email: {
    /** Gmail ignores dots in the local part; only collapse them when asked (other providers do not). */
    gmailIgnoreDots: boolean;
    /** Domains whose "+tag" suffix in the local part is dropped (e.g. gmail.com, outlook.com). */
    plusTagDomains: string[];
    /** Domain aliases, e.g. { 'googlemail.com': 'gmail.com' }. */
    domainAliases: Record<string, string>;
  };
  names: {
    /** Jaro–Winkler similarity for the "close" name level. */
    jaroWinklerHigh: number;
    /** Jaro–Winkler similarity for the "similar" name level; below it names disagree. */
    jaroWinklerLow: number;
    /** Weight exact name matches by how common the name is (Splink's term-frequency adjustment). */
    termFrequency: boolean;
    /**
     * A given name carried by at least this many profiles is a common name: two different common names
     * (Emma and Ella) are two people, not a typo. Names of the engine's lexicon are always common.
     */
    commonNameMinCount: number;
  };
  conflicts: {
    /**
     * Pairs whose given names or full birth dates disagree outright never merge automatically, whatever
     * the score: family members share address, family name and landline, which independent evidence
     * would otherwise add up.
     */
    preventAutoMerge: boolean;
    /** Which conflicting pairs still reach the review list. */
    review: 'shared-identifier' | 'score' | 'never';
  };
  blocking: {
    /** Blocks larger than this are skipped (and reported): they mean a useless key, not candidates. */
    maxBlockSize: number;
    /**
     * Names of the blocking rules that find candidates (`BLOCKING_RULE_NAMES`; all by default). Fewer
     * rules compare fewer pairs and miss the duplicates only the dropped rules would have found.
     */
    rules: string[];
  };
  training: {
    /** Random pairs sampled to estimate u probabilities. */
    uSampleSize: number;
    maxIterations: number;
    /** EM stops when no probability moves more than this between iterations. */
    tolerance: number;
    seed: number;
    /** Prior P(two random profiles are the same person); estimated from the data when absent. */
    priorMatchProbability?: number;
  };
  household: {
    /** A landline shared by more profiles than this is a switchboard, not a household. */
    maxLandlineSharing: number;
    /** An address + family name group larger than this is a building or an institution. */
    maxMembers: number;
  };
}

export const DEFAULT_IDENTITY_CONFIG: IdentityConfig = {
  thresholds: { autoMerge: 0.99, review: 0.5 },
  identifierLimits: { email: 3, phone: 3, landline: 1, externalId: 2, deviceId: 2 },
  phone: { defaultRegion: 'HU', landlineTypes: ['FIXED_LINE'] },
  email: { gmailIgnoreDots: false, plusTagDomains: [], domainAliases: {} },
  names: { jaroWinklerHigh: 0.92, jaroWinklerLow: 0.8, termFrequency: true, commonNameMinCount: 3 },
  conflicts: { preventAutoMerge: true, review: 'score' },
  blocking: { maxBlockSize: 400, rules: PREDICTION_BLOCKING_RULES.map((r) => r.name) },
  training: {
    uSampleSize: 100_000,
    maxIterations: 30,
    tolerance: 1e-4,
    seed: 20240917,
  },
  household: { maxLandlineSharing: 6, maxMembers: 10 },
};

/** Provider rules for Gmail, for callers that want them: dots and +tags ignored, googlemail aliased. */
export const GMAIL_EMAIL_RULES: IdentityConfig['email'] = {
  gmailIgnoreDots: true,
  plusTagDomains: ['gmail.com'],
  domainAliases: { 'googlemail.com': 'gmail.com' },
};

/** The blocking rules `blocking.rules` may name, in the order they run. */
export const BLOCKING_RULE_NAMES: readonly string[] = PREDICTION_BLOCKING_RULES.map((r) => r.name);

export type IdentityConfigInput = {
  [K in keyof IdentityConfig]?: Partial<IdentityConfig[K]>;
};

function probability(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new IdentityInputError(field, `must be a probability strictly between 0 and 1, got ${value}`);
  }
}

function positiveInteger(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new IdentityInputError(field, `must be a positive integer, got ${value}`);
  }
}

/** Defaults filled in, then validated. Throws IdentityInputError (BAD_USER_INPUT) naming the field. */
export function resolveIdentityConfig(input: IdentityConfigInput = {}): IdentityConfig {
  const d = DEFAULT_IDENTITY_CONFIG;
  const config: IdentityConfig = {
    thresholds: { ...d.thresholds, ...input.thresholds },
    identifierLimits: { ...d.identifierLimits, ...input.identifierLimits },
    phone: { ...d.phone, ...input.phone },
    email: { ...d.email, ...input.email },
    names: { ...d.names, ...input.names },
    conflicts: { ...d.conflicts, ...input.conflicts },
    blocking: { ...d.blocking, ...input.blocking },
    training: { ...d.training, ...input.training },
    household: { ...d.household, ...input.household },
  };
  probability('thresholds.autoMerge', config.thresholds.autoMerge);
  probability('thresholds.review', config.thresholds.review);
  if (config.thresholds.review > config.thresholds.autoMerge) {
    throw new IdentityInputError('thresholds.review', 'must not be above thresholds.autoMerge');
  }
  for (const [kind, limit] of Object.entries(config.identifierLimits)) {
    positiveInteger(`identifierLimits.${kind}`, limit);
  }
  if (!/^[A-Z]{2}$/.test(config.phone.defaultRegion)) {
    throw new IdentityInputError('phone.defaultRegion', 'must be an ISO 3166-1 alpha-2 code such as "HU"');
  }
  const { jaroWinklerHigh, jaroWinklerLow } = config.names;
  probability('names.jaroWinklerHigh', jaroWinklerHigh);
  probability('names.jaroWinklerLow', jaroWinklerLow);
  if (jaroWinklerLow > jaroWinklerHigh) {
    throw new IdentityInputError('names.jaroWinklerLow', 'must not be above names.jaroWinklerHigh');
  }
  positiveInteger('names.commonNameMinCount', config.names.commonNameMinCount);
  if (!['shared-identifier', 'score', 'never'].includes(config.conflicts.review)) {
    throw new IdentityInputError('conflicts.review', 'must be shared-identifier, score or never');
  }
  positiveInteger('blocking.maxBlockSize', config.blocking.maxBlockSize);
  const rules = config.blocking.rules;
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new IdentityInputError('blocking.rules', 'must name at least one blocking rule');
  }
  const unknown = rules.filter((r) => !BLOCKING_RULE_NAMES.includes(r));
  if (unknown.length > 0) {
    throw new IdentityInputError(
      'blocking.rules',
      `unknown blocking rule ${unknown.join(', ')}; known: ${BLOCKING_RULE_NAMES.join(', ')}`,
    );
  }
  positiveInteger('training.uSampleSize', config.training.uSampleSize);
  positiveInteger('training.maxIterations', config.training.maxIterations);
  if (!(config.training.tolerance > 0)) {
    throw new IdentityInputError('training.tolerance', 'must be positive');
  }
  if (config.training.priorMatchProbability !== undefined) {
    probability('training.priorMatchProbability', config.training.priorMatchProbability);
  }
  positiveInteger('household.maxLandlineSharing', config.household.maxLandlineSharing);
  positiveInteger('household.maxMembers', config.household.maxMembers);
  return config;
}
