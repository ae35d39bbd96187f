import { notFound } from '../../../../shared/errors';
import type { Logger } from '../../../../shared/logger/logger';
import type { Clock } from '../common/clock';
import { CustomerStatus } from '../customer/customer.enums';
import type { CustomerDoc, CustomerModel } from '../customer/customer.model';
import { findDuplicates, type ScoredPair } from '../identity';
import { MergeMethod } from '../merge/merge.enums';
import type { MergeService } from '../merge/merge.service';
import { contributionsOf, engineCall, round, rulesOf } from './identity-engine.adapter';
import {
  IdentityJobKind,
  IdentityJobStatus,
  type IdentityJobDoc,
  type IdentityJobModel,
  type ReviewPairDoc,
} from './identity-job.model';
import { identityKeysOf, toIdentityProfile } from './identity-profile.mapper';
import {
  IDENTITY_FIELDS,
  MIN_TRAINING_PROFILES,
  type IdentityRuntime,
  type JobTracker,
} from './matching.service';

/** Review pairs kept on the job document (the total is reported); a human reviews the top of the list. */
export const MAX_STORED_REVIEW_PAIRS = 2000;

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

/** The oldest profile of a cluster survives: its id is the one other systems have known longest. */
export function pickSurvivor(members: readonly Pick<CustomerDoc, '_id' | 'createdAt'>[]): string {
  return [...members].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a._id < b._id ? -1 : 1),
  )[0]._id;
}

/**
 * `findDuplicates` as a background job: the mutation stores a RUNNING job and returns its id at once;
 * the run (read every live profile, score, cluster, optionally merge) finishes later and stores the
 * review list, the model it trained and refreshed blocking keys.
 */
export class IdentityJobService {
  constructor(
    private readonly customers: CustomerModel,
    private readonly jobs: IdentityJobModel,
    private readonly runtime: IdentityRuntime,
    private readonly merges: MergeService,
    private readonly tracker: JobTracker,
    private readonly clock: Clock,
    private readonly logger?: Logger,
  ) {}

  async get(id: string): Promise<IdentityJobDoc> {
    const job = await this.jobs.findById(id).lean<IdentityJobDoc>();
    if (!job) throw notFound('IdentityJob', id);
    return job;
  }

  async latestSucceeded(kind: IdentityJobKind): Promise<IdentityJobDoc | null> {
    return this.jobs
      .findOne({ kind, status: IdentityJobStatus.SUCCEEDED })
      .sort({ finishedAt: -1 })
      .lean<IdentityJobDoc>();
  }

  async startFindDuplicates(options: { autoMerge: boolean; actor: string }): Promise<IdentityJobDoc> {
    const [job] = await this.jobs.create([
      {
        kind: IdentityJobKind.FIND_DUPLICATES,
        status: IdentityJobStatus.RUNNING,
        autoMerge: options.autoMerge,
        actor: options.actor,
        startedAt: this.clock(),
      },
    ]);
    const doc = job.toObject() as IdentityJobDoc;
    // setImmediate: the mutation's response goes out before the CPU-bound scoring starts.
    this.tracker.track(
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.runFindDuplicates(doc)),
    );
    return doc;
  }

  private async runFindDuplicates(job: IdentityJobDoc): Promise<void> {
    try {
      const started = performance.now();
      const docs = await this.customers
        .find({ status: CustomerStatus.ACTIVE }, IDENTITY_FIELDS)
        .sort({ _id: 1 })
        .lean<CustomerDoc[]>();
      const small = docs.length < MIN_TRAINING_PROFILES;
      const model = small ? await this.runtime.currentModel() : undefined;
      const result = engineCall(() =>
        findDuplicates(docs.map(toIdentityProfile), this.runtime.config, model ? { model } : {}),
      );
      if (!small) await this.runtime.saveModel(result.model, 'customers', docs.length);
      const keysRefreshed = await this.refreshBlockingKeys(docs);

      const mergeIds: string[] = [];
      let mergeFailures = 0;
      if (job.autoMerge) {
        const byId = new Map(docs.map((d) => [d._id, d]));
        for (const cluster of result.autoMerge.clusters) {
          const survivorId = pickSurvivor(cluster.members.map((id) => byId.get(id)!));
          const inCluster = new Set(cluster.members);
          const best = result.autoMerge.pairs
            .filter((p) => inCluster.has(p.left) && inCluster.has(p.right))
            .sort((a, b) => b.probability - a.probability)[0];
          try {
            const merge = await this.merges.merge({
              survivorId,
              mergedIds: cluster.members.filter((id) => id !== survivorId),
              reason: `Automatic merge by identity job ${job._id}`,
              actor: job.actor,
              method: best?.explanation.rules.length ? MergeMethod.RULE : MergeMethod.SCORE,
              rule: best ? rulesOf(best.explanation)[0] : undefined,
              probability: best?.probability,
              matchWeight: best?.matchWeight,
              evidence: best ? contributionsOf(best.explanation) : [],
              explanation: best?.explanation.reason,
              jobId: job._id,
            });
            mergeIds.push(merge._id);
          } catch (err) {
            // A profile changed or merged meanwhile: that cluster waits for the next run.
            mergeFailures++;
            this.logger?.warn({ err, cluster: cluster.id }, 'automatic merge skipped');
          }
        }
      }
      const s = result.stats;
      await this.jobs.updateOne(
        { _id: job._id },
        {
          $set: {
            status: IdentityJobStatus.SUCCEEDED,
            finishedAt: this.clock(),
            review: result.review.slice(0, MAX_STORED_REVIEW_PAIRS).map(toReviewPair),
            reviewTotal: result.review.length,
            autoMergeClusters: result.autoMerge.clusters.map((c) => c.members),
            mergeIds,
            stats: {
              profiles: s.profiles,
              candidatePairs: s.candidatePairs,
              reductionFactor: round(s.reductionFactor, 1),
              deterministicPairs: s.deterministicPairs,
              autoMergePairs: s.autoMergePairs,
              reviewPairs: s.reviewPairs,
              clusters: s.clusters,
              profilesInClusters: s.profilesInClusters,
              conflictsHeldBack: s.conflictsHeldBack,
              modelTrainedOn: small ? 'synthetic-or-stored' : 'customers',
              blockingKeysRefreshed: keysRefreshed,
              merged: mergeIds.length,
              mergeFailures,
              engineMs: Math.round(s.timingsMs.total),
              durationMs: Math.round(performance.now() - started),
            },
          },
        },
      );
    } catch (err) {
      this.logger?.error({ err, jobId: job._id }, 'identity job failed');
      await this.jobs
        .updateOne(
          { _id: job._id },
          {
            $set: {
              status: IdentityJobStatus.FAILED,
              finishedAt: this.clock(),
              error: err instanceof Error ? err.message.slice(0, 500) : String(err),
            },
          },
        )
        .catch(() => {});
    }
  }

  /** Blocking keys follow the engine's rules; profiles written by older code (or the seed) get them here. */
  private async refreshBlockingKeys(docs: CustomerDoc[]): Promise<number> {
    const ops = [];
    for (const d of docs) {
      const keys = identityKeysOf(d);
      const old = d.blockingKeys ?? [];
      if (old.length === keys.length && old.every((k, i) => k === keys[i])) continue;
      ops.push({ updateOne: { filter: { _id: d._id }, update: { $set: { blockingKeys: keys } } } });
    }
    for (let i = 0; i < ops.length; i += 1000) {
      await this.customers.bulkWrite(ops.slice(i, i + 1000), { ordered: false, timestamps: false });
    }
    return ops.length;
  }
}
