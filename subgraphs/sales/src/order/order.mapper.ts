import { multiplyMinor } from '../../../../shared/money/money';
import { toMoney } from '../../../../shared/money/money.mapper';
import type { OrderDoc } from './order.model';
import type { Order } from './order.type';

export function toOrder(doc: OrderDoc): Order {
  const m = (minor: number | undefined) => toMoney(minor ?? 0, doc.currency);
  return {
    id: doc._id,
    orderNumber: doc.orderNumber,
    customerId: doc.customerId,
    channel: doc.channel,
    status: doc.status,
    currency: doc.currency,
    items: doc.items.map((i) => ({
      productId: i.productId ?? null,
      sku: i.sku,
      name: i.name,
      quantity: i.quantity,
      returnedQuantity: i.returnedQuantity ?? 0,
      unitPrice: m(i.unitPriceMinor),
      lineTotal: m(multiplyMinor(i.unitPriceMinor, i.quantity)),
    })),
    subtotal: m(doc.subtotalMinor),
    discount: m(doc.discountMinor),
    shipping: m(doc.shippingMinor),
    tax: m(doc.taxMinor),
    total: m(doc.totalMinor),
    refunded: m(doc.refundedMinor),
    placedAt: doc.placedAt,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
