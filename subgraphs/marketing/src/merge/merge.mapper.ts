import type { MergeDoc } from './merge.model';
import type { Merge } from './merge.type';

const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

export function toMerge(doc: MergeDoc): Merge {
  return {
    id: doc._id,
    survivorId: doc.survivorId,
    mergedIds: doc.mergedIds,
    status: doc.status,
    method: doc.method,
    rule: orNull(doc.rule),
    probability: orNull(doc.probability),
    matchWeight: orNull(doc.matchWeight),
    evidence: (doc.evidence ?? []).map((e) => ({ ...e, description: orNull(e.description) })),
    explanation: orNull(doc.explanation),
    reason: doc.reason,
    actor: doc.actor,
    jobId: orNull(doc.jobId),
    createdAt: doc.createdAt,
    appliedAt: orNull(doc.appliedAt),
    undoneAt: orNull(doc.undoneAt),
    undoneBy: orNull(doc.undoneBy),
    failure: orNull(doc.failure),
  };
}
