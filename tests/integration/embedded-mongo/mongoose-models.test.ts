/**
 * Conformance through mongoose: the everyday operations subgraphs use (models with unique indexes,
 * populate, aggregate, bulkWrite, upserts, counts, sessions). Runs against the embedded server by
 * default and a real MongoDB when MONGODB_URI is set; expectations follow the MongoDB manual.
 */
import { Schema, trusted, Types, type Connection, type Model } from 'mongoose';
import { ensureIndexes } from '../../../shared/mongo';
import { openTestConnection, type TestConnection } from '../../helpers/mongo';

interface Customer {
  email: string;
  name: string;
  segment: string;
  score: number;
  tags: string[];
}
interface Order {
  customer: Types.ObjectId;
  total: number;
  status: string;
}

let t: TestConnection;
let conn: Connection;
let Customers: Model<Customer>;
let Orders: Model<Order>;

beforeAll(async () => {
  t = await openTestConnection('mongoose_models');
  conn = t.connection;
  Customers = conn.model<Customer>(
    'Customer',
    new Schema<Customer>(
      {
        email: { type: String, required: true, unique: true },
        name: String,
        segment: { type: String, index: true },
        score: Number,
        tags: [String],
      },
      { timestamps: true },
    ),
  );
  Orders = conn.model<Order>(
    'Order',
    new Schema<Order>({
      customer: { type: Schema.Types.ObjectId, ref: 'Customer' },
      total: Number,
      status: String,
    }),
  );
  await ensureIndexes(conn);
});

afterAll(async () => {
  await t.close();
});

beforeEach(async () => {
  await Customers.deleteMany({});
  await Orders.deleteMany({});
});

async function seed(n: number): Promise<void> {
  await Customers.insertMany(
    Array.from({ length: n }, (_, i) => ({
      email: `c${i}@example.com`,
      name: `Customer ${i}`,
      segment: ['smb', 'mid', 'ent'][i % 3],
      score: i,
      tags: i % 2 === 0 ? ['even'] : ['odd', 'vip'],
    })),
  );
}

it('creates the unique index declared in the schema', async () => {
  const indexes = await Customers.listIndexes();
  expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'email_1', 'segment_1']);
  expect(indexes.find((i) => i.name === 'email_1')).toMatchObject({ key: { email: 1 }, unique: true });
});

it('rejects a duplicate email with E11000 carrying keyPattern and keyValue', async () => {
  await Customers.create({ email: 'a@example.com', name: 'A' });
  const err = await Customers.create({ email: 'a@example.com', name: 'B' }).catch((e) => e);
  expect(err).toMatchObject({ code: 11000, keyPattern: { email: 1 }, keyValue: { email: 'a@example.com' } });
  expect(String(err.message)).toContain('E11000 duplicate key error collection');
  expect(await Customers.countDocuments()).toBe(1);
});

it('finds with sort, skip, limit and projection', async () => {
  await seed(30);
  const page = await Customers.find({ segment: 'smb' }, { email: 1, score: 1 })
    .sort({ score: -1 })
    .skip(2)
    .limit(3)
    .lean();
  expect(page.map((c) => c.score)).toEqual([21, 18, 15]);
  expect(Object.keys(page[0]).sort()).toEqual(['_id', 'email', 'score']);
  expect(await Customers.findOne({ email: 'c7@example.com' }).lean()).toMatchObject({ name: 'Customer 7' });
  expect(await Customers.countDocuments({ tags: 'vip' })).toBe(15);
  expect(await Customers.estimatedDocumentCount()).toBe(30);
});

it('upserts with findOneAndUpdate and applies $setOnInsert only on insert', async () => {
  const created = await Customers.findOneAndUpdate(
    { email: 'new@example.com' },
    { $set: { name: 'New' }, $setOnInsert: { score: 5 } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  expect(created).toMatchObject({ email: 'new@example.com', name: 'New', score: 5 });
  const updated = await Customers.findOneAndUpdate(
    { email: 'new@example.com' },
    { $set: { name: 'Renamed' }, $setOnInsert: { score: 99 } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  expect(updated).toMatchObject({ name: 'Renamed', score: 5 });
  expect(String(updated!._id)).toBe(String(created!._id));
});

it('updateOne with upsert reports the upserted id; updateMany counts matches and modifications', async () => {
  await seed(6);
  const up = await Customers.updateOne({ email: 'x@example.com' }, { $set: { score: 1 } }, { upsert: true });
  expect(up).toMatchObject({ matchedCount: 0, modifiedCount: 0, upsertedCount: 1 });
  expect(up.upsertedId).toBeInstanceOf(Types.ObjectId);
  const many = await Customers.updateMany({ segment: 'smb' }, { $inc: { score: 100 } });
  expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
  // Setting a field to its current value is not a modification (timestamps off, or updatedAt would change).
  const same = await Customers.updateMany(
    { segment: 'smb' },
    { $set: { segment: 'smb' } },
    { timestamps: false },
  );
  expect(same).toMatchObject({ matchedCount: 2, modifiedCount: 0 });
});

it('populates references', async () => {
  const c = await Customers.create({ email: 'p@example.com', name: 'Pop' });
  await Orders.create({ customer: c._id, total: 10, status: 'paid' });
  const order = await Orders.findOne().populate<{ customer: Customer }>('customer').lean();
  expect(order!.customer.email).toBe('p@example.com');
});

it('aggregates with $match/$group/$sort/$lookup', async () => {
  await seed(9);
  const customers = await Customers.find().sort({ score: 1 }).lean();
  await Orders.insertMany(
    customers.flatMap((c, i) => [
      { customer: c._id, total: i * 10, status: 'paid' },
      { customer: c._id, total: 1, status: i % 2 ? 'refunded' : 'paid' },
    ]),
  );
  const bySegment = await Orders.aggregate([
    { $match: { status: 'paid' } },
    { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'c' } },
    { $unwind: '$c' },
    { $group: { _id: '$c.segment', revenue: { $sum: '$total' }, orders: { $sum: 1 } } },
    { $sort: { revenue: -1 } },
  ]);
  // smb: scores 0,3,6 → 0+30+60 + paid extras (i even: 0,6) = 92; mid: 1,4,7 → 120 + (4) = 121; ent: 2,5,8 → 150 + (2,8) = 152
  expect(bySegment).toEqual([
    { _id: 'ent', revenue: 152, orders: 5 },
    { _id: 'mid', revenue: 121, orders: 4 },
    { _id: 'smb', revenue: 92, orders: 5 },
  ]);
});

it('runs bulkWrite with mixed operations', async () => {
  await seed(3);
  const res = await Customers.bulkWrite([
    { insertOne: { document: { email: 'b@example.com', name: 'B', score: 1 } } },
    { updateOne: { filter: { email: 'c0@example.com' }, update: { $set: { score: 50 } } } },
    { updateOne: { filter: { email: 'u@example.com' }, update: { $set: { score: 7 } }, upsert: true } },
    { deleteOne: { filter: { email: 'c1@example.com' } } },
    {
      replaceOne: {
        filter: { email: 'c2@example.com' },
        replacement: { email: 'c2@example.com', name: 'Replaced', score: 0 } as Customer,
      },
    },
  ]);
  expect(res).toMatchObject({
    insertedCount: 1,
    matchedCount: 2,
    modifiedCount: 2,
    deletedCount: 1,
    upsertedCount: 1,
  });
  expect(await Customers.countDocuments()).toBe(4);
  expect(await Customers.findOne({ email: 'c2@example.com' }).lean()).toMatchObject({ name: 'Replaced' });
});

it('deleteMany removes exactly the matches', async () => {
  await seed(10);
  // sanitizeFilter is on: operators written by code are marked trusted.
  expect(await Customers.deleteMany({ score: trusted({ $lt: 4 }) })).toMatchObject({ deletedCount: 4 });
  expect(await Customers.countDocuments()).toBe(6);
});

it('uses sessions, and commits or rolls back transactions with connection.transaction()', async () => {
  await seed(2);
  const session = await conn.startSession();
  try {
    expect(await Customers.countDocuments({}, { session })).toBe(2);
  } finally {
    await session.endSession();
  }
  await conn.transaction(async (s) => {
    await Customers.create([{ email: 'tx@example.com', name: 'Tx' }], { session: s });
    await Orders.create([{ total: 5, status: 'NEW' }], { session: s });
  });
  expect(await Customers.countDocuments({ email: 'tx@example.com' })).toBe(1);
  expect(await Orders.countDocuments({ total: 5 })).toBe(1);

  const failed = await conn
    .transaction(async (s) => {
      await Customers.create([{ email: 'rolled-back@example.com' }], { session: s });
      throw new Error('callback failed');
    })
    .catch((e: Error) => e.message);
  expect(failed).toBe('callback failed');
  expect(await Customers.countDocuments({ email: 'rolled-back@example.com' })).toBe(0);
});

it('sanitizes filters (query selector injection is neutralised)', async () => {
  await seed(3);
  const injected = { $ne: 'nobody' } as unknown as string;
  // Wrapped in $eq, the operator object can no longer match every document; mongoose rejects it.
  await expect(Customers.find({ email: injected }).lean()).rejects.toThrow(/Cast to string failed/);
  expect(await Customers.find({ score: trusted({ $gte: 1 }) }).countDocuments()).toBe(2);
});
