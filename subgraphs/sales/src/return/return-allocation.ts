import { badInput } from '../../../../shared/errors';
import { multiplyMinor, prorate, sumMinor } from '../../../../shared/money/money';

export interface ReturnableLine {
  sku: string;
  quantity: number;
  returnedQuantity: number;
  unitPriceMinor: number;
}

export interface RequestedReturnItem {
  sku: string;
  quantity: number;
}

export interface ReturnAllocation {
  /** New `returnedQuantity` of every order line, in the order's line order. */
  returnedQuantities: number[];
  /** Value of the returned goods at their unit prices, before discount and tax. */
  goodsMinor: number;
  /** True when, after this return, every unit of the order is back. */
  everythingReturned: boolean;
}

/**
 * Checks a return against what was ordered minus what already came back, per SKU, and spreads it over
 * the order's lines (an order may list one SKU on several lines). Several request lines for one SKU add up.
 * Errors name the request item: `input.items[1].quantity`.
 */
export function allocateReturn(
  lines: readonly ReturnableLine[],
  requested: readonly RequestedReturnItem[],
  orderNumber: string,
  fieldPrefix = 'input.items',
): ReturnAllocation {
  if (requested.length === 0) throw badInput(fieldPrefix, 'must list at least one item');
  const returned = lines.map((l) => l.returnedQuantity);
  const wantedSoFar = new Map<string, number>();
  let goodsMinor = 0;
  requested.forEach((item, i) => {
    const field = `${fieldPrefix}[${i}]`;
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
      throw badInput(`${field}.quantity`, 'must be a positive integer');
    }
    const matching = lines.map((l, idx) => idx).filter((idx) => lines[idx].sku === item.sku);
    if (matching.length === 0)
      throw badInput(`${field}.sku`, `${item.sku} is not part of order ${orderNumber}`);
    const ordered = sumMinor(matching.map((idx) => lines[idx].quantity));
    const alreadyReturned = sumMinor(matching.map((idx) => lines[idx].returnedQuantity));
    const wanted = (wantedSoFar.get(item.sku) ?? 0) + item.quantity;
    wantedSoFar.set(item.sku, wanted);
    if (wanted > ordered - alreadyReturned) {
      throw badInput(
        `${field}.quantity`,
        `cannot return ${wanted} of ${item.sku}: ordered ${ordered}, already returned ${alreadyReturned}, ` +
          `returnable ${ordered - alreadyReturned}`,
        { sku: item.sku, ordered, alreadyReturned, returnable: ordered - alreadyReturned },
      );
    }
    let left = item.quantity;
    for (const idx of matching) {
      const take = Math.min(left, lines[idx].quantity - returned[idx]);
      if (take <= 0) continue;
      returned[idx] += take;
      goodsMinor = sumMinor([goodsMinor, multiplyMinor(lines[idx].unitPriceMinor, take)]);
      left -= take;
    }
  });
  const everythingReturned = lines.every((l, idx) => returned[idx] >= l.quantity);
  return { returnedQuantities: returned, goodsMinor, everythingReturned };
}

export interface RefundBasis {
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  refundedMinor: number;
}

/**
 * Refund for returned goods: their value, reduced by the order discount and increased by the order tax
 * in proportion (goods × (subtotal − discount + tax) / subtotal). Shipping is not refunded. The return that
 * brings back the last unit refunds exactly what is left, so rounding never strands a cent; no refund
 * ever exceeds what remains refundable (total − shipping − refunded so far).
 */
export function computeRefundMinor(
  order: RefundBasis,
  goodsMinor: number,
  everythingReturned: boolean,
): number {
  const refundable = Math.max(0, order.totalMinor - order.shippingMinor - order.refundedMinor);
  if (everythingReturned) return refundable;
  if (order.subtotalMinor === 0) return 0;
  const paidForGoods = order.subtotalMinor - order.discountMinor + order.taxMinor;
  return Math.min(refundable, prorate(goodsMinor, paidForGoods, order.subtotalMinor));
}
