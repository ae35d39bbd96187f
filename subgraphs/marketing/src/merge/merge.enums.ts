import { registerEnumType } from 'type-graphql';

/**
 * A merge's life: written PENDING (with snapshots) before any profile changes, APPLIED once every profile
 * is written, ROLLED_BACK when applying failed and the snapshots were put back; UNDOING → UNDONE for
 * `unmergeCustomer`. The record is never deleted: it is the audit trail.
 */
export enum MergeStatus {
  PENDING = 'PENDING',
  APPLIED = 'APPLIED',
  ROLLED_BACK = 'ROLLED_BACK',
  UNDOING = 'UNDOING',
  UNDONE = 'UNDONE',
}

/** What decided the merge. */
export enum MergeMethod {
  /** A person chose the profiles (`mergeCustomers`). */
  MANUAL = 'MANUAL',
  /** A deterministic rule: the same email, phone or external id within its sharing limit. */
  RULE = 'RULE',
  /** The Fellegi–Sunter match probability at or above the auto-merge threshold. */
  SCORE = 'SCORE',
}

/** The role of a profile in a merge; each has a full snapshot from before the merge. */
export enum MergeRole {
  SURVIVOR = 'SURVIVOR',
  MERGED = 'MERGED',
  /** Merged into a profile that is now merged away itself: re-pointed to the new survivor. */
  REPOINTED = 'REPOINTED',
}

registerEnumType(MergeStatus, { name: 'MergeStatus', description: 'Where a merge is in its life.' });
registerEnumType(MergeMethod, { name: 'MergeMethod', description: 'What decided a merge.' });
