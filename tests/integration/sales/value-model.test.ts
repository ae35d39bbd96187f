/**
 * Customer value through the API: purchase summaries from one aggregation (checked against the pure
 * reference `summarizePurchases`), `refitValueModel` storing a fit in `value_models`, `valueModel`, and
 * Customer.valueModelScores read from the stored model — for a simulated customer base with known
 * BG/NBD and Gamma-Gamma parameters plus deliberately messy orders (same-day, cancelled, returned,
 * refunded, other currency, after the observation end).
 */
import {
  predictCustomer,
  summarizePurchases,
  type OrderAmount,
  type PurchaseSummary,
} from '../../../subgraphs/sales/src/value-model';
import { createSeedRandom } from '../../../scripts/seed/random';
import { simulateCustomers, toOrders } from '../../helpers/value-model/simulate';
import {
  ValueModelService,
  toValueModel,
} from '../../../subgraphs/sales/src/customer-value/value-model.service';
import type { ValueModelDoc } from '../../../subgraphs/sales/src/customer-value/value-model.model';
import { ValueModelVersions } from '../../../subgraphs/sales/src/customer-value/value-model-version.service';
import { customerId, errorOf, startSales, type Json, type SalesHarness } from './sales-harness';

jest.setTimeout(120_000);

let h: SalesHarness;
const AS_OF = new Date('2025-06-30T12:00:00Z');
const CUSTOMERS = 300;

interface ImportedOrder {
  orderNumber: string;
  customerId: string;
  channel: string;
  currency: string;
  status: string;
  placedAt: string;
  subtotalMinor: number;
  refundedMinor?: number;
}

const all: ImportedOrder[] = [];

function add(o: Omit<ImportedOrder, 'orderNumber' | 'channel'>) {
  all.push({ ...o, orderNumber: `VM-${all.length}`, channel: 'WEB' });
}

/** What counts for the model, per the reference definition's caller contract. */
function referenceOrders(id: string): OrderAmount[] {
  return all
    .filter(
      (o) => o.customerId === id && o.currency === 'EUR' && !['CANCELLED', 'RETURNED'].includes(o.status),
    )
    .map((o) => ({ placedAt: new Date(o.placedAt), totalMinor: o.subtotalMinor - (o.refundedMinor ?? 0) }));
}

const hand = customerId(0xfeed);

beforeAll(async () => {
  h = await startSales('sales_value_model');
  const simulated = simulateCustomers({
    customers: CUSTOMERS,
    seed: 7,
    bgnbd: { r: 0.25, alpha: 30, a: 0.8, b: 2.4 },
    gammaGamma: { p: 6, q: 4, v: 15 },
    observation: { min: 120, max: 540 },
  });
  const rng = createSeedRandom(11);
  simulated.forEach((c, i) => {
    const id = customerId(i + 1);
    for (const o of toOrders(c, AS_OF)) {
      add({
        customerId: id,
        currency: 'EUR',
        status: 'DELIVERED',
        placedAt: o.placedAt.toISOString(),
        subtotalMinor: o.totalMinor,
      });
    }
    // Noise the summary must ignore or merge.
    const first = toOrders(c, AS_OF)[0].placedAt.getTime();
    const u = rng.float();
    if (u < 0.15)
      add({
        customerId: id,
        currency: 'EUR',
        status: 'CANCELLED',
        placedAt: new Date(first + 5 * 86_400_000).toISOString(),
        subtotalMinor: 9_999,
      });
    else if (u < 0.3)
      add({
        customerId: id,
        currency: 'USD',
        status: 'DELIVERED',
        placedAt: new Date(first + 3 * 86_400_000).toISOString(),
        subtotalMinor: 4_200,
      });
    else if (u < 0.4)
      add({
        customerId: id,
        currency: 'EUR',
        status: 'RETURNED',
        placedAt: new Date(first + 2 * 86_400_000).toISOString(),
        subtotalMinor: 3_000,
      });
    else if (u < 0.5)
      add({
        customerId: id,
        currency: 'EUR',
        status: 'DELIVERED',
        placedAt: new Date(AS_OF.getTime() + 3_600_000).toISOString(),
        subtotalMinor: 1_234,
      });
  });
  // Hand-computed customer: days 1 (10 + 5 → 15), 3 (20), 20 (40 − 10 refunded = 30); cancelled, USD ignored.
  add({
    customerId: hand,
    currency: 'EUR',
    status: 'DELIVERED',
    placedAt: '2025-06-01T09:00:00Z',
    subtotalMinor: 1_000,
  });
  add({
    customerId: hand,
    currency: 'EUR',
    status: 'DELIVERED',
    placedAt: '2025-06-01T23:59:59Z',
    subtotalMinor: 500,
  });
  add({
    customerId: hand,
    currency: 'EUR',
    status: 'PAID',
    placedAt: '2025-06-03T00:00:00Z',
    subtotalMinor: 2_000,
  });
  add({
    customerId: hand,
    currency: 'EUR',
    status: 'CANCELLED',
    placedAt: '2025-06-10T10:00:00Z',
    subtotalMinor: 3_000,
  });
  add({
    customerId: hand,
    currency: 'USD',
    status: 'DELIVERED',
    placedAt: '2025-06-11T10:00:00Z',
    subtotalMinor: 5_000,
  });
  add({
    customerId: hand,
    currency: 'EUR',
    status: 'PARTIALLY_RETURNED',
    placedAt: '2025-06-20T15:00:00Z',
    subtotalMinor: 4_000,
    refundedMinor: 1_000,
  });

  // Orders placed after AS_OF but before "now" are legal imports (AS_OF is in the past).
  for (let i = 0; i < all.length; i += 2000) {
    const r = await h.gql(
      `mutation($o: [ImportOrderInput!]!) { importOrders(orders: $o) { importedCount } }`,
      {
        o: all.slice(i, i + 2000),
      },
    );
    expect(r.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await h?.close();
});

function service(): ValueModelService {
  const versions = new ValueModelVersions(
    h.connection.models.ValueModel as never,
    h.connection.models.ValueModelActive as never,
    { scheduledReplacesPinned: false },
  );
  return new ValueModelService(
    h.connection.models.Order as never,
    h.connection.models.ValueModel as never,
    versions,
    { baseCurrency: 'EUR' },
  );
}

describe('purchase summaries (one aggregation)', () => {
  it('matches the hand-computed case', async () => {
    const s = (await service().summaries(AS_OF, [hand])).get(hand)!;
    expect(s).toEqual({
      x: 2,
      tx: 19,
      T: 29,
      monetaryValue: 25,
      total: 65,
      purchaseDays: 3,
      firstPurchaseAt: new Date('2025-06-01T09:00:00Z'),
      lastPurchaseAt: new Date('2025-06-20T15:00:00Z'),
    });
  });

  it('equals the pure reference summarizePurchases for every customer', async () => {
    const ids = [...Array.from({ length: CUSTOMERS }, (_, i) => customerId(i + 1)), hand];
    const summaries = await service().summaries(AS_OF);
    expect(summaries.size).toBe(ids.length);
    for (const id of ids) {
      const expected = summarizePurchases(referenceOrders(id), { asOf: AS_OF, currencyExponent: 2 });
      const got = summaries.get(id) as PurchaseSummary;
      expect(expected).not.toBeNull();
      expect({ ...got, monetaryValue: 0, total: 0 }).toEqual({ ...expected!, monetaryValue: 0, total: 0 });
      expect(got.monetaryValue).toBeCloseTo(expected!.monetaryValue, 9);
      expect(got.total).toBeCloseTo(expected!.total, 9);
    }
    // Restricting to some customers gives the same rows.
    const some = await service().summaries(AS_OF, ids.slice(0, 5));
    expect([...some.keys()].sort()).toEqual(ids.slice(0, 5).sort());
    for (const id of ids.slice(0, 5)) expect(some.get(id)).toEqual(summaries.get(id));
  });
});

describe('fitting through the API', () => {
  const MODEL = `{ id status reason asOf fittedAt customers repeatBuyers timeUnit currency trigger warnings
    purchaseModel bgnbd { r alpha a b logLikelihood converged iterations }
    mbgnbd { r alpha a b logLikelihood converged iterations } gammaGamma { p q v converged customers } }`;

  it('has no model before the first fit', async () => {
    expect((await h.gql(`{ valueModel { id } }`)).data!.valueModel).toBeNull();
  });

  it('rejects an observation end in the future', async () => {
    const r = await h.gql(`mutation($asOf: DateTime) { refitValueModel(asOf: $asOf) { id } }`, {
      asOf: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });

  it('reports too little data instead of parameters', async () => {
    const r = await h.gql(`mutation($asOf: DateTime) { refitValueModel(asOf: $asOf) ${MODEL} }`, {
      asOf: '2024-01-01T00:00:00Z',
    });
    expect(r.data!.refitValueModel).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      customers: 0,
      bgnbd: null,
      gammaGamma: null,
    });
    expect(r.data!.refitValueModel.reason).toMatch(/100/);
  });

  let fitted: Json;

  it('fits both models on the base up to asOf, stores and serves the fit', async () => {
    const r = await h.gql(`mutation($asOf: DateTime) { refitValueModel(asOf: $asOf) ${MODEL} }`, {
      asOf: AS_OF.toISOString(),
    });
    expect(r.errors).toBeUndefined();
    fitted = r.data!.refitValueModel;
    const reference = [...Array.from({ length: CUSTOMERS }, (_, i) => customerId(i + 1)), hand].map((id) =>
      summarizePurchases(referenceOrders(id), { asOf: AS_OF })!,
    );
    expect(fitted).toMatchObject({
      status: 'OK',
      asOf: AS_OF.toISOString(),
      customers: CUSTOMERS + 1,
      repeatBuyers: reference.filter((s) => s.x > 0).length,
      timeUnit: 'day',
      currency: 'EUR',
      trigger: 'API',
      purchaseModel: 'MBG_NBD',
      bgnbd: { converged: true },
      mbgnbd: { converged: true },
      gammaGamma: { converged: true },
    });
    for (const k of ['r', 'alpha', 'a', 'b']) {
      expect(fitted.bgnbd[k]).toBeGreaterThan(0);
      expect(fitted.mbgnbd[k]).toBeGreaterThan(0);
    }
    expect((await h.gql(`{ valueModel ${MODEL} }`)).data!.valueModel).toEqual(fitted);
    expect(await h.connection.collection('value_models').countDocuments()).toBe(2);
  });

  it('scores customers from the stored model and their own summary', async () => {
    const ids = [customerId(1), customerId(2), customerId(3), hand, customerId(0xabc)];
    const r = await h.gql(
      `query($reps: [_Any!]!, $asOf: DateTime) { _entities(representations: $reps) { ... on Customer { id
        valueModelScores(asOf: $asOf) {
          asOf modelFittedAt summary { repeatPurchases daysFirstToLastPurchase daysSinceFirstPurchase meanRepeatValue total }
          e30: expectedPurchases(days: 30) e365: expectedPurchases(days: 365) probabilityAlive
          expectedAverageOrderValue { amountMinor currency }
          clv: predictedLifetimeValue(months: 12) { amountMinor currency }
          clvHighRate: predictedLifetimeValue(months: 12, monthlyDiscountRate: 0.05) { amountMinor }
          rfm { recency frequency monetary score segment }
        } } } }`,
      { reps: ids.map((id) => ({ __typename: 'Customer', id })), asOf: AS_OF.toISOString() },
    );
    expect(r.errors).toBeUndefined();
    const doc = (await h.connection
      .collection('value_models')
      .find()
      .sort({ fittedAt: -1 })
      .limit(1)
      .next()) as unknown as ValueModelDoc;
    const model = toValueModel(doc, 'MBG_NBD');
    for (const [i, id] of ids.entries()) {
      const got = r.data!._entities[i].valueModelScores;
      const orders = referenceOrders(id);
      if (orders.length === 0) {
        // customerId(0xabc) never bought: no summary, nothing to predict.
        expect(got).toMatchObject({ summary: null, e30: null, probabilityAlive: null, clv: null, rfm: null });
        continue;
      }
      const summary = summarizePurchases(orders, { asOf: AS_OF })!;
      const p12 = predictCustomer(model, summary, { days: 30, months: 12 });
      expect(got.modelFittedAt).toBe(fitted.fittedAt);
      expect(got.summary).toMatchObject({
        repeatPurchases: summary.x,
        daysFirstToLastPurchase: summary.tx,
        daysSinceFirstPurchase: summary.T,
      });
      expect(got.e30).toBeCloseTo(p12.expectedPurchases!, 10);
      expect(got.e365).toBeCloseTo(
        predictCustomer(model, summary, { days: 365, months: 0 }).expectedPurchases!,
        10,
      );
      expect(got.e365).toBeGreaterThan(got.e30);
      expect(got.probabilityAlive).toBeCloseTo(p12.probabilityAlive!, 10);
      expect(got.expectedAverageOrderValue).toEqual({
        amountMinor: Math.round(p12.expectedAverageOrderValue! * 100),
        currency: 'EUR',
      });
      expect(got.clv).toEqual({
        amountMinor: Math.round(p12.predictedLifetimeValue! * 100),
        currency: 'EUR',
      });
      expect(got.clvHighRate.amountMinor).toBeLessThanOrEqual(got.clv.amountMinor);
      expect(got.rfm).toMatchObject({ score: p12.rfm!.score, segment: p12.rfm!.segment });
      // MBG/NBD (the default): a one-time buyer may have left right after buying.
      if (summary.x === 0) expect(got.probabilityAlive).toBeLessThan(1);
    }
  });

  it('validates prediction arguments', async () => {
    const q = (field: string) =>
      h.gql(
        `{ _entities(representations: [{ __typename: "Customer", id: "${customerId(1)}" }]) { ... on Customer { valueModelScores { ${field} } } } }`,
      );
    expect(errorOf(await q('expectedPurchases(days: -1)'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'days',
    });
    expect(errorOf(await q('predictedLifetimeValue(months: 500) { amount }'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'months',
    });
    expect(
      errorOf(await q('predictedLifetimeValue(months: 12, monthlyDiscountRate: -0.5) { amount }')),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'monthlyDiscountRate',
    });
  });

  it('costs the same number of MongoDB commands for 10 and 100 customers', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer {
      valueModelScores { probabilityAlive expectedPurchases(days: 90) clv: predictedLifetimeValue(months: 24) { amount } rfm { segment } summary { total } } } } }`;
    const run = async (n: number) => {
      const reps = Array.from({ length: n }, (_, i) => ({ __typename: 'Customer', id: customerId(i + 1) }));
      let data: Json;
      const counted = await h.countCommands(async () => {
        data = await h.gql(query, { reps });
      });
      expect(data.errors).toBeUndefined();
      expect(
        data.data._entities.filter((e: Json) => e.valueModelScores.probabilityAlive !== null),
      ).toHaveLength(n);
      return counted;
    };
    const ten = await run(10);
    const hundred = await run(100);
    // The summaries, the pointer to the model in use, that model.
    expect(ten.names.sort()).toEqual(['aggregate', 'find', 'find']);
    expect(hundred.names.sort()).toEqual(['aggregate', 'find', 'find']);
  });
});
