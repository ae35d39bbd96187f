import { AppError } from '../../../shared/errors';
import { allocateReturn, computeRefundMinor } from '../../../subgraphs/sales/src/return/return-allocation';

const lines = [
  { sku: 'TEE-M', quantity: 2, returnedQuantity: 0, unitPriceMinor: 1500 },
  { sku: 'CAP', quantity: 1, returnedQuantity: 0, unitPriceMinor: 1000 },
  { sku: 'TEE-M', quantity: 1, returnedQuantity: 1, unitPriceMinor: 1400 },
];

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('allocateReturn', () => {
  it('allocates over lines of the same SKU and values the goods at their unit prices', () => {
    const a = allocateReturn(lines, [{ sku: 'TEE-M', quantity: 2 }], 'SO-1');
    expect(a.returnedQuantities).toEqual([2, 0, 1]);
    expect(a.goodsMinor).toBe(3000);
    expect(a.everythingReturned).toBe(false);
  });

  it('knows when the last unit comes back', () => {
    const a = allocateReturn(
      lines,
      [
        { sku: 'TEE-M', quantity: 2 },
        { sku: 'CAP', quantity: 1 },
      ],
      'SO-1',
    );
    expect(a.everythingReturned).toBe(true);
    expect(a.goodsMinor).toBe(4000);
  });

  it('never returns more than ordered minus already returned, naming the item', () => {
    const err = errorOf(() => allocateReturn(lines, [{ sku: 'TEE-M', quantity: 3 }], 'SO-1'));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.details.field).toBe('input.items[0].quantity');
    expect(err.message).toMatch(/TEE-M: ordered 3, already returned 1, returnable 2/);
  });

  it('adds up several request lines for the same SKU', () => {
    const err = errorOf(() =>
      allocateReturn(
        lines,
        [
          { sku: 'TEE-M', quantity: 1 },
          { sku: 'CAP', quantity: 1 },
          { sku: 'TEE-M', quantity: 2 },
        ],
        'SO-1',
      ),
    );
    expect(err.details.field).toBe('input.items[2].quantity');
  });

  it('rejects an unknown SKU and an empty request', () => {
    expect(errorOf(() => allocateReturn(lines, [{ sku: 'SOCK', quantity: 1 }], 'SO-1')).details.field).toBe(
      'input.items[0].sku',
    );
    expect(errorOf(() => allocateReturn(lines, [], 'SO-1')).details.field).toBe('input.items');
  });
});

describe('computeRefundMinor', () => {
  const order = {
    subtotalMinor: 10_000,
    discountMinor: 1_000,
    shippingMinor: 500,
    taxMinor: 900,
    totalMinor: 10_400,
    refundedMinor: 0,
  };

  it('applies discount and tax pro rata to a partial return', () => {
    // 2,500 of 10,000 goods: 2,500 × (10,000 − 1,000 + 900) / 10,000 = 2,475
    expect(computeRefundMinor(order, 2_500, false)).toBe(2_475);
  });

  it('refunds exactly what is left (minus shipping) when the last unit comes back', () => {
    expect(computeRefundMinor({ ...order, refundedMinor: 2_475 }, 7_500, true)).toBe(10_400 - 500 - 2_475);
  });

  it('never refunds more than remains refundable', () => {
    expect(computeRefundMinor({ ...order, refundedMinor: 9_800 }, 2_500, false)).toBe(100);
  });
});
