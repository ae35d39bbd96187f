import 'reflect-metadata';
import { createLogger } from '../../../shared/logger/logger';
import { runUntilSignal } from '../../../shared/server/subgraph-runner';
import { loadConfig } from './config';
import { createInsightsServer } from './server';

/** The insights subgraph (port 4004): no database, so it only builds and listens. */
const config = loadConfig();
const logger = createLogger('insights', config.logLevel);

void runUntilSignal({
  name: 'insights',
  logger,
  otlpTracesUrl: config.otlpTracesUrl,
  start: async () => {
    const service = await createInsightsServer({ config, logger });
    return { running: await service.listen(config.port, config.host) };
  },
});
