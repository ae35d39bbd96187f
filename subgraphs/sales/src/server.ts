import type { Connection } from 'mongoose';
import { subgraphAuthenticator } from '../../../shared/auth/subgraph-authenticator';
import { ServiceEvents, type EventsSettings } from '../../../shared/events';
import { withBackgroundWork } from '../../../shared/server/background-work';
import { createGraphQLService, type GraphQLService } from '../../../shared/server/graphql-service';
import { createLogger, type Logger } from '../../../shared/logger/logger';
import { DEFAULT_SALES_SETTINGS, type SalesConfig, type SalesSettings } from './config';
import { createContext, createServices, type SalesRuntime } from './context';
import { RefitCoordinator } from './customer-value/refit-scheduler';
import { createModels } from './models';
import { buildSalesSchema } from './schema';
import { type Clock } from '../../../shared/time/clock';

/** Request body limit of the sales subgraph, sized for `importOrders` batches. */
export const IMPORT_BODY_LIMIT = '16mb';

/**
 * Builds the sales service on an open connection; does not listen (index.ts does). Background value-model
 * refits (schedule, after large imports) are off unless `config.sales` enables them; they start with
 * `listen` and stop with the running service.
 */
export async function createSalesServer(opts: {
  connection: Connection;
  config: Pick<SalesConfig, 'development' | 'auth'> & {
    sales?: Partial<SalesSettings>;
    events?: Partial<EventsSettings>;
  };
  logger?: Logger;
  /** Injected clock for tests; defaults to the system clock. */
  now?: Clock;
}): Promise<GraphQLService & { refits: RefitCoordinator; events: ServiceEvents }> {
  const logger = opts.logger ?? createLogger('sales');
  const settings: SalesSettings = { ...DEFAULT_SALES_SETTINGS, ...opts.config.sales };
  const models = createModels(opts.connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  const { schema } = await buildSalesSchema();
  const events = await ServiceEvents.create({
    connection: opts.connection,
    source: 'sales',
    settings: opts.config.events,
    logger,
    clock: opts.now,
  });
  const refits = new RefitCoordinator(
    createServices(models, { settings, now: opts.now, outbox: events.outbox }).valueModels,
    settings,
    logger,
  );
  const runtime: SalesRuntime = { settings, now: opts.now, refits, outbox: events.outbox };
  const service = createGraphQLService({
    name: 'sales',
    logger,
    schema,
    development: opts.config.development,
    authenticate: subgraphAuthenticator(opts.config.auth),
    context: async () => createContext(models, runtime),
    readiness: async () => {
      await opts.connection.db!.admin().ping();
    },
    // `importOrders` batches (5,000 orders ≈ 2–4 MB of JSON) exceed the shared 2 MB default.
    bodyLimit: IMPORT_BODY_LIMIT,
  });
  events.registerMetrics(service.metrics.registry);
  return { ...withBackgroundWork(service, events, refits), refits, events };
}
