import { z } from 'zod';
import { DEFAULT_EVENTS_SETTINGS, type EventsSettings } from '../events/events.runtime';
import { loadSubgraphAuthConfig, type SubgraphAuthConfig } from '../auth/auth-config';
import {
  booleanSchema,
  logLevelSchema,
  nodeEnvSchema,
  optionalString,
  otlpTracesUrlSchema,
  parseEnv,
  portSchema,
} from './env';

export interface SubgraphConfig {
  name: string;
  nodeEnv: 'development' | 'production' | 'test';
  development: boolean;
  logLevel: string;
  host: string;
  port: number;
  /** Verifies the gateway's signature on every request (secrets required in production). */
  auth: SubgraphAuthConfig;
  mongo: {
    /** Unset → embedded / locally found mongod (see shared/mongo). */
    uri?: string;
    dbName: string;
    poolSize: number;
    serverSelectionTimeoutMs: number;
    /** Where the embedded server keeps its journal when this service starts it. */
    embeddedDbPath?: string;
  };
  /** Change events: bus database and polling (EVENTS_BUS_DB_NAME, EVENTS_*_INTERVAL_MS). */
  events: EventsSettings;
  /** OTLP/HTTP endpoint traces are exported to; unset = tracing off. */
  otlpTracesUrl?: string;
}

/**
 * The environment every subgraph understands, with per-service prefixes for what differs
 * (`SALES_PORT`, `SALES_DB_NAME`) so one shell or compose file can configure all three.
 */
export function loadSubgraphConfig(
  name: string,
  defaults: { port: number; dbName: string },
  env: NodeJS.ProcessEnv,
): SubgraphConfig {
  const P = name.toUpperCase();
  const schema = z.object({
    NODE_ENV: nodeEnvSchema,
    LOG_LEVEL: logLevelSchema,
    // Loopback unless told otherwise: only the gateway on this host reaches a subgraph (compose sets HOST).
    HOST: z.string().default('127.0.0.1'),
    [`${P}_PORT`]: portSchema(defaults.port),
    MONGODB_URI: optionalString,
    [`${P}_DB_NAME`]: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/)
      .default(defaults.dbName),
    MONGODB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    MONGODB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    EMBEDDED_MONGO_DBPATH: optionalString,
    SANDBOX: booleanSchema(true),
    EVENTS_BUS_DB_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/)
      .default(DEFAULT_EVENTS_SETTINGS.busDbName),
    EVENTS_RELAY_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(60_000)
      .default(DEFAULT_EVENTS_SETTINGS.relayIntervalMs),
    EVENTS_POLL_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(60_000)
      .default(DEFAULT_EVENTS_SETTINGS.pollIntervalMs),
    EVENTS_RELAY_BATCH_SIZE: z.coerce
      .number()
      .int()
      .min(1)
      .max(5000)
      .default(DEFAULT_EVENTS_SETTINGS.relayBatchSize),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpTracesUrlSchema,
  });
  const e = parseEnv(schema, env) as Record<string, unknown>;
  const nodeEnv = e.NODE_ENV as SubgraphConfig['nodeEnv'];
  return {
    name,
    nodeEnv,
    development: nodeEnv !== 'production' && (e.SANDBOX as boolean),
    logLevel: e.LOG_LEVEL as string,
    host: e.HOST as string,
    port: e[`${P}_PORT`] as number,
    auth: loadSubgraphAuthConfig(env, nodeEnv),
    mongo: {
      uri: e.MONGODB_URI as string | undefined,
      dbName: e[`${P}_DB_NAME`] as string,
      poolSize: e.MONGODB_POOL_SIZE as number,
      serverSelectionTimeoutMs: e.MONGODB_SERVER_SELECTION_TIMEOUT_MS as number,
      embeddedDbPath: e.EMBEDDED_MONGO_DBPATH as string | undefined,
    },
    events: {
      busDbName: e.EVENTS_BUS_DB_NAME as string,
      relayIntervalMs: e.EVENTS_RELAY_INTERVAL_MS as number,
      pollIntervalMs: e.EVENTS_POLL_INTERVAL_MS as number,
      relayBatchSize: e.EVENTS_RELAY_BATCH_SIZE as number,
    },
    otlpTracesUrl: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as string | undefined,
  };
}
