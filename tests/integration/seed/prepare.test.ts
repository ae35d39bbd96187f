/*
 * The compose `seed` service's `--prepare` step on freshly seeded data: a sales service that started on the
 * empty database stored an INSUFFICIENT_DATA model, which the fit must replace; households must be grouped;
 * a second run (a volume that already holds data) keeps the stored model.
 */
import { trusted } from 'mongoose';
import { createModels as marketingModels } from '../../../subgraphs/marketing/src/models';
import { createModels as salesModels } from '../../../subgraphs/sales/src/models';
import { ValueModelVersions } from '../../../subgraphs/sales/src/customer-value/value-model-version.service';
import { ValueModelService } from '../../../subgraphs/sales/src/customer-value/value-model.service';
import { seedDemoData } from '../../../scripts/seed';
import { fitValueModelIfMissing, groupHouseholds } from '../../../scripts/seed/prepare';
import { openTestConnection, type TestConnection } from '../../helpers/mongo';

jest.setTimeout(120_000);

const settings = {
  baseCurrency: 'EUR',
  purchaseModel: 'MBG_NBD' as const,
  scheduledRefitReplacesPinned: false,
};
let marketing: TestConnection;
let sales: TestConnection;
let support: TestConnection;

beforeAll(async () => {
  [marketing, sales, support] = await Promise.all([
    openTestConnection('prep_mkt'),
    openTestConnection('prep_sales'),
    openTestConnection('prep_support'),
  ]);
});
afterAll(async () => {
  await Promise.all([marketing, sales, support].map((c) => c?.close()));
});

it('replaces the empty-database model with a fitted one, groups households, and keeps it on a rerun', async () => {
  const models = salesModels(sales.connection);
  // What sales stores when it starts before any order exists.
  const versions = new ValueModelVersions(models.valueModels, models.valueModelActive, {
    scheduledReplacesPinned: false,
  });
  const empty = await new ValueModelService(models.orders, models.valueModels, versions, settings).refit(
    undefined,
    'SCHEDULE',
  );
  expect(empty.status).toBe('insufficient-data');

  const summary = await seedDemoData({
    marketing: marketing.connection,
    sales: sales.connection,
    support: support.connection,
    customers: 400,
    seed: 11,
    asOf: new Date('2026-11-01T00:00:00Z'),
    existing: 'skip',
  });
  expect(summary.seeded).toBe(true);
  expect(
    await marketingModels(marketing.connection).customers.countDocuments({
      householdId: trusted({ $ne: null }),
    }),
  ).toBe(0);

  const households = await groupHouseholds(marketing.connection);
  expect(households.households).toBeGreaterThan(0);
  expect(
    await marketingModels(marketing.connection).customers.countDocuments({
      householdId: trusted({ $ne: null }),
    }),
  ).toBe(households.profilesInHouseholds);

  const first = await fitValueModelIfMissing(sales.connection, settings);
  expect(first.refitted).toBe(true);
  expect(first.doc.status).toBe('ok');
  const second = await fitValueModelIfMissing(sales.connection, settings);
  expect(second.refitted).toBe(false);
  expect(second.doc.fittedAt).toEqual(first.doc.fittedAt);
  expect(await models.valueModels.countDocuments()).toBe(2);
});
