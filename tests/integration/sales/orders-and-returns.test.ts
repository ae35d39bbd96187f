/**
 * The sales subgraph over real mongoose (embedded MongoDB): catalogue, placing orders with server-side
 * totals, status changes, returns that never exceed what was ordered, and the Customer entity's orders,
 * returns and purchase figures resolved through `_entities` as the gateway would.
 */
import { customerId, errorOf, startSales, type Json, type SalesHarness } from './sales-harness';

// The per-project testTimeout in jest.config.js is not applied by jest (it is a global option).
jest.setTimeout(60_000);

let h: SalesHarness;

beforeAll(async () => {
  h = await startSales('sales_orders');
});

afterAll(async () => {
  await h?.close();
});

const CREATE_PRODUCT = `mutation($input: CreateProductInput!) {
  createProduct(input: $input) { id sku name category currency active price { amountMinor currency amount formatted } }
}`;
const PLACE_ORDER = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    id orderNumber status currency channel placedAt customer { id }
    items { sku name quantity unitPrice { amountMinor } lineTotal { amountMinor } productId }
    subtotal { amountMinor } discount { amountMinor } shipping { amountMinor } tax { amountMinor }
    total { amountMinor amount currency formatted(locale: "de-DE") }
  }
}`;
const CHANGE_STATUS = `mutation($id: ID!, $status: OrderStatus!) { changeOrderStatus(id: $id, status: $status) { id status } }`;
const RECORD_RETURN = `mutation($input: RecordReturnInput!) {
  recordReturn(input: $input) { id orderId orderNumber reason items { sku quantity } amount { amountMinor currency }
    order { status refunded { amountMinor } items { sku returnedQuantity } } }
}`;
const CUSTOMER = `query($reps: [_Any!]!, $first: Int, $after: String, $status: OrderStatus) {
  _entities(representations: $reps) {
    ... on Customer {
      id
      orders(first: $first, after: $after, status: $status) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { cursor node { id orderNumber status placedAt total { amountMinor } } }
      }
      returns { totalCount edges { node { id amount { amountMinor } } } }
      purchaseStats {
        orderCount otherCurrencyOrderCount returnCount firstOrderAt lastOrderAt lastReturnAt
        totalRevenue { amountMinor currency amount } averageOrderValue { amountMinor currency }
      }
    }
  }
}`;

const alice = customerId(0xa11ce);
const bob = customerId(0xb0b);
let tee: { id: string; sku: string };
let mug: { id: string; sku: string };

async function placeOrder(input: Record<string, unknown>) {
  return h.gql(PLACE_ORDER, { input: { customerId: alice, channel: 'WEB', currency: 'EUR', ...input } });
}

describe('catalogue', () => {
  it('creates products with Money prices and refuses a duplicate SKU', async () => {
    const r1 = await h.gql(CREATE_PRODUCT, {
      input: { sku: 'TEE-M', name: 'T-shirt M', category: 'apparel', priceMinor: 1999, currency: 'EUR' },
    });
    expect(r1.errors).toBeUndefined();
    expect(r1.data!.createProduct).toMatchObject({
      sku: 'TEE-M',
      active: true,
      price: { amountMinor: 1999, currency: 'EUR', amount: '19.99', formatted: '€19.99' },
    });
    tee = r1.data!.createProduct;
    const r2 = await h.gql(CREATE_PRODUCT, {
      input: { sku: 'MUG', name: 'Mug', category: 'home', priceMinor: 850, currency: 'EUR' },
    });
    mug = r2.data!.createProduct;
    await h.gql(CREATE_PRODUCT, {
      input: { sku: 'CAP-US', name: 'Cap', category: 'apparel', priceMinor: 1500, currency: 'USD' },
    });
    await h.gql(CREATE_PRODUCT, {
      input: {
        sku: 'OLD',
        name: 'Discontinued',
        category: 'home',
        priceMinor: 100,
        currency: 'EUR',
        active: false,
      },
    });

    const dup = await h.gql(CREATE_PRODUCT, {
      input: { sku: 'TEE-M', name: 'Again', category: 'apparel', priceMinor: 1, currency: 'EUR' },
    });
    expect(errorOf(dup).code).toBe('CONFLICT');
  });

  it('validates product input', async () => {
    const bad = await h.gql(CREATE_PRODUCT, {
      input: { sku: 'X1', name: 'X', category: 'c', priceMinor: 100, currency: 'EURO' },
    });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currency' });
    const negative = await h.gql(CREATE_PRODUCT, {
      input: { sku: 'X2', name: 'X', category: 'c', priceMinor: -1, currency: 'EUR' },
    });
    expect(errorOf(negative)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceMinor' });
  });

  it('lists products by name with filters and keyset pages', async () => {
    const q = `query($first: Int, $after: String, $filter: ProductFilter) {
      products(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { sku name } } }
    }`;
    const p1 = await h.gql(q, { first: 2 });
    expect(p1.data!.products.totalCount).toBe(4);
    expect(p1.data!.products.edges.map((e: Json) => e.node.name)).toEqual(['Cap', 'Discontinued']);
    expect(p1.data!.products.pageInfo.hasNextPage).toBe(true);
    const p2 = await h.gql(q, { first: 2, after: p1.data!.products.pageInfo.endCursor });
    expect(p2.data!.products.edges.map((e: Json) => e.node.name)).toEqual(['Mug', 'T-shirt M']);
    expect(p2.data!.products.pageInfo.hasNextPage).toBe(false);
    const apparelActive = await h.gql(q, { filter: { category: 'apparel', active: true } });
    expect(apparelActive.data!.products.edges.map((e: Json) => e.node.sku)).toEqual(['CAP-US', 'TEE-M']);
    const single = await h.gql(`query($id: ID!) { product(id: $id) { sku } }`, { id: mug.id });
    expect(single.data!.product.sku).toBe('MUG');
  });
});

describe('placeOrder', () => {
  it('prices lines from the catalogue and computes the totals on the server', async () => {
    const r = await placeOrder({
      items: [
        { productId: tee.id, quantity: 2 },
        { sku: 'MUG', quantity: 1 },
      ],
      discountMinor: 500,
      shippingMinor: 490,
      taxMinor: 100,
    });
    expect(r.errors).toBeUndefined();
    const o = r.data!.placeOrder;
    expect(o.orderNumber).toMatch(/^SO-\d{8}-[0-9A-Z]{8}$/);
    expect(o.status).toBe('PENDING');
    expect(o.customer).toEqual({ id: alice });
    expect(o.items).toEqual([
      {
        sku: 'TEE-M',
        name: 'T-shirt M',
        quantity: 2,
        unitPrice: { amountMinor: 1999 },
        lineTotal: { amountMinor: 3998 },
        productId: tee.id,
      },
      {
        sku: 'MUG',
        name: 'Mug',
        quantity: 1,
        unitPrice: { amountMinor: 850 },
        lineTotal: { amountMinor: 850 },
        productId: mug.id,
      },
    ]);
    expect(o.subtotal.amountMinor).toBe(4848);
    // 4848 − 500 + 490 + 100
    expect(o.total).toMatchObject({ amountMinor: 4938, amount: '49.38', currency: 'EUR' });
    expect(o.total.formatted.replace(/\s/g, ' ')).toBe('49,38 €');
  });

  it('accepts an explicit unit price for a product priced in another currency, and refuses it otherwise', async () => {
    const missing = await placeOrder({ items: [{ sku: 'CAP-US', quantity: 1 }] });
    expect(errorOf(missing)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.items[0].unitPriceMinor',
    });
    const ok = await placeOrder({ items: [{ sku: 'CAP-US', quantity: 1, unitPriceMinor: 1400 }] });
    expect(ok.data!.placeOrder.total.amountMinor).toBe(1400);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    expect(
      errorOf(await placeOrder({ customerId: 'alice', items: [{ sku: 'MUG', quantity: 1 }] })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'customerId',
    });
    expect(errorOf(await placeOrder({ items: [{ sku: 'MUG', quantity: 0 }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'items[0].quantity',
    });
    expect(
      errorOf(await placeOrder({ currency: 'XYZ', items: [{ sku: 'MUG', quantity: 1 }] })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'currency',
    });
    expect(errorOf(await placeOrder({ items: [] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'items',
    });
    expect(errorOf(await placeOrder({ items: [{ sku: 'NOPE', quantity: 1 }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.items[0].sku',
    });
    expect(errorOf(await placeOrder({ items: [{ sku: 'OLD', quantity: 1 }] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.items[0].sku',
    });
    expect(
      errorOf(await placeOrder({ items: [{ sku: 'MUG', productId: mug.id, quantity: 1 }] })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.items[0]',
    });
    expect(
      errorOf(await placeOrder({ items: [{ sku: 'MUG', quantity: 1 }], discountMinor: 851 })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.discountMinor',
    });
    expect(
      errorOf(await placeOrder({ items: [{ sku: 'MUG', quantity: 1 }], status: 'SHIPPED' })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.status',
    });
  });

  it('finds orders by id and number; unknown ones are null', async () => {
    const placed = (await placeOrder({ items: [{ sku: 'MUG', quantity: 3 }] })).data!.placeOrder;
    const byId = await h.gql(`query($id: ID!) { order(id: $id) { orderNumber total { amountMinor } } }`, {
      id: placed.id,
    });
    expect(byId.data!.order).toEqual({ orderNumber: placed.orderNumber, total: { amountMinor: 2550 } });
    const byNumber = await h.gql(`query($n: String!) { orderByNumber(number: $n) { id } }`, {
      n: placed.orderNumber,
    });
    expect(byNumber.data!.orderByNumber.id).toBe(placed.id);
    const none = await h.gql(`{ order(id: "ord_000000000000000000000000") { id } }`);
    expect(none.data!.order).toBeNull();
  });
});

describe('order status and returns', () => {
  let order: { id: string; orderNumber: string };

  beforeAll(async () => {
    order = (
      await placeOrder({
        customerId: bob,
        items: [
          { sku: 'TEE-M', quantity: 2 },
          { sku: 'MUG', quantity: 1 },
        ],
        shippingMinor: 500,
      })
    ).data!.placeOrder;
  });

  it('refuses a return while the order is pending', async () => {
    const r = await h.gql(RECORD_RETURN, {
      input: { orderId: order.id, items: [{ sku: 'MUG', quantity: 1 }], reason: 'DAMAGED' },
    });
    expect(errorOf(r).code).toBe('INVALID_STATE_TRANSITION');
  });

  it('moves forward only', async () => {
    expect(
      (await h.gql(CHANGE_STATUS, { id: order.id, status: 'PAID' })).data!.changeOrderStatus.status,
    ).toBe('PAID');
    expect(
      (await h.gql(CHANGE_STATUS, { id: order.id, status: 'DELIVERED' })).data!.changeOrderStatus.status,
    ).toBe('DELIVERED');
    expect(errorOf(await h.gql(CHANGE_STATUS, { id: order.id, status: 'PAID' })).code).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(
      errorOf(await h.gql(CHANGE_STATUS, { id: 'ord_000000000000000000000000', status: 'PAID' })).code,
    ).toBe('NOT_FOUND');
  });

  it('records a partial return with a refund and updates the order', async () => {
    const r = await h.gql(RECORD_RETURN, {
      input: { orderId: order.id, items: [{ sku: 'TEE-M', quantity: 1 }], reason: 'SIZE_OR_FIT' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordReturn).toMatchObject({
      orderNumber: order.orderNumber,
      reason: 'SIZE_OR_FIT',
      items: [{ sku: 'TEE-M', quantity: 1 }],
      amount: { amountMinor: 1999, currency: 'EUR' },
      order: {
        status: 'PARTIALLY_RETURNED',
        refunded: { amountMinor: 1999 },
        items: [
          { sku: 'TEE-M', returnedQuantity: 1 },
          { sku: 'MUG', returnedQuantity: 0 },
        ],
      },
    });
  });

  it('never accepts more than ordered minus already returned, and writes nothing then', async () => {
    const r = await h.gql(RECORD_RETURN, {
      input: {
        orderId: order.id,
        items: [
          { sku: 'MUG', quantity: 1 },
          { sku: 'TEE-M', quantity: 2 },
        ],
        reason: 'CHANGED_MIND',
      },
    });
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[1].quantity' });
    expect(errorOf(r).message).toMatch(/TEE-M: ordered 2, already returned 1, returnable 1/);
    const after = await h.gql(
      `query($id: ID!) { order(id: $id) { status refunded { amountMinor } returns { id } } }`,
      {
        id: order.id,
      },
    );
    expect(after.data!.order).toMatchObject({
      status: 'PARTIALLY_RETURNED',
      refunded: { amountMinor: 1999 },
    });
    expect(after.data!.order.returns).toHaveLength(1);
  });

  it('returns the rest: the order becomes RETURNED and everything but shipping is refunded', async () => {
    const r = await h.gql(RECORD_RETURN, {
      input: {
        orderId: order.id,
        items: [
          { sku: 'MUG', quantity: 1 },
          { sku: 'TEE-M', quantity: 1 },
        ],
        reason: 'CHANGED_MIND',
      },
    });
    expect(r.data!.recordReturn.order.status).toBe('RETURNED');
    expect(r.data!.recordReturn.amount.amountMinor).toBe(1999 + 850);
    const again = await h.gql(RECORD_RETURN, {
      input: { orderId: order.id, items: [{ sku: 'MUG', quantity: 1 }], reason: 'OTHER' },
    });
    expect(errorOf(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[0].quantity' });
  });

  it('NOT_FOUND for an unknown order', async () => {
    const r = await h.gql(RECORD_RETURN, {
      input: {
        orderId: 'ord_000000000000000000000000',
        items: [{ sku: 'MUG', quantity: 1 }],
        reason: 'OTHER',
      },
    });
    expect(errorOf(r).code).toBe('NOT_FOUND');
  });
});

describe('Customer entity (as the gateway asks for it)', () => {
  const carol = customerId(0xca201);

  beforeAll(async () => {
    const base = { customerId: carol, channel: 'STORE', status: 'DELIVERED' };
    const r = await h.gql(
      `mutation($orders: [ImportOrderInput!]!) { importOrders(orders: $orders) { importedCount } }`,
      {
        orders: [
          {
            ...base,
            orderNumber: 'C-1',
            currency: 'EUR',
            placedAt: '2024-01-10T10:00:00Z',
            subtotalMinor: 10_000,
          },
          {
            ...base,
            orderNumber: 'C-2',
            currency: 'EUR',
            placedAt: '2024-02-10T10:00:00Z',
            subtotalMinor: 5_000,
            refundedMinor: 1_000,
          },
          {
            ...base,
            orderNumber: 'C-3',
            currency: 'EUR',
            placedAt: '2024-03-10T10:00:00Z',
            subtotalMinor: 7_000,
            status: 'CANCELLED',
          },
          {
            ...base,
            orderNumber: 'C-4',
            currency: 'USD',
            placedAt: '2024-04-10T10:00:00Z',
            subtotalMinor: 9_900,
          },
          {
            ...base,
            orderNumber: 'C-5',
            currency: 'EUR',
            placedAt: '2024-05-10T10:00:00Z',
            subtotalMinor: 3_000,
            status: 'PAID',
          },
        ],
      },
    );
    expect(r.data?.importOrders.importedCount).toBe(5);
    const c5 = await h.gql(`{ orderByNumber(number: "C-5") { id } }`);
    const ret = await h.gql(RECORD_RETURN, {
      input: { orderId: c5.data!.orderByNumber.id, items: [], reason: 'OTHER' },
    });
    // An order without items has nothing to return.
    expect(errorOf(ret).code).toBe('BAD_USER_INPUT');
  });

  it('resolves purchase figures net of cancellations and refunds, base currency only', async () => {
    const r = await h.gql(CUSTOMER, { reps: [{ __typename: 'Customer', id: carol }] });
    expect(r.errors).toBeUndefined();
    const stats = r.data!._entities[0].purchaseStats;
    expect(stats).toEqual({
      orderCount: 4, // C-3 is cancelled
      otherCurrencyOrderCount: 1, // C-4 (USD)
      returnCount: 0,
      lastReturnAt: null,
      firstOrderAt: '2024-01-10T10:00:00.000Z',
      lastOrderAt: '2024-05-10T10:00:00.000Z',
      // 10,000 + (5,000 − 1,000) + 3,000
      totalRevenue: { amountMinor: 17_000, currency: 'EUR', amount: '170.00' },
      averageOrderValue: { amountMinor: 5_667, currency: 'EUR' },
    });
  });

  it('pages orders newest first with cursors and filters by status', async () => {
    const reps = [{ __typename: 'Customer', id: carol }];
    const p1 = (await h.gql(CUSTOMER, { reps, first: 2 })).data!._entities[0].orders;
    expect(p1.totalCount).toBe(5);
    expect(p1.edges.map((e: Json) => e.node.orderNumber)).toEqual(['C-5', 'C-4']);
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = (await h.gql(CUSTOMER, { reps, first: 2, after: p1.pageInfo.endCursor })).data!._entities[0]
      .orders;
    expect(p2.edges.map((e: Json) => e.node.orderNumber)).toEqual(['C-3', 'C-2']);
    const p3 = (await h.gql(CUSTOMER, { reps, first: 2, after: p2.pageInfo.endCursor })).data!._entities[0]
      .orders;
    expect(p3.edges.map((e: Json) => e.node.orderNumber)).toEqual(['C-1']);
    expect(p3.pageInfo.hasNextPage).toBe(false);
    const cancelled = (await h.gql(CUSTOMER, { reps, status: 'CANCELLED' })).data!._entities[0].orders;
    expect(cancelled.edges.map((e: Json) => e.node.orderNumber)).toEqual(['C-3']);
    expect(cancelled.totalCount).toBe(1);
    const badCursor = await h.gql(CUSTOMER, { reps, after: 'not-a-cursor' });
    expect(errorOf(badCursor)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await h.gql(CUSTOMER, { reps, first: 1000 });
    expect(errorOf(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('lists returns and counts them in the stats of the customer who returned', async () => {
    const r = await h.gql(CUSTOMER, {
      reps: [
        { __typename: 'Customer', id: bob },
        { __typename: 'Customer', id: customerId(0xdead) },
      ],
    });
    const [b, nobody] = r.data!._entities;
    expect(b.returns.totalCount).toBe(2);
    expect(b.returns.edges.map((e: Json) => e.node.amount.amountMinor)).toEqual([2849, 1999]);
    // A fully returned order is not a purchase (it made customers PURCHASE / BRONZE): Bob's only order is
    // RETURNED, so it counts neither as an order nor in revenue (the kept shipping is no purchase either).
    expect(b.purchaseStats).toMatchObject({
      orderCount: 0,
      returnCount: 2,
      firstOrderAt: null,
      lastOrderAt: null,
      totalRevenue: { amountMinor: 0 },
      averageOrderValue: null,
    });
    expect(b.purchaseStats.lastReturnAt).not.toBeNull();
    expect(nobody).toMatchObject({
      id: customerId(0xdead),
      orders: { totalCount: 0, edges: [] },
      returns: { totalCount: 0 },
      purchaseStats: {
        orderCount: 0,
        totalRevenue: { amountMinor: 0, currency: 'EUR' },
        averageOrderValue: null,
      },
    });
  });
});
