import type { Connection } from 'mongoose';
import { subgraphAuthenticator } from '../../../shared/auth/subgraph-authenticator';
import { ServiceEvents, type EventsSettings } from '../../../shared/events';
import { withBackgroundWork } from '../../../shared/server/background-work';
import { createGraphQLService } from '../../../shared/server/graphql-service';
import { createLogger, type Logger } from '../../../shared/logger/logger';
import type { SupportConfig } from './config';
import { createContext } from './context';
import { createModels } from './models';
import { buildSupportSchema } from './schema';
import { systemClock, type Clock } from '../../../shared/time/clock';

/** Builds the support service on an open connection; does not listen (index.ts does). */
export async function createSupportServer(opts: {
  connection: Connection;
  config: Pick<SupportConfig, 'development' | 'auth'> & { events?: Partial<EventsSettings> };
  logger?: Logger;
  /** Injectable time source, so tests can open tickets "40 days ago" (complaintsLast30Days). */
  clock?: Clock;
}) {
  const logger = opts.logger ?? createLogger('support');
  const models = createModels(opts.connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  const { schema } = await buildSupportSchema();
  const clock = opts.clock ?? systemClock;
  const events = await ServiceEvents.create({
    connection: opts.connection,
    source: 'support',
    settings: opts.config.events,
    logger,
    clock,
  });
  const service = createGraphQLService({
    name: 'support',
    logger,
    schema,
    development: opts.config.development,
    authenticate: subgraphAuthenticator(opts.config.auth),
    context: async () => createContext(models, events.outbox, clock),
    readiness: async () => {
      await opts.connection.db!.admin().ping();
    },
  });
  events.registerMetrics(service.metrics.registry);
  return { ...withBackgroundWork(service, events), events };
}
