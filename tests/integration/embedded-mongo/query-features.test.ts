/**
 * Query and write features through the official driver, with results as the MongoDB manual specifies
 * them: collation, `let`, views, $out/$merge, database-level aggregate, collection validators, hints and
 * strict option parsing. Runs against the embedded server by default and a real MongoDB when
 * MONGODB_URI is set.
 */
import { type CollationOptions, type Db, type Document } from 'mongodb';
import { freshCollection, openTestClient, serverError, type TestClient } from '../../helpers/mongo';
import { testServerFacts } from '../../helpers/server-facts';

let t: TestClient;
let db: Db;

beforeAll(async () => {
  t = await openTestClient('query_features');
  db = t.db;
});

afterAll(async () => {
  await t.close();
});

const fresh = (name: string, docs?: Document[]) => freshCollection(db, name, docs);

const caseInsensitive = { locale: 'en', strength: 2 };

describe('collation (https://www.mongodb.com/docs/manual/reference/collation/)', () => {
  const words = [
    { _id: 1, w: 'ping' },
    { _id: 2, w: 'PING' },
    { _id: 3, w: 'Pïng' },
    { _id: 4, w: 'pong' },
    { _id: 5, w: 10 },
  ];

  it('matches, counts and deletes strings equal at the chosen strength', async () => {
    const coll = await fresh('collation', words);
    const ids = async (filter: Document, collation: CollationOptions) =>
      (await coll.find(filter, { collation, sort: { _id: 1 } }).toArray()).map((d) => d._id);
    expect(await ids({ w: 'PiNg' }, caseInsensitive)).toEqual([1, 2]);
    expect(await ids({ w: 'ping' }, { locale: 'en', strength: 1 })).toEqual([1, 2, 3]);
    expect(await ids({ w: 'ping' }, { locale: 'en', strength: 3 })).toEqual([1]);
    expect(await ids({ w: { $in: ['PONG'] } }, caseInsensitive)).toEqual([4]);
    expect(await ids({ w: { $gt: 'PING' } }, caseInsensitive)).toEqual([3, 4]);
    expect(await coll.countDocuments({ w: 'PING' }, { collation: caseInsensitive })).toBe(2);
    expect((await coll.deleteMany({ w: 'PING' }, { collation: caseInsensitive })).deletedCount).toBe(2);
    expect(await coll.countDocuments()).toBe(3);
  });

  it('sorts with the locale and numeric ordering, and groups distinct values', async () => {
    const coll = await fresh('collation_sort', [
      { _id: 1, w: 'b' },
      { _id: 2, w: 'B' },
      { _id: 3, w: 'a10' },
      { _id: 4, w: 'a9' },
    ]);
    const sorted = await coll
      .find({}, { collation: { locale: 'en', numericOrdering: true }, sort: { w: 1 } })
      .toArray();
    expect(sorted.map((d) => d.w)).toEqual(['a9', 'a10', 'b', 'B']);
    expect(await coll.distinct('w', {}, { collation: caseInsensitive })).toEqual(['a10', 'a9', 'b']);
  });

  it('updates the documents the collation matches', async () => {
    const coll = await fresh('collation_update', words);
    const r = await coll.updateMany({ w: 'PING' }, { $set: { seen: true } }, { collation: caseInsensitive });
    expect(r.matchedCount).toBe(2);
    const before = await coll.findOneAndUpdate(
      { w: 'PONG' },
      { $set: { w: 'pong!' } },
      { collation: caseInsensitive },
    );
    expect(before).toEqual({ _id: 4, w: 'pong' });
  });

  it('refuses an unknown locale and a bad strength (BadValue, 2)', async () => {
    const coll = await fresh('collation_bad', words);
    expect((await serverError(coll.find({}, { collation: { locale: 'xx_YY' } }).toArray())).code).toBe(2);
    expect(
      (await serverError(coll.find({}, { collation: { locale: 'en', strength: 7 } }).toArray())).code,
    ).toBe(2);
  });
});

describe('let variables', () => {
  it('are visible to $expr in find, aggregate, update, delete and findAndModify', async () => {
    const coll = await fresh('let_vars', [
      { _id: 1, name: 'a' },
      { _id: 2, name: 'b' },
      { _id: 3, name: 'b' },
    ]);
    const byName = { $expr: { $eq: ['$name', '$$name'] } };
    expect(await coll.find(byName, { let: { name: 'b' }, sort: { _id: 1 } }).toArray()).toEqual([
      { _id: 2, name: 'b' },
      { _id: 3, name: 'b' },
    ]);
    expect(
      await coll
        .aggregate([{ $match: byName }, { $project: { _id: 0, tag: '$$tag' } }], {
          let: { name: 'a', tag: { $concat: ['x', 'y'] } },
        })
        .toArray(),
    ).toEqual([{ tag: 'xy' }]);
    await coll.updateMany(byName, [{ $set: { v: '$$v' } }], { let: { name: 'b', v: 7 } });
    expect(await coll.countDocuments({ v: 7 })).toBe(2);
    expect(await coll.findOneAndDelete(byName, { let: { name: 'a' } })).toEqual({ _id: 1, name: 'a' });
    expect((await coll.deleteMany(byName, { let: { name: 'b' } })).deletedCount).toBe(2);
  });
});

describe('views (read-only)', () => {
  it('answers find, count, distinct and aggregate through the view pipeline, and is listed as a view', async () => {
    await fresh('view_src', [
      { _id: 1, n: 1, g: 'x' },
      { _id: 2, n: 2, g: 'y' },
      { _id: 3, n: 3, g: 'y' },
    ]);
    await db
      .collection('big_ones')
      .drop()
      .catch(() => undefined);
    await db.createCollection('big_ones', { viewOn: 'view_src', pipeline: [{ $match: { n: { $gte: 2 } } }] });
    const view = db.collection('big_ones');
    expect(await view.find({}, { sort: { _id: -1 } }).toArray()).toEqual([
      { _id: 3, n: 3, g: 'y' },
      { _id: 2, n: 2, g: 'y' },
    ]);
    expect(await view.countDocuments({ n: 3 })).toBe(1);
    expect(await view.estimatedDocumentCount()).toBe(2);
    expect(await view.distinct('g')).toEqual(['y']);
    expect(await view.aggregate([{ $group: { _id: '$g', total: { $sum: '$n' } } }]).toArray()).toEqual([
      { _id: 'y', total: 5 },
    ]);
    const [info] = await db.listCollections({ name: 'big_ones' }).toArray();
    expect(info).toMatchObject({
      type: 'view',
      options: { viewOn: 'view_src', pipeline: [{ $match: { n: { $gte: 2 } } }] },
    });
  });

  it('refuses writes and indexes on a view (CommandNotSupportedOnView, 166)', async () => {
    await db
      .collection('ro_view')
      .drop()
      .catch(() => undefined);
    await db.createCollection('ro_view', { viewOn: 'view_src', pipeline: [] });
    const view = db.collection('ro_view');
    expect((await serverError(view.insertOne({ a: 1 }))).code).toBe(166);
    expect((await serverError(view.updateOne({}, { $set: { a: 1 } }))).code).toBe(166);
    expect((await serverError(view.deleteMany({}))).code).toBe(166);
    expect((await serverError(view.createIndex({ a: 1 }))).code).toBe(166);
  });
});

describe('$out, $merge and database-level aggregate', () => {
  it('$out replaces the target with the results', async () => {
    const src = await fresh('out_src', [
      { _id: 1, v: 1 },
      { _id: 2, v: 2 },
    ]);
    await fresh('out_target', [{ _id: 'stale' }]);
    expect(await src.aggregate([{ $match: { v: 2 } }, { $out: 'out_target' }]).toArray()).toEqual([]);
    expect(await db.collection('out_target').find().toArray()).toEqual([{ _id: 2, v: 2 }]);
  });

  it('$merge merges, keeps, or fails on matches as asked', async () => {
    const src = await fresh('merge_src', [
      { _id: 1, v: 'new' },
      { _id: 2, v: 'new' },
    ]);
    const target = await fresh('merge_target', [{ _id: 1, v: 'old', kept: true }]);
    await src.aggregate([{ $merge: { into: 'merge_target' } }]).toArray();
    expect(await target.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, v: 'new', kept: true },
      { _id: 2, v: 'new' },
    ]);
    await src
      .aggregate([
        { $set: { v: 'newer' } },
        { $merge: { into: 'merge_target', whenMatched: 'keepExisting' } },
      ])
      .toArray();
    expect(await target.countDocuments({ v: 'newer' })).toBe(0);
    const err = await serverError(
      src.aggregate([{ $merge: { into: 'merge_target', whenMatched: 'fail' } }]).toArray(),
    );
    expect(err.code).toBe(11000);
  });

  it('runs $documents and $listLocalSessions without a collection', async () => {
    expect(
      await db.aggregate([{ $documents: [{ a: 1 }, { a: 2 }] }, { $match: { a: 2 } }]).toArray(),
    ).toEqual([{ a: 2 }]);
    const [session] = await t.client
      .db('admin')
      .aggregate([{ $listLocalSessions: {} }, { $limit: 1 }])
      .toArray();
    expect(Object.keys(session._id).sort()).toEqual(['id', 'uid']);
    expect(session.lastUse).toBeInstanceOf(Date);
  });
});

describe('collection validators (https://www.mongodb.com/docs/manual/core/schema-validation/)', () => {
  it('refuses a document breaking a query validator with 121 and errInfo, unless validation is bypassed', async () => {
    await fresh('validated');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const coll = await db.createCollection<any>('validated', { validator: { qty: { $type: 'number' } } });
    const err = await serverError(coll.insertOne({ _id: 1, qty: 'many' }));
    expect(err.code).toBe(121);
    expect(err.errInfo).toMatchObject({ failingDocumentId: 1 });
    expect(typeof err.errInfo?.details).toBe('object');
    await coll.insertOne({ _id: 2, qty: 'many' }, { bypassDocumentValidation: true });
    await coll.insertOne({ _id: 3, qty: 3 });
    const update = await serverError(coll.updateOne({ _id: 3 }, { $set: { qty: 'x' } }));
    expect(update.code).toBe(121);
    expect(await coll.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 2, qty: 'many' },
      { _id: 3, qty: 3 },
    ]);
  });

  it('checks $jsonSchema (bsonType, required, properties) and lets moderate validation keep old documents', async () => {
    await fresh('schema');
    await db.createCollection('schema', {
      validator: {
        $jsonSchema: {
          bsonType: 'object',
          required: ['email'],
          properties: { email: { bsonType: 'string', pattern: '@' }, age: { bsonType: 'int', minimum: 0 } },
        },
      },
    });
    const coll = db.collection('schema');
    await coll.insertOne({ email: 'a@b', age: 3 });
    expect((await serverError(coll.insertOne({ age: 3 }))).code).toBe(121);
    expect((await serverError(coll.insertOne({ email: 'nope' }))).code).toBe(121);
    expect((await serverError(coll.insertOne({ email: 'a@b', age: -1 }))).code).toBe(121);

    await coll.insertOne({ _id: 'legacy', legacy: true } as Document, { bypassDocumentValidation: true });
    await db.command({ collMod: 'schema', validationLevel: 'moderate' });
    // Moderate: a document that already broke the rules may be updated; a valid one may not be broken.
    await coll.updateOne({ _id: 'legacy' } as Document, { $set: { touched: true } });
    expect((await serverError(coll.updateOne({ email: 'a@b' }, { $set: { age: 'x' } }))).code).toBe(121);
  });
});

describe('strict parsing, hints and storage rules', () => {
  it('refuses an unknown command field (40415)', async () => {
    await fresh('strict', [{ _id: 1 }]);
    const err = await serverError(db.command({ find: 'strict', filter: {}, bogusOption: 1 }));
    expect(err.code).toBe(40415);
    expect(err.message).toBe("BSON field 'find.bogusOption' is an unknown field.");
  });

  it('refuses a hint naming an index that does not exist (BadValue, 2)', async () => {
    const coll = await fresh('hinted', [{ _id: 1, a: 1 }]);
    await coll.createIndex({ a: 1 });
    expect(await coll.find({ a: 1 }, { hint: 'a_1' }).toArray()).toEqual([{ _id: 1, a: 1 }]);
    expect(await coll.find({ a: 1 }, { hint: { a: 1 } }).toArray()).toEqual([{ _id: 1, a: 1 }]);
    expect((await serverError(coll.find({}, { hint: 'b_1' }).toArray())).code).toBe(2);
    expect((await serverError(coll.updateOne({}, { $set: { a: 2 } }, { hint: { b: 1 } }))).code).toBe(2);
  });

  // MongoDB 8.0 added `sort` to update statements.
  const before8 = testServerFacts().version[0] < 8 ? it : it.skip;
  before8('refuses an update sort before 8.0 (40415)', async () => {
    await fresh('sorted_update', [{ _id: 1 }]);
    const err = await serverError(
      db.command({ update: 'sorted_update', updates: [{ q: {}, u: { $set: { a: 1 } }, sort: { _id: 1 } }] }),
    );
    expect(err.code).toBe(40415);
  });

  it("refuses a '$'-prefixed field inside _id (DollarPrefixedFieldName, 52) but stores dotted and $-prefixed fields elsewhere", async () => {
    const coll = await fresh('dollars');
    expect((await serverError(coll.insertOne({ _id: { $a: 1 } }))).code).toBe(52);
    await coll.insertOne({ _id: 1, 'a.b': 1, nested: { $c: 2 } });
    await coll.updateOne({ _id: 1 }, [
      { $replaceWith: { $setField: { field: { $literal: '$top' }, value: 3, input: '$$ROOT' } } },
    ]);
    const [doc] = await coll
      .aggregate([
        {
          $replaceWith: {
            $setField: { field: 'got', value: { $getField: { $literal: '$top' } }, input: {} },
          },
        },
      ])
      .toArray();
    expect(doc).toEqual({ got: 3 });
  });
});
