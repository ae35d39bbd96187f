import { loadSubgraphConfig, type SubgraphConfig } from '../../../shared/config/service-config';

export type MarketingConfig = SubgraphConfig;

/** The only reader of `process.env` in this service. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): MarketingConfig {
  return loadSubgraphConfig('marketing', { port: 4001, dbName: 'c360_marketing' }, env);
}
