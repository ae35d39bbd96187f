import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayConfig } from './config';

/**
 * Request limits at the edge (graphql-armor): depth, cost, aliases, directives and tokens, checked before
 * any subgraph is called. Defaults fit the customer-360 query (connections nest ~8 levels) with room;
 * rejections are BAD_USER_INPUT errors stating the limit. Field suggestions are masked outside
 * development so the schema cannot be guessed from error messages.
 */
export function createArmor(config: Pick<GatewayConfig, 'limits' | 'development'>) {
  const { limits } = config;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: !config.development },
  }).protect();
}
