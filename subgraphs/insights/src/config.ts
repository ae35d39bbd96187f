import { z } from 'zod';
import { loadSubgraphAuthConfig, type SubgraphAuthConfig } from '../../../shared/auth/auth-config';
import {
  booleanSchema,
  logLevelSchema,
  nodeEnvSchema,
  otlpTracesUrlSchema,
  parseEnv,
  portSchema,
} from '../../../shared/config/env';

export interface InsightsConfig {
  nodeEnv: 'development' | 'production' | 'test';
  development: boolean;
  logLevel: string;
  host: string;
  port: number;
  /** OTLP/HTTP endpoint traces are exported to; unset = tracing off. */
  otlpTracesUrl?: string;
  /** Verifies the gateway's signature on every request (secrets required in production). */
  auth: SubgraphAuthConfig;
}

/** The only reader of `process.env` in this service. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): InsightsConfig {
  const e = parseEnv(
    z.object({
      NODE_ENV: nodeEnvSchema,
      LOG_LEVEL: logLevelSchema,
      // Loopback unless told otherwise: only the gateway on this host reaches it (compose sets HOST).
      HOST: z.string().default('127.0.0.1'),
      INSIGHTS_PORT: portSchema(4004),
      SANDBOX: booleanSchema(true),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpTracesUrlSchema,
    }),
    env,
  );
  return {
    nodeEnv: e.NODE_ENV,
    development: e.NODE_ENV !== 'production' && e.SANDBOX,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    port: e.INSIGHTS_PORT,
    otlpTracesUrl: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
    auth: loadSubgraphAuthConfig(env, e.NODE_ENV),
  };
}
