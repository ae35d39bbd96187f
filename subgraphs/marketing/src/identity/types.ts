/** Shapes shared by the identity engine's modules. Everything here is plain data (JSON-serialisable). */

export interface PostalAddressInput {
  street?: string;
  houseNumber?: string;
  city?: string;
  postcode?: string;
  region?: string;
  /** ISO 3166-1 alpha-2 code or a country name ("Hungary", "Magyarország", "Polska", "ایران"). */
  country?: string;
}

/** What the marketing subgraph maps a customer document to before asking the engine. */
export interface IdentityProfile {
  id: string;
  givenName?: string;
  familyName?: string;
  emails: string[];
  phones: string[];
  externalIds: string[];
  deviceIds: string[];
  address?: PostalAddressInput;
  /** YYYY-MM-DD, or a partial date YYYY-MM / YYYY. */
  birthDate?: string;
}

/** Identifier kinds with their own sharing limit. A landline is a phone whose type is a fixed line. */
export type IdentifierKind = 'email' | 'phone' | 'landline' | 'externalId' | 'deviceId';

export type ComparisonName = 'givenName' | 'familyName' | 'birthDate' | 'email' | 'phone' | 'address';

export type Decision = 'auto-merge' | 'review' | 'none';

/**
 * Why a pair may not merge automatically although it scores high:
 * - `given-name`, `birth-date`: they disagree outright (relatives share everything else);
 * - `household-evidence-only`: what agrees is what a household shares (family name and address, or a
 *   device), and nothing personal (birth date, email, phone, loyalty id) confirms the person.
 */
export type Conflict = 'given-name' | 'birth-date' | 'household-evidence-only';

export interface AttributeContribution {
  comparison: ComparisonName;
  /** Stable level id, e.g. `exact`, `jaro-winkler-high`, `else`, `missing`. */
  level: string;
  description: string;
  /** The normalized values that were compared (absent for a missing attribute). */
  left?: string;
  right?: string;
  /** P(level | same person) and P(level | different people); 1 and 1 for a missing value. */
  m: number;
  u: number;
  bayesFactor: number;
  /** log2 of the Bayes factor: what this attribute adds to the match weight. */
  matchWeight: number;
  /** True when an exact name match was weighted by how common the name is. */
  termFrequencyAdjusted: boolean;
}

export interface DeterministicEvidence {
  kind: IdentifierKind;
  value: string;
  /** How many profiles in the data set carry this identifier. */
  profilesSharing: number;
}

export interface MatchExplanation {
  /** log2 prior odds that two random profiles are the same person. */
  priorWeight: number;
  matchWeight: number;
  probability: number;
  contributions: AttributeContribution[];
  nameOrderSwapped: boolean;
  /** Identifiers that match under a deterministic rule, within their sharing limit. */
  rules: DeterministicEvidence[];
  /** Identifiers both share that are over their kind's sharing limit, so they do not count. */
  overSharedIdentifiers: DeterministicEvidence[];
  conflicts: Conflict[];
  decision: Decision;
  /** One sentence for a reviewer. */
  reason: string;
}

export interface ScoredPair {
  /** The two profile ids, ordered as in the input (left came first). */
  left: string;
  right: string;
  probability: number;
  matchWeight: number;
  decision: Decision;
  explanation: MatchExplanation;
}
