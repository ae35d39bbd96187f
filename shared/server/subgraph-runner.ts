import type mongoose from 'mongoose';
import type { Logger } from '../logger/logger';
import type { RunningService } from './graphql-service';

/**
 * What every subgraph's `index.ts` does: connect, build, listen, and shut down cleanly on a signal,
 * exiting non-zero on a start-up failure with a message a person can act on.
 */
export async function runUntilSignal(opts: {
  name: string;
  logger: Logger;
  start: () => Promise<{ running: RunningService; connection?: mongoose.Connection; cleanup?: () => Promise<void> }>;
}): Promise<void> {
  try {
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
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (err) {
    opts.logger.fatal({ err }, `${opts.name} failed to start: ${(err as Error).message}`);
    process.exit(1);
  }
}
