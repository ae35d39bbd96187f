import type mongoose from 'mongoose';
import type { SubgraphConfig } from '../config/service-config';
import { createLogger, type Logger } from '../logger/logger';
import { connectMongo, resolveMongoServer } from '../mongo';
import { startTracing } from '../tracing';
import type { RunningService } from './graphql-service';

/**
 * What every subgraph's `index.ts` does: connect, build, listen, and shut down cleanly on a signal,
 * exiting non-zero on a start-up failure with a message a person can act on.
 */
export async function runUntilSignal(opts: {
  name: string;
  logger: Logger;
  /** Exports traces there (OTLP/HTTP) when set; started before anything connects. */
  otlpTracesUrl?: string;
  start: () => Promise<{
    running: RunningService;
    connection?: mongoose.Connection;
    cleanup?: () => Promise<void>;
  }>;
}): Promise<void> {
  try {
    const tracing = opts.otlpTracesUrl
      ? startTracing({ serviceName: opts.name, otlpTracesUrl: opts.otlpTracesUrl })
      : undefined;
    const { running, connection, cleanup } = await opts.start();
    opts.logger.info({ url: running.url }, `${opts.name} ready at ${running.url}`);
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      opts.logger.info({ signal }, `${opts.name} shutting down`);
      await running.stop();
      await connection?.close();
      await cleanup?.();
      await tracing?.shutdown();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (err) {
    opts.logger.fatal({ err }, `${opts.name} failed to start: ${(err as Error).message}`);
    process.exit(1);
  }
}

/**
 * The whole `index.ts` of a subgraph: resolve MongoDB (configured URI, local mongod or embedded), open the
 * service's own connection, build the server, listen, stop cleanly on a signal.
 */
export function runSubgraph(opts: {
  config: SubgraphConfig;
  createServer: (deps: { connection: mongoose.Connection; logger: Logger }) => Promise<{
    listen(port: number, host?: string): Promise<RunningService>;
  }>;
}): void {
  const { config } = opts;
  const logger = createLogger(config.name, config.logLevel);
  void runUntilSignal({
    name: config.name,
    logger,
    otlpTracesUrl: config.otlpTracesUrl,
    start: async () => {
      const mongo = await resolveMongoServer({
        uri: config.mongo.uri,
        dbPath: config.mongo.embeddedDbPath,
        logger,
      });
      const connection = await connectMongo({
        uri: mongo.uri,
        dbName: config.mongo.dbName,
        poolSize: config.mongo.poolSize,
        serverSelectionTimeoutMS: config.mongo.serverSelectionTimeoutMs,
        logger,
      });
      const service = await opts.createServer({ connection, logger });
      const running = await service.listen(config.port, config.host);
      return { running, connection, cleanup: mongo.stop };
    },
  });
}
