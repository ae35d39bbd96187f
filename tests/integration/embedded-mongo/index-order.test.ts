/**
 * Range predicates and sorts answered from an index must return exactly what a collection scan and an
 * in-memory sort return: the same documents for the same query on an indexed field and on an unindexed
 * copy of it, over mixed types, missing fields, duplicates and arrays (which make an index multikey).
 */
import { type Collection, type Document } from 'mongodb';
import fc from 'fast-check';
import { openTestClient, type TestClient } from '../../helpers/mongo';

let t: TestClient;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let coll: Collection<any>;

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.constantFrom('a', 'b', 'B', 'c'),
  fc.constant(null),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2020-01-03'), noInvalidDate: true }),
);

beforeAll(async () => {
  t = await openTestClient('index_order');
  coll = t.db.collection('docs');
});

afterAll(async () => {
  await t.close();
});

async function load(values: Array<unknown>): Promise<void> {
  await coll.drop().catch(() => undefined);
  const docs: Document[] = values.map((v, i) => (v === undefined ? { _id: i } : { _id: i, ix: v, plain: v }));
  if (docs.length > 0) await coll.insertMany(docs);
  await coll.createIndex({ ix: 1 });
}

it('answers ranges on an indexed field like a scan of an unindexed one', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(scalar, fc.constant(undefined), fc.array(scalar, { maxLength: 3 })), {
        maxLength: 40,
      }),
      fc.constantFrom('$gt', '$gte', '$lt', '$lte'),
      scalar,
      fc.option(fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), scalar)),
      async (values, op, bound, second) => {
        await load(values);
        const condition: Document = { [op]: bound, ...(second ? { [second[0]]: second[1] } : {}) };
        const ids = async (filter: Document) =>
          (await coll.find(filter).toArray()).map((d) => d._id).sort((a, b) => a - b);
        expect(await ids({ ix: condition })).toEqual(await ids({ plain: condition }));
      },
    ),
    { numRuns: 100 },
  );
});

it('returns the same sorted pages from an index as from an in-memory sort', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(scalar, fc.constant(undefined)), { maxLength: 40 }),
      fc.constantFrom(1, -1),
      fc.nat({ max: 10 }),
      fc.integer({ min: 1, max: 15 }),
      async (values, direction, skip, limit) => {
        await load(values);
        // Keys, not ids: MongoDB does not order documents with equal keys.
        const page = async (field: string) =>
          (
            await coll
              .find({})
              .sort({ [field]: direction })
              .skip(skip)
              .limit(limit)
              .toArray()
          ).map((d) => d[field] ?? null);
        expect(await page('ix')).toEqual(await page('plain'));
        const byId = (await coll.find({}).sort({ _id: direction }).limit(limit).toArray()).map((d) => d._id);
        const ids = values.map((_, i) => i);
        expect(byId).toEqual((direction > 0 ? ids : ids.reverse()).slice(0, limit));
      },
    ),
    { numRuns: 100 },
  );
});
