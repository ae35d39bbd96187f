import type { EventOutbox } from '../../../../shared/events';
import { badInput, conflict, notFound } from '../../../../shared/errors';
import { ONE_REPLY_BATCH } from '../common/batch-size';
import { newId } from '../../../../shared/ids/ids';
import { pagePerCustomer, type CustomerPage } from '../common/page-per-customer';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import { statusAfterReturn } from '../order/order-status';
import type { OrderDoc, OrderModel } from '../order/order.model';
import { allocateReturn, computeRefundMinor } from './return-allocation';
import type { RecordReturnInput } from './return.input';
import type { ReturnDoc, ReturnModel } from './return.model';
import { systemClock, type Clock } from '../../../../shared/time/clock';

export interface ReturnStatsRow {
  returnCount: number;
  lastReturnAt: Date | null;
}

export class ReturnService {
  private readonly now: Clock;

  constructor(
    private readonly returns: ReturnModel,
    private readonly orders: OrderModel,
    private readonly outbox: EventOutbox,
    options: { now?: Clock } = {},
  ) {
    this.now = options.now ?? systemClock;
  }

  async findByOrders(orderIds: readonly string[]): Promise<ReturnDoc[]> {
    return this.returns
      .find(trustedFilter({ orderId: { $in: [...orderIds] } }))
      .sort({ createdAt: -1, _id: -1 })
      .batchSize(ONE_REPLY_BATCH)
      .lean<ReturnDoc[]>();
  }

  async pageForCustomers(
    customerIds: readonly string[],
    p: { first: number; after?: string | null },
  ): Promise<Map<string, CustomerPage<ReturnDoc>>> {
    return pagePerCustomer(this.returns, {
      customerIds,
      sortField: 'createdAt',
      first: p.first,
      after: p.after,
    });
  }

  /** returnCount and lastReturnAt of many customers in ONE aggregation (all currencies). */
  async statsForCustomers(customerIds: readonly string[]): Promise<Map<string, ReturnStatsRow>> {
    const rows = await this.returns
      .aggregate<ReturnStatsRow & { _id: string }>([
        { $match: { customerId: { $in: [...customerIds] } } },
        { $group: { _id: '$customerId', returnCount: { $sum: 1 }, lastReturnAt: { $max: '$createdAt' } } },
      ])
      .option({ batchSize: ONE_REPLY_BATCH });
    return new Map(rows.map((r) => [r._id, r]));
  }

  /**
   * Records a return: the order update (guarded by the revision it was read at, so two concurrent returns
   * can never both take the last unit), the return and its return.recorded event (plus
   * order.status-changed when the status moves) commit in one transaction, or nothing does.
   */
  async record(input: RecordReturnInput): Promise<{ ret: ReturnDoc; order: OrderDoc }> {
    const order = await this.orders.findById(input.orderId).lean<OrderDoc>();
    if (!order) throw notFound('Order', input.orderId);
    const allocation = allocateReturn(order.items, input.items, order.orderNumber, 'input.items');
    const status = statusAfterReturn(order.status, allocation.everythingReturned);
    const refundable = Math.max(0, order.totalMinor - order.shippingMinor - order.refundedMinor);
    if (input.amountMinor != null && input.amountMinor > refundable) {
      throw badInput('input.amountMinor', `must not exceed the refundable amount ${refundable}`, {
        refundable,
      });
    }
    const amountMinor =
      input.amountMinor ?? computeRefundMinor(order, allocation.goodsMinor, allocation.everythingReturned);
    const now = this.now();

    const doc: ReturnDoc = {
      _id: newId('ret'),
      orderId: order._id,
      customerId: order.customerId,
      orderNumber: order.orderNumber,
      items: input.items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
      reason: input.reason,
      ...(input.comment ? { comment: input.comment } : {}),
      amountMinor,
      currency: order.currency,
      createdAt: now,
      processedAt: now,
    };
    const updated = await this.outbox.runInTransaction(async (session, emit) => {
      const after = await this.orders
        .findOneAndUpdate(
          { _id: order._id, revision: order.revision },
          {
            $set: {
              status,
              items: order.items.map((item, k) => ({
                ...item,
                returnedQuantity: allocation.returnedQuantities[k],
              })),
              refundedMinor: order.refundedMinor + amountMinor,
            },
            $inc: { revision: 1 },
          },
          { returnDocument: 'after', session },
        )
        .lean<OrderDoc>();
      if (!after) return null;
      await this.returns.create([doc], { session });
      emit('return.recorded', order.customerId, {
        returnId: doc._id,
        orderId: order._id,
        currency: doc.currency,
        refundMinor: amountMinor,
        reason: doc.reason ?? null,
      });
      if (after.status !== order.status) {
        emit('order.status-changed', order.customerId, {
          orderId: order._id,
          orderNumber: order.orderNumber,
          from: order.status,
          to: after.status,
        });
      }
      return after;
    });
    if (!updated) throw conflict(`Order ${order.orderNumber} changed while recording the return; retry`);
    return { ret: doc, order: updated };
  }
}
