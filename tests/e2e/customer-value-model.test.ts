/* eslint-disable @typescript-eslint/no-explicit-any -- responses are asserted field by field, not typed */
/**
 * Scenario: the value model through the gateway. 200 customers are created in marketing; histories drawn
 * from the BG/NBD + Gamma-Gamma generative process (CDNOW-like parameters, in days) are imported as orders
 * with `importOrders`, plus two hand-made repeat buyers with the same rhythm, one still buying and one
 * silent for 300 days. `refitValueModel` fits the model; then `Customer.value` — owned by insights — shows
 * sales' predictions next to insights' figures: P(alive) in (0, 1], expected purchases growing with the
 * horizon, CLV falling as the discount rate rises, RFM cells and segments. A list of 10 and of 100 customers
 * must cost sales the same database commands (the predictive fields are batched through one `_entities`).
 */
import { simulateCustomers } from '../helpers/value-model/simulate';
import { dataOf, startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

jest.setTimeout(300_000);

let h: SupergraphHarness;
beforeAll(async () => {
  h = await startSubgraphsAndGateway();
});
afterAll(async () => h?.stop());

const DAY = 86_400_000;
const SIMULATED = 200;
/** Every 10th simulated customer never buys: their predictions must be null, not invented. */
const isNonBuyer = (i: number) => i % 10 === 9;

const SEGMENTS = [
  'CHAMPIONS',
  'LOYAL',
  'POTENTIAL_LOYALIST',
  'NEW',
  'PROMISING',
  'NEED_ATTENTION',
  'ABOUT_TO_SLEEP',
  'AT_RISK',
  'CANNOT_LOSE',
  'HIBERNATING',
  'LOST',
];

const VALUE_FIELDS = `
  customerId tier score orderCount
  probabilityAlive
  soon: expectedPurchases(days: 30)
  quarter: expectedPurchases(days: 90)
  year: expectedPurchases(days: 365)
  expectedAverageOrderValue { amount currency }
  clv: predictedLifetimeValue(months: 12) { amount currency }
  clvHighDiscount: predictedLifetimeValue(months: 12, monthlyDiscountRate: 0.05) { amount currency }
  clvUndiscounted: predictedLifetimeValue(months: 12, monthlyDiscountRate: 0) { amount currency }
  rfm { recency frequency monetary score segment }
  valueModelFittedAt`;

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) {
  return dataOf<T>(await h.query<T>(query, variables));
}

interface Buyer {
  id: string;
  purchaseDays: number;
}

const buyers = new Map<string, Buyer>();
const nonBuyers = new Set<string>();
let steadyId: string;
let lapsedId: string;
let fittedAt: string;

async function createCustomers(n: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  // Small parallel batches: quick, without flooding a shared machine.
  for (let i = 0; i < n; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, (_, k) =>
        ok<{ createCustomer: { id: string } }>(
          `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
          {
            input: {
              givenName: `${prefix}${i + k}`,
              familyName: 'Model',
              email: `${prefix.toLowerCase()}${i + k}@example.com`,
            },
          },
        ),
      ),
    );
    ids.push(...batch.map((b) => b.createCustomer.id));
  }
  return ids;
}

beforeAll(async () => {
  const now = Date.now();
  const ids = await createCustomers(SIMULATED, 'Sim');
  [steadyId, lapsedId] = await createCustomers(2, 'Hand');

  // Drawn from the models' own story, so the fit has something real to find (CDNOW-like, alpha in days).
  const histories = simulateCustomers({
    customers: SIMULATED,
    seed: 2024,
    bgnbd: { r: 0.24, alpha: 4.41 * 7, a: 0.79, b: 2.43 },
    gammaGamma: { p: 6.25, q: 3.74, v: 15.44 },
    observation: { min: 120, max: 540 },
  });
  const orders: Array<Record<string, unknown>> = [];
  histories.forEach((c, i) => {
    if (isNonBuyer(i)) {
      nonBuyers.add(ids[i]);
      return;
    }
    const days = new Set<number>();
    c.purchaseTimes.forEach((t, k) => {
      const placedAt = now - (c.T - t) * DAY - 60_000;
      days.add(Math.floor(placedAt / DAY));
      orders.push({
        orderNumber: `SIM-${i}-${k}`,
        customerId: ids[i],
        channel: 'WEB',
        currency: 'EUR',
        placedAt: new Date(placedAt).toISOString(),
        subtotalMinor: Math.max(100, Math.round(c.spends[k] * 100)),
      });
    });
    buyers.set(ids[i], { id: ids[i], purchaseDays: days.size });
  });
  // Two buyers with the same rhythm (6 purchases 10 days apart, EUR 40 each), one still at it, one silent.
  for (const [id, lastDaysAgo] of [
    [steadyId, 2],
    [lapsedId, 300],
  ] as const) {
    for (let k = 0; k < 6; k++) {
      orders.push({
        orderNumber: `HAND-${lastDaysAgo}-${k}`,
        customerId: id,
        channel: 'STORE',
        currency: 'EUR',
        placedAt: new Date(now - (lastDaysAgo + 10 * k) * DAY).toISOString(),
        subtotalMinor: 4000,
      });
    }
    buyers.set(id, { id, purchaseDays: 6 });
  }
  const { importOrders } = await ok<{ importOrders: { importedCount: number } }>(
    `mutation($o: [ImportOrderInput!]!) { importOrders(orders: $o) { importedCount } }`,
    { o: orders },
  );
  expect(importOrders.importedCount).toBe(orders.length);
});

describe('Customer.value with the fitted value model', () => {
  it('has no predictions before the first fit, but the insights figures are there', async () => {
    const { customer } = await ok(`query($id: ID!) { customer(id: $id) { value { ${VALUE_FIELDS} } } }`, {
      id: steadyId,
    });
    expect(customer.value).toMatchObject({
      customerId: steadyId,
      orderCount: 6,
      probabilityAlive: null,
      quarter: null,
      clv: null,
      rfm: null,
      valueModelFittedAt: null,
    });
  });

  it('refitValueModel fits both models on the imported orders', async () => {
    const { refitValueModel } = await ok(`mutation {
      refitValueModel {
        status reason customers repeatBuyers currency fittedAt
        purchaseModel bgnbd { r alpha a b converged } mbgnbd { r alpha a b converged } gammaGamma { p q v }
      }
    }`);
    const repeatBuyers = [...buyers.values()].filter((b) => b.purchaseDays > 1).length;
    expect(refitValueModel).toMatchObject({
      status: 'OK',
      reason: null,
      customers: buyers.size,
      repeatBuyers,
      currency: 'EUR',
    });
    expect(refitValueModel.purchaseModel).toBe('MBG_NBD');
    expect(refitValueModel.bgnbd.converged).toBe(true);
    expect(refitValueModel.mbgnbd.converged).toBe(true);
    for (const v of [
      ...Object.values(refitValueModel.bgnbd),
      ...Object.values(refitValueModel.mbgnbd),
      ...Object.values(refitValueModel.gammaGamma),
    ]) {
      if (typeof v === 'number') expect(v).toBeGreaterThan(0);
    }
    fittedAt = refitValueModel.fittedAt;
  });

  it('shows calibrated predictions for every customer of a list page', async () => {
    const { customers } = await ok(
      `{ customers(first: 20) { edges { node { id value { ${VALUE_FIELDS} } } } } }`,
    );
    const nodes: any[] = customers.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(20);
    let repeatBuyersSeen = 0;
    for (const { id, value } of nodes) {
      expect(value.customerId).toBe(id);
      expect(value.valueModelFittedAt).toBe(fittedAt);
      if (nonBuyers.has(id)) {
        // No purchase: nothing to predict from, and insights agrees there is no order.
        expect(value).toMatchObject({ orderCount: 0, probabilityAlive: null, quarter: null, clv: null });
        expect(value.rfm).toBeNull();
        continue;
      }
      const buyer = buyers.get(id)!;
      expect(buyer).toBeDefined();
      expect(value.probabilityAlive).toBeGreaterThan(0);
      expect(value.probabilityAlive).toBeLessThanOrEqual(1);
      // MBG/NBD (the default): a one-time buyer may have left right after buying, so P(alive) < 1.
      if (buyer.purchaseDays === 1) expect(value.probabilityAlive).toBeLessThan(1);
      else repeatBuyersSeen++;
      expect(value.soon).toBeGreaterThanOrEqual(0);
      expect(value.quarter).toBeGreaterThan(value.soon);
      expect(value.year).toBeGreaterThan(value.quarter);
      expect(value.expectedAverageOrderValue.currency).toBe('EUR');
      expect(Number(value.expectedAverageOrderValue.amount)).toBeGreaterThan(0);
      const [clv, high, none] = [value.clv, value.clvHighDiscount, value.clvUndiscounted].map((m: any) => {
        expect(m.currency).toBe('EUR');
        return Number(m.amount);
      });
      expect(clv).toBeGreaterThan(0);
      expect(high).toBeLessThan(clv);
      expect(clv).toBeLessThan(none);
      expect(value.rfm.score).toBe(`${value.rfm.recency}${value.rfm.frequency}${value.rfm.monetary}`);
      expect(value.rfm.score).toMatch(/^[1-5]{3}$/);
      expect(SEGMENTS).toContain(value.rfm.segment);
    }
    expect(repeatBuyersSeen).toBeGreaterThan(0);
  });

  it('distrusts a frequent buyer who went silent, in the predictions and in RFM recency', async () => {
    const read = async (id: string) =>
      (await ok(`query($id: ID!) { customer(id: $id) { value { ${VALUE_FIELDS} } } }`, { id })).customer
        .value;
    const [steady, lapsed] = [await read(steadyId), await read(lapsedId)];
    expect(steady.probabilityAlive).toBeGreaterThan(0.5);
    expect(lapsed.probabilityAlive).toBeLessThan(steady.probabilityAlive / 2);
    expect(lapsed.quarter).toBeLessThan(steady.quarter);
    expect(Number(lapsed.clv.amount)).toBeLessThan(Number(steady.clv.amount));
    // Same frequency and spend, very different recency.
    expect(steady.rfm.frequency).toBe(lapsed.rfm.frequency);
    expect(steady.rfm.recency).toBeGreaterThan(lapsed.rfm.recency);
  });

  it('agrees with Customer.valueModelScores (the back-testing view) at the request time', async () => {
    const { customer } = await ok(
      `query($id: ID!) { customer(id: $id) {
        value { probabilityAlive quarter: expectedPurchases(days: 90) clv: predictedLifetimeValue(months: 24) { amountMinor } rfm { score segment } }
        valueModelScores { probabilityAlive quarter: expectedPurchases(days: 90) clv: predictedLifetimeValue(months: 24) { amountMinor } rfm { score segment } }
      } }`,
      { id: steadyId },
    );
    expect(customer.value.probabilityAlive).toBeCloseTo(customer.valueModelScores.probabilityAlive, 12);
    expect(customer.value.quarter).toBeCloseTo(customer.valueModelScores.quarter, 12);
    expect(customer.value.clv).toEqual(customer.valueModelScores.clv);
    expect(customer.value.rfm).toEqual(customer.valueModelScores.rfm);
  });

  it('rejects bad arguments with BAD_USER_INPUT naming the argument', async () => {
    for (const [field, name] of [
      ['expectedPurchases(days: -1)', 'days'],
      ['predictedLifetimeValue(months: 121) { amount }', 'months'],
      ['predictedLifetimeValue(months: 12, monthlyDiscountRate: 1.5) { amount }', 'monthlyDiscountRate'],
    ]) {
      const r = await h.query<any>(`query($id: ID!) { customer(id: $id) { value { ${field} } } }`, {
        id: steadyId,
      });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
    }
  });

  it('costs sales the same database commands for 10 and for 100 customers', async () => {
    const LIST = `query($first: Int!) { customers(first: $first) { edges { node { id value { ${VALUE_FIELDS} } } } } }`;
    const run = async (first: number) => {
      h.commandCounter.reset();
      const data = await ok(LIST, { first });
      expect(data.customers.edges).toHaveLength(first);
      return { count: h.commandCounter.counts().sales, commands: h.commandCounter.commands('sales') };
    };
    await run(5); // warm-up
    const ten = await run(10);
    const hundred = await run(100);
    console.log(
      `Sales MongoDB commands for customers { value { …predictions } }: N=10: ${ten.count}  N=100: ${hundred.count}  (${hundred.commands.join(', ')})`,
    );
    expect(hundred.commands).toEqual(ten.commands);
    // purchaseStats for insights' @requires (orders + returns), then the model and one summary aggregation.
    expect(hundred.commands.filter((c) => c === 'find value_models')).toHaveLength(1);
    expect(hundred.commands.filter((c) => c === 'aggregate orders').length).toBeLessThanOrEqual(2);
  });
});
