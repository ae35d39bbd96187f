/**
 * Value model versions (issue 10, "one call can destroy the value model"): every fit is stored as a
 * version; only a fit with parameters can become the one predictions use; an explicit
 * `refitValueModel(asOf)` is pinned against import and scheduled refits; `valueModels` lists versions and
 * `activateValueModel(id)` rolls back. The base is a simulated BG/NBD population imported in one batch,
 * whose import triggers the first (IMPORT) fit.
 */
import { simulateCustomers, toOrders } from '../../helpers/value-model/simulate';
import { customerId, errorOf, startSales, type Json, type SalesHarness } from './sales-harness';

jest.setTimeout(120_000);

let h: SalesHarness;
const AS_OF = new Date('2025-06-30T12:00:00Z');
const MODEL = '{ id status trigger asOf active pinned }';
const IDS = [1, 2, 3, 4].map(customerId);
let firstImportFit: Json;
let initialPredictions: Json;

const fits = () => h.connection.collection('value_models').countDocuments();

async function waitForFits(n: number): Promise<void> {
  const until = Date.now() + 60_000;
  while ((await fits()) < n) {
    if (Date.now() > until) throw new Error(`fewer than ${n} fits after 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function valueModel(): Promise<Json> {
  return (await h.gql(`{ valueModel ${MODEL} }`)).data!.valueModel;
}

/** The predictions of a few customers, from the model in use, at a fixed observation end. */
async function predictions(): Promise<Json> {
  const r = await h.gql(
    `query($reps: [_Any!]!, $asOf: DateTime) { _entities(representations: $reps) { ... on Customer {
      valueModelScores(asOf: $asOf) { modelFittedAt probabilityAlive e90: expectedPurchases(days: 90)
        clv: predictedLifetimeValue(months: 12) { amountMinor } } } } }`,
    { reps: IDS.map((id) => ({ __typename: 'Customer', id })), asOf: AS_OF.toISOString() },
  );
  expect(r.errors).toBeUndefined();
  return r.data!._entities;
}

async function refit(asOf?: string): Promise<Json> {
  const r = await h.gql(`mutation($asOf: DateTime) { refitValueModel(asOf: $asOf) ${MODEL} }`, { asOf });
  expect(r.errors).toBeUndefined();
  return r.data!.refitValueModel;
}

beforeAll(async () => {
  h = await startSales('sales_value_versions', { refitAfterImportedOrders: 1, refitImportDelaySeconds: 1 });
  const simulated = simulateCustomers({
    customers: 200,
    seed: 21,
    bgnbd: { r: 0.3, alpha: 25, a: 0.7, b: 2.2 },
    gammaGamma: { p: 6, q: 4, v: 15 },
    observation: { min: 120, max: 540 },
  });
  const orders = simulated.flatMap((c, i) =>
    toOrders(c, AS_OF).map((o, j) => ({
      orderNumber: `VV-${i}-${j}`,
      customerId: customerId(i + 1),
      channel: 'WEB',
      currency: 'EUR',
      status: 'DELIVERED',
      placedAt: o.placedAt.toISOString(),
      subtotalMinor: o.totalMinor,
    })),
  );
  const r = await h.gql(`mutation($o: [ImportOrderInput!]!) { importOrders(orders: $o) { importedCount } }`, {
    o: orders,
  });
  expect(r.errors).toBeUndefined();
  await waitForFits(1);
  firstImportFit = await valueModel();
  initialPredictions = await predictions();
});

afterAll(async () => {
  await h?.close();
});

it('the import-triggered fit is in use, unpinned', () => {
  expect(firstImportFit).toMatchObject({ status: 'OK', trigger: 'IMPORT', active: true, pinned: false });
  expect(initialPredictions.map((p: Json) => p.valueModelScores.probabilityAlive)).toEqual(
    IDS.map(() => expect.any(Number)),
  );
});

it('one call can destroy the value model for everyone: refitValueModel(asOf: "1900-01-01") is INSUFFICIENT_DATA and predictions stay unchanged', async () => {
  const fit = await refit('1900-01-01T00:00:00Z');
  expect(fit).toMatchObject({ status: 'INSUFFICIENT_DATA', trigger: 'API', active: false, pinned: false });
  expect(await valueModel()).toEqual(firstImportFit);
  expect(await predictions()).toEqual(initialPredictions);
});

let pinnedFit: Json;

it('an import-scheduled refit silently replaces a model the analyst fitted with an explicit asOf: the explicit fit stays pinned', async () => {
  pinnedFit = await refit(AS_OF.toISOString());
  expect(pinnedFit).toMatchObject({ status: 'OK', asOf: AS_OF.toISOString(), active: true, pinned: true });
  const before = await fits();
  const r = await h.gql(`mutation($o: [ImportOrderInput!]!) { importOrders(orders: $o) { importedCount } }`, {
    o: [
      {
        orderNumber: 'VV-late',
        customerId: customerId(1),
        channel: 'WEB',
        currency: 'EUR',
        status: 'DELIVERED',
        placedAt: new Date(AS_OF.getTime() + 86_400_000).toISOString(),
        subtotalMinor: 2_500,
      },
    ],
  });
  expect(r.errors).toBeUndefined();
  await waitForFits(before + 1);
  expect(await valueModel()).toEqual(pinnedFit);
  const newest = (await h.gql(`{ valueModels(first: 1) { edges { node ${MODEL} } } }`)).data!.valueModels;
  expect(newest.edges[0].node).toMatchObject({
    status: 'OK',
    trigger: 'IMPORT',
    active: false,
    pinned: false,
  });
});

it('valueModels lists every version newest first; activateValueModel rolls back to one, pinned', async () => {
  const list = (await h.gql(`{ valueModels(first: 10) { totalCount edges { node ${MODEL} } } }`)).data!
    .valueModels;
  expect(list.totalCount).toBe(4);
  expect(list.edges.map((e: Json) => [e.node.trigger, e.node.status, e.node.active])).toEqual([
    ['IMPORT', 'OK', false],
    ['API', 'OK', true],
    ['API', 'INSUFFICIENT_DATA', false],
    ['IMPORT', 'OK', false],
  ]);
  expect(list.edges[3].node.id).toBe(firstImportFit.id);

  const r = await h.gql(`mutation($id: ID!) { activateValueModel(id: $id) ${MODEL} }`, {
    id: firstImportFit.id,
  });
  expect(r.errors).toBeUndefined();
  expect(r.data!.activateValueModel).toEqual({ ...firstImportFit, active: true, pinned: true });
  expect(await valueModel()).toEqual({ ...firstImportFit, pinned: true });
  expect(await predictions()).toEqual(initialPredictions);
});

it('pages through versions with the cursor', async () => {
  const page1 = (
    await h.gql(`{ valueModels(first: 3) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`)
  ).data!.valueModels;
  expect(page1.pageInfo.hasNextPage).toBe(true);
  const page2 = (
    await h.gql(
      `query($after: String) { valueModels(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }`,
      {
        after: page1.pageInfo.endCursor,
      },
    )
  ).data!.valueModels;
  expect(page2.edges.map((e: Json) => e.node.id)).toEqual([firstImportFit.id]);
  expect(page2.pageInfo.hasNextPage).toBe(false);
});

it('activateValueModel refuses an unknown id (NOT_FOUND) and a fit without parameters (BAD_USER_INPUT), changing nothing', async () => {
  const inUse = await valueModel();
  const unknown = await h.gql(`mutation { activateValueModel(id: "vmf_unknown") { id } }`);
  expect(errorOf(unknown).code).toBe('NOT_FOUND');
  const list = (await h.gql(`{ valueModels(first: 10) { edges { node { id status } } } }`)).data!.valueModels;
  const empty = list.edges.find((e: Json) => e.node.status === 'INSUFFICIENT_DATA').node.id;
  const refused = await h.gql(`mutation($id: ID!) { activateValueModel(id: $id) { id } }`, { id: empty });
  expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  expect(await valueModel()).toEqual(inUse);
});
