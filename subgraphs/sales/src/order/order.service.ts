import { badInput, conflict, notFound } from '../../../../shared/errors';
import type { EventOutbox } from '../../../../shared/events';
import { ONE_REPLY_BATCH } from '../common/batch-size';
import { newId } from '../../../../shared/ids/ids';
import { pagePerCustomer, type CustomerPage } from '../common/page-per-customer';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import type { ProductDoc, ProductModel } from '../product/product.model';
import { newOrderNumber } from './order-number';
import { assertTransition } from './order-status';
import { computeOrderTotals, reconcileImportedTotals } from './order-totals';
import { NOT_PURCHASE_STATUSES, OrderStatus } from './order.enums';
import type { ImportOrderInput, PlaceOrderInput } from './order.input';
import type { OrderDoc, OrderItemDoc, OrderModel } from './order.model';
import { systemClock, type Clock } from '../../../../shared/time/clock';

export interface OrderServiceOptions {
  baseCurrency: string;
  importMaxBatch: number;
  /** Injected clock, so tests can pin "now" (future-dated imports are rejected against it). */
  now?: Clock;
}

export interface OrderPageParams {
  first: number;
  after?: string | null;
  status?: OrderStatus | null;
}

/** Per-customer order figures from one aggregation; see PurchaseStats for the meaning of each. */
export interface OrderStatsRow {
  orderCount: number;
  baseCurrencyOrderCount: number;
  netRevenueMinor: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
}

/** Clocks differ between systems; an import a few minutes "in the future" is not an error. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

export class OrderService {
  private readonly now: Clock;

  constructor(
    private readonly orders: OrderModel,
    private readonly products: ProductModel,
    private readonly outbox: EventOutbox,
    readonly options: OrderServiceOptions,
  ) {
    this.now = options.now ?? systemClock;
  }

  async findMany(ids: readonly string[]): Promise<OrderDoc[]> {
    return this.orders
      .find(trustedFilter({ _id: { $in: [...ids] } }))
      .batchSize(ONE_REPLY_BATCH)
      .lean<OrderDoc[]>();
  }

  async findManyByNumber(numbers: readonly string[]): Promise<OrderDoc[]> {
    return this.orders
      .find(trustedFilter({ orderNumber: { $in: [...numbers] } }))
      .batchSize(ONE_REPLY_BATCH)
      .lean<OrderDoc[]>();
  }

  async get(id: string): Promise<OrderDoc> {
    const doc = await this.orders.findById(id).lean<OrderDoc>();
    if (!doc) throw notFound('Order', id);
    return doc;
  }

  /** One page of orders (newest first) for each of many customers, in two commands. */
  async pageForCustomers(
    customerIds: readonly string[],
    p: OrderPageParams,
  ): Promise<Map<string, CustomerPage<OrderDoc>>> {
    return pagePerCustomer(this.orders, {
      customerIds,
      match: p.status ? { status: p.status } : undefined,
      sortField: 'placedAt',
      first: p.first,
      after: p.after,
    });
  }

  /**
   * Order figures of many customers in ONE aggregation. Cancelled and entirely returned orders are left out
   * everywhere (an undone purchase is no purchase: the value model's definition, so `lastOrderAt` agrees with
   * RFM recency); revenue is net of refunds and counts base-currency orders only (other currencies apart).
   */
  async statsForCustomers(customerIds: readonly string[]): Promise<Map<string, OrderStatsRow>> {
    const base = this.options.baseCurrency;
    const isBase = { $eq: ['$currency', base] };
    const rows = await this.orders
      .aggregate<OrderStatsRow & { _id: string }>([
        { $match: { customerId: { $in: [...customerIds] }, status: { $nin: NOT_PURCHASE_STATUSES } } },
        {
          $group: {
            _id: '$customerId',
            orderCount: { $sum: 1 },
            baseCurrencyOrderCount: { $sum: { $cond: [isBase, 1, 0] } },
            netRevenueMinor: {
              $sum: {
                $cond: [isBase, { $subtract: ['$totalMinor', { $ifNull: ['$refundedMinor', 0] }] }, 0],
              },
            },
            firstOrderAt: { $min: '$placedAt' },
            lastOrderAt: { $max: '$placedAt' },
          },
        },
      ])
      .option({ batchSize: ONE_REPLY_BATCH });
    return new Map(rows.map((r) => [r._id, r]));
  }

  async place(input: PlaceOrderInput): Promise<OrderDoc> {
    const status = input.status ?? OrderStatus.PENDING;
    if (status !== OrderStatus.PENDING && status !== OrderStatus.PAID) {
      throw badInput('input.status', 'must be PENDING or PAID for a new order');
    }
    const items = await this.priceLines(input);
    const totals = computeOrderTotals(items, input, 'input');
    const now = this.now();
    // A random order number can collide (rarely); the unique index catches it and we draw another.
    for (let attempt = 0; ; attempt++) {
      try {
        // The order and its order.placed event commit together (a duplicate number aborts both).
        return await this.outbox.runInTransaction(async (session, emit) => {
          const [doc] = await this.orders.create(
            [
              {
                orderNumber: newOrderNumber(now),
                customerId: input.customerId,
                channel: input.channel,
                status,
                items,
                currency: input.currency,
                ...totals,
                refundedMinor: 0,
                placedAt: now,
                source: 'API',
                revision: 0,
              },
            ],
            { session },
          );
          const order = doc.toObject() as OrderDoc;
          emit('order.placed', order.customerId, {
            orderId: order._id,
            orderNumber: order.orderNumber,
            status: order.status,
            channel: order.channel,
            currency: order.currency,
            totalMinor: order.totalMinor,
            itemCount: order.items.reduce((n, item) => n + item.quantity, 0),
          });
          return order;
        });
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 2) throw err;
      }
    }
  }

  /** Resolves each line's product (by id or SKU, one query for all) and its unit price. */
  private async priceLines(input: PlaceOrderInput): Promise<OrderItemDoc[]> {
    const ids = new Set<string>();
    const skus = new Set<string>();
    input.items.forEach((item, i) => {
      if (!!item.productId === !!item.sku)
        throw badInput(`input.items[${i}]`, 'give exactly one of productId or sku');
      if (item.productId) ids.add(item.productId);
      if (item.sku) skus.add(item.sku);
    });
    const or: Record<string, unknown>[] = [];
    if (ids.size) or.push({ _id: { $in: [...ids] } });
    if (skus.size) or.push({ sku: { $in: [...skus] } });
    const products = await this.products
      .find(trustedFilter({ $or: or }))
      .batchSize(ONE_REPLY_BATCH)
      .lean<ProductDoc[]>();
    const byId = new Map(products.map((p) => [p._id, p]));
    const bySku = new Map(products.map((p) => [p.sku, p]));

    return input.items.map((item, i) => {
      const field = `input.items[${i}].${item.productId ? 'productId' : 'sku'}`;
      const product = item.productId ? byId.get(item.productId) : bySku.get(item.sku!);
      if (!product) throw badInput(field, `no product ${item.productId ?? item.sku}`);
      if (!product.active) throw badInput(field, `product ${product.sku} is not active`);
      if (item.unitPriceMinor == null && product.currency !== input.currency) {
        throw badInput(
          `input.items[${i}].unitPriceMinor`,
          `product ${product.sku} is priced in ${product.currency}, the order is in ${input.currency}; give unitPriceMinor`,
        );
      }
      return {
        productId: product._id,
        sku: product.sku,
        name: product.name,
        quantity: item.quantity,
        unitPriceMinor: item.unitPriceMinor ?? product.priceMinor,
        returnedQuantity: 0,
      };
    });
  }

  async changeStatus(id: string, to: OrderStatus): Promise<OrderDoc> {
    const order = await this.get(id);
    assertTransition(order.status, to);
    const updated = await this.outbox.runInTransaction(async (session, emit) => {
      const doc = await this.orders
        .findOneAndUpdate(
          { _id: id, revision: order.revision },
          { $set: { status: to }, $inc: { revision: 1 } },
          { returnDocument: 'after', session },
        )
        .lean<OrderDoc>();
      if (doc && doc.status !== order.status) {
        emit('order.status-changed', doc.customerId, {
          orderId: doc._id,
          orderNumber: doc.orderNumber,
          from: order.status,
          to: doc.status,
        });
      }
      return doc;
    });
    if (!updated) throw conflict(`Order ${order.orderNumber} changed while updating; retry`, { id });
    return updated;
  }

  /**
   * Historical import, all or nothing: every order is checked first (fields, totals, time, duplicate
   * numbers within the batch and against the database), then one ordered insertMany writes them; if that
   * fails part-way (a concurrent import took a number), the rows of this batch already written are removed.
   */
  async importBatch(inputs: readonly ImportOrderInput[]): Promise<OrderDoc[]> {
    const max = this.options.importMaxBatch;
    if (inputs.length === 0) throw badInput('orders', 'must contain at least one order');
    if (inputs.length > max) throw badInput('orders', `must contain at most ${max} orders per call`, { max });
    const now = this.now();
    const latestAllowed = now.getTime() + FUTURE_TOLERANCE_MS;
    const seen = new Set<string>();
    const repeated = new Set<string>();
    const docs: OrderDoc[] = inputs.map((o, i) => {
      const at = `orders[${i}]`;
      if (seen.has(o.orderNumber)) repeated.add(o.orderNumber);
      seen.add(o.orderNumber);
      const placedAt = o.placedAt;
      if (!(placedAt instanceof Date) || Number.isNaN(placedAt.getTime()))
        throw badInput(`${at}.placedAt`, 'is not a valid time');
      if (placedAt.getTime() > latestAllowed) throw badInput(`${at}.placedAt`, 'must not be in the future');
      const lines = o.items ?? [];
      const totals = reconcileImportedTotals(lines, o, at);
      const status = o.status ?? OrderStatus.DELIVERED;
      const refundedMinor = o.refundedMinor ?? (status === OrderStatus.RETURNED ? totals.totalMinor : 0);
      if (refundedMinor > totals.totalMinor)
        throw badInput(`${at}.refundedMinor`, 'must not exceed the total');
      const fullyReturned = status === OrderStatus.RETURNED;
      return {
        _id: newId('ord'),
        orderNumber: o.orderNumber,
        customerId: o.customerId,
        channel: o.channel,
        status,
        items: lines.map((l) => ({
          ...(l.productId ? { productId: l.productId } : {}),
          sku: l.sku,
          name: l.name ?? l.sku,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
          returnedQuantity: fullyReturned ? l.quantity : 0,
        })),
        currency: o.currency,
        ...totals,
        refundedMinor,
        placedAt,
        source: 'IMPORT',
        revision: 0,
        createdAt: now,
        updatedAt: now,
      };
    });
    if (repeated.size) {
      const numbers = [...repeated].slice(0, 20);
      throw conflict(`Order numbers repeated within the batch: ${numbers.join(', ')}`, {
        orderNumbers: numbers,
      });
    }
    const existing = await this.orders
      .find(trustedFilter({ orderNumber: { $in: [...seen] } }), { orderNumber: 1 })
      .limit(20)
      .lean<Pick<OrderDoc, 'orderNumber'>[]>();
    if (existing.length) {
      const numbers = existing.map((e) => e.orderNumber);
      throw conflict(`Order numbers already exist: ${numbers.join(', ')}; nothing was imported`, {
        orderNumbers: numbers,
      });
    }
    try {
      // `lean` skips per-document hydration/casting: every field was validated above.
      await this.orders.insertMany(docs, { ordered: true, lean: true });
    } catch (err) {
      await this.orders.deleteMany(trustedFilter({ _id: { $in: docs.map((d) => d._id) } }));
      if (isDuplicateKey(err))
        throw conflict('An order number of this batch was imported concurrently; nothing was imported');
      throw err;
    }
    return docs;
  }
}
