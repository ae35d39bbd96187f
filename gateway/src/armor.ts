import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayConfig } from './config';

/**
 * Request limits at the edge (graphql-armor): depth, cost, aliases, directives and tokens, checked before
 * any subgraph is called. Defaults fit the customer-360 query (connections nest ~8 levels) with room;
 * rejections are HTTP 400 errors stating the limit. The token limit is not armor's: its parser runs in a
 * plugin hook, where any syntax error became HTTP 500; graphql-js's own `maxTokens` parse option does it
 * (see createGraphQLService). Suggestions are removed by Apollo Server's hideSchemaDetailsFromClientErrors.
 */
export function createArmor(config: Pick<GatewayConfig, 'limits'>) {
  const { limits } = config;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
