/**
 * 100 concurrent connections doing mixed reads and writes: no lost update, no duplicated or missing
 * document. Runs against TEST_MONGODB_URI (embedded by default, real MongoDB with MONGODB_URI).
 */
import { MongoClient } from 'mongodb';
import { testMongoUri, uniqueDbName } from '../../helpers/mongo';

jest.setTimeout(90_000);

it('serves 100 concurrent connections without losing or duplicating documents', async () => {
  const dbName = uniqueDbName('concurrency');
  const client = new MongoClient(testMongoUri(), {
    maxPoolSize: 100,
    minPoolSize: 0,
    serverSelectionTimeoutMS: 5000,
  });
  let created = 0;
  client.on('connectionCreated', () => created++);
  await client.connect();
  const db = client.db(dbName);
  try {
    const docs = db.collection<{ worker: number; seq: number; key: string }>('docs');
    const counters = db.collection<{ _id: string; n: number }>('counters');
    await docs.createIndex({ key: 1 }, { unique: true });
    await counters.insertOne({ _id: 'total', n: 0 });

    const WORKERS = 100;
    const OPS = 6;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        for (let s = 0; s < OPS; s++) {
          await docs.insertOne({ worker: w, seq: s, key: `${w}:${s}` });
          await counters.updateOne({ _id: 'total' }, { $inc: { n: 1 } });
          const mine = await docs.countDocuments({ worker: w });
          expect(mine).toBe(s + 1);
          if (s % 5 === 0) await docs.find({ worker: (w + 1) % WORKERS }).toArray();
        }
      }),
    );

    expect(created).toBeGreaterThanOrEqual(50);
    expect(await docs.countDocuments()).toBe(WORKERS * OPS);
    expect((await docs.distinct('key')).length).toBe(WORKERS * OPS);
    expect((await counters.findOne({ _id: 'total' }))!.n).toBe(WORKERS * OPS);
  } finally {
    await db.dropDatabase().catch(() => {});
    await client.close();
  }
});
