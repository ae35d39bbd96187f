/**
 * Identity resolution engine: normalization, deterministic rules, Fellegi–Sunter matching, households.
 * Pure functions over plain profiles; the marketing subgraph maps its documents to `IdentityProfile`.
 * See "Identity resolution" in the README.
 */
export * from './types';
export * from './errors';
export {
  BLOCKING_RULE_NAMES,
  DEFAULT_IDENTITY_CONFIG,
  GMAIL_EMAIL_RULES,
  resolveIdentityConfig,
  type IdentityConfig,
  type IdentityConfigInput,
} from './config';
export {
  normalizeEmail,
  normalizePhone,
  normalizeAddress,
  normalizeBirthDate,
  normalizeNamePart,
  normalizePersonName,
  normalizeProfile,
  parseFullName,
  foldText,
  tokenSkeleton,
  householdFamilyKey,
  type NormalizedProfile,
  type NormalizedName,
  type NormalizedPhone,
  type NormalizedAddress,
  type NormalizedBirthDate,
} from './normalize';
export {
  findDuplicates,
  trainIdentityModel,
  matchCandidates,
  resolveIdentity,
  blockingKeys,
  candidatePairs,
  type DuplicateCluster,
  priorIdentityModel,
  type FindDuplicatesOptions,
  type FindDuplicatesResult,
  type FindDuplicatesStats,
  type MatchOptions,
  type ResolveIdentityQuery,
  type ResolveIdentityResult,
  type ResolvedIdentity,
} from './engine';
export {
  MODEL_VERSION,
  TRAINING_SESSIONS,
  type IdentityModel,
  type ModelComparison,
  type ModelLevel,
  type TrainingSession,
} from './fellegi-sunter';
export { groupHouseholds, type Household, type HouseholdResult } from './household';
export { identifiersOf, sharedIdentifiers } from './rules';
export { PREDICTION_BLOCKING_RULES, type BlockingRule, type BlockingRuleStats } from './blocking';
export { comparisonDefinitions, type ComparisonDefinition, type LevelDefinition } from './comparison';
