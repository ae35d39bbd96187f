import fc from 'fast-check';
import { summarizePurchases, utcDayNumber } from '../../../subgraphs/sales/src/value-model/purchase-summary';

const at = (iso: string) => new Date(iso);
const asOf = at('2024-03-31T18:00:00Z');

describe('summarizePurchases', () => {
  it('counts a purchase day once and adds up its orders', () => {
    const summary = summarizePurchases(
      [
        { placedAt: at('2024-01-01T09:00:00Z'), totalMinor: 1000 },
        { placedAt: at('2024-01-01T23:59:59Z'), totalMinor: 500 },
        { placedAt: at('2024-01-11T08:00:00Z'), totalMinor: 2000 },
        { placedAt: at('2024-01-11T10:00:00Z'), totalMinor: 1500 },
        { placedAt: at('2024-01-21T12:00:00Z'), totalMinor: 2500 },
      ],
      { asOf },
    );
    expect(summary).toEqual({
      x: 2,
      tx: 20,
      T: 90,
      // Repeat days are worth 35.00 and 25.00; the first day (15.00) is left out of the mean.
      monetaryValue: 30,
      firstPurchaseAt: at('2024-01-01T09:00:00Z'),
      lastPurchaseAt: at('2024-01-21T12:00:00Z'),
      purchaseDays: 3,
      total: 75,
    });
  });

  it('splits days at UTC midnight, whatever the local time zone', () => {
    const summary = summarizePurchases(
      [
        { placedAt: at('2024-02-01T23:59:59.999Z'), totalMinor: 100 },
        { placedAt: at('2024-02-02T00:00:00.000Z'), totalMinor: 300 },
      ],
      { asOf },
    );
    expect(summary).toMatchObject({ x: 1, tx: 1, T: 59, monetaryValue: 3, total: 4 });
  });

  it('ignores orders after the observation end and is null without orders', () => {
    const orders = [
      { placedAt: at('2024-03-31T17:59:59Z'), totalMinor: 700 },
      { placedAt: at('2024-03-31T18:00:01Z'), totalMinor: 900 },
    ];
    expect(summarizePurchases(orders, { asOf })).toMatchObject({
      x: 0,
      tx: 0,
      T: 0,
      monetaryValue: 0,
      total: 7,
    });
    expect(summarizePurchases([], { asOf })).toBeNull();
    expect(summarizePurchases([orders[1]], { asOf })).toBeNull();
  });

  it('does not care about the order of the orders', () => {
    const orders = [
      { placedAt: at('2024-03-01T00:00:00Z'), totalMinor: 1 },
      { placedAt: at('2023-12-25T00:00:00Z'), totalMinor: 2 },
      { placedAt: at('2024-02-01T00:00:00Z'), totalMinor: 3 },
    ];
    expect(summarizePurchases(orders, { asOf })).toEqual(summarizePurchases([...orders].reverse(), { asOf }));
    expect(summarizePurchases(orders, { asOf })?.firstPurchaseAt).toEqual(at('2023-12-25T00:00:00Z'));
  });

  it('converts minor units with the currency exponent', () => {
    const orders = [
      { placedAt: at('2024-01-01T00:00:00Z'), totalMinor: 1200 },
      { placedAt: at('2024-01-05T00:00:00Z'), totalMinor: 3456 },
    ];
    expect(summarizePurchases(orders, { asOf, currencyExponent: 0 })).toMatchObject({
      monetaryValue: 3456,
      total: 4656,
    });
    expect(summarizePurchases(orders, { asOf, currencyExponent: 3 })).toMatchObject({ monetaryValue: 3.456 });
  });

  it('rejects invalid input naming the field', () => {
    const ok = { placedAt: at('2024-01-01T00:00:00Z'), totalMinor: 100 };
    expect(() => summarizePurchases([ok, { placedAt: new Date('nope'), totalMinor: 1 }], { asOf })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'orders[1].placedAt' } }),
    );
    expect(() => summarizePurchases([{ ...ok, totalMinor: 10.5 }], { asOf })).toThrow('orders[0].totalMinor');
    expect(() => summarizePurchases([{ ...ok, totalMinor: -1 }], { asOf })).toThrow('orders[0].totalMinor');
    expect(() => summarizePurchases([ok], { asOf: new Date(NaN) })).toThrow('asOf');
    expect(() => summarizePurchases([ok], { asOf, currencyExponent: 1.5 })).toThrow('currencyExponent');
  });

  it('satisfies its definition for arbitrary order sets (property)', () => {
    const start = Date.UTC(2023, 0, 1);
    const end = Date.UTC(2024, 0, 1);
    const order = fc.record({
      placedAt: fc.integer({ min: start, max: end }).map((ms) => new Date(ms)),
      totalMinor: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 40 }), (orders) => {
        const s = summarizePurchases(orders, { asOf: new Date(end) });
        if (s === null) return false;
        const days = new Set(orders.map((o) => utcDayNumber(o.placedAt)));
        const firstDay = Math.min(...days);
        const firstDayMinor = orders
          .filter((o) => utcDayNumber(o.placedAt) === firstDay)
          .reduce((sum, o) => sum + o.totalMinor, 0);
        const totalMinor = orders.reduce((sum, o) => sum + o.totalMinor, 0);
        expect(s.x).toBe(days.size - 1);
        expect(s.purchaseDays).toBe(days.size);
        expect(s.tx).toBe(Math.max(...days) - firstDay);
        expect(s.T).toBe(utcDayNumber(new Date(end)) - firstDay);
        expect(s.tx).toBeLessThanOrEqual(s.T);
        expect(s.total).toBeCloseTo(totalMinor / 100, 8);
        // Mean of the repeat days × their number + the first day's value = everything.
        expect(s.monetaryValue * s.x + firstDayMinor / 100).toBeCloseTo(s.total, 6);
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
