import { AppError, ErrorCode, badInput, conflict, notFound } from '../../../../shared/errors';
import { newId } from '../../../../shared/ids/ids';
import type { Clock } from '../../../../shared/time/clock';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import { CustomerStatus } from '../customer/customer.enums';
import type { CustomerDoc, CustomerModel } from '../customer/customer.model';
import { MergeMethod, MergeRole, MergeStatus } from './merge.enums';
import type { MergeDoc, MergeEvidence, MergeModel, MergeSnapshot } from './merge.model';
import { applyOp, isRestored, planMerge, restoredDoc } from './merge.plan';

/** At most this many profiles merge into one survivor per call (a review decision, not a bulk job). */
export const MAX_MERGED_PER_CALL = 20;
/** A PENDING or UNDOING merge untouched for this long belongs to a process that died: recovery finishes it. */
export const STALE_MERGE_MS = 60_000;

export interface MergeRequest {
  survivorId: string;
  mergedIds: string[];
  reason: string;
  actor: string;
  method?: MergeMethod;
  rule?: string;
  probability?: number;
  matchWeight?: number;
  evidence?: MergeEvidence[];
  explanation?: string;
  jobId?: string;
}

/** Test seam: called after each write step, so tests can crash or race a merge between steps. */
export type MergeStepHook = (step: string, mergeId: string) => Promise<void> | void;

/** Stable `extensions.reason` values of merge CONFLICTs (clients switch on them). */
export const MergeConflict = {
  ALREADY_MERGED: 'ALREADY_MERGED',
  CONCURRENT_UPDATE: 'CONCURRENT_UPDATE',
  ALREADY_UNDONE: 'ALREADY_UNDONE',
  NOT_APPLIED: 'NOT_APPLIED',
  CHANGED_SINCE_MERGE: 'CHANGED_SINCE_MERGE',
} as const;

class StepConflict extends Error {}

/**
 * Merges and unmerges without transactions (a standalone MongoDB has none). The merge record is written
 * first, PENDING, with a full snapshot of every profile it will touch; each profile write is a whole-
 * document replace guarded by the revision read, and stamps `lastMergeOp`; then the record becomes
 * APPLIED. Any failure rolls back from the snapshots (only the profiles this merge actually wrote) and
 * marks the record ROLLED_BACK, so no reader is left with a half-merged customer for longer than the
 * rollback takes; a crash mid-way is finished by `recoverInterrupted` (run at start-up).
 */
export class MergeService {
  constructor(
    private readonly customers: CustomerModel,
    private readonly merges: MergeModel,
    private readonly clock: Clock,
    private readonly hook?: MergeStepHook,
  ) {}

  private async step(name: string, mergeId: string) {
    if (this.hook) await this.hook(name, mergeId);
  }

  async get(id: string): Promise<MergeDoc> {
    const doc = await this.merges.findById(id).lean<MergeDoc>();
    if (!doc) throw notFound('Merge', id);
    return doc;
  }

  /** Merges a profile took part in (as survivor, merged or re-pointed), newest first. */
  async historyOf(customerIds: readonly string[]): Promise<MergeDoc[]> {
    return this.merges
      .find(trustedFilter({ 'snapshots.customerId': { $in: [...customerIds] } }), { snapshots: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .lean<MergeDoc[]>();
  }

  async merge(req: MergeRequest): Promise<MergeDoc> {
    const mergedIds = req.mergedIds;
    if (mergedIds.length === 0) throw badInput('mergedIds', 'must name at least one profile');
    if (mergedIds.length > MAX_MERGED_PER_CALL) {
      throw badInput('mergedIds', `must name at most ${MAX_MERGED_PER_CALL} profiles`);
    }
    if (new Set(mergedIds).size !== mergedIds.length) throw badInput('mergedIds', 'lists a profile twice');
    if (mergedIds.includes(req.survivorId)) {
      throw badInput('mergedIds', 'must not contain the survivor');
    }
    const reason = req.reason.trim();
    if (!reason) throw badInput('reason', 'must not be blank');

    const ids = [req.survivorId, ...mergedIds];
    const docs = await this.customers.find(trustedFilter({ _id: { $in: ids } })).lean<CustomerDoc[]>();
    const byId = new Map(docs.map((d) => [d._id, d]));
    for (const [i, id] of ids.entries()) {
      const doc = byId.get(id);
      if (!doc) throw notFound('Customer', id);
      if (doc.status !== CustomerStatus.ACTIVE) {
        throw conflict(`Customer ${id} is already merged into ${doc.mergedInto ?? 'another profile'}`, {
          reason: MergeConflict.ALREADY_MERGED,
          field: i === 0 ? 'survivorId' : `mergedIds.${i - 1}`,
          customerId: id,
          mergedInto: doc.mergedInto ?? null,
        });
      }
    }
    const repointed = await this.customers
      .find(trustedFilter({ mergedInto: { $in: mergedIds } }))
      .lean<CustomerDoc[]>();

    const mergeId = newId('mrg');
    const now = this.clock();
    const survivor = byId.get(req.survivorId)!;
    const merged = mergedIds.map((id) => byId.get(id)!);
    const plan = planMerge({ mergeId, now, survivor, merged, repointed });
    const snapshots: MergeSnapshot[] = [
      {
        customerId: survivor._id,
        role: MergeRole.SURVIVOR,
        before: survivor,
        revisionAfter: plan.survivor.revision,
      },
      ...merged.map((m, i) => ({
        customerId: m._id,
        role: MergeRole.MERGED,
        before: m,
        revisionAfter: plan.merged[i].revision,
      })),
      ...repointed.map((r, i) => ({
        customerId: r._id,
        role: MergeRole.REPOINTED,
        before: r,
        revisionAfter: plan.repointed[i].revision,
      })),
    ];
    await this.merges.create(
      [
        {
          _id: mergeId,
          survivorId: survivor._id,
          mergedIds,
          status: MergeStatus.PENDING,
          method: req.method ?? MergeMethod.MANUAL,
          rule: req.rule,
          probability: req.probability,
          matchWeight: req.matchWeight,
          evidence: req.evidence ?? [],
          explanation: req.explanation,
          reason,
          actor: req.actor,
          jobId: req.jobId,
          snapshots,
          createdAt: now,
          updatedAt: now,
        },
      ],
      { timestamps: false },
    );
    await this.step('recorded', mergeId);

    try {
      // Merged-away profiles first: they release their emails and exclusive ids before the survivor
      // takes them (the unique indexes would refuse the other order).
      for (const d of [...plan.merged, ...plan.repointed]) await this.replaceGuarded(d, d.revision - 1);
      await this.step('merged-written', mergeId);
      await this.replaceGuarded(plan.survivor, survivor.revision);
      await this.step('survivor-written', mergeId);
    } catch (err) {
      await this.rollBack(mergeId, err);
      if (err instanceof StepConflict) {
        throw conflict('A profile of this merge changed while merging; nothing was merged, retry', {
          reason: MergeConflict.CONCURRENT_UPDATE,
          mergeId,
        });
      }
      throw err;
    }
    return this.setStatus(mergeId, MergeStatus.PENDING, MergeStatus.APPLIED, { appliedAt: this.clock() });
  }

  /** Puts back exactly the profiles of `mergeId` it wrote; the survivor first (it holds the emails). */
  private async rollBack(mergeId: string, cause: unknown): Promise<void> {
    const merge = await this.get(mergeId);
    const op = applyOp(mergeId);
    // Only what this merge wrote (revision and stamp match); untouched profiles are already as they were.
    for (const s of orderForRestore(merge.snapshots)) {
      await this.customers.collection.replaceOne(
        { _id: s.customerId, lastMergeOp: op, revision: s.revisionAfter } as never,
        restoredDoc(s.before),
      );
    }
    await this.merges.updateOne(
      { _id: mergeId, status: MergeStatus.PENDING },
      {
        $set: {
          status: MergeStatus.ROLLED_BACK,
          rolledBackAt: this.clock(),
          failure: cause instanceof Error ? cause.message.slice(0, 500) : String(cause),
          updatedAt: this.clock(),
        },
      },
      { timestamps: false },
    );
  }

  /**
   * Restores every profile of the merge exactly as its snapshot, and marks the merge UNDONE (the record
   * stays). Refused while a later change would be lost: the survivor (or a merged profile) was written
   * after the merge, e.g. merged again — undo that first.
   */
  async unmerge(mergeId: string, actor: string): Promise<MergeDoc> {
    const merge = await this.get(mergeId);
    if (merge.status === MergeStatus.UNDONE) {
      throw conflict(`Merge ${mergeId} was already undone`, {
        reason: MergeConflict.ALREADY_UNDONE,
        mergeId,
      });
    }
    if (merge.status === MergeStatus.PENDING || merge.status === MergeStatus.ROLLED_BACK) {
      throw conflict(`Merge ${mergeId} is ${merge.status}, not applied`, {
        reason: MergeConflict.NOT_APPLIED,
        mergeId,
      });
    }
    if (merge.status === MergeStatus.APPLIED) {
      await this.assertUnchangedSince(merge);
      await this.setStatus(mergeId, MergeStatus.APPLIED, MergeStatus.UNDOING, { undoneBy: actor });
    }
    // UNDOING: this call, or an earlier one that stopped half-way; every step below is idempotent.
    const op = applyOp(mergeId);
    for (const s of orderForRestore(merge.snapshots)) {
      const res = await this.customers.collection.replaceOne(
        { _id: s.customerId, revision: s.revisionAfter, lastMergeOp: op } as never,
        restoredDoc(s.before),
      );
      if (res.matchedCount === 0) {
        const now = await this.customers
          .findById(s.customerId, { revision: 1, lastMergeOp: 1 })
          .lean<CustomerDoc>();
        if (!now || !isRestored(now, s.before)) {
          // Changed between the check and the write. Nothing restored yet only when it is the first
          // (the survivor): then the merge simply stays APPLIED.
          if (s.role === MergeRole.SURVIVOR) {
            await this.setStatus(mergeId, MergeStatus.UNDOING, MergeStatus.APPLIED, {});
            throw conflict(`Customer ${s.customerId} changed while unmerging; retry`, {
              reason: MergeConflict.CONCURRENT_UPDATE,
              mergeId,
            });
          }
          throw new AppError(ErrorCode.CONFLICT, `Customer ${s.customerId} changed while unmerging`, {
            reason: MergeConflict.CONCURRENT_UPDATE,
            mergeId,
          });
        }
      }
      await this.step(`restored:${s.customerId}`, mergeId);
    }
    return this.setStatus(mergeId, MergeStatus.UNDOING, MergeStatus.UNDONE, { undoneAt: this.clock() });
  }

  private async assertUnchangedSince(merge: MergeDoc): Promise<void> {
    const ids = merge.snapshots.map((s) => s.customerId);
    const current = await this.customers
      .find(trustedFilter({ _id: { $in: ids } }), { revision: 1 })
      .lean<Pick<CustomerDoc, '_id' | 'revision'>[]>();
    const revisionOf = new Map(current.map((c) => [c._id, c.revision]));
    const moved = merge.snapshots.find((s) => revisionOf.get(s.customerId) !== s.revisionAfter);
    if (!moved) return;
    const later = await this.merges
      .findOne(
        trustedFilter({
          'snapshots.customerId': moved.customerId,
          status: MergeStatus.APPLIED,
          _id: { $ne: merge._id },
          createdAt: { $gte: merge.createdAt },
        }),
        { _id: 1 },
      )
      .sort({ createdAt: -1 })
      .lean<Pick<MergeDoc, '_id'>>();
    throw conflict(
      later
        ? `Customer ${moved.customerId} took part in a later merge ${later._id}; undo that one first`
        : `Customer ${moved.customerId} changed after the merge; undoing would lose that change`,
      {
        reason: MergeConflict.CHANGED_SINCE_MERGE,
        mergeId: merge._id,
        customerId: moved.customerId,
        laterMergeId: later?._id ?? null,
      },
    );
  }

  /** Finishes merges a crashed process left behind: PENDING ones are rolled back, UNDOING ones completed. */
  async recoverInterrupted(olderThanMs = STALE_MERGE_MS): Promise<{ rolledBack: number; undone: number }> {
    const before = new Date(this.clock().getTime() - olderThanMs);
    const stale = await this.merges
      .find(
        trustedFilter({
          status: { $in: [MergeStatus.PENDING, MergeStatus.UNDOING] },
          updatedAt: { $lte: before },
        }),
        { _id: 1, status: 1, undoneBy: 1 },
      )
      .lean<Pick<MergeDoc, '_id' | 'status' | 'undoneBy'>[]>();
    let rolledBack = 0;
    let undone = 0;
    for (const m of stale) {
      if (m.status === MergeStatus.PENDING) {
        await this.rollBack(m._id, new Error('interrupted; rolled back by recovery'));
        rolledBack++;
      } else {
        await this.unmerge(m._id, m.undoneBy ?? 'system');
        undone++;
      }
    }
    return { rolledBack, undone };
  }

  private async replaceGuarded(doc: CustomerDoc, expectedRevision: number): Promise<void> {
    const res = await this.customers.collection.replaceOne(
      { _id: doc._id, revision: expectedRevision } as never,
      doc,
    );
    if (res.matchedCount === 0) throw new StepConflict(`Customer ${doc._id} changed`);
  }

  private async setStatus(
    mergeId: string,
    from: MergeStatus,
    to: MergeStatus,
    set: Partial<MergeDoc>,
  ): Promise<MergeDoc> {
    const doc = await this.merges
      .findOneAndUpdate(
        { _id: mergeId, status: from },
        { $set: { ...set, status: to, updatedAt: this.clock() } },
        { returnDocument: 'after', timestamps: false },
      )
      .lean<MergeDoc>();
    if (!doc) {
      throw conflict(`Merge ${mergeId} is being changed concurrently`, {
        reason: MergeConflict.CONCURRENT_UPDATE,
        mergeId,
      });
    }
    return doc;
  }
}

/** Survivor first (it holds the identifiers the others get back), then the rest in record order. */
function orderForRestore(snapshots: MergeSnapshot[]): MergeSnapshot[] {
  return [
    ...snapshots.filter((s) => s.role === MergeRole.SURVIVOR),
    ...snapshots.filter((s) => s.role !== MergeRole.SURVIVOR),
  ];
}
