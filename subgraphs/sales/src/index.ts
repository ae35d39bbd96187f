import 'reflect-metadata';
import { runSubgraph } from '../../../shared/server/subgraph-runner';
import { loadConfig } from './config';
import { createSalesServer } from './server';

const config = loadConfig();

runSubgraph({
  config,
  createServer: ({ connection, logger }) => createSalesServer({ connection, config, logger }),
});
