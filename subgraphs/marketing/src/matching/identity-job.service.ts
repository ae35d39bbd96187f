import { conflict, notFound } from '../../../../shared/errors';
import type { Logger } from '../../../../shared/logger/logger';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import type { Clock } from '../../../../shared/time/clock';
import { CustomerStatus } from '../customer/customer.enums';
import type { CustomerDoc, CustomerModel } from '../customer/customer.model';
import { MergeMethod } from '../merge/merge.enums';
import type { MergeService } from '../merge/merge.service';
import { searchDuplicatesInWorker } from './duplicate-search-in-worker';
import { round } from './identity-engine.adapter';
import {
  IdentityJobKind,
  IdentityJobStatus,
  type IdentityJobDoc,
  type IdentityJobModel,
} from './identity-job.model';
import { toIdentityProfile } from './identity-profile.mapper';
import {
  IDENTITY_FIELDS,
  MIN_TRAINING_PROFILES,
  type IdentityRuntime,
  type JobTracker,
} from './matching.service';

export { MAX_STORED_REVIEW_PAIRS, toReviewPair } from './duplicate-search';

/** A running job writes `heartbeatAt` this often, so another process can tell it is alive. */
export const JOB_HEARTBEAT_MS = 10_000;
/** A RUNNING job without a heartbeat for this long was left by a process that died (cf. STALE_MERGE_MS). */
export const STALE_JOB_MS = 60_000;
const INTERRUPTED =
  'interrupted: the process running this job stopped before it finished; start a new duplicate search';

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
    // A job whose process died after this one started (a restart within STALE_JOB_MS) is caught here.
    if (
      job.status === IdentityJobStatus.RUNNING &&
      (await this.recoverInterrupted(STALE_JOB_MS, id)).failed
    ) {
      return (await this.jobs.findById(id).lean<IdentityJobDoc>())!;
    }
    return job;
  }

  /**
   * Marks FAILED the RUNNING jobs whose process died (no heartbeat for `olderThanMs`); run at start-up.
   * Jobs of live processes (other replicas) keep beating and are left alone.
   */
  async recoverInterrupted(olderThanMs = STALE_JOB_MS, id?: string): Promise<{ failed: number }> {
    const now = this.clock();
    const before = new Date(now.getTime() - olderThanMs);
    const res = await this.jobs.updateMany(
      trustedFilter({
        ...(id ? { _id: id } : {}),
        status: IdentityJobStatus.RUNNING,
        $or: [
          { heartbeatAt: { $lte: before } },
          // Jobs written before heartbeats existed.
          { heartbeatAt: { $exists: false }, startedAt: { $lte: before } },
        ],
      }),
      {
        $set: { status: IdentityJobStatus.FAILED, finishedAt: now, error: INTERRUPTED },
        $unset: { runningKey: 1 },
      },
    );
    return { failed: res.modifiedCount };
  }

  async latestSucceeded(kind: IdentityJobKind): Promise<IdentityJobDoc | null> {
    return this.jobs
      .findOne({ kind, status: IdentityJobStatus.SUCCEEDED })
      .sort({ finishedAt: -1 })
      .lean<IdentityJobDoc>();
  }

  /**
   * At most one duplicate search runs per database (each one reads every profile and holds the engine's
   * whole working set): a second request while one runs is refused with CONFLICT naming the running
   * job, rather than queued, so the caller polls that job instead of starting a copy of it. The guard is
   * a unique index on `runningKey`, set only while RUNNING, so two requests racing each other cannot
   * both start.
   */
  async startFindDuplicates(options: { autoMerge: boolean; actor: string }): Promise<IdentityJobDoc> {
    const now = this.clock();
    // A job whose process died no longer blocks a new one.
    await this.recoverInterrupted();
    let job;
    try {
      [job] = await this.jobs.create([
        {
          kind: IdentityJobKind.FIND_DUPLICATES,
          status: IdentityJobStatus.RUNNING,
          runningKey: IdentityJobKind.FIND_DUPLICATES,
          autoMerge: options.autoMerge,
          actor: options.actor,
          startedAt: now,
          heartbeatAt: now,
        },
      ]);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const running = await this.jobs
        .findOne({ runningKey: IdentityJobKind.FIND_DUPLICATES }, { _id: 1 })
        .lean<Pick<IdentityJobDoc, '_id'>>();
      throw conflict('A duplicate search is already running; poll identityJob(id) for its result', {
        reason: 'JOB_RUNNING',
        runningJobId: running?._id ?? null,
      });
    }
    const doc = job.toObject() as IdentityJobDoc;
    this.tracker.track(this.runFindDuplicates(doc));
    return doc;
  }

  private async runFindDuplicates(job: IdentityJobDoc): Promise<void> {
    const heartbeat = setInterval(() => {
      this.jobs
        .updateOne(
          { _id: job._id, status: IdentityJobStatus.RUNNING },
          { $set: { heartbeatAt: this.clock() } },
        )
        .catch((err: unknown) => this.logger?.warn({ err, jobId: job._id }, 'identity job heartbeat failed'));
    }, JOB_HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const started = performance.now();
      const docs = await this.customers
        .find({ status: CustomerStatus.ACTIVE }, IDENTITY_FIELDS)
        .sort({ _id: 1 })
        // Small batches: each is decoded in one go on the event loop, which must keep serving requests.
        .batchSize(1000)
        .lean<CustomerDoc[]>();
      const small = docs.length < MIN_TRAINING_PROFILES;
      const model = small ? await this.runtime.currentModel() : undefined;
      // The engine runs in a worker thread: the API keeps answering during a long run.
      const result = await searchDuplicatesInWorker({
        profiles: docs.map(toIdentityProfile),
        config: this.runtime.config,
        model,
        storedKeys: docs.map((d) => d.blockingKeys),
      });
      if (!small) await this.runtime.saveModel(result.model, 'customers', docs.length);
      const keysRefreshed = await this.refreshBlockingKeys(result.blockingKeyUpdates);

      const mergeIds: string[] = [];
      let mergeFailures = 0;
      if (job.autoMerge) {
        const byId = new Map(docs.map((d) => [d._id, d]));
        for (const cluster of result.clusters) {
          const survivorId = pickSurvivor(cluster.members.map((id) => byId.get(id)!));
          const best = cluster.best;
          try {
            const merge = await this.merges.merge({
              survivorId,
              mergedIds: cluster.members.filter((id) => id !== survivorId),
              reason: `Automatic merge by identity job ${job._id}`,
              actor: job.actor,
              method: best?.rules.length ? MergeMethod.RULE : MergeMethod.SCORE,
              rule: best?.rules[0],
              probability: best?.probability,
              matchWeight: best?.matchWeight,
              evidence: best?.evidence ?? [],
              explanation: best?.reason,
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
          $unset: { runningKey: 1 },
          $set: {
            status: IdentityJobStatus.SUCCEEDED,
            finishedAt: this.clock(),
            review: result.review,
            reviewTotal: result.reviewTotal,
            autoMergeClusters: result.clusters.map((c) => c.members),
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
              modelTrainedOn: small ? 'prior-or-stored' : 'customers',
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
            $unset: { runningKey: 1 },
            $set: {
              status: IdentityJobStatus.FAILED,
              finishedAt: this.clock(),
              error: err instanceof Error ? err.message.slice(0, 500) : String(err),
            },
          },
        )
        .catch(() => {});
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Blocking keys follow the engine's rules; profiles written by older code (or the seed) get them here. */
  private async refreshBlockingKeys(updates: { id: string; keys: string[] }[]): Promise<number> {
    const ops = updates.map(({ id, keys }) => ({
      updateOne: { filter: { _id: id }, update: { $set: { blockingKeys: keys } } },
    }));
    for (let i = 0; i < ops.length; i += 1000) {
      await this.customers.bulkWrite(ops.slice(i, i + 1000), { ordered: false, timestamps: false });
    }
    return ops.length;
  }
}
