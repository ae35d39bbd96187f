import { createLogger, type Logger } from '../../../shared/logger/logger';
import { subgraphAuthenticator } from '../../../shared/auth/subgraph-authenticator';
import { createGraphQLService, type GraphQLService } from '../../../shared/server/graphql-service';
import type { InsightsConfig } from './config';
import { createInsightsContext, type InsightsContext } from './context';
import { buildInsightsSchema } from './schema';

/**
 * Builds the insights service; does not listen (index.ts does). Stateless, no database: every field is a
 * pure rule over the facts the router hands over with `@requires`.
 */
export async function createInsightsServer(opts: {
  config: Pick<InsightsConfig, 'development' | 'auth'>;
  logger?: Logger;
}): Promise<GraphQLService> {
  const logger = opts.logger ?? createLogger('insights');
  const { schema } = await buildInsightsSchema();
  return createGraphQLService<InsightsContext>({
    name: 'insights',
    logger,
    schema,
    development: opts.config.development,
    authenticate: subgraphAuthenticator(opts.config.auth),
    context: async () => createInsightsContext(),
  });
}
