import type { Connection } from 'mongoose';
import { createGraphQLService, type GraphQLService } from '../../../shared/server/graphql-service';
import { createLogger, type Logger } from '../../../shared/logger/logger';
import { DEFAULT_SALES_SETTINGS, type SalesConfig, type SalesSettings } from './config';
import { createContext, type SalesRuntime } from './context';
import { createModels } from './models';
import { buildSalesSchema } from './schema';

/** Builds the sales service on an open connection; does not listen (index.ts does). */
export async function createSalesServer(opts: {
  connection: Connection;
  config: Pick<SalesConfig, 'development'> & { sales?: Partial<SalesSettings> };
  logger?: Logger;
  /** Injected clock for tests; defaults to the system clock. */
  now?: () => Date;
}): Promise<GraphQLService> {
  const logger = opts.logger ?? createLogger('sales');
  const settings: SalesSettings = { ...DEFAULT_SALES_SETTINGS, ...opts.config.sales };
  const models = createModels(opts.connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  const { schema } = await buildSalesSchema();
  const runtime: SalesRuntime = { settings, now: opts.now };
  return createGraphQLService({
    name: 'sales',
    logger,
    schema,
    development: opts.config.development,
    context: async () => createContext(models, runtime),
    readiness: async () => {
      await opts.connection.db!.admin().ping();
    },
  });
}
