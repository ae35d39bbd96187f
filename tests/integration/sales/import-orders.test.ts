/**
 * `importOrders`: thousands of historical orders per call, validated all or nothing. Every failure
 * (bad field, totals that do not reconcile, future time, duplicate number, a number taken concurrently
 * between the check and the insert) leaves no order of the batch behind.
 */
import type { Model } from 'mongoose';
import { customerId, errorOf, startSales, type SalesHarness } from './sales-harness';

// The per-project testTimeout in jest.config.js is not applied by jest (it is a global option).
jest.setTimeout(60_000);

let h: SalesHarness;
const MAX = 3000;

beforeAll(async () => {
  h = await startSales('sales_import', { importMaxBatch: MAX });
});

afterAll(async () => {
  await h?.close();
});

const IMPORT = `mutation($orders: [ImportOrderInput!]!) {
  importOrders(orders: $orders) { importedCount earliestPlacedAt latestPlacedAt valueModelRefitScheduled }
}`;

function historicalOrder(n: number, prefix = 'H') {
  const quantity = 1 + (n % 3);
  const unit = 1000 + (n % 17) * 100;
  return {
    orderNumber: `${prefix}-${n}`,
    customerId: customerId(1 + (n % 300)),
    channel: ['WEB', 'APP', 'STORE', 'PHONE', 'MARKETPLACE'][n % 5],
    currency: 'EUR',
    placedAt: new Date(Date.UTC(2023, 0, 1) + n * 3_600_000).toISOString(),
    items: [{ sku: `SKU-${n % 40}`, name: `Product ${n % 40}`, quantity, unitPriceMinor: unit }],
    shippingMinor: 490,
    totalMinor: quantity * unit + 490,
  };
}

const orders = () => h.connection.models.Order as Model<{ orderNumber: string }>;
const countWithPrefix = (prefix: string) =>
  orders().countDocuments({ orderNumber: new RegExp(`^${prefix}-`) });

it('imports a few thousand orders in one call and keeps their numbers, times and totals', async () => {
  const batch = Array.from({ length: MAX }, (_, n) => historicalOrder(n));
  const r = await h.gql(IMPORT, { orders: batch });
  expect(r.errors).toBeUndefined();
  expect(r.data!.importOrders).toEqual({
    importedCount: MAX,
    earliestPlacedAt: '2023-01-01T00:00:00.000Z',
    latestPlacedAt: batch[MAX - 1].placedAt.replace('Z', '').replace(/(\.\d{3})?$/, '.000Z'),
    valueModelRefitScheduled: false,
  });
  expect(await countWithPrefix('H')).toBe(MAX);
  const one = await h.gql(
    `{ orderByNumber(number: "H-1234") { status placedAt customer { id } items { quantity unitPrice { amountMinor } } subtotal { amountMinor } total { amountMinor } } }`,
  );
  const expected = historicalOrder(1234);
  expect(one.data!.orderByNumber).toEqual({
    status: 'DELIVERED',
    placedAt: expected.placedAt,
    customer: { id: expected.customerId },
    items: [
      { quantity: expected.items[0].quantity, unitPrice: { amountMinor: expected.items[0].unitPriceMinor } },
    ],
    subtotal: { amountMinor: expected.totalMinor - 490 },
    total: { amountMinor: expected.totalMinor },
  });
});

it('accepts a batch of more than 2 MB of JSON (the import body limit is raised for sales)', async () => {
  const longName = 'Organic cotton crew-neck T-shirt, relaxed fit, '.repeat(4);
  const batch = Array.from({ length: MAX }, (_, n) => {
    const items = [0, 1, 2].map((k) => ({
      sku: `BIG-${k}`,
      name: `${longName}${k}`,
      quantity: 1,
      unitPriceMinor: 1000,
    }));
    return { ...historicalOrder(n, 'BIG'), items, totalMinor: 3000 + 490 };
  });
  expect(JSON.stringify({ orders: batch }).length).toBeGreaterThan(2 * 1024 * 1024);
  const r = await h.gql(IMPORT, { orders: batch });
  expect(r.errors).toBeUndefined();
  expect(r.data!.importOrders.importedCount).toBe(MAX);
});

describe('all or nothing', () => {
  it('BAD_USER_INPUT names the order and field; nothing is written', async () => {
    const batch = Array.from({ length: 20 }, (_, n) => historicalOrder(n, 'V'));
    batch[7] = { ...batch[7], customerId: 'customer-7' };
    expect(errorOf(await h.gql(IMPORT, { orders: batch }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orders[7].customerId',
    });
    const badQty = Array.from({ length: 5 }, (_, n) => historicalOrder(n, 'V'));
    badQty[2] = { ...badQty[2], items: [{ ...badQty[2].items[0], quantity: 0 }] };
    expect(errorOf(await h.gql(IMPORT, { orders: badQty }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orders[2].items[0].quantity',
    });
    expect(await countWithPrefix('V')).toBe(0);
  });

  it('rejects totals that do not reconcile, future times, empty and oversized batches', async () => {
    const wrongTotal = Array.from({ length: 5 }, (_, n) => historicalOrder(n, 'W'));
    wrongTotal[3] = { ...wrongTotal[3], totalMinor: wrongTotal[3].totalMinor + 1 };
    expect(errorOf(await h.gql(IMPORT, { orders: wrongTotal }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orders[3].totalMinor',
    });
    const future = Array.from({ length: 5 }, (_, n) => historicalOrder(n, 'W'));
    future[4] = { ...future[4], placedAt: new Date(Date.now() + 86_400_000).toISOString() };
    expect(errorOf(await h.gql(IMPORT, { orders: future }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orders[4].placedAt',
    });
    expect(errorOf(await h.gql(IMPORT, { orders: [] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orders',
    });
    const tooMany = Array.from({ length: MAX + 1 }, (_, n) => historicalOrder(n, 'W'));
    expect(errorOf(await h.gql(IMPORT, { orders: tooMany }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orders',
    });
    expect(await countWithPrefix('W')).toBe(0);
  });

  it('CONFLICT for a number repeated in the batch or already imported; nothing is written', async () => {
    const repeated = Array.from({ length: 10 }, (_, n) => historicalOrder(n, 'D'));
    repeated[9] = { ...repeated[9], orderNumber: 'D-2' };
    const r1 = await h.gql(IMPORT, { orders: repeated });
    expect(errorOf(r1).code).toBe('CONFLICT');
    expect(r1.errors![0].extensions!.orderNumbers).toEqual(['D-2']);
    expect(await countWithPrefix('D')).toBe(0);

    const clashing = [...Array.from({ length: 10 }, (_, n) => historicalOrder(n, 'D')), historicalOrder(17)];
    const r2 = await h.gql(IMPORT, { orders: clashing });
    expect(errorOf(r2).code).toBe('CONFLICT');
    expect(r2.errors![0].extensions!.orderNumbers).toEqual(['H-17']);
    expect(await countWithPrefix('D')).toBe(0);
  });

  it('removes what was written when the insert fails part-way (a number taken after the check)', async () => {
    // Simulate the race: the pre-insert duplicate check sees nothing, the unique index then rejects H-5.
    const model = h.connection.models.Order;
    const spy = jest.spyOn(model, 'find').mockImplementationOnce((() => ({
      limit: () => ({ lean: async () => [] }),
    })) as never);
    try {
      const batch = Array.from({ length: 10 }, (_, n) => historicalOrder(n, 'R'));
      batch.splice(5, 0, historicalOrder(5));
      const r = await h.gql(IMPORT, { orders: batch });
      expect(errorOf(r).code).toBe('CONFLICT');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect(await countWithPrefix('R')).toBe(0);
    expect(await countWithPrefix('H')).toBe(MAX);
  });
});
