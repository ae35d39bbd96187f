import 'reflect-metadata';
import { createLogger } from '../../../shared/logger/logger';
import { runUntilSignal } from '../../../shared/server/subgraph-runner';
import { loadInsightsConfig } from './config';
import { createInsightsServer } from './server';

/** Standalone insights subgraph (port 4004) for routers other than the Node gateway. */
const config = loadInsightsConfig();
const logger = createLogger('insights', config.logLevel);

void runUntilSignal({
  name: 'insights',
  logger,
  start: async () => {
    const service = await createInsightsServer({ config, logger });
    return { running: await service.listen(config.port, config.host) };
  },
});
