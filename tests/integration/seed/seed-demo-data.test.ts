import { createHash } from 'node:crypto';
import { trusted, type Connection, type Model } from 'mongoose';
import { AppError, ErrorCode } from '../../../shared/errors';
import { createModels as marketingModels } from '../../../subgraphs/marketing/src/models';
import { createModels as salesModels } from '../../../subgraphs/sales/src/models';
import { createModels as supportModels } from '../../../subgraphs/support/src/models';
import { seedDemoData, type SeedSummary } from '../../../scripts/seed';
import { buildDocuments, generateStory } from '../../../scripts/seed/index';
import { openTestConnection, type TestConnection } from '../../helpers/mongo';

/*
 * Seeds ~300 customers into three fresh databases through the subgraphs' own models, then reads them back:
 * counts match the summary, every cross-database reference resolves, every stored document passes its
 * mongoose schema, timestamps are the story's (not the insert time), and re-seeding is identical.
 */

const asOf = new Date('2026-11-01T00:00:00Z');
let marketing: TestConnection;
let sales: TestConnection;
let support: TestConnection;
let summary: SeedSummary;

const seed = (existing?: 'fail' | 'skip' | 'drop') =>
  seedDemoData({
    marketing: marketing.connection,
    sales: sales.connection,
    support: support.connection,
    customers: 300,
    seed: 7,
    asOf,
    existing,
    chunkSize: 500,
  });

type AnyModel = Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
function modelsOf(): Record<string, AnyModel> {
  const prefixed = (name: string, c: Connection, factory: (c: Connection) => object) =>
    Object.entries(factory(c)).map(([k, m]) => [`${name}.${k}`, m as AnyModel] as const);
  return Object.fromEntries([
    ...prefixed('marketing', marketing.connection, marketingModels),
    ...prefixed('sales', sales.connection, salesModels),
    ...prefixed('support', support.connection, supportModels),
  ]);
}

/** A digest of every stored document, in _id order: equal digests mean identical data. */
async function digest(): Promise<string> {
  const hash = createHash('sha256');
  for (const [name, model] of Object.entries(modelsOf()).sort()) {
    hash.update(name);
    for (const doc of await model.find().sort({ _id: 1 }).lean()) hash.update(JSON.stringify(doc));
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  [marketing, sales, support] = await Promise.all([
    openTestConnection('seed_mkt'),
    openTestConnection('seed_sales'),
    openTestConnection('seed_support'),
  ]);
  summary = await seed('fail');
}, 180_000);

afterAll(async () => {
  await Promise.all([marketing, sales, support].filter(Boolean).map((c) => c.close()));
});

describe('seedDemoData', () => {
  it('writes what the summary reports', async () => {
    expect(summary.seeded).toBe(true);
    expect(summary.story!.customers).toBe(300);
    expect(summary.story!.duplicates).toBeGreaterThan(0);
    const models = modelsOf();
    for (const [name, count] of Object.entries(summary.counts)) {
      expect({ name, stored: await models[name].countDocuments() }).toEqual({ name, stored: count });
    }
    expect(summary.counts['marketing.customers']).toBe(300);
    for (const name of [
      'marketing.touchpoints',
      'sales.orders',
      'sales.returns',
      'support.tickets',
      'marketing.surveyAnswers',
      'marketing.campaigns',
    ]) {
      expect(summary.counts[name]).toBeGreaterThan(0);
    }
  });

  it('keeps every reference between the three databases consistent', async () => {
    const m = modelsOf();
    const ids = async (name: string, field = '_id') => new Set((await m[name].distinct(field)) as string[]);
    const customers = await ids('marketing.customers');
    const orders = await m['sales.orders'].find().lean();
    const orderIds = new Set(orders.map((o) => o._id as string));
    const orderCustomer = new Map(orders.map((o) => [o._id as string, o.customerId as string]));
    const missing = (values: Iterable<string>, known: Set<string>) =>
      [...values].filter((v) => !known.has(v));

    expect(missing(await ids('sales.orders', 'customerId'), customers)).toEqual([]);
    expect(missing(await ids('sales.returns', 'customerId'), customers)).toEqual([]);
    expect(missing(await ids('support.tickets', 'customerId'), customers)).toEqual([]);
    expect(missing(await ids('marketing.touchpoints', 'customerId'), customers)).toEqual([]);
    expect(missing(await ids('marketing.surveyAnswers', 'customerId'), customers)).toEqual([]);
    expect(missing(await ids('marketing.reviews', 'customerId'), customers)).toEqual([]);
    expect(missing(await ids('marketing.referrals', 'referrerId'), customers)).toEqual([]);
    expect(missing(await ids('marketing.referrals', 'referredCustomerId'), customers)).toEqual([]);

    const returns = await m['sales.returns'].find().lean();
    expect(
      returns.filter((r) => !orderIds.has(r.orderId) || orderCustomer.get(r.orderId) !== r.customerId),
    ).toEqual([]);
    const tickets = await m['support.tickets'].find({ orderId: trusted({ $type: 'string' }) }).lean();
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.filter((t) => orderCustomer.get(t.orderId) !== t.customerId)).toEqual([]);
    expect(missing(await ids('marketing.reviews', 'productId'), await ids('sales.products'))).toEqual([]);
    expect(
      missing(await ids('marketing.touchpoints', 'campaignId'), await ids('marketing.campaigns')),
    ).toEqual([]);
    expect(missing(await ids('marketing.customers', 'segmentIds'), await ids('marketing.segments'))).toEqual(
      [],
    );
    const skus = await ids('sales.products', 'sku');
    expect(missing(await ids('sales.orders', 'items.sku'), skus)).toEqual([]);
  });

  it('stores documents that pass the subgraphs’ schemas', async () => {
    for (const [name, model] of Object.entries(modelsOf())) {
      const problems: string[] = [];
      for (const doc of await model.find().lean()) {
        await new model(doc)
          .validate()
          .catch((e: Error) => problems.length < 3 && problems.push(`${name} ${doc._id}: ${e.message}`));
      }
      expect(problems).toEqual([]);
    }
  });

  it('stores exactly the documents the pure generator builds (no insert-time stamps or defaults)', async () => {
    const expected = buildDocuments(generateStory({ customers: 300, seed: 7, asOf }));
    const models = modelsOf();
    for (const [subgraph, collections] of Object.entries(expected)) {
      for (const [name, rows] of Object.entries(collections as Record<string, { _id: string }[]>)) {
        const stored = await models[`${subgraph}.${name}`].find().sort({ _id: 1 }).lean();
        const sorted = [...rows].sort((a, b) => (a._id < b._id ? -1 : 1));
        expect({ name, stored }).toEqual({ name, stored: sorted });
      }
    }
  }, 120_000);

  it('refuses to write into databases that hold data, skips or drops when asked, and re-seeds identically', async () => {
    const before = await digest();
    const conflict = await seed('fail').catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(AppError);
    expect((conflict as AppError).code).toBe(ErrorCode.CONFLICT);
    const skipped = await seed();
    expect(skipped.seeded).toBe(false);
    expect(await digest()).toBe(before);

    const again = await seed('drop');
    expect(again.counts).toEqual(summary.counts);
    expect(await digest()).toBe(before);
    // The drop recreated the unique indexes that keep identities apart.
    const indexes = await marketing.connection.collection('customers').indexes();
    expect(indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['emails_unique', 'exclusive_keys_unique']),
    );
  }, 180_000);
});
