import { badInput } from '../../../../shared/errors';
import { MoneyError, multiplyMinor, sumMinor } from '../../../../shared/money/money';

/**
 * Largest amount one order (or any of its totals) may carry: GraphQL `Int` is 32-bit and `Money.amountMinor`
 * is an `Int`, so every single-order amount stays representable (EUR 21,474,836.47; JPY 2,147,483,647).
 */
export const MAX_ORDER_AMOUNT_MINOR = 2_147_483_647;

export interface PricedLine {
  quantity: number;
  unitPriceMinor: number;
}

export interface OrderAdjustments {
  discountMinor?: number | null;
  shippingMinor?: number | null;
  taxMinor?: number | null;
}

export interface OrderTotals {
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
}

function checkAmount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw badInput(field, 'must be a non-negative integer (minor units)');
  if (value > MAX_ORDER_AMOUNT_MINOR)
    throw badInput(field, `must not exceed ${MAX_ORDER_AMOUNT_MINOR} minor units`);
  return value;
}

/**
 * subtotal = Σ quantity × unit price; total = subtotal − discount + shipping + tax.
 * All in integer minor units; `fieldPrefix` makes errors name the input path (e.g. `orders[3]`).
 */
export function computeOrderTotals(
  lines: PricedLine[],
  adj: OrderAdjustments,
  fieldPrefix = 'input',
): OrderTotals {
  const at = (f: string) => (fieldPrefix ? `${fieldPrefix}.${f}` : f);
  let subtotalMinor: number;
  try {
    subtotalMinor = sumMinor(
      lines.map((l, i) => {
        checkAmount(l.unitPriceMinor, at(`items[${i}].unitPriceMinor`));
        return multiplyMinor(l.unitPriceMinor, l.quantity);
      }),
    );
  } catch (err) {
    if (err instanceof MoneyError) throw badInput(at('items'), err.message);
    throw err;
  }
  checkAmount(subtotalMinor, at('subtotalMinor'));
  const discountMinor = checkAmount(adj.discountMinor ?? 0, at('discountMinor'));
  const shippingMinor = checkAmount(adj.shippingMinor ?? 0, at('shippingMinor'));
  const taxMinor = checkAmount(adj.taxMinor ?? 0, at('taxMinor'));
  if (discountMinor > subtotalMinor) throw badInput(at('discountMinor'), 'must not exceed the subtotal');
  const totalMinor = checkAmount(subtotalMinor - discountMinor + shippingMinor + taxMinor, at('totalMinor'));
  return { subtotalMinor, discountMinor, shippingMinor, taxMinor, totalMinor };
}

/**
 * Historical imports bring their own totals; they must reconcile with each other (and with the items when
 * items are given), otherwise revenue figures would disagree with order lines.
 */
export function reconcileImportedTotals(
  lines: PricedLine[],
  given: OrderAdjustments & { subtotalMinor?: number | null; totalMinor?: number | null },
  fieldPrefix: string,
): OrderTotals {
  const at = (f: string) => `${fieldPrefix}.${f}`;
  if (lines.length === 0) {
    if (given.subtotalMinor == null)
      throw badInput(at('subtotalMinor'), 'is required when an order has no items');
    checkAmount(given.subtotalMinor, at('subtotalMinor'));
    const computed = computeOrderTotals(
      [{ quantity: 1, unitPriceMinor: given.subtotalMinor }],
      given,
      fieldPrefix,
    );
    return checkGivenTotal(computed, given.totalMinor, at);
  }
  const computed = computeOrderTotals(lines, given, fieldPrefix);
  if (given.subtotalMinor != null && given.subtotalMinor !== computed.subtotalMinor) {
    throw badInput(
      at('subtotalMinor'),
      `is ${given.subtotalMinor} but the items add up to ${computed.subtotalMinor}`,
    );
  }
  return checkGivenTotal(computed, given.totalMinor, at);
}

function checkGivenTotal(computed: OrderTotals, given: number | null | undefined, at: (f: string) => string) {
  if (given != null && given !== computed.totalMinor) {
    throw badInput(
      at('totalMinor'),
      `is ${given} but subtotal − discount + shipping + tax = ${computed.totalMinor}`,
    );
  }
  return computed;
}
