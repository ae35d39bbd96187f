import { startEmbeddedMongo, type EmbeddedMongo } from '../embedded-mongo';
import { redactMongoUri } from './redact-uri';

export interface MongoLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export type MongoServerMode = 'external' | 'system-binary' | 'embedded';

export interface ResolvedMongoServer {
  uri: string;
  mode: MongoServerMode;
  stop(): Promise<void>;
}

export interface ResolveMongoServerOptions {
  /** The configured MONGODB_URI (the caller reads its config; this module never reads process.env). */
  uri?: string;
  /** Data directory for a locally started server; omitted → in-memory. */
  dbPath?: string;
  logger: MongoLogger;
}

/**
 * Picks the MongoDB to use, in order: an external URI; a real `mongod` that mongodb-memory-server can
 * find locally (MONGOMS_SYSTEM_BINARY or its download cache — never downloading); the embedded server.
 */
export async function resolveMongoServer(opts: ResolveMongoServerOptions): Promise<ResolvedMongoServer> {
  if (opts.uri) {
    opts.logger.info(`MongoDB: using external server ${redactMongoUri(opts.uri)}`);
    return { uri: opts.uri, mode: 'external', stop: async () => {} };
  }
  const binary = await findLocalMongod(opts.logger);
  if (binary) {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const server = await MongoMemoryServer.create({
      binary: { systemBinary: binary },
      instance: opts.dbPath ? { dbPath: opts.dbPath, storageEngine: 'wiredTiger' } : {},
    });
    const uri = server.getUri().replace(/\/$/, '');
    opts.logger.info(
      `MongoDB: started local mongod ${binary} at ${uri}${opts.dbPath ? ` (data in ${opts.dbPath})` : ' (in-memory)'}`,
    );
    return {
      uri,
      mode: 'system-binary',
      stop: async () => void (await server.stop({ doCleanup: !opts.dbPath })),
    };
  }
  const shared = await acquireEmbedded(opts.dbPath ?? '', opts.logger);
  return { uri: shared.uri, mode: 'embedded', stop: shared.release };
}

/** A mongod already on this machine, located without any network access. */
async function findLocalMongod(logger: MongoLogger): Promise<string | undefined> {
  try {
    const { DryMongoBinary } = await import('mongodb-memory-server-core');
    return (await DryMongoBinary.locateBinary(DryMongoBinary.getEnsuredOptions({}))) || undefined;
  } catch (err) {
    logger.warn(
      `MongoDB: configured mongod binary unusable (${(err as Error).message}); falling back to the embedded server`,
    );
    return undefined;
  }
}

interface SharedEmbedded {
  server: Promise<EmbeddedMongo>;
  users: number;
}

/** Several subgraphs in one process (tests, `npm start`) share one embedded server per data directory. */
const embedded = new Map<string, SharedEmbedded>();

async function acquireEmbedded(
  dbPath: string,
  logger: MongoLogger,
): Promise<{ uri: string; release(): Promise<void> }> {
  let entry = embedded.get(dbPath);
  if (!entry) {
    const server = startEmbeddedMongo({ dbPath: dbPath || undefined, logger });
    entry = { server, users: 0 };
    embedded.set(dbPath, entry);
    server.then(
      (s) =>
        logger.info(
          `MongoDB: no MONGODB_URI and no local mongod binary — started the embedded MongoDB-compatible server at ${s.uri} ` +
            (dbPath ? `(data in ${dbPath})` : '(in-memory: data is lost on exit)'),
        ),
      () => embedded.delete(dbPath),
    );
  }
  entry.users++;
  const current = entry;
  const server = await current.server;
  let released = false;
  return {
    uri: server.uri,
    release: async () => {
      if (released) return;
      released = true;
      current.users--;
      if (current.users === 0 && embedded.get(dbPath) === current) {
        embedded.delete(dbPath);
        await server.stop();
      }
    },
  };
}
