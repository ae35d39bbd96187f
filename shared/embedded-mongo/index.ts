import { DurableStore } from './durable-store';
import { StorageEngine } from './storage-engine';
import { WireServer, type ServerLogger } from './wire-server';

export interface EmbeddedMongoOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Data directory: journal + snapshots. Omitted → in-memory only. */
  dbPath?: string;
  /** Interface to bind; default 127.0.0.1 (never exposed beyond the machine by default). */
  host?: string;
  logger?: ServerLogger;
  /**
   * mongod's `enableTestCommands`: adds `configureFailPoint` (the failCommand fail point) for tests
   * that inject errors. Off by default; never enable it for a server real data lives on.
   */
  enableTestCommands?: boolean;
}

export interface EmbeddedMongo {
  /** mongodb://HOST:PORT */
  uri: string;
  port: number;
  stop(): Promise<void>;
}

const silentLogger: ServerLogger = { info: () => {}, warn: (m) => console.warn(m) };

/**
 * Starts a MongoDB-compatible server speaking the wire protocol, for machines without a mongod.
 * The official driver and mongoose connect to `uri` as to the primary of a one-member replica set.
 */
export async function startEmbeddedMongo(opts: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const logger = opts.logger ?? silentLogger;
  const host = opts.host ?? '127.0.0.1';
  const engine = new StorageEngine();
  let store: DurableStore | undefined;
  if (opts.dbPath) {
    store = await DurableStore.open(opts.dbPath, engine, logger);
  }
  const server = new WireServer(engine, () => (store ? store.sync() : Promise.resolve()), logger, {
    enableTestCommands: opts.enableTestCommands,
  });
  let port: number;
  try {
    port = await server.listen(opts.port ?? 0, host);
  } catch (err) {
    await store?.close();
    throw err;
  }
  const uri = `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let stopping: Promise<void> | undefined;
  return {
    uri,
    port,
    stop: () =>
      (stopping ??= (async () => {
        await server.close();
        await store?.close();
      })()),
  };
}

export type { ServerLogger };
