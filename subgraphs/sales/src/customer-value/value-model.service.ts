import { performance } from 'node:perf_hooks';
import { badInput } from '../../../../shared/errors';
import { newId } from '../../../../shared/ids/ids';
import { ONE_REPLY_BATCH } from '../common/batch-size';
import type { OrderModel } from '../order/order.model';
import { fitValueModel, type PurchaseModelKind, type PurchaseSummary, type ValueModel } from '../value-model';
import { fitValueModelInWorker } from './fit-in-worker';
import { purchaseSummaryPipeline, toPurchaseSummary, type SummaryRow } from './purchase-summary.pipeline';
import type { RefitTriggerKind, ValueModelDoc, ValueModelModel } from './value-model.model';
import type { ValueModelVersions } from './value-model-version.service';
import { systemClock, type Clock } from '../../../../shared/time/clock';

/** An observation end a few minutes ahead is clock skew, not a request for the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export class ValueModelService {
  private readonly now: Clock;

  constructor(
    private readonly orders: OrderModel,
    private readonly valueModels: ValueModelModel,
    private readonly versions: ValueModelVersions,
    private readonly options: {
      baseCurrency: string;
      /** The purchase model predictions use (both are fitted and stored); MBG/NBD by default. */
      purchaseModel?: PurchaseModelKind;
      now?: Clock;
      /** Fit in a worker thread (default), keeping the event loop free for requests. */
      fitInWorker?: boolean;
    },
  ) {
    this.now = options.now ?? systemClock;
  }

  get currency(): string {
    return this.options.baseCurrency;
  }

  get purchaseModel(): PurchaseModelKind {
    return this.options.purchaseModel ?? 'MBG_NBD';
  }

  /**
   * Purchase summaries up to `asOf` from ONE aggregation: of the given customers, or of every customer
   * (the refit). Customers without a purchase by then are absent (BG/NBD starts at the first purchase).
   */
  async summaries(asOf: Date, customerIds?: readonly string[]): Promise<Map<string, PurchaseSummary>> {
    const currency = this.options.baseCurrency;
    const rows = await this.orders
      .aggregate<SummaryRow>(purchaseSummaryPipeline({ asOf, currency, customerIds }) as never[])
      .option({ batchSize: ONE_REPLY_BATCH });
    return new Map(rows.map((r) => [r._id, toPurchaseSummary(r, asOf, currency)]));
  }

  /** The fit predictions use (see ValueModelVersions), or null before the first usable one. */
  async current(): Promise<ValueModelDoc | null> {
    return (await this.versions.active())?.doc ?? null;
  }

  /**
   * Fits both models on every customer's history up to `asOf` and stores the result as a version; whether
   * it becomes the one in use is ValueModelVersions' decision (never without parameters).
   */
  async refit(asOf: Date | undefined, trigger: RefitTriggerKind): Promise<ValueModelDoc> {
    const now = this.now();
    const end = asOf ?? now;
    if (Number.isNaN(end.getTime())) throw badInput('asOf', 'is not a valid time');
    if (end.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      throw badInput('asOf', 'must not be in the future');
    const started = performance.now();
    const summaries = [...(await this.summaries(end)).values()];
    const input = summaries.map((s) => ({
      x: s.x,
      tx: s.tx,
      T: s.T,
      monetaryValue: s.monetaryValue,
      total: s.total,
    }));
    const fitOptions = { asOf: end, currency: this.options.baseCurrency, purchaseModel: this.purchaseModel };
    const model: ValueModel =
      this.options.fitInWorker === false
        ? fitValueModel(input, fitOptions)
        : await fitValueModelInWorker(input, fitOptions);
    const doc: ValueModelDoc = {
      _id: newId('vmf'),
      status: model.status,
      reason: model.status === 'insufficient-data' ? model.reason : null,
      asOf: end,
      fittedAt: this.now(),
      durationMs: Math.round(performance.now() - started),
      trigger,
      currency: model.currency,
      timeUnit: model.timeUnit,
      customers: model.customers,
      repeatBuyers: model.repeatBuyers,
      bgnbd: model.bgnbd,
      mbgnbd: model.mbgnbd,
      gammaGamma: model.gammaGamma,
      rfm: model.rfm,
      warnings: model.warnings,
    };
    await this.valueModels.create(doc);
    await this.versions.afterFit(doc, trigger, asOf !== undefined);
    return doc;
  }
}

/**
 * The stored document in the shape `predictCustomer` reads, predicting with `purchaseModel` (the configured
 * one); a fit stored before MBG/NBD existed has no MBG/NBD parameters and predicts with BG/NBD.
 */
export function toValueModel(doc: ValueModelDoc, purchaseModel: PurchaseModelKind): ValueModel {
  const base = {
    asOf: doc.asOf,
    currency: doc.currency,
    timeUnit: 'day' as const,
    customers: doc.customers,
    repeatBuyers: doc.repeatBuyers,
    rfm: doc.rfm,
    warnings: doc.warnings ?? [],
  };
  if (doc.status === 'ok' && doc.bgnbd) {
    const mbgnbd = doc.mbgnbd ?? null;
    return {
      ...base,
      status: 'ok',
      purchaseModel: purchaseModel === 'MBG_NBD' && mbgnbd ? 'MBG_NBD' : 'BG_NBD',
      bgnbd: doc.bgnbd,
      mbgnbd,
      gammaGamma: doc.gammaGamma,
    };
  }
  return {
    ...base,
    status: 'insufficient-data',
    reason: doc.reason ?? 'not fitted',
    purchaseModel,
    bgnbd: null,
    mbgnbd: null,
    gammaGamma: null,
  };
}
