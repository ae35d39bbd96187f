/**
 * Multi-document transactions and retryable writes through the official driver and mongoose, with
 * MongoDB's semantics (https://www.mongodb.com/docs/manual/core/transactions/): commit makes every write
 * visible at once, abort leaves nothing, other sessions never see uncommitted writes, conflicting
 * transactions are retried by withTransaction, and misuse fails with mongod's codes and error labels.
 * Runs against the embedded server by default and a real replica set when MONGODB_URI is set.
 */
import { Long, MongoClient, MongoServerError, UUID, type Db, type Document } from 'mongodb';
import { Schema, type Connection } from 'mongoose';
import {
  freshCollection,
  openTestClient,
  openTestConnection,
  serverError,
  testMongoUri,
  uniqueDbName,
  type TestClient,
} from '../../helpers/mongo';
import { openRawConnection, type RawConnection } from '../../helpers/raw-wire';

let t: TestClient;
let client: MongoClient;
let db: Db;
let other: Db;

beforeAll(async () => {
  t = await openTestClient('transactions');
  client = t.client;
  db = t.db;
  other = client.db(uniqueDbName('transactions_other'));
});

afterAll(async () => {
  await other.dropDatabase().catch(() => undefined);
  await t.close();
});

const fresh = (target: Db, name: string, docs?: Document[]) =>
  freshCollection(target, name, docs, { create: true });

describe('commit and abort', () => {
  it('commits writes to two databases together', async () => {
    const orders = await fresh(db, 'orders');
    const outbox = await fresh(other, 'outbox');
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await orders.insertOne({ _id: 1, total: 10 }, { session });
        await outbox.insertOne({ _id: 'e1', type: 'OrderPlaced', orderId: 1 }, { session });
        // Inside the transaction its own writes are visible.
        expect(await orders.countDocuments({}, { session })).toBe(1);
      });
    } finally {
      await session.endSession();
    }
    expect(await orders.find().toArray()).toEqual([{ _id: 1, total: 10 }]);
    expect(await outbox.find().toArray()).toEqual([{ _id: 'e1', type: 'OrderPlaced', orderId: 1 }]);
  });

  it('leaves nothing behind after abortTransaction, including updates, deletes and new collections', async () => {
    const items = await fresh(db, 'items', [
      { _id: 1, qty: 1 },
      { _id: 2, qty: 2 },
    ]);
    await db
      .collection('created_in_txn')
      .drop()
      .catch(() => undefined);
    const session = client.startSession();
    try {
      session.startTransaction();
      await items.insertOne({ _id: 3, qty: 3 }, { session });
      await items.updateOne({ _id: 1 }, { $set: { qty: 100 } }, { session });
      await items.deleteOne({ _id: 2 }, { session });
      await db.collection<{ _id: number }>('created_in_txn').insertOne({ _id: 1 }, { session });
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    expect(await items.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, qty: 1 },
      { _id: 2, qty: 2 },
    ]);
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).not.toContain('created_in_txn');
  });

  it('rolls back when the withTransaction callback throws', async () => {
    const items = await fresh(db, 'items_throw');
    const session = client.startSession();
    const failure = await session
      .withTransaction(async () => {
        await items.insertOne({ _id: 1 }, { session });
        throw new Error('business rule failed');
      })
      .catch((e: Error) => e.message)
      .finally(() => session.endSession());
    expect(failure).toBe('business rule failed');
    expect(await items.countDocuments()).toBe(0);
  });

  it('fails a statement with a duplicate key as a command error without a transient label, aborting the transaction', async () => {
    const items = await fresh(db, 'items_dup', [{ _id: 1 }]);
    const session = client.startSession();
    try {
      session.startTransaction();
      await items.insertOne({ _id: 2 }, { session });
      const dup = await serverError(items.insertOne({ _id: 1 }, { session }));
      expect(dup.code).toBe(11000);
      expect(dup.errorLabels).not.toContain('TransientTransactionError');
      // The failed statement aborted the transaction on the server.
      const next = await serverError(items.insertOne({ _id: 3 }, { session }));
      expect(next.code).toBe(251);
      expect(next.codeName).toBe('NoSuchTransaction');
      expect(next.errorLabels).toContain('TransientTransactionError');
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    expect(await items.find().toArray()).toEqual([{ _id: 1 }]);
  });
});

describe('isolation', () => {
  it('lets reads outside the transaction proceed and see only committed data', async () => {
    const items = await fresh(db, 'isolated', [{ _id: 1, v: 'committed' }]);
    await db
      .collection('isolated_new')
      .drop()
      .catch(() => undefined);
    const session = client.startSession();
    try {
      session.startTransaction();
      await items.updateOne({ _id: 1 }, { $set: { v: 'uncommitted' } }, { session });
      await items.insertOne({ _id: 2, v: 'uncommitted' }, { session });
      await db.collection<{ _id: number }>('isolated_new').insertOne({ _id: 1 }, { session });
      // Answered while the transaction is still open, from the last committed state.
      expect(await items.find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, v: 'committed' }]);
      expect(await items.countDocuments({ v: 'uncommitted' })).toBe(0);
      expect(await items.distinct('v')).toEqual(['committed']);
      expect(await db.collection('isolated_new').countDocuments()).toBe(0);
      const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      expect(names).not.toContain('isolated_new');
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    expect(await items.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, v: 'uncommitted' },
      { _id: 2, v: 'uncommitted' },
    ]);
  });

  it('makes a write outside the transaction to a document it wrote wait until it ends', async () => {
    const items = await fresh(db, 'blocked', [{ _id: 1, v: 'committed' }]);
    const session = client.startSession();
    try {
      session.startTransaction();
      await items.updateOne({ _id: 1 }, { $set: { v: 'in transaction' } }, { session });
      const outside = items.updateOne({ _id: 1 }, { $set: { v: 'outside' } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await session.abortTransaction();
      // Applied after the abort, not undone by it.
      expect(await outside).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    } finally {
      await session.endSession();
    }
    expect(await items.findOne({ _id: 1 })).toEqual({ _id: 1, v: 'outside' });
  });

  it('serialises concurrent read-modify-write transactions: no lost update', async () => {
    const counters = await fresh(db, 'counters', [{ _id: 'c', n: 0 }]);
    const workers = 8;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const session = client.startSession();
        try {
          await session.withTransaction(async () => {
            const current = await counters.findOne({ _id: 'c' }, { session });
            await counters.updateOne({ _id: 'c' }, { $set: { n: current!.n + 1 } }, { session });
          });
        } finally {
          await session.endSession();
        }
      }),
    );
    expect(await counters.findOne({ _id: 'c' })).toEqual({ _id: 'c', n: workers });
  });

  it('answers a conflicting transaction with WriteConflict + TransientTransactionError, which withTransaction retries', async () => {
    const items = await fresh(db, 'conflict', [{ _id: 1, owner: 'none' }]);
    const first = client.startSession();
    const second = client.startSession();
    try {
      first.startTransaction();
      await items.updateOne({ _id: 1 }, { $set: { owner: 'first' } }, { session: first });

      const errors: MongoServerError[] = [];
      let attempts = 0;
      const retried = second.withTransaction(async () => {
        attempts++;
        try {
          await items.updateOne({ _id: 1 }, { $set: { owner: 'second' } }, { session: second });
        } catch (err) {
          errors.push(err as MongoServerError);
          throw err;
        }
      });
      // Let the second transaction fail at least twice before the first one commits.
      while (attempts < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await first.commitTransaction();
      await retried;

      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors[0].code).toBe(112);
      expect(errors[0].codeName).toBe('WriteConflict');
      expect(errors[0].errorLabels).toContain('TransientTransactionError');
      expect(attempts).toBe(errors.length + 1);
      expect(await items.findOne({ _id: 1 })).toEqual({ _id: 1, owner: 'second' });
    } finally {
      await first.endSession();
      await second.endSession();
    }
  });
});

describe('mongoose', () => {
  let conn: Connection;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const tc = await openTestConnection('transactions_mongoose');
    conn = tc.connection;
    close = tc.close;
  });

  afterAll(async () => {
    await close();
  });

  it('commits through session.withTransaction and rolls back on error', async () => {
    const Account = conn.model<{ _id: string; balance: number }>(
      'Account',
      new Schema({ _id: String, balance: { type: Number, min: 0, required: true } }, { versionKey: false }),
    );
    await Account.create([
      { _id: 'a', balance: 100 },
      { _id: 'b', balance: 0 },
    ]);
    const transfer = async (amount: number) => {
      const session = await conn.startSession();
      try {
        await session.withTransaction(async () => {
          await Account.updateOne({ _id: 'b' }, { $inc: { balance: amount } }, { session });
          const from = await Account.findById('a').session(session);
          from!.balance -= amount;
          await from!.save({ session }); // validation (min: 0) fails for an overdraft
        });
      } finally {
        await session.endSession();
      }
    };
    await transfer(30);
    await expect(transfer(500)).rejects.toThrow(/balance/);
    const balances = await Account.find().sort({ _id: 1 }).lean();
    expect(balances).toEqual([
      { _id: 'a', balance: 70 },
      { _id: 'b', balance: 30 },
    ]);
  });
});

describe("mongod's rules for session fields (raw OP_MSG: the driver would rewrite lsid/txnNumber)", () => {
  let raw: RawConnection;
  const lsid = () => ({ id: new UUID() });
  const txn = (n: number, start = false) => ({
    lsid: lsid(),
    txnNumber: Long.fromNumber(n),
    autocommit: false,
    ...(start ? { startTransaction: true } : {}),
  });

  beforeAll(async () => {
    raw = await openRawConnection(testMongoUri());
  });

  afterAll(() => raw.close());

  it('refuses a command a transaction may not run (263)', async () => {
    await fresh(db, 'rules', [{ _id: 1 }]);
    const reply = await raw.command(db.databaseName, { count: 'rules', ...txn(1, true) });
    expect(reply).toMatchObject({ ok: 0, code: 263, codeName: 'OperationNotSupportedInTransaction' });
  });

  it('refuses writeConcern on a statement, a readConcern level a transaction cannot use, and autocommit: true (72)', async () => {
    await fresh(db, 'rules', [{ _id: 1 }]);
    const wc = await raw.command(db.databaseName, { find: 'rules', ...txn(1, true), writeConcern: { w: 1 } });
    expect(wc).toMatchObject({ ok: 0, code: 72, codeName: 'InvalidOptions' });
    const rc = await raw.command(db.databaseName, {
      find: 'rules',
      ...txn(1, true),
      readConcern: { level: 'available' },
    });
    expect(rc).toMatchObject({ ok: 0, code: 72 });
    const autocommitTrue = await raw.command(db.databaseName, {
      find: 'rules',
      lsid: lsid(),
      txnNumber: Long.fromNumber(1),
      autocommit: true,
    });
    expect(autocommitTrue).toMatchObject({ ok: 0, code: 72 });
  });

  it('answers a statement of an unknown transaction with NoSuchTransaction (251) labelled TransientTransactionError', async () => {
    const reply = await raw.command('admin', { commitTransaction: 1, ...txn(7) });
    expect(reply).toMatchObject({ ok: 0, code: 251, codeName: 'NoSuchTransaction' });
    expect(reply.errorLabels).toEqual(['TransientTransactionError']);
  });

  it('refuses an older transaction number on a session (TransactionTooOld, 225)', async () => {
    await fresh(db, 'too_old');
    const session = lsid();
    const ok = await raw.command(db.databaseName, {
      insert: 'too_old',
      documents: [{ _id: 1 }],
      lsid: session,
      txnNumber: Long.fromNumber(5),
    });
    expect(ok).toMatchObject({ ok: 1, n: 1 });
    const old = await raw.command(db.databaseName, {
      insert: 'too_old',
      documents: [{ _id: 2 }],
      lsid: session,
      txnNumber: Long.fromNumber(4),
    });
    expect(old).toMatchObject({ ok: 0, code: 225, codeName: 'TransactionTooOld' });
  });

  it('executes a retried write once and answers the retry with the first reply', async () => {
    const coll = await fresh(db, 'retried');
    const session = lsid();
    const insert = {
      insert: 'retried',
      documents: [{ _id: 1, v: 'once' }],
      lsid: session,
      txnNumber: Long.fromNumber(1),
    };
    expect(await raw.command(db.databaseName, insert)).toMatchObject({ ok: 1, n: 1 });
    const retry = await raw.command(db.databaseName, insert);
    expect(retry).toMatchObject({ ok: 1, n: 1 });
    expect(retry.writeErrors).toBeUndefined();
    const inc = {
      update: 'retried',
      updates: [{ q: { _id: 1 }, u: { $inc: { n: 1 } } }],
      lsid: session,
      txnNumber: Long.fromNumber(2),
    };
    await raw.command(db.databaseName, inc);
    await raw.command(db.databaseName, inc);
    expect(await coll.find().toArray()).toEqual([{ _id: 1, v: 'once', n: 1 }]);
  });
});
