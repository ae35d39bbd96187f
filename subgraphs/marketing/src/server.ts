import type { Connection } from 'mongoose';
import { createGraphQLService } from '../../../shared/server/graphql-service';
import { createLogger, type Logger } from '../../../shared/logger/logger';
import type { Clock } from './common/clock';
import type { MarketingConfig } from './config';
import { createContext } from './context';
import { createModels } from './models';
import { buildMarketingSchema } from './schema';

/** Builds the marketing service on an open connection; does not listen (index.ts does). */
export async function createMarketingServer(opts: {
  connection: Connection;
  config: Pick<MarketingConfig, 'development'> & Partial<Pick<MarketingConfig, 'defaultPhoneRegion'>>;
  logger?: Logger;
  /** Pins "now" (tests); defaults to the system clock. */
  clock?: Clock;
}) {
  const logger = opts.logger ?? createLogger('marketing');
  const models = createModels(opts.connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  const { schema } = await buildMarketingSchema();
  const contextOptions = { clock: opts.clock, defaultPhoneRegion: opts.config.defaultPhoneRegion };
  const service = createGraphQLService({
    name: 'marketing',
    logger,
    schema,
    development: opts.config.development,
    context: async () => createContext(models, contextOptions),
    readiness: async () => {
      await opts.connection.db!.admin().ping();
    },
  });
  // `createContext` lets tests run operations in-process (`apollo.executeOperation`) with a real context.
  return Object.assign(service, { models, createContext: () => createContext(models, contextOptions) });
}
