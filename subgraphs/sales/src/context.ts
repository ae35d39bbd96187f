import { salesTimelineCollections } from './timeline/timeline.sources';
import DataLoader from 'dataloader';
import {
  createByIdLoader,
  createGroupLoader,
  createParamGroupLoader,
} from '../../../shared/dataloader/loaders';
import type { EventOutbox } from '../../../shared/events';
import type { SalesSettings } from './config';
import type { CustomerPage } from './common/page-per-customer';
import { RefitCoordinator } from './customer-value/refit-scheduler';
import type { ValueModelDoc } from './customer-value/value-model.model';
import { ValueModelService } from './customer-value/value-model.service';
import { ValueModelVersions, type ActiveValueModel } from './customer-value/value-model-version.service';
import { CustomerIdentities, mergePages } from '../../../shared/federation/customer-identities';
import { combineOrderStats, combineReturnStats, toPurchaseStats } from './customer/purchase-stats';
import type { PurchaseStats } from './customer/customer.type';
import type { OrderDoc } from './order/order.model';
import { OrderService, type OrderPageParams } from './order/order.service';
import { ProductService } from './product/product.service';
import type { ReturnDoc } from './return/return.model';
import { ReturnService } from './return/return.service';
import type { SalesModels } from './models';
import type { PurchaseSummary } from './value-model';
import { systemClock, type Clock } from '../../../shared/time/clock';

/** What outlives a request: settings, the clock, the outbox and the process-wide refit coordinator. */
export interface SalesRuntime {
  settings: SalesSettings;
  now?: Clock;
  refits?: RefitCoordinator;
  /** Change events are written through it, in the transaction of the change. */
  outbox: EventOutbox;
}

export function createServices(models: SalesModels, runtime: SalesRuntime) {
  const { settings, now } = runtime;
  const valueModelVersions = new ValueModelVersions(models.valueModels, models.valueModelActive, {
    scheduledReplacesPinned: settings.scheduledRefitReplacesPinned,
    now,
  });
  return {
    /** Sales' collections on Customer.timeline. */
    timeline: salesTimelineCollections(models),
    products: new ProductService(models.products),
    orders: new OrderService(models.orders, models.products, runtime.outbox, {
      baseCurrency: settings.baseCurrency,
      importMaxBatch: settings.importMaxBatch,
      now,
    }),
    returns: new ReturnService(models.returns, models.orders, runtime.outbox, { now }),
    valueModels: new ValueModelService(models.orders, models.valueModels, valueModelVersions, {
      baseCurrency: settings.baseCurrency,
      purchaseModel: settings.purchaseModel,
      now,
    }),
    valueModelVersions,
  };
}

export type SalesServices = ReturnType<typeof createServices>;

/**
 * One set of loaders per request, never shared: caches must not leak between users. Each list or figure
 * for many customers is ONE loader, so 100 customers cost the same number of commands as one.
 */
export function createLoaders(
  services: SalesServices,
  settings: SalesSettings,
  identities: CustomerIdentities = new CustomerIdentities(),
) {
  /** Pages of several ids of one merged customer → one page: rows newest first, counts added. */
  const combinePages =
    <T extends { _id: string }>(first: number, timeOf: (row: T) => Date) =>
    (parts: CustomerPage<T>[]): CustomerPage<T> => ({
      rows: mergePages(
        parts.map((p) => p.rows),
        first + 1,
        timeOf,
      ),
      totalCount: parts.reduce((s, p) => s + p.totalCount, 0),
    });
  /** The model in use and whether it is pinned, read once per request (single key 'active'). */
  const activeValueModel = new DataLoader<'active', ActiveValueModel | null>(async (keys) => {
    const active = await services.valueModelVersions.active();
    return keys.map(() => active);
  });
  return {
    activeValueModel,
    productById: createByIdLoader(
      (ids) => services.products.findMany(ids),
      (p) => p._id,
    ),
    orderById: createByIdLoader(
      (ids) => services.orders.findMany(ids),
      (o) => o._id,
    ),
    orderByNumber: createByIdLoader(
      (n) => services.orders.findManyByNumber(n),
      (o) => o.orderNumber,
    ),
    returnsByOrder: createGroupLoader(
      (ids) => services.returns.findByOrders(ids),
      (r) => r.orderId,
    ),
    // Customer lists and figures include records under ids merged into the customer (CustomerIdentities).
    ordersPageByCustomer: createParamGroupLoader<OrderPageParams, CustomerPage<OrderDoc>>((ids, params) =>
      identities.perCustomer(
        ids,
        (all) => services.orders.pageForCustomers(all, params),
        combinePages<OrderDoc>(params.first, (o) => o.placedAt),
      ),
    ),
    returnsPageByCustomer: createParamGroupLoader<
      { first: number; after: string | null },
      CustomerPage<ReturnDoc>
    >((ids, params) =>
      identities.perCustomer(
        ids,
        (all) => services.returns.pageForCustomers(all, params),
        combinePages<ReturnDoc>(params.first, (r) => r.createdAt),
      ),
    ),
    // Orders and returns aggregated side by side: two commands for any number of customers.
    purchaseStatsByCustomer: new DataLoader<string, PurchaseStats>(async (ids) => {
      const [orders, returns] = await Promise.all([
        identities.perCustomer(ids, (all) => services.orders.statsForCustomers(all), combineOrderStats),
        identities.perCustomer(ids, (all) => services.returns.statsForCustomers(all), combineReturnStats),
      ]);
      return ids.map((id) => toPurchaseStats(orders.get(id), returns.get(id), settings.baseCurrency));
    }),
    /** The model in use (see activeValueModel). */
    currentValueModel: new DataLoader<'current', ValueModelDoc | null>(async (keys) => {
      const doc = (await activeValueModel.load('active'))?.doc ?? null;
      return keys.map(() => doc);
    }),
    purchaseSummaryByCustomer: createParamGroupLoader<{ asOf: string }, PurchaseSummary>((ids, params) =>
      services.valueModels.summaries(new Date(params.asOf), ids),
    ),
  };
}

export interface SalesContext {
  services: SalesServices;
  loaders: ReturnType<typeof createLoaders>;
  refits: RefitCoordinator;
  /** One "now" per request, so every default observation end in it is the same instant (one batch). */
  requestTime: Date;
  /** Merged ids of the customers of this request (from marketing, through @requires). */
  identities: CustomerIdentities;
}

export function createContext(models: SalesModels, runtime: SalesRuntime): SalesContext {
  const services = createServices(models, runtime);
  const refits =
    runtime.refits ??
    new RefitCoordinator(services.valueModels, {
      refitIntervalMinutes: 0,
      refitAfterImportedOrders: 0,
      refitImportDelaySeconds: 0,
    });
  const identities = new CustomerIdentities();
  return {
    services,
    identities,
    loaders: createLoaders(services, runtime.settings, identities),
    refits,
    requestTime: (runtime.now ?? systemClock)(),
  };
}
