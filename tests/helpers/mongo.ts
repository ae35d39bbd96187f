import { MongoClient, MongoServerError, type Collection, type Db, type Document } from 'mongodb';
import type { Connection } from 'mongoose';
import { connectMongo } from '../../shared/mongo';

/** The MongoDB URI provided by tests/helpers/global-setup.ts (embedded server or MONGODB_URI). */
export function testMongoUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) {
    throw new Error(
      'TEST_MONGODB_URI is not set: run this test in the integration or e2e jest project (globalSetup starts MongoDB)',
    );
  }
  return uri;
}

let counter = 0;

/**
 * A database name no other test (file, worker or parallel run) uses: prefix + worker pid + counter +
 * random suffix, kept under MongoDB's 64-byte limit and free of characters database names forbid.
 */
export function uniqueDbName(prefix: string): string {
  const clean = prefix.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 30) || 'test';
  counter++;
  return `${clean}_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

export interface TestConnection {
  connection: Connection;
  dbName: string;
  /** Drops the database and closes the connection. */
  close(): Promise<void>;
}

/** A mongoose connection (with the production defaults of shared/mongo) to a fresh database. */
export async function openTestConnection(prefix: string): Promise<TestConnection> {
  const dbName = uniqueDbName(prefix);
  const connection = await connectMongo({ uri: testMongoUri(), dbName, poolSize: 10 });
  return {
    connection,
    dbName,
    close: async () => {
      await connection.dropDatabase().catch(() => {});
      await connection.close();
    },
  };
}

export interface TestClient {
  client: MongoClient;
  db: Db;
  dbName: string;
  close(): Promise<void>;
}

/** A raw driver client on a fresh database. */
export async function openTestClient(
  prefix: string,
  options: { maxPoolSize?: number } = {},
): Promise<TestClient> {
  const dbName = uniqueDbName(prefix);
  const client = await new MongoClient(testMongoUri(), {
    serverSelectionTimeoutMS: 5000,
    maxPoolSize: options.maxPoolSize ?? 10,
  }).connect();
  const db = client.db(dbName);
  return {
    client,
    db,
    dbName,
    close: async () => {
      await db.dropDatabase().catch(() => {});
      await client.close();
    },
  };
}

/** The MongoServerError a promise rejects with (fails the test when it resolves or rejects otherwise). */
export async function serverError(p: Promise<unknown>): Promise<MongoServerError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MongoServerError);
  return err as MongoServerError;
}

/**
 * A collection emptied by dropping it, created explicitly when asked (a transaction cannot create one),
 * then filled with `docs`. Typed loosely: the conformance tests use numeric and odd-shaped _ids.
 */
export async function freshCollection(
  db: Db,
  name: string,
  docs: Document[] = [],
  options: { create?: boolean } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<Collection<any>> {
  await db
    .collection(name)
    .drop()
    .catch(() => undefined);
  if (options.create) await db.createCollection(name);
  const coll = db.collection<any>(name); // eslint-disable-line @typescript-eslint/no-explicit-any
  if (docs.length > 0) await coll.insertMany(docs);
  return coll;
}
