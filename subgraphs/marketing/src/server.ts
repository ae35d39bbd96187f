import type { Connection } from 'mongoose';
import { createGraphQLService } from '../../../shared/server/graphql-service';
import { createLogger, type Logger } from '../../../shared/logger/logger';
import type { MarketingConfig } from './config';
import { createContext } from './context';
import { createModels } from './models';
import { buildMarketingSchema } from './schema';

/** Builds the marketing service on an open connection; does not listen (index.ts does). */
export async function createMarketingServer(opts: {
  connection: Connection;
  config: Pick<MarketingConfig, 'development'>;
  logger?: Logger;
}) {
  const logger = opts.logger ?? createLogger('marketing');
  const models = createModels(opts.connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  const { schema } = await buildMarketingSchema();
  return createGraphQLService({
    name: 'marketing',
    logger,
    schema,
    development: opts.config.development,
    context: async () => createContext(models),
    readiness: async () => {
      await opts.connection.db!.admin().ping();
    },
  });
}
