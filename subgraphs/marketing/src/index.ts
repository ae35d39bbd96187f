import 'reflect-metadata';
import { connectMongo, resolveMongoServer } from '../../../shared/mongo';
import { createLogger } from '../../../shared/logger/logger';
import { runUntilSignal } from '../../../shared/server/subgraph-runner';
import { loadConfig } from './config';
import { createMarketingServer } from './server';

const config = loadConfig();
const logger = createLogger('marketing', config.logLevel);

void runUntilSignal({
  name: 'marketing',
  logger,
  start: async () => {
    const mongo = await resolveMongoServer({
      uri: config.mongo.uri,
      dbPath: config.mongo.embeddedDbPath,
      logger,
    });
    const connection = await connectMongo({
      uri: mongo.uri,
      dbName: config.mongo.dbName,
      poolSize: config.mongo.poolSize,
      logger,
    });
    const service = await createMarketingServer({ connection, config, logger });
    const running = await service.listen(config.port, config.host);
    return { running, connection, cleanup: mongo.stop };
  },
});
