import 'reflect-metadata';
import { runSubgraph } from '../../../shared/server/subgraph-runner';
import { loadConfig } from './config';
import { createMarketingServer } from './server';

const config = loadConfig();

runSubgraph({
  config,
  createServer: ({ connection, logger }) => createMarketingServer({ connection, config, logger }),
});
