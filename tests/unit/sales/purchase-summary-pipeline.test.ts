import {
  purchaseSummaryPipeline,
  toPurchaseSummary,
} from '../../../subgraphs/sales/src/customer-value/purchase-summary.pipeline';

const day = (iso: string) => Math.floor(new Date(iso).getTime() / 86_400_000);

describe('toPurchaseSummary', () => {
  const asOf = new Date('2024-03-31T18:00:00Z');
  const row = {
    _id: 'cus_1',
    purchaseDays: 3,
    firstDay: day('2024-03-01T00:00:00Z'),
    lastDay: day('2024-03-21T00:00:00Z'),
    firstDayMinor: 1500,
    totalMinor: 6500,
    firstPurchaseAt: new Date('2024-03-01T10:00:00Z'),
    lastPurchaseAt: new Date('2024-03-21T22:00:00Z'),
  };

  it('turns days and minor units into x, tx, T and major-unit values', () => {
    expect(toPurchaseSummary(row, asOf, 'EUR')).toEqual({
      x: 2,
      tx: 20,
      T: 30,
      monetaryValue: 25, // (6500 − 1500) / 100 / 2
      total: 65,
      purchaseDays: 3,
      firstPurchaseAt: row.firstPurchaseAt,
      lastPurchaseAt: row.lastPurchaseAt,
    });
  });

  it('uses the currency exponent (JPY has none, KWD three)', () => {
    expect(toPurchaseSummary(row, asOf, 'JPY')).toMatchObject({ monetaryValue: 2500, total: 6500 });
    expect(toPurchaseSummary(row, asOf, 'KWD')).toMatchObject({ monetaryValue: 2.5, total: 6.5 });
  });

  it('has no repeat value for a one-day buyer', () => {
    expect(
      toPurchaseSummary({ ...row, purchaseDays: 1, lastDay: row.firstDay, totalMinor: 1500 }, asOf, 'EUR'),
    ).toMatchObject({ x: 0, tx: 0, monetaryValue: 0, total: 15 });
  });
});

describe('purchaseSummaryPipeline', () => {
  it('restricts to the given customers only when asked', () => {
    const asOf = new Date('2024-01-01T00:00:00Z');
    const all = purchaseSummaryPipeline({ asOf, currency: 'EUR' })[0] as { $match: Record<string, unknown> };
    const some = purchaseSummaryPipeline({ asOf, currency: 'EUR', customerIds: ['cus_a'] })[0] as {
      $match: Record<string, unknown>;
    };
    expect(all.$match).not.toHaveProperty('customerId');
    expect(some.$match.customerId).toEqual({ $in: ['cus_a'] });
    expect(some.$match).toMatchObject({
      currency: 'EUR',
      placedAt: { $lte: asOf },
      status: { $nin: ['CANCELLED', 'RETURNED'] },
    });
  });
});
