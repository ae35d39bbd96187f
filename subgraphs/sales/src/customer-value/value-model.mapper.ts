import type { BgnbdEstimate, PurchaseModelKind, PurchaseSummary } from '../value-model';
import type { ValueModelDoc } from './value-model.model';
import {
  PurchaseModel,
  ValueModelStatus,
  type BgnbdParameters,
  type PurchaseSummaryInfo,
  type ValueModelInfo,
} from './value-model.type';

const toBgnbdParameters = (e: BgnbdEstimate | null | undefined): BgnbdParameters | null =>
  e
    ? {
        r: e.r,
        alpha: e.alpha,
        a: e.a,
        b: e.b,
        logLikelihood: e.logLikelihood,
        converged: e.converged,
        iterations: e.iterations,
      }
    : null;

/** `purchaseModel` is the configured one; a fit without MBG/NBD parameters predicts with BG/NBD. */
export function toValueModelInfo(doc: ValueModelDoc, purchaseModel: PurchaseModelKind): ValueModelInfo {
  return {
    id: doc._id,
    status: doc.status === 'ok' ? ValueModelStatus.OK : ValueModelStatus.INSUFFICIENT_DATA,
    reason: doc.reason ?? null,
    asOf: doc.asOf,
    fittedAt: doc.fittedAt,
    customers: doc.customers,
    repeatBuyers: doc.repeatBuyers,
    timeUnit: doc.timeUnit,
    currency: doc.currency,
    purchaseModel:
      purchaseModel === 'MBG_NBD' && (doc.mbgnbd || doc.status !== 'ok')
        ? PurchaseModel.MBG_NBD
        : PurchaseModel.BG_NBD,
    bgnbd: toBgnbdParameters(doc.bgnbd),
    mbgnbd: toBgnbdParameters(doc.mbgnbd),
    gammaGamma: doc.gammaGamma
      ? {
          p: doc.gammaGamma.p,
          q: doc.gammaGamma.q,
          v: doc.gammaGamma.v,
          logLikelihood: doc.gammaGamma.logLikelihood,
          converged: doc.gammaGamma.converged,
          iterations: doc.gammaGamma.iterations,
          customers: doc.gammaGamma.customers,
        }
      : null,
    warnings: doc.warnings ?? [],
    durationMs: doc.durationMs,
    trigger: doc.trigger,
  };
}

export function toPurchaseSummaryInfo(s: PurchaseSummary): PurchaseSummaryInfo {
  return {
    repeatPurchases: s.x,
    daysFirstToLastPurchase: s.tx,
    daysSinceFirstPurchase: s.T,
    meanRepeatValue: s.monetaryValue,
    total: s.total,
    firstPurchaseAt: s.firstPurchaseAt,
    lastPurchaseAt: s.lastPurchaseAt,
  };
}
