/**
 * A large import leads to a value-model refit in the background: the import result says so, and the
 * refit (trigger IMPORT) is stored without anyone calling `refitValueModel`.
 */
import { customerId, startSales, type SalesHarness } from './sales-harness';

jest.setTimeout(60_000);

let h: SalesHarness;

beforeAll(async () => {
  h = await startSales('sales_refit_import', { refitAfterImportedOrders: 150, refitImportDelaySeconds: 0 });
});

afterAll(async () => {
  await h?.close();
});

const IMPORT = `mutation($o: [ImportOrderInput!]!) { importOrders(orders: $o) { importedCount valueModelRefitScheduled } }`;

function orders(from: number, n: number) {
  return Array.from({ length: n }, (_, k) => ({
    orderNumber: `RI-${from + k}`,
    customerId: customerId(1 + ((from + k) % 60)),
    channel: 'APP',
    currency: 'EUR',
    placedAt: new Date(Date.UTC(2024, 0, 1) + (from + k) * 86_400_000).toISOString(),
    subtotalMinor: 2_000 + k,
  }));
}

it('schedules a refit once enough orders were imported, and runs it', async () => {
  const first = await h.gql(IMPORT, { o: orders(0, 100) });
  expect(first.data!.importOrders).toEqual({ importedCount: 100, valueModelRefitScheduled: false });
  expect((await h.gql(`{ valueModel { id } }`)).data!.valueModel).toBeNull();

  const second = await h.gql(IMPORT, { o: orders(100, 100) });
  expect(second.data!.importOrders).toEqual({ importedCount: 100, valueModelRefitScheduled: true });

  let fit = null;
  for (let i = 0; i < 100 && !fit; i++) {
    await new Promise((r) => setTimeout(r, 100));
    fit = (await h.gql(`{ valueModels(first: 1) { edges { node { trigger customers status active } } } }`))
      .data!.valueModels.edges[0]?.node;
  }
  // 60 customers: below the model's minimum, so the stored fit explains why instead of fitting, and is
  // not used for predictions.
  expect(fit).toEqual({ trigger: 'IMPORT', customers: 60, status: 'INSUFFICIENT_DATA', active: false });
  expect((await h.gql(`{ valueModel { id } }`)).data!.valueModel).toBeNull();
});
