import { toPurchaseStats } from '../../../subgraphs/sales/src/customer/purchase-stats';

describe('toPurchaseStats', () => {
  it('gives zeros and nulls for a customer without orders or returns', () => {
    expect(toPurchaseStats(undefined, undefined, 'EUR')).toEqual({
      orderCount: 0,
      totalRevenue: { amountMinor: 0, currency: 'EUR' },
      averageOrderValue: null,
      firstOrderAt: null,
      lastOrderAt: null,
      returnCount: 0,
      lastReturnAt: null,
      otherCurrencyOrderCount: 0,
    });
  });

  it('averages base-currency revenue over base-currency orders only', () => {
    const first = new Date('2024-01-01T00:00:00Z');
    const last = new Date('2024-03-01T00:00:00Z');
    const stats = toPurchaseStats(
      {
        orderCount: 4,
        baseCurrencyOrderCount: 3,
        netRevenueMinor: 10_000,
        firstOrderAt: first,
        lastOrderAt: last,
      },
      { returnCount: 1, lastReturnAt: last },
      'EUR',
    );
    expect(stats.averageOrderValue).toEqual({ amountMinor: 3_333, currency: 'EUR' });
    expect(stats.otherCurrencyOrderCount).toBe(1);
    expect(stats.orderCount).toBe(4);
    expect(stats.returnCount).toBe(1);
  });

  it('has no average when every order is in another currency', () => {
    const stats = toPurchaseStats(
      { orderCount: 2, baseCurrencyOrderCount: 0, netRevenueMinor: 0, firstOrderAt: null, lastOrderAt: null },
      undefined,
      'EUR',
    );
    expect(stats.averageOrderValue).toBeNull();
    expect(stats.otherCurrencyOrderCount).toBe(2);
  });
});
