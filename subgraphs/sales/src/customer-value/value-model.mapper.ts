import type { PurchaseSummary } from '../value-model';
import type { ValueModelDoc } from './value-model.model';
import { ValueModelStatus, type PurchaseSummaryInfo, type ValueModelInfo } from './value-model.type';

export function toValueModelInfo(doc: ValueModelDoc): ValueModelInfo {
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
    bgnbd: doc.bgnbd
      ? {
          r: doc.bgnbd.r,
          alpha: doc.bgnbd.alpha,
          a: doc.bgnbd.a,
          b: doc.bgnbd.b,
          logLikelihood: doc.bgnbd.logLikelihood,
          converged: doc.bgnbd.converged,
          iterations: doc.bgnbd.iterations,
        }
      : null,
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
