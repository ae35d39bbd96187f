import 'reflect-metadata';
import { createLogger } from '../../shared/logger/logger';
import { runUntilSignal } from '../../shared/server/subgraph-runner';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

/** `node -r @swc-node/register gateway/src/index.ts`: the gateway alone (subgraphs run elsewhere). */
const config = loadGatewayConfig();
const logger = createLogger('gateway', config.logLevel);

void runUntilSignal({
  name: 'gateway',
  logger,
  otlpTracesUrl: config.otlpTracesUrl,
  start: async () => {
    const gateway = await createGateway({ config, logger });
    const running = await gateway.listen(config.port, config.host);
    logger.info({ subgraphs: gateway.subgraphUrls }, 'subgraphs');
    return { running };
  },
});
