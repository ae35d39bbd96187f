import { AppError } from '../../../shared/errors';
import {
  MAX_ORDER_AMOUNT_MINOR,
  computeOrderTotals,
  reconcileImportedTotals,
} from '../../../subgraphs/sales/src/order/order-totals';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.details.field as string;
    throw err;
  }
  return undefined;
}

describe('computeOrderTotals', () => {
  it('computes subtotal and total in minor units', () => {
    const t = computeOrderTotals(
      [
        { quantity: 2, unitPriceMinor: 1999 },
        { quantity: 1, unitPriceMinor: 500 },
      ],
      { discountMinor: 498, shippingMinor: 390, taxMinor: 100 },
    );
    expect(t).toEqual({
      subtotalMinor: 4498,
      discountMinor: 498,
      shippingMinor: 390,
      taxMinor: 100,
      totalMinor: 4490,
    });
  });

  it('defaults adjustments to zero', () => {
    expect(computeOrderTotals([{ quantity: 3, unitPriceMinor: 100 }], {}).totalMinor).toBe(300);
  });

  it('rejects a discount above the subtotal, naming the field', () => {
    expect(
      fieldOf(() => computeOrderTotals([{ quantity: 1, unitPriceMinor: 100 }], { discountMinor: 101 })),
    ).toBe('input.discountMinor');
  });

  it('rejects totals beyond the 32-bit Money limit', () => {
    expect(
      fieldOf(() =>
        computeOrderTotals([{ quantity: 2, unitPriceMinor: MAX_ORDER_AMOUNT_MINOR }], {}, 'orders[3]'),
      ),
    ).toBe('orders[3].subtotalMinor');
  });

  it('rejects negative or fractional amounts', () => {
    expect(fieldOf(() => computeOrderTotals([{ quantity: 1, unitPriceMinor: 10.5 }], {}))).toBe(
      'input.items[0].unitPriceMinor',
    );
    expect(fieldOf(() => computeOrderTotals([{ quantity: 1, unitPriceMinor: 10 }], { taxMinor: -1 }))).toBe(
      'input.taxMinor',
    );
  });
});

describe('reconcileImportedTotals', () => {
  const lines = [{ quantity: 2, unitPriceMinor: 1000 }];

  it('accepts consistent explicit totals', () => {
    expect(
      reconcileImportedTotals(
        lines,
        { subtotalMinor: 2000, discountMinor: 100, taxMinor: 50, totalMinor: 1950 },
        'orders[0]',
      ).totalMinor,
    ).toBe(1950);
  });

  it('rejects a subtotal that disagrees with the items', () => {
    expect(fieldOf(() => reconcileImportedTotals(lines, { subtotalMinor: 1999 }, 'orders[2]'))).toBe(
      'orders[2].subtotalMinor',
    );
  });

  it('rejects a total that does not reconcile', () => {
    expect(fieldOf(() => reconcileImportedTotals(lines, { totalMinor: 2001 }, 'orders[5]'))).toBe(
      'orders[5].totalMinor',
    );
  });

  it('needs a subtotal when there are no items', () => {
    expect(fieldOf(() => reconcileImportedTotals([], { totalMinor: 100 }, 'orders[1]'))).toBe(
      'orders[1].subtotalMinor',
    );
    expect(
      reconcileImportedTotals([], { subtotalMinor: 100, shippingMinor: 20 }, 'orders[1]').totalMinor,
    ).toBe(120);
  });
});
