import type { Connection } from 'mongoose';
import { subgraphAuthenticator } from '../../../shared/auth/subgraph-authenticator';
import { ServiceEvents, type EventsSettings } from '../../../shared/events';
import { withBackgroundWork } from '../../../shared/server/background-work';
import { authOf, createGraphQLService } from '../../../shared/server/graphql-service';
import { createLogger, type Logger } from '../../../shared/logger/logger';
import type { Clock } from '../../../shared/time/clock';
import type { MarketingConfig } from './config';
import { createContext, identityStateOf, type MarketingOptions } from './context';
import { createModels } from './models';
import { buildMarketingSchema } from './schema';

/** Builds the marketing service on an open connection; does not listen (index.ts does). */
export async function createMarketingServer(opts: {
  connection: Connection;
  config: Pick<MarketingConfig, 'development' | 'auth'> &
    Partial<Pick<MarketingConfig, 'defaultPhoneRegion' | 'attribution' | 'identity'>> & {
      events?: Partial<EventsSettings>;
    };
  logger?: Logger;
  /** Pins "now" (tests); defaults to the system clock. */
  clock?: Clock;
}) {
  const logger = opts.logger ?? createLogger('marketing');
  const models = createModels(opts.connection);
  await Promise.all(Object.values(models).map((m) => m.createIndexes()));
  const { schema } = await buildMarketingSchema();
  const events = await ServiceEvents.create({
    connection: opts.connection,
    source: 'marketing',
    settings: opts.config.events,
    logger,
    clock: opts.clock,
  });
  const contextOptions = {
    outbox: events.outbox,
    clock: opts.clock,
    defaultPhoneRegion: opts.config.defaultPhoneRegion,
    attribution: opts.config.attribution,
    identity: opts.config.identity,
    logger,
  };
  // A merge a crashed process left half-done is finished (rolled back, or its undo completed) first.
  const { services } = createContext(models, contextOptions);
  const recovered = await services.merges.recoverInterrupted();
  if (recovered.rolledBack || recovered.undone) logger.warn(recovered, 'recovered interrupted merges');
  // A duplicate search it left RUNNING will never finish: it is marked FAILED, with the reason.
  const failedJobs = await services.identityJobs.recoverInterrupted();
  if (failedJobs.failed) logger.warn(failedJobs, 'marked interrupted identity jobs failed');
  const service = createGraphQLService({
    name: 'marketing',
    logger,
    schema,
    development: opts.config.development,
    authenticate: subgraphAuthenticator(opts.config.auth),
    // The actor of merges is the verified principal the gateway signed for, never a client header.
    context: async (req) =>
      createContext(models, { ...contextOptions, actor: authOf(req)?.principal.subject ?? 'system' }),
    readiness: async () => {
      await opts.connection.db!.admin().ping();
    },
  });
  events.registerMetrics(service.metrics.registry);
  // `createContext` lets tests run operations in-process (`apollo.executeOperation`) with a real context.
  return Object.assign(withBackgroundWork(service, events), {
    models,
    events,
    createContext: (options: Pick<MarketingOptions, 'actor' | 'mergeHook'> = {}) =>
      createContext(models, { ...contextOptions, ...options }),
    /** Resolves when background identity jobs of this process have finished (tests, shutdown). */
    identityJobsIdle: () => identityStateOf(models).tracker.idle(),
  });
}
