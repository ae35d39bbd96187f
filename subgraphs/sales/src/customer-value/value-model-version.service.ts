import { trusted } from 'mongoose';
import { badInput, notFound } from '../../../../shared/errors';
import { afterFilter } from '../../../../shared/graphql/pagination';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import type { RefitTriggerKind, ValueModelDoc, ValueModelModel } from './value-model.model';
import { ACTIVE_ID, type ValueModelActiveModel } from './value-model-version.model';
import { decideActivation, type ActivationDecision } from './value-model-version.rules';

export interface ActiveValueModel {
  doc: ValueModelDoc;
  pinned: boolean;
}

/**
 * Versions of the value model: every fit is stored (`value_models`), and one pointer says which of them
 * predictions use. Only a fit with parameters can become that one, and only as decideActivation allows.
 */
export class ValueModelVersions {
  private readonly now: Clock;

  constructor(
    private readonly fits: ValueModelModel,
    private readonly pointer: ValueModelActiveModel,
    private readonly options: { scheduledReplacesPinned: boolean; now?: Clock },
  ) {
    this.now = options.now ?? systemClock;
  }

  /**
   * The model in use. Without a pointer (a database written before versions existed), the newest fit with
   * parameters — never a newer one without.
   */
  async active(): Promise<ActiveValueModel | null> {
    const pointer = await this.pointer.findById(ACTIVE_ID).lean();
    if (pointer) {
      const doc = await this.fits.findById(pointer.modelId).lean<ValueModelDoc>();
      if (doc) return { doc, pinned: pointer.pinned };
    }
    const newestOk = await this.fits.findOne({ status: 'ok' }).sort({ fittedAt: -1 }).lean<ValueModelDoc>();
    return newestOk ? { doc: newestOk, pinned: false } : null;
  }

  /** Applies decideActivation to a fit just stored. */
  async afterFit(
    doc: ValueModelDoc,
    trigger: RefitTriggerKind,
    explicitAsOf: boolean,
  ): Promise<ActivationDecision> {
    const current = await this.active();
    const decision = decideActivation(
      { status: doc.status, trigger, explicitAsOf },
      current,
      this.options.scheduledReplacesPinned,
    );
    if (decision.activate) await this.point(doc._id, decision.pin, 'FIT');
    return decision;
  }

  /** Rolls back (or forward) to a stored fit on purpose; pinned, so a scheduled refit does not undo it. */
  async activate(id: string): Promise<ValueModelDoc> {
    const doc = await this.fits.findById(id).lean<ValueModelDoc>();
    if (!doc) throw notFound('ValueModel', id);
    if (doc.status !== 'ok') {
      throw badInput(
        'id',
        'is a fit without parameters (INSUFFICIENT_DATA) and cannot be used for predictions',
      );
    }
    await this.point(id, true, 'ROLLBACK');
    return doc;
  }

  /** Stored fits, newest first, `first + 1` rows from after the (fittedAt, _id) cursor. */
  async list(first: number, after: unknown[] | undefined): Promise<ValueModelDoc[]> {
    return this.fits
      .find(afterFilter('fittedAt', -1, after))
      .sort({ fittedAt: -1, _id: -1 })
      .limit(first + 1)
      .lean<ValueModelDoc[]>();
  }

  count(): Promise<number> {
    return this.fits.countDocuments({ _id: trusted({ $exists: true }) });
  }

  private async point(modelId: string, pinned: boolean, kind: 'FIT' | 'ROLLBACK'): Promise<void> {
    await this.pointer.updateOne(
      { _id: ACTIVE_ID },
      { $set: { modelId, pinned, kind, activatedAt: this.now() } },
      { upsert: true },
    );
  }
}
