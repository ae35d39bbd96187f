import mongoose, { type Connection } from 'mongoose';
import { traceMongoCommands, tracingStarted } from '../tracing';
import { mongoUriHosts } from './redact-uri';
import type { MongoLogger } from './resolve-mongo-server';

export interface ConnectMongoOptions {
  uri: string;
  /** Each subgraph owns one database. */
  dbName: string;
  /** Driver pool size (maxPoolSize); default 20. */
  poolSize?: number;
  /** How long to look for the server before failing start-up; default 5000 ms. */
  serverSelectionTimeoutMS?: number;
  /**
   * Wrap `$`-objects found in filters in `$eq` (default true). Operators written in code must then be
   * marked with mongoose's `trusted()`: `find({ score: trusted({ $gte: 10 }) })`.
   */
  sanitizeFilter?: boolean;
  /** Emit driver command events (tests count MongoDB commands per request with them). */
  monitorCommands?: boolean;
  logger?: MongoLogger;
}

/** Raised when the database cannot be reached at start-up; names the host, never the password. */
export class MongoUnavailableError extends Error {
  constructor(
    readonly hosts: string,
    readonly dbName: string,
    cause: unknown,
  ) {
    super(`Cannot reach MongoDB at ${hosts} (database "${dbName}"): ${reasonOf(cause)}`);
    this.name = 'MongoUnavailableError';
  }
}

/**
 * Opens a dedicated mongoose connection (never the global default one: several subgraphs may share a
 * process) with production defaults: majority + journaled writes, no command buffering (fail fast),
 * filter sanitising against query-selector injection, a bounded pool, and automatic index builds.
 */
export async function connectMongo(opts: ConnectMongoOptions): Promise<Connection> {
  const hosts = mongoUriHosts(opts.uri);
  const connection = mongoose.createConnection(opts.uri, {
    dbName: opts.dbName,
    maxPoolSize: opts.poolSize ?? 20,
    serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 5000,
    writeConcern: { w: 'majority', journal: true },
    bufferCommands: false,
    autoIndex: true,
    autoCreate: true,
    sanitizeFilter: opts.sanitizeFilter ?? true,
    // Command spans are built from the driver's command events.
    monitorCommands: (opts.monitorCommands ?? false) || tracingStarted(),
  });
  if (tracingStarted()) traceMongoCommands(connection.getClient());
  connection.plugin(singleReplyCursors);
  try {
    await connection.asPromise();
  } catch (err) {
    await connection.close().catch(() => {});
    throw new MongoUnavailableError(hosts, opts.dbName, err);
  }
  opts.logger?.info(`MongoDB: connected to ${hosts}, database "${opts.dbName}"`);
  return connection;
}

/**
 * Builds the indexes of every model registered on the connection and waits for them, so a service
 * starts only once its unique constraints are enforced (index build errors, e.g. existing duplicates,
 * surface here instead of being logged in the background).
 */
export async function ensureIndexes(connection: Connection): Promise<void> {
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
}

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Driver messages can quote the connection string; strip any credentials they contain.
  return message.replace(/(mongodb(?:\+srv)?:\/\/)[^@/\s]*@/gi, '$1****@');
}

/**
 * Cursor batch size for reads: all results in the first reply (the server still caps a reply at 16 MB).
 * With the driver's default of 101 rows, a batched load for 100 customers would cost extra `getMore`
 * round trips that 10 customers do not, so request cost would grow with the page size.
 */
export const ONE_REPLY_BATCH = 100_000;

/** Applied to every model of a connection opened here, so no service has to remember it per query. */
export function singleReplyCursors(schema: import('mongoose').Schema): void {
  schema.pre(['find', 'findOne'], function () {
    if (this.getOptions().batchSize === undefined) this.setOptions({ batchSize: ONE_REPLY_BATCH });
  });
  schema.pre('aggregate', function () {
    const options = this.options as { batchSize?: number; cursor?: unknown };
    if (options.batchSize === undefined && options.cursor === undefined)
      this.option({ batchSize: ONE_REPLY_BATCH });
  });
}
