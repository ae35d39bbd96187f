/**
 * Durability of the embedded server with a data directory: the server runs as a child process (the real
 * CLI), is SIGKILLed right after acknowledged writes, restarted on the same directory, and every
 * acknowledged write must be there. A torn last journal record is skipped with a warning.
 * Embedded-only: these tests start their own servers whatever MONGODB_URI says.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';

// Each case starts server processes (TypeScript compiled on the fly): allow for a busy machine.
jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'shared/embedded-mongo/cli.ts');

interface Child {
  proc: ChildProcess;
  uri: string;
  stderr: () => string;
}

const spawned: ChildProcess[] = [];

function startServer(dbPath: string): Promise<Child> {
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', CLI, '--port', '0', '--dbpath', dbPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(proc); // killed in afterEach even if it never became ready
  let err = '';
  proc.stderr!.on('data', (c) => (err += c));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c) => {
      out += c;
      const m = /mongodb:\/\/\S+/.exec(out);
      if (m) resolve({ proc, uri: m[0], stderr: () => err });
    });
    proc.once('exit', (code) => reject(new Error(`server exited early (${code}): ${err}`)));
  });
}

function kill(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return resolve();
    child.proc.once('exit', () => resolve());
    child.proc.kill('SIGKILL');
  });
}

async function withClient<T>(uri: string, fn: (c: MongoClient) => Promise<T>): Promise<T> {
  const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 10000, maxPoolSize: 20 }).connect();
  try {
    return await fn(client);
  } finally {
    await client.close(true);
  }
}

let dir: string;
const children: Child[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-durability-'));
});

afterEach(async () => {
  await Promise.all(children.splice(0).map(kill));
  for (const p of spawned.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<Child> {
  const c = await startServer(dir);
  children.push(c);
  return c;
}

it('keeps every acknowledged write across SIGKILL and restart', async () => {
  const first = await start();
  await withClient(first.uri, async (client) => {
    const coll = client.db('dur').collection('items');
    await coll.createIndex({ sku: 1 }, { unique: true });
    await coll.insertMany(Array.from({ length: 500 }, (_, i) => ({ sku: `s${i}`, qty: i })));
    // Concurrent single writes share group commits; each must be on disk when acknowledged.
    await Promise.all(Array.from({ length: 200 }, (_, i) => coll.insertOne({ sku: `c${i}`, qty: -1 })));
    await coll.updateMany({ qty: { $lt: 10 } }, { $set: { low: true } });
    await coll.deleteOne({ sku: 's499' });
    await coll.findOneAndUpdate({ sku: 'new' }, { $set: { qty: 7 } }, { upsert: true });
  });
  await kill(first);

  const second = await start();
  await withClient(second.uri, async (client) => {
    const coll = client.db('dur').collection('items');
    expect(await coll.countDocuments()).toBe(500 + 200 - 1 + 1);
    expect(await coll.countDocuments({ low: true })).toBe(10 + 200);
    expect(await coll.findOne({ sku: 's499' })).toBeNull();
    expect(await coll.findOne({ sku: 'new' })).toMatchObject({ qty: 7 });
    // The unique index came back too.
    const dup = await coll.insertOne({ sku: 's1' }).catch((e) => e);
    expect(dup.code).toBe(11000);
  });
});

it('skips a torn last journal record with a warning and keeps everything before it', async () => {
  const first = await start();
  await withClient(first.uri, async (client) => {
    await client
      .db('dur')
      .collection('t')
      .insertMany(Array.from({ length: 50 }, (_, i) => ({ i })));
  });
  await kill(first);
  // Simulate a crash in the middle of appending: a header announcing 200 bytes, followed by only 10.
  const journal = fs
    .readdirSync(dir)
    .filter((f) => /^journal-\d+\.log$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(b)![0]) - Number(/\d+/.exec(a)![0]))[0];
  const torn = Buffer.alloc(18);
  torn.writeUInt32LE(200, 0);
  torn.writeUInt32LE(12345, 4);
  fs.appendFileSync(path.join(dir, journal), torn);

  const second = await start();
  await withClient(second.uri, async (client) => {
    const coll = client.db('dur').collection('t');
    expect(await coll.countDocuments()).toBe(50);
    await coll.insertOne({ i: 50 });
  });
  expect(second.stderr()).toMatch(/torn record/);
  await kill(second);

  const third = await start();
  await withClient(third.uri, async (client) => {
    expect(await client.db('dur').collection('t').countDocuments()).toBe(51);
  });
});

it('stops cleanly on SIGTERM and restarts from the snapshot', async () => {
  const first = await start();
  await withClient(first.uri, async (client) => {
    await client
      .db('dur')
      .collection('s')
      .insertMany(Array.from({ length: 100 }, (_, i) => ({ i })));
  });
  const exited = new Promise<number | null>((resolve) => first.proc.once('exit', (code) => resolve(code)));
  first.proc.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(fs.readdirSync(dir).some((f) => /^snapshot-\d+\.bson$/.test(f))).toBe(true);
  const second = await start();
  await withClient(second.uri, async (client) => {
    expect(await client.db('dur').collection('s').countDocuments()).toBe(100);
  });
});

it('keeps a committed transaction whole and loses one killed before its commit entirely', async () => {
  const first = await start();
  const client = await new MongoClient(first.uri, { serverSelectionTimeoutMS: 1000 }).connect();
  const orders = client.db('dur').collection<{ _id: number; state?: string }>('orders');
  const outbox = client.db('dur_outbox').collection<{ _id: number }>('events');
  await orders.insertOne({ _id: 0, state: 'before' });
  const committed = client.startSession();
  await committed.withTransaction(async () => {
    await orders.insertMany(
      Array.from({ length: 20 }, (_, i) => ({ _id: i + 1 })),
      { session: committed },
    );
    await outbox.insertOne({ _id: 1 }, { session: committed });
  });
  await committed.endSession();
  const open = client.startSession();
  open.startTransaction();
  await orders.insertOne({ _id: 100 }, { session: open });
  await orders.updateOne({ _id: 0 }, { $set: { state: 'uncommitted' } }, { session: open });
  await outbox.insertOne({ _id: 2 }, { session: open });
  // The server dies with the transaction open (before the client could commit or abort it).
  await kill(first);
  await client.close(true).catch(() => undefined);

  const second = await start();
  await withClient(second.uri, async (c) => {
    const coll = c.db('dur').collection<{ _id: number; state?: string }>('orders');
    expect(await coll.countDocuments()).toBe(21);
    expect(await coll.findOne({ _id: 0 })).toEqual({ _id: 0, state: 'before' });
    expect(await c.db('dur_outbox').collection('events').find().toArray()).toEqual([{ _id: 1 }]);
  });
});

it('drops a transaction whose journal record was torn by a crash, all of it', async () => {
  const first = await start();
  await withClient(first.uri, async (client) => {
    const coll = client.db('dur').collection<{ _id: number }>('torn_txn');
    await coll.insertOne({ _id: 0 });
    const session = client.startSession();
    await session.withTransaction(async () => {
      await coll.insertMany(
        Array.from({ length: 30 }, (_, i) => ({ _id: i + 1 })),
        { session },
      );
    });
    await session.endSession();
  });
  await kill(first);
  // The transaction is the journal's last record: cut its tail off, as a crash mid-append would.
  const journal = fs
    .readdirSync(dir)
    .filter((f) => /^journal-\d+\.log$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(b)![0]) - Number(/\d+/.exec(a)![0]))[0];
  const file = path.join(dir, journal);
  fs.truncateSync(file, fs.statSync(file).size - 20);

  const second = await start();
  await withClient(second.uri, async (client) => {
    expect(await client.db('dur').collection('torn_txn').find().toArray()).toEqual([{ _id: 0 }]);
  });
  expect(second.stderr()).toMatch(/torn record/);
});
