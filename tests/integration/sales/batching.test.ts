/**
 * No N+1: the Customer fields of the sales subgraph (orders page, returns page, purchase figures, and each
 * order's returns) cost the same, fixed number of MongoDB commands for 10 customers as for 100, counted
 * with the driver's command monitoring on one `_entities` request like the gateway sends.
 */
import { customerId, startSales, type Json, type SalesHarness } from './sales-harness';

// The per-project testTimeout in jest.config.js is not applied by jest (it is a global option).
jest.setTimeout(60_000);

let h: SalesHarness;
const CUSTOMERS = 100;

const QUERY = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Customer {
      id
      orders(first: 3) { totalCount edges { node { id orderNumber total { amountMinor formatted } returns { id amount { amount } } } } }
      returns(first: 5) { totalCount edges { node { id reason order { orderNumber } } } }
      purchaseStats { orderCount returnCount totalRevenue { amountMinor } averageOrderValue { amountMinor } lastOrderAt }
    }
  }
}`;

beforeAll(async () => {
  h = await startSales('sales_batching');
  const orders = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    for (let k = 0; k < 4; k++) {
      orders.push({
        orderNumber: `B-${c}-${k}`,
        customerId: customerId(c + 1),
        channel: 'WEB',
        currency: 'EUR',
        placedAt: new Date(Date.UTC(2024, 0, 1 + k * 10, c % 24)).toISOString(),
        items: [{ sku: 'SKU-1', quantity: 2, unitPriceMinor: 1000 + c }],
      });
    }
  }
  const imported = await h.gql(
    `mutation($o: [ImportOrderInput!]!) { importOrders(orders: $o) { importedCount } }`,
    {
      o: orders,
    },
  );
  expect(imported.data?.importOrders.importedCount).toBe(CUSTOMERS * 4);
  // Every customer among the first ten and every third one after returns one unit of their latest order.
  for (let c = 0; c < CUSTOMERS; c++) {
    if (c >= 10 && c % 3 !== 0) continue;
    const order = await h.gql(`query($n: String!) { orderByNumber(number: $n) { id } }`, { n: `B-${c}-3` });
    const r = await h.gql(`mutation($i: RecordReturnInput!) { recordReturn(input: $i) { id } }`, {
      i: { orderId: order.data!.orderByNumber.id, items: [{ sku: 'SKU-1', quantity: 1 }], reason: 'DAMAGED' },
    });
    expect(r.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await h?.close();
});

async function measure(n: number) {
  const reps = Array.from({ length: n }, (_, c) => ({ __typename: 'Customer', id: customerId(c + 1) }));
  let result: Json;
  const counted = await h.countCommands(async () => {
    result = await h.gql(QUERY, { reps });
  });
  expect(result.errors).toBeUndefined();
  return { ...counted, entities: result.data._entities as Json[] };
}

it('costs the same number of MongoDB commands for 10 and 100 customers', async () => {
  const ten = await measure(10);
  const hundred = await measure(100);
  // The data is really there: every customer has 4 orders, 3 on the page, with their returns resolved.
  expect(hundred.entities).toHaveLength(100);
  for (const e of hundred.entities) {
    expect(e.orders.totalCount).toBe(4);
    expect(e.orders.edges).toHaveLength(3);
    expect(e.purchaseStats.orderCount).toBe(4);
  }
  expect(hundred.entities[0].returns.totalCount).toBe(1);
  expect(hundred.entities[0].orders.edges[0].node.returns).toHaveLength(1);
  expect(hundred.entities[11].returns.totalCount).toBe(0);

  console.log(
    `sales _entities commands: 10 customers → ${ten.count} (${ten.names.join(', ')}); 100 → ${hundred.count} (${hundred.names.join(', ')})`,
  );
  expect(hundred.count).toBe(ten.count);
  expect([...hundred.names].sort()).toEqual([...ten.names].sort());
  // orders page (aggregate + find), returns page (aggregate + find), stats (2 aggregates), Order.returns (find);
  // Return.order is served from the orderById loader (one more find at most).
  expect(ten.count).toBeLessThanOrEqual(8);
});
