/**
 * What the embedded server cannot do it refuses, with the error code MongoDB uses for it, instead of
 * silently ignoring it (a real mongod supports these, so this file runs against the embedded server only).
 */
import { MongoClient, type Db } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../../shared/embedded-mongo';
import { openTestClient, serverError, type TestClient } from '../../helpers/mongo';
import { testServerFacts } from '../../helpers/server-facts';

const embeddedOnly = testServerFacts().embedded ? describe : describe.skip;

embeddedOnly('refused with CommandNotSupported (115)', () => {
  let t: TestClient;
  let db: Db;

  beforeAll(async () => {
    t = await openTestClient('refusals');
    db = t.db;
    await db.collection<{ _id: number; w: string }>('src').insertMany([
      { _id: 1, w: 'a' },
      { _id: 2, w: 'A' },
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  const cases: Array<[string, () => Promise<unknown>]> = [
    ['capped collections', () => db.createCollection('capped', { capped: true, size: 4096 })],
    ['time-series collections', () => db.createCollection('ts', { timeseries: { timeField: 't' } })],
    [
      'clustered collections',
      () => db.createCollection('cl', { clusteredIndex: { key: { _id: 1 }, unique: true } }),
    ],
    [
      'change stream pre- and post-images',
      () => db.createCollection('pre', { changeStreamPreAndPostImages: { enabled: true } }),
    ],
    ['a default collection collation', () => db.createCollection('coll_c', { collation: { locale: 'fr' } })],
    ['an index collation', () => db.collection('src').createIndex({ w: 1 }, { collation: { locale: 'fr' } })],
    [
      'a collation with $group (its keys would compare binary)',
      () =>
        db
          .collection('src')
          .aggregate([{ $group: { _id: '$w' } }], { collation: { locale: 'en', strength: 2 } })
          .toArray(),
    ],
    [
      'a collation with $expr',
      () =>
        db
          .collection('src')
          .find({ $expr: { $eq: ['$w', 'a'] } }, { collation: { locale: 'en', strength: 2 } })
          .toArray(),
    ],
    [
      'French secondary ordering (backwards)',
      () =>
        db
          .collection('src')
          .find({}, { collation: { locale: 'fr', backwards: true } })
          .toArray(),
    ],
    [
      'arrayFilters with a collation',
      () =>
        db
          .collection('src')
          .updateOne(
            {},
            { $set: { 'xs.$[x]': 1 } },
            { arrayFilters: [{ x: 'a' }], collation: { locale: 'en', strength: 2 } },
          ),
    ],
    ['explain', () => db.collection('src').aggregate([], { explain: true }).toArray()],
    [
      'change streams',
      () =>
        db
          .collection('src')
          .aggregate([{ $changeStream: {} }])
          .toArray(),
    ],
    [
      'collMod of an index',
      () => db.command({ collMod: 'src', index: { keyPattern: { _id: 1 }, hidden: true } }),
    ],
  ];

  it.each(cases)('%s', async (_what, attempt) => {
    const err = await serverError(attempt());
    expect(err.code).toBe(115); // CommandNotSupported
    expect(err.message).toMatch(/not supported by the embedded server/);
  });

  it('text indexes (CannotCreateIndex, 67)', async () => {
    expect((await serverError(db.collection('src').createIndex({ w: 'text' }))).code).toBe(67);
  });
});

embeddedOnly('test commands', () => {
  let server: EmbeddedMongo;
  let client: MongoClient;

  beforeAll(async () => {
    server = await startEmbeddedMongo();
    client = await new MongoClient(server.uri).connect();
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it('configureFailPoint does not exist unless the server was started with enableTestCommands (59)', async () => {
    const err = await serverError(
      client
        .db('admin')
        .command({ configureFailPoint: 'failCommand', mode: 'alwaysOn', data: { failCommands: ['find'] } }),
    );
    expect(err.code).toBe(59);
  });
});
