import { loadSubgraphConfig, type SubgraphConfig } from '../../../shared/config/service-config';

export type SupportConfig = SubgraphConfig;

/** The only reader of `process.env` in this service. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SupportConfig {
  return loadSubgraphConfig('support', { port: 4003, dbName: 'c360_support' }, env);
}
