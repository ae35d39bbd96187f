import { createLogger, type Logger } from '../../../shared/logger/logger';
import { createGraphQLService, type GraphQLService } from '../../../shared/server/graphql-service';
import type { InsightsConfig } from './config';
import { createInsightsContext, type InsightsContext } from './context';
import { buildInsightsSchema } from './schema';

/**
 * The insights subgraph as its own HTTP service, for routers that cannot host it in-process (Apollo
 * Router, Hive Gateway): point the supergraph's `insights` URL at it. Stateless, no database.
 */
export async function createInsightsServer(opts: {
  config: Pick<InsightsConfig, 'development'>;
  logger?: Logger;
}): Promise<GraphQLService> {
  const logger = opts.logger ?? createLogger('insights');
  const { schema } = await buildInsightsSchema();
  return createGraphQLService<InsightsContext>({
    name: 'insights',
    logger,
    schema,
    development: opts.config.development,
    context: async () => createInsightsContext(),
  });
}
