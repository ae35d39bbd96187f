import 'reflect-metadata';
import { runSubgraph } from '../../../shared/server/subgraph-runner';
import { loadConfig } from './config';
import { createSupportServer } from './server';

const config = loadConfig();

runSubgraph({
  config,
  createServer: ({ connection, logger }) => createSupportServer({ connection, config, logger }),
});
