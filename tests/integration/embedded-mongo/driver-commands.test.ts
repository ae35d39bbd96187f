/**
 * Command-level conformance through the official driver. Expected values follow the MongoDB manual
 * (https://www.mongodb.com/docs/manual/reference/command/); the same assertions hold against a real
 * mongod (run with MONGODB_URI set).
 */
import { Long, ObjectId, type Collection, type Db, type Document } from 'mongodb';
import { freshCollection, openTestClient, serverError, type TestClient } from '../../helpers/mongo';

let t: TestClient;
let db: Db;

beforeAll(async () => {
  t = await openTestClient('driver_commands');
  db = t.db;
});

afterAll(async () => {
  await t.close();
});

const fresh = (name: string, docs?: Document[]) => freshCollection(db, name, docs);

describe('handshake and server commands', () => {
  it('answers hello as the writable primary of a replica set (transactions need one)', async () => {
    const hello = await db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({ ok: 1, isWritablePrimary: true, secondary: false, helloOk: true });
    expect(typeof hello.setName).toBe('string');
    expect(hello.hosts).toContain(hello.me);
    expect(hello.primary).toBe(hello.me);
    expect(hello.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(hello.maxMessageSizeBytes).toBe(48_000_000);
    expect(hello.maxWriteBatchSize).toBe(100_000);
    expect(hello.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
    expect(typeof hello.connectionId).toBe('number');
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(8);
  });

  it('answers the legacy isMaster form', async () => {
    expect(await db.admin().command({ isMaster: 1 })).toMatchObject({ ok: 1, ismaster: true });
  });

  it('answers ping and buildInfo', async () => {
    expect(await db.admin().command({ ping: 1 })).toMatchObject({ ok: 1 });
    const info = await db.admin().command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+/);
    expect(Array.isArray(info.versionArray)).toBe(true);
  });

  it('rejects an unknown command with CommandNotFound (59)', async () => {
    const err = await serverError(db.command({ definitelyNotACommand: 1 }));
    expect(err.code).toBe(59);
    expect(err.codeName).toBe('CommandNotFound');
    expect(err.message).toContain('definitelyNotACommand');
  });

  it('lists databases and collections (filter, nameOnly)', async () => {
    await fresh('lc_a', [{ x: 1 }]);
    await fresh('lc_b', [{ x: 1 }]);
    const dbs = await db.admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).toContain(t.dbName);
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['lc_a', 'lc_b']));
    const filtered = await db.listCollections({ name: 'lc_a' }).toArray();
    expect(filtered).toHaveLength(1);
    expect(filtered[0]).toMatchObject({ name: 'lc_a', type: 'collection' });
  });

  it('create fails with NamespaceExists (48) for an existing collection; drop and dropDatabase remove data', async () => {
    await fresh('created');
    await db.createCollection('created');
    const err = await serverError(db.command({ create: 'created' }));
    expect(err.code).toBe(48);
    await db.collection('created').insertOne({ a: 1 });
    expect(await db.collection('created').drop()).toBe(true);
    expect((await db.listCollections({ name: 'created' }).toArray()).length).toBe(0);

    const other = t.client.db(`${t.dbName}_x`);
    await other.collection('c').insertOne({ a: 1 });
    await other.dropDatabase();
    const dbs = await db.admin().listDatabases({ nameOnly: true });
    expect(dbs.databases.map((d) => d.name)).not.toContain(`${t.dbName}_x`);
  });
});

describe('insert / find / cursors', () => {
  it('reports duplicate _id as a writeError with keyPattern/keyValue; ordered stops, unordered continues', async () => {
    const coll = await fresh('ins', [{ _id: 1 }]);
    const ordered = await serverError(coll.insertMany([{ _id: 2 }, { _id: 1 }, { _id: 3 }]));
    expect(ordered.code).toBe(11000);
    expect(await coll.countDocuments()).toBe(2);
    // The raw reply: https://www.mongodb.com/docs/manual/reference/command/insert/#output
    const reply = await db.command({
      insert: 'ins',
      documents: [{ _id: 4 }, { _id: 1 }, { _id: 5 }],
      ordered: false,
    });
    expect(reply).toMatchObject({ ok: 1, n: 2 });
    expect(reply.writeErrors).toHaveLength(1);
    expect(reply.writeErrors[0]).toMatchObject({
      index: 1,
      code: 11000,
      keyPattern: { _id: 1 },
      keyValue: { _id: 1 },
    });
    expect(reply.writeErrors[0].errmsg).toMatch(
      /^E11000 duplicate key error collection: .*\.ins index: _id_ dup key: \{ _id: 1 \}$/,
    );
    expect((await coll.find().sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 2, 4, 5]);
  });

  it('finds with filter, sort, projection, skip and limit', async () => {
    const coll = await fresh(
      'finds',
      Array.from({ length: 20 }, (_, i) => ({ _id: i, g: i % 4, name: `n${i}`, nested: { v: 20 - i } })),
    );
    const docs = await coll
      .find({ g: { $in: [1, 3] } }, { projection: { name: 1, 'nested.v': 1, _id: 0 } })
      .sort({ 'nested.v': 1 })
      .skip(1)
      .limit(3)
      .toArray();
    expect(docs).toEqual([
      { name: 'n17', nested: { v: 3 } },
      { name: 'n15', nested: { v: 5 } },
      { name: 'n13', nested: { v: 7 } },
    ]);
    expect(await coll.find({ name: /^n1/ }).count()).toBe(11);
    expect(
      await coll.find({ 'nested.v': { $gt: 15 } }, { projection: { name: 0, nested: 0 } }).toArray(),
    ).toEqual([
      { _id: 0, g: 0 },
      { _id: 1, g: 1 },
      { _id: 2, g: 2 },
      { _id: 3, g: 3 },
      { _id: 4, g: 0 },
    ]);
  });

  it('sorts mixed types in BSON order (numbers < strings < objects < ObjectId < dates)', async () => {
    // https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/
    const oid = new ObjectId();
    const when = new Date('2024-01-01T00:00:00Z');
    const coll = await fresh('mixed', [
      { _id: 1, v: when },
      { _id: 2, v: 'b' },
      { _id: 3, v: 10 },
      { _id: 4, v: oid },
      { _id: 5, v: 'a' },
      { _id: 6, v: 2 },
    ]);
    const ids = (await coll.find().sort({ v: 1 }).toArray()).map((d) => d._id);
    expect(ids).toEqual([6, 3, 5, 2, 4, 1]);
  });

  it('streams a result larger than one batch through getMore, and killCursors releases a cursor', async () => {
    const coll = await fresh(
      'big',
      Array.from({ length: 1050 }, (_, i) => ({ i })),
    );
    // getMore requires the cursor id as a 64-bit integer, so keep it a Long.
    const first = await db.command(
      { find: 'big', filter: {}, sort: { i: 1 }, batchSize: 100 },
      { promoteLongs: false },
    );
    expect(first.cursor.firstBatch).toHaveLength(100);
    expect(Long.isLong(first.cursor.id) && !first.cursor.id.isZero()).toBe(true);
    const more = await db.command(
      { getMore: first.cursor.id, collection: 'big', batchSize: 500 },
      { promoteLongs: false },
    );
    expect(more.cursor.nextBatch).toHaveLength(500);
    expect(more.cursor.nextBatch[0].i).toBe(100);
    const killed = await db.command({ killCursors: 'big', cursors: [first.cursor.id] });
    expect(killed.cursorsKilled).toHaveLength(1);
    const gone = await serverError(db.command({ getMore: first.cursor.id, collection: 'big' }));
    expect(gone.code).toBe(43); // CursorNotFound

    const all = await coll.find({}, { batchSize: 101 }).toArray();
    expect(all).toHaveLength(1050);
    expect(new Set(all.map((d) => d.i)).size).toBe(1050);
  });
});

describe('update / delete / findAndModify', () => {
  it('updates one or many, upserts with $setOnInsert, and counts n / nModified', async () => {
    const coll = await fresh('upd', [
      { _id: 1, k: 'a', n: 1 },
      { _id: 2, k: 'a', n: 2 },
      { _id: 3, k: 'b', n: 3 },
    ]);
    expect(await coll.updateOne({ k: 'a' }, { $inc: { n: 10 } })).toMatchObject({
      matchedCount: 1,
      modifiedCount: 1,
    });
    expect(await coll.updateMany({ k: 'a' }, { $set: { seen: true } })).toMatchObject({
      matchedCount: 2,
      modifiedCount: 2,
    });
    const up = await coll.updateOne(
      { k: 'c', n: 7 },
      { $set: { extra: 1 }, $setOnInsert: { created: true } },
      { upsert: true },
    );
    expect(up).toMatchObject({ matchedCount: 0, upsertedCount: 1 });
    // An upsert copies the filter's equality fields into the new document (manual: update, "upsert").
    expect(await coll.findOne({ _id: up.upsertedId! })).toMatchObject({
      k: 'c',
      n: 7,
      extra: 1,
      created: true,
    });
    const again = await coll.updateOne({ k: 'c' }, { $setOnInsert: { created: false } }, { upsert: true });
    expect(again).toMatchObject({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0 });
  });

  it('applies arrayFilters and the positional $ operator', async () => {
    // https://www.mongodb.com/docs/manual/reference/operator/update/positional-filtered/
    const coll = await fresh('arr', [
      { _id: 1, grades: [95, 102, 90, 150] },
      {
        _id: 2,
        items: [
          { k: 1, v: 1 },
          { k: 2, v: 2 },
        ],
      },
    ]);
    await coll.updateOne(
      { _id: 1 },
      { $set: { 'grades.$[el]': 100 } },
      { arrayFilters: [{ el: { $gte: 100 } }] },
    );
    expect((await coll.findOne({ _id: 1 }))!.grades).toEqual([95, 100, 90, 100]);
    await coll.updateOne({ _id: 2, 'items.k': 2 }, { $set: { 'items.$.v': 20 } });
    expect((await coll.findOne({ _id: 2 }))!.items).toEqual([
      { k: 1, v: 1 },
      { k: 2, v: 20 },
    ]);
  });

  it('replaces documents and refuses to change _id (ImmutableField, 66)', async () => {
    const coll = await fresh('repl', [{ _id: 1, a: 1, b: 2 }]);
    await coll.replaceOne({ _id: 1 }, { c: 3 });
    expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, c: 3 });
    const err = await serverError(coll.updateOne({ _id: 1 }, { $set: { _id: 2 } }));
    expect(err.code).toBe(66);
  });

  it('deletes with limit 1 and limit 0', async () => {
    const coll = await fresh('del', [{ k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await coll.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await coll.deleteMany({})).deletedCount).toBe(2);
  });

  it('findAndModify: sort, new, fields, upsert, remove', async () => {
    const coll = await fresh('fam', [
      { _id: 1, q: 'x', n: 1 },
      { _id: 2, q: 'x', n: 2 },
    ]);
    const before = await coll.findOneAndUpdate({ q: 'x' }, { $inc: { n: 100 } }, { sort: { n: -1 } });
    expect(before).toEqual({ _id: 2, q: 'x', n: 2 });
    const after = await coll.findOneAndUpdate(
      { q: 'x' },
      { $inc: { n: 1 } },
      { sort: { n: 1 }, returnDocument: 'after', projection: { n: 1, _id: 0 } },
    );
    expect(after).toEqual({ n: 2 });
    const upserted = await coll.findOneAndUpdate(
      { q: 'y' },
      { $set: { n: 5 } },
      { upsert: true, returnDocument: 'after', includeResultMetadata: true },
    );
    expect(upserted.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
    expect(upserted.value).toMatchObject({ q: 'y', n: 5 });
    const removed = await coll.findOneAndDelete({ q: 'y' });
    expect(removed).toMatchObject({ q: 'y' });
    expect(await coll.findOneAndUpdate({ q: 'none' }, { $set: { n: 1 } })).toBeNull();
  });

  it('findAndModify returns a duplicate key as a command error with keyPattern/keyValue', async () => {
    const coll = await fresh('famdup', [{ email: 'a' }, { email: 'b' }]);
    await coll.createIndex({ email: 1 }, { unique: true });
    const err = await serverError(coll.findOneAndUpdate({ email: 'b' }, { $set: { email: 'a' } }));
    expect(err.code).toBe(11000);
    expect(err.errorResponse).toMatchObject({ keyPattern: { email: 1 }, keyValue: { email: 'a' } });
    const upsertErr = await serverError(
      coll.findOneAndUpdate({ other: 1 }, { $set: { email: 'a' } }, { upsert: true }),
    );
    expect(upsertErr.code).toBe(11000);
    expect(await coll.countDocuments()).toBe(2);
  });
});

describe('aggregate / count / distinct', () => {
  const sales = [
    { _id: 1, item: 'abc', price: 10, qty: 2, tags: ['a', 'b'], store: 's1' },
    { _id: 2, item: 'jkl', price: 20, qty: 1, tags: ['b'], store: 's1' },
    { _id: 3, item: 'xyz', price: 5, qty: 10, tags: [], store: 's2' },
    { _id: 4, item: 'xyz', price: 5, qty: 20, tags: ['a'], store: 's2' },
    { _id: 5, item: 'abc', price: 10, qty: 10, tags: ['c'], store: 's3' },
  ];
  let coll: Collection<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    coll = await fresh('sales', sales);
    await fresh('stores', [
      { _id: 's1', city: 'Oslo' },
      { _id: 's2', city: 'Lima' },
    ]);
  });

  it('supports $match $project $addFields/$set $unset $group $sort $limit $skip', async () => {
    const out = await coll
      .aggregate([
        { $match: { price: { $gte: 5 } } },
        { $addFields: { total: { $multiply: ['$price', '$qty'] } } },
        { $set: { big: { $gte: ['$total', 50] } } },
        { $unset: 'tags' },
        { $group: { _id: '$item', revenue: { $sum: '$total' }, n: { $sum: 1 }, anyBig: { $max: '$big' } } },
        { $project: { _id: 0, item: '$_id', revenue: 1, n: 1, anyBig: 1 } },
        { $sort: { revenue: -1, item: 1 } },
        { $skip: 1 },
        { $limit: 2 },
      ])
      .toArray();
    expect(out).toEqual([
      { revenue: 120, n: 2, anyBig: true, item: 'abc' },
      { revenue: 20, n: 1, anyBig: false, item: 'jkl' },
    ]);
  });

  it('supports $unwind $sortByCount $count $facet $bucket $replaceRoot $lookup', async () => {
    expect(
      await coll
        .aggregate([{ $unwind: '$tags' }, { $sortByCount: '$tags' }, { $sort: { count: -1, _id: 1 } }])
        .toArray(),
    ).toEqual([
      { _id: 'a', count: 2 },
      { _id: 'b', count: 2 },
      { _id: 'c', count: 1 },
    ]);
    expect(await coll.aggregate([{ $match: { qty: { $gt: 5 } } }, { $count: 'many' }]).toArray()).toEqual([
      { many: 3 },
    ]);
    const [facet] = await coll
      .aggregate([
        {
          $facet: {
            byStore: [{ $group: { _id: '$store', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
            priceBuckets: [{ $bucket: { groupBy: '$price', boundaries: [0, 10, 100], default: 'other' } }],
          },
        },
      ])
      .toArray();
    expect(facet.byStore).toEqual([
      { _id: 's1', n: 2 },
      { _id: 's2', n: 2 },
      { _id: 's3', n: 1 },
    ]);
    expect(facet.priceBuckets).toEqual([
      { _id: 0, count: 2 },
      { _id: 10, count: 3 },
    ]);
    const joined = await coll
      .aggregate([
        { $match: { _id: { $in: [1, 3, 5] } } },
        { $lookup: { from: 'stores', localField: 'store', foreignField: '_id', as: 'storeDoc' } },
        { $replaceRoot: { newRoot: { id: '$_id', cities: '$storeDoc.city' } } },
        { $sort: { id: 1 } },
      ])
      .toArray();
    expect(joined).toEqual([
      { id: 1, cities: ['Oslo'] },
      { id: 3, cities: ['Lima'] },
      { id: 5, cities: [] },
    ]);
  });

  it('returns aggregate results larger than one batch through a cursor', async () => {
    const big = await fresh(
      'aggbig',
      Array.from({ length: 600 }, (_, i) => ({ i, g: i % 3 })),
    );
    const res = await big
      .aggregate([{ $match: { g: { $in: [0, 1] } } }, { $sort: { i: -1 } }], { batchSize: 50 })
      .toArray();
    expect(res).toHaveLength(400);
    expect(res[0].i).toBe(598); // 599 % 3 === 2 is filtered out
  });

  it('rejects aggregate without a cursor option', async () => {
    const err = await serverError(db.command({ aggregate: 'sales', pipeline: [] }));
    expect(err.code).toBe(9); // FailedToParse
  });

  it('counts and lists distinct values (arrays contribute their elements)', async () => {
    expect((await db.command({ count: 'sales', query: { item: 'abc' } })).n).toBe(2);
    expect(await coll.countDocuments({ price: 5 })).toBe(2);
    expect((await coll.distinct('item')).sort()).toEqual(['abc', 'jkl', 'xyz']);
    expect((await coll.distinct('tags', { store: { $ne: 's3' } })).sort()).toEqual(['a', 'b']);
  });
});

describe('indexes', () => {
  it('creates, lists and drops single/compound/unique/sparse indexes', async () => {
    const coll = await fresh('idx', [{ a: 1, b: 1 }]);
    await coll.createIndexes([
      { key: { a: 1, b: -1 }, name: 'a_b', unique: true },
      { key: { s: 1 }, name: 's_sparse', unique: true, sparse: true },
    ]);
    const specs = await coll.listIndexes().toArray();
    expect(specs.map((s) => s.name).sort()).toEqual(['_id_', 'a_b', 's_sparse']);
    expect(specs.find((s) => s.name === 'a_b')).toMatchObject({ key: { a: 1, b: -1 }, unique: true });

    // compound unique: same (a,b) rejected, different b allowed
    await coll.insertOne({ a: 1, b: 2 });
    const dup = await serverError(coll.insertOne({ a: 1, b: 2 }));
    expect(dup.code).toBe(11000);
    expect(dup.errorResponse).toMatchObject({ keyPattern: { a: 1, b: -1 }, keyValue: { a: 1, b: 2 } });

    // sparse unique: many documents without the field are fine, duplicates of a present value are not
    await coll.insertMany([{ a: 2 }, { a: 3 }]);
    await coll.insertOne({ a: 4, s: 'x' });
    expect((await serverError(coll.insertOne({ a: 5, s: 'x' }))).code).toBe(11000);

    await coll.dropIndex('a_b');
    expect((await coll.listIndexes().toArray()).map((s) => s.name).sort()).toEqual(['_id_', 's_sparse']);
    await coll.dropIndexes();
    expect((await coll.listIndexes().toArray()).map((s) => s.name)).toEqual(['_id_']);
  });

  it('treats a missing field as null in a non-sparse unique index', async () => {
    // https://www.mongodb.com/docs/manual/core/index-unique/#missing-document-field-in-a-unique-single-field-index
    const coll = await fresh('idxnull');
    await coll.createIndex({ code: 1 }, { unique: true });
    await coll.insertOne({ x: 1 });
    const err = await serverError(coll.insertOne({ x: 2 }));
    expect(err.errorResponse).toMatchObject({ code: 11000, keyValue: { code: null } });
  });

  it('refuses to build a unique index over existing duplicates', async () => {
    const coll = await fresh('idxdup', [{ k: 1 }, { k: 1 }]);
    expect((await serverError(coll.createIndex({ k: 1 }, { unique: true }))).code).toBe(11000);
    expect((await coll.listIndexes().toArray()).map((s) => s.name)).toEqual(['_id_']);
  });

  it('enforces unique indexes on updates and upserts', async () => {
    const coll = await fresh('idxupd', [{ k: 1 }, { k: 2 }]);
    await coll.createIndex({ k: 1 }, { unique: true });
    expect((await serverError(coll.updateOne({ k: 2 }, { $set: { k: 1 } }))).code).toBe(11000);
    expect((await serverError(coll.updateOne({ z: 1 }, { $set: { k: 1 } }, { upsert: true }))).code).toBe(
      11000,
    );
    expect(await coll.countDocuments()).toBe(2);
  });

  it('answers listIndexes on a missing collection with NamespaceNotFound (26)', async () => {
    const err = await serverError(db.collection('nope_never').listIndexes().toArray());
    expect(err.code).toBe(26);
  });

  it('finds through a multikey index on an array field', async () => {
    const coll = await fresh('multikey', [
      { _id: 1, tags: ['a', 'b'] },
      { _id: 2, tags: ['b', 'c'] },
      { _id: 3, tags: 'a' },
    ]);
    await coll.createIndex({ tags: 1 });
    expect((await coll.find({ tags: 'a' }).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual([1, 3]);
    expect((await coll.find({ tags: { $in: ['c', 'zz'] } }).toArray()).map((d) => d._id)).toEqual([2]);
  });
});

describe('sessions and transactions', () => {
  it('accepts endSessions', async () => {
    const session = t.client.startSession();
    await db.collection('sess').insertOne({ a: 1 }, { session });
    await session.endSession();
    expect(await db.admin().command({ endSessions: [session.id] })).toMatchObject({ ok: 1 });
  });

  it('refuses a transaction number on a command that is not a retryable write (50768)', async () => {
    const err = await serverError(
      db.command({
        find: 'sess',
        filter: {},
        lsid: { id: new ObjectId().id },
        txnNumber: Long.fromNumber(1),
      }),
    );
    expect(err.code).toBe(50768);
    expect(err.codeName).toBe('NotARetryableWriteCommand');
  });
});
