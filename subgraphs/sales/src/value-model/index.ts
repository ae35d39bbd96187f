import { badInput } from '../../../../shared/errors/app-error';
import {
  aggregateHistories,
  expectedPurchases,
  fitBgnbd,
  probabilityAlive,
  validateHistory,
  type BgnbdFit,
  type BgnbdParams,
  type PurchaseHistory,
  type PurchaseModelKind,
} from './bgnbd';
import { DEFAULT_MONTHLY_DISCOUNT_RATE, predictedLifetimeValue, validateClvOptions } from './clv';
import {
  countSpendInformative,
  expectedAverageOrderValue,
  fitGammaGamma,
  type GammaGammaParams,
} from './gamma-gamma';
import { rfmBreakpoints, rfmValuesFromSummary, scoreRfm, type RfmBreakpoints, type RfmScore } from './rfm';

/*
 * Facade of the value model: fit the purchase models (BG/NBD and MBG/NBD) and the spend model over the customer
 * base, then predict for one customer from the stored model and that customer's summary (never refitting), with
 * the purchase model chosen by the caller (configuration). Pure: no I/O, no clock.
 */

export * from './bgnbd';
export * from './gamma-gamma';
export * from './clv';
export * from './rfm';
export * from './purchase-summary';

/** What the fit needs per customer: the purchase summary's fields (time in days, money in major units). */
export interface CustomerSummary extends PurchaseHistory {
  monetaryValue: number;
  /** Total spend; needed only for RFM (breakpoints are computed when every summary has it). */
  total?: number;
}

export interface BgnbdEstimate extends BgnbdParams {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  standardErrors: BgnbdParams | null;
}

export interface GammaGammaEstimate extends GammaGammaParams {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Repeat buyers with positive spend that the fit used. */
  customers: number;
  standardErrors: GammaGammaParams | null;
}

interface ValueModelBase {
  asOf: Date;
  currency: string;
  timeUnit: 'day';
  customers: number;
  repeatBuyers: number;
  /** RFM quintile breakpoints over the same base; null when totals were not given. */
  rfm: RfmBreakpoints | null;
}

export interface FittedValueModel extends ValueModelBase {
  status: 'ok';
  /** The purchase model predictions use; both are fitted so their fits can be compared. */
  purchaseModel: PurchaseModelKind;
  bgnbd: BgnbdEstimate;
  /** MBG/NBD (same parameter names; a one-time buyer may have left). Null in fits stored before it existed. */
  mbgnbd: BgnbdEstimate | null;
  /** Null when too few repeat buyers have a positive spend to fit it (see `warnings`). */
  gammaGamma: GammaGammaEstimate | null;
  /** Things a reader of the numbers should know (non-convergence, skipped spend model, infinite mean spend). */
  warnings: string[];
}

export interface InsufficientValueModel extends ValueModelBase {
  status: 'insufficient-data';
  reason: string;
  purchaseModel: PurchaseModelKind;
  bgnbd: null;
  mbgnbd: null;
  gammaGamma: null;
  warnings: string[];
}

export type ValueModel = FittedValueModel | InsufficientValueModel;

export const MIN_CUSTOMERS = 100;
/** Three parameters from fewer spend observations than this are mostly noise. */
export const MIN_SPEND_CUSTOMERS = 20;

export const DEFAULT_PURCHASE_MODEL: PurchaseModelKind = 'MBG_NBD';

export interface FitValueModelOptions {
  asOf: Date;
  currency: string;
  /** The purchase model predictions will use (default MBG/NBD: one-time buyers get a real P(alive)). */
  purchaseModel?: PurchaseModelKind;
  minCustomers?: number;
  minSpendCustomers?: number;
}

export function fitValueModel(
  summaries: readonly CustomerSummary[],
  options: FitValueModelOptions,
): ValueModel {
  const { asOf, currency } = options;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw badInput('asOf', 'must be a valid date');
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    throw badInput('currency', 'must be an ISO 4217 code such as EUR');
  }
  const minCustomers = options.minCustomers ?? MIN_CUSTOMERS;
  const minSpendCustomers = options.minSpendCustomers ?? MIN_SPEND_CUSTOMERS;

  summaries.forEach((s, i) => {
    validateHistory(s, `summaries[${i}]`);
    if (!(Number.isFinite(s.monetaryValue) && s.monetaryValue >= 0)) {
      throw badInput(`summaries[${i}].monetaryValue`, 'must be a non-negative finite number');
    }
    if (s.total !== undefined && !(Number.isFinite(s.total) && s.total >= 0)) {
      throw badInput(`summaries[${i}].total`, 'must be a non-negative finite number');
    }
  });
  const customers = summaries.length;
  const repeatBuyers = summaries.filter((s) => s.x > 0).length;
  const withTotals = customers > 0 && summaries.every((s) => s.total !== undefined);
  const rfm = withTotals
    ? rfmBreakpoints(summaries.map((s) => rfmValuesFromSummary({ ...s, total: s.total as number })))
    : null;
  const purchaseModel = options.purchaseModel ?? DEFAULT_PURCHASE_MODEL;
  const base = { asOf, currency, timeUnit: 'day' as const, customers, repeatBuyers, rfm, purchaseModel };

  if (customers < minCustomers || repeatBuyers === 0) {
    const reason =
      customers < minCustomers
        ? `${customers} customers with purchases; at least ${minCustomers} are needed to fit the purchase model`
        : 'no customer has a repeat purchase, so purchase rates and drop-out cannot be estimated';
    return {
      ...base,
      status: 'insufficient-data',
      reason,
      bgnbd: null,
      mbgnbd: null,
      gammaGamma: null,
      warnings: [],
    };
  }

  const warnings: string[] = [];
  const rows = aggregateHistories(summaries);
  const toEstimate = (fit: BgnbdFit, label: string): BgnbdEstimate => {
    if (!fit.converged) warnings.push(`${label} fit did not converge: ${fit.message}`);
    return {
      ...fit.params,
      logLikelihood: fit.logLikelihood,
      converged: fit.converged,
      iterations: fit.iterations,
      standardErrors: fit.standardErrors,
    };
  };
  const bgnbd = toEstimate(fitBgnbd(rows, { model: 'BG_NBD' }), 'BG/NBD');
  const mbgnbd = toEstimate(fitBgnbd(rows, { model: 'MBG_NBD' }), 'MBG/NBD');

  let gammaGamma: GammaGammaEstimate | null = null;
  const spendCustomers = countSpendInformative(summaries);
  if (spendCustomers < minSpendCustomers) {
    warnings.push(
      `Gamma-Gamma spend model skipped: ${spendCustomers} repeat buyers with a positive spend, ${minSpendCustomers} needed`,
    );
  } else {
    const gg = fitGammaGamma(summaries.filter((s) => s.x > 0));
    if (!gg.converged) warnings.push(`Gamma-Gamma fit did not converge: ${gg.message}`);
    if (gg.params.q <= 1) {
      warnings.push(
        'Gamma-Gamma q ≤ 1: the population mean spend is infinite; customers without repeat purchases get no value',
      );
    }
    gammaGamma = {
      ...gg.params,
      logLikelihood: gg.logLikelihood,
      converged: gg.converged,
      iterations: gg.iterations,
      customers: gg.customers,
      standardErrors: gg.standardErrors,
    };
  }
  return { ...base, status: 'ok', bgnbd, mbgnbd, gammaGamma, warnings };
}

/** The parameters of the purchase model in use; a fit stored before MBG/NBD existed falls back to BG/NBD. */
export function purchaseModelInUse(model: FittedValueModel): {
  kind: PurchaseModelKind;
  params: BgnbdParams;
} {
  if (model.purchaseModel === 'MBG_NBD' && model.mbgnbd) return { kind: 'MBG_NBD', params: model.mbgnbd };
  return { kind: 'BG_NBD', params: model.bgnbd };
}

export interface PredictOptions {
  /** Horizon of expectedPurchases, in days. */
  days: number;
  /** Horizon of predictedLifetimeValue, in months. */
  months: number;
  monthlyDiscountRate?: number;
}

export interface CustomerPrediction {
  /** Expected purchase days in the next `days` days; null without a fitted model. */
  expectedPurchases: number | null;
  probabilityAlive: number | null;
  /** Expected value of one future purchase day, major units; null without a spend model. */
  expectedAverageOrderValue: number | null;
  /** Discounted expected revenue over `months` months, major units; null when either model is missing. */
  predictedLifetimeValue: number | null;
  rfm: RfmScore | null;
}

export function predictCustomer(
  model: ValueModel,
  summary: CustomerSummary,
  options: PredictOptions,
): CustomerPrediction {
  validateHistory(summary, 'summary');
  if (!(Number.isFinite(summary.monetaryValue) && summary.monetaryValue >= 0)) {
    throw badInput('summary.monetaryValue', 'must be a non-negative finite number');
  }
  if (!(Number.isFinite(options.days) && options.days >= 0))
    throw badInput('days', 'must be a non-negative number');
  const clv = validateClvOptions({
    months: options.months,
    monthlyDiscountRate: options.monthlyDiscountRate ?? DEFAULT_MONTHLY_DISCOUNT_RATE,
  });
  const rfm =
    model.rfm && summary.total !== undefined
      ? scoreRfm(model.rfm, rfmValuesFromSummary({ ...summary, total: summary.total }))
      : null;
  if (model.status !== 'ok') {
    return {
      expectedPurchases: null,
      probabilityAlive: null,
      expectedAverageOrderValue: null,
      predictedLifetimeValue: null,
      rfm,
    };
  }
  const { kind, params } = purchaseModelInUse(model);
  const aov = model.gammaGamma
    ? expectedAverageOrderValue(model.gammaGamma, summary.x, summary.monetaryValue)
    : null;
  return {
    expectedPurchases: expectedPurchases(params, summary, options.days, kind),
    probabilityAlive: probabilityAlive(params, summary, kind),
    expectedAverageOrderValue: aov,
    predictedLifetimeValue:
      aov === null ? null : predictedLifetimeValue(params, summary, aov, { ...clv, model: kind }),
    rfm,
  };
}
