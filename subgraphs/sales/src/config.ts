import { z } from 'zod';
import { booleanSchema, parseEnv } from '../../../shared/config/env';
import { loadSubgraphConfig, type SubgraphConfig } from '../../../shared/config/service-config';
import { isSupportedCurrency } from '../../../shared/money/money';
import { PURCHASE_MODEL_KINDS, type PurchaseModelKind } from './value-model/bgnbd';

export interface SalesSettings {
  /** Currency of revenue figures and of the value model (SALES_BASE_CURRENCY). */
  baseCurrency: string;
  /** Largest `importOrders` batch (SALES_IMPORT_MAX_BATCH). */
  importMaxBatch: number;
  /** Minutes between scheduled value-model refits; 0 = no schedule (SALES_VALUE_MODEL_REFIT_MINUTES). */
  refitIntervalMinutes: number;
  /** Orders imported (since the last fit) that trigger a refit; 0 = never (SALES_REFIT_AFTER_IMPORTED_ORDERS). */
  refitAfterImportedOrders: number;
  /** Quiet time after the last import batch before that refit starts (SALES_REFIT_IMPORT_DELAY_SECONDS). */
  refitImportDelaySeconds: number;
  /**
   * The purchase model predictions use (SALES_PURCHASE_MODEL): MBG_NBD (default; a one-time buyer can have
   * left) or BG_NBD (FHL 2005; a one-time buyer is alive by assumption). Both are fitted at every refit.
   */
  purchaseModel: PurchaseModelKind;
  /**
   * Whether scheduled and import refits replace a model pinned by an explicit `refitValueModel(asOf)` or
   * `activateValueModel` (SALES_SCHEDULED_REFIT_REPLACES_PINNED; default false).
   */
  scheduledRefitReplacesPinned: boolean;
}

export type SalesConfig = SubgraphConfig & { sales: SalesSettings };

/** Defaults for `createSalesServer` callers that pass no sales settings (tests): no background work. */
export const DEFAULT_SALES_SETTINGS: SalesSettings = {
  baseCurrency: 'EUR',
  importMaxBatch: 5000,
  refitIntervalMinutes: 0,
  refitAfterImportedOrders: 0,
  refitImportDelaySeconds: 30,
  purchaseModel: 'MBG_NBD',
  scheduledRefitReplacesPinned: false,
};

const salesSchema = z.object({
  SALES_BASE_CURRENCY: z
    .string()
    .default('EUR')
    .refine(isSupportedCurrency, 'must be an upper-case ISO 4217 code such as EUR'),
  SALES_IMPORT_MAX_BATCH: z.coerce.number().int().min(1).max(20_000).default(5000),
  SALES_VALUE_MODEL_REFIT_MINUTES: z.coerce.number().int().min(0).default(360),
  SALES_REFIT_AFTER_IMPORTED_ORDERS: z.coerce.number().int().min(0).default(1000),
  SALES_REFIT_IMPORT_DELAY_SECONDS: z.coerce.number().int().min(0).default(30),
  SALES_PURCHASE_MODEL: z
    .enum(PURCHASE_MODEL_KINDS as [PurchaseModelKind, ...PurchaseModelKind[]])
    .default('MBG_NBD'),
  SALES_SCHEDULED_REFIT_REPLACES_PINNED: booleanSchema(false),
});

/** The only reader of `process.env` in this service. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SalesConfig {
  const base = loadSubgraphConfig('sales', { port: 4002, dbName: 'c360_sales' }, env);
  const s = parseEnv(salesSchema, env);
  return {
    ...base,
    sales: {
      baseCurrency: s.SALES_BASE_CURRENCY,
      importMaxBatch: s.SALES_IMPORT_MAX_BATCH,
      refitIntervalMinutes: s.SALES_VALUE_MODEL_REFIT_MINUTES,
      refitAfterImportedOrders: s.SALES_REFIT_AFTER_IMPORTED_ORDERS,
      refitImportDelaySeconds: s.SALES_REFIT_IMPORT_DELAY_SECONDS,
      purchaseModel: s.SALES_PURCHASE_MODEL,
      scheduledRefitReplacesPinned: s.SALES_SCHEDULED_REFIT_REPLACES_PINNED,
    },
  };
}
