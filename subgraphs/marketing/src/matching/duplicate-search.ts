import {
  blockingKeys,
  findDuplicates,
  type FindDuplicatesStats,
  type IdentityConfigInput,
  type IdentityModel,
  type IdentityProfile,
  type ScoredPair,
} from '../identity';
import { contributionsOf, engineCall, round, rulesOf } from './identity-engine.adapter';
import type { ReviewPairDoc, StoredContribution } from './identity-job.model';

/*
 * The pure part of the duplicate search: profiles in, what the job stores out. It runs in a worker thread
 * (duplicate-search.worker.ts), so both sides of it are plain, structured-clone-able data, and it reduces
 * the engine's result there (explanations of every pair) to what the job keeps.
 */

/** Review pairs kept on the job document (the total is reported); a human reviews the top of the list. */
export const MAX_STORED_REVIEW_PAIRS = 2000;

export interface DuplicateSearchInput {
  profiles: IdentityProfile[];
  config: IdentityConfigInput;
  /** A model to score with instead of training one on `profiles`. */
  model?: IdentityModel;
  /** Blocking keys stored on each profile, in the order of `profiles`: only changed ones are reported. */
  storedKeys?: (readonly string[] | null | undefined)[];
}

/** The evidence recorded on a cluster's merge: its most probable auto-merge pair. */
export interface ClusterEvidence {
  rules: string[];
  probability: number;
  matchWeight: number;
  evidence: StoredContribution[];
  reason: string;
}

export interface DuplicateSearchOutcome {
  clusters: { id: string; members: string[]; best?: ClusterEvidence }[];
  review: ReviewPairDoc[];
  reviewTotal: number;
  model: IdentityModel;
  stats: FindDuplicatesStats;
  /** Profiles whose stored blocking keys differ from the engine's (empty without `storedKeys`). */
  blockingKeyUpdates: { id: string; keys: string[] }[];
}

export function toReviewPair(p: ScoredPair): ReviewPairDoc {
  return {
    leftId: p.left,
    rightId: p.right,
    probability: round(p.probability, 6),
    matchWeight: round(p.matchWeight),
    decision: p.decision,
    rules: rulesOf(p.explanation),
    conflicts: [...p.explanation.conflicts],
    reason: p.explanation.reason,
    contributions: contributionsOf(p.explanation),
  };
}

export function searchDuplicates(input: DuplicateSearchInput): DuplicateSearchOutcome {
  const { profiles, config, model, storedKeys } = input;
  const result = engineCall(() => findDuplicates(profiles, config, model ? { model } : {}));
  const { clusters, pairs } = result.autoMerge;

  // The first pair of highest probability within each cluster (clusters are disjoint).
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, i) => c.members.forEach((id) => clusterOf.set(id, i)));
  const best: (ScoredPair | undefined)[] = new Array(clusters.length);
  for (const p of pairs) {
    const i = clusterOf.get(p.left);
    if (i === undefined || clusterOf.get(p.right) !== i) continue;
    if (!best[i] || p.probability > best[i].probability) best[i] = p;
  }

  const blockingKeyUpdates: DuplicateSearchOutcome['blockingKeyUpdates'] = [];
  if (storedKeys) {
    profiles.forEach((profile, i) => {
      // Stored keys follow the engine's default rules (see identityKeysOf), not the runtime config.
      const keys = blockingKeys(profile);
      const old = storedKeys[i] ?? [];
      if (old.length !== keys.length || old.some((k, j) => k !== keys[j])) {
        blockingKeyUpdates.push({ id: profile.id, keys });
      }
    });
  }

  return {
    clusters: clusters.map((c, i) => {
      const b = best[i];
      return {
        id: c.id,
        members: [...c.members],
        best: b && {
          rules: rulesOf(b.explanation),
          probability: b.probability,
          matchWeight: b.matchWeight,
          evidence: contributionsOf(b.explanation),
          reason: b.explanation.reason,
        },
      };
    }),
    review: result.review.slice(0, MAX_STORED_REVIEW_PAIRS).map(toReviewPair),
    reviewTotal: result.review.length,
    model: result.model,
    stats: result.stats,
    blockingKeyUpdates,
  };
}
