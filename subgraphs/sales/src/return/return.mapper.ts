import { toMoney } from '../../../../shared/money/money.mapper';
import type { ReturnDoc } from './return.model';
import type { OrderReturn } from './return.type';

export function toOrderReturn(doc: ReturnDoc): OrderReturn {
  return {
    id: doc._id,
    orderId: doc.orderId,
    orderNumber: doc.orderNumber,
    customerId: doc.customerId,
    items: doc.items.map((i) => ({ sku: i.sku, quantity: i.quantity })),
    reason: doc.reason,
    comment: doc.comment ?? null,
    amount: toMoney(doc.amountMinor, doc.currency),
    createdAt: doc.createdAt,
    processedAt: doc.processedAt ?? null,
  };
}
