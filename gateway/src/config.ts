import { z } from 'zod';
import {
  booleanSchema,
  logLevelSchema,
  nodeEnvSchema,
  optionalString,
  otlpTracesUrlSchema,
  parseEnv,
  portSchema,
} from '../../shared/config/env';
import { loadGatewayAuthConfig, type GatewayAuthConfig } from '../../shared/auth/auth-config';
import { DEFAULT_SUBGRAPH_URLS, type SubgraphName } from './supergraph';

export interface GatewayConfig {
  nodeEnv: 'development' | 'production' | 'test';
  /** Sandbox landing page and introspection: development only, and only when SANDBOX is not false. */
  development: boolean;
  logLevel: string;
  host: string;
  port: number;
  /** Where each subgraph listens; replaces the default URLs written in the committed supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Apollo usage reporting runs only when both are set; nothing is sent to Apollo otherwise. */
  apollo?: { key: string; graphRef: string };
  /** @apollo/gateway's own anonymous metrics export to Apollo; off unless asked for. */
  apolloTelemetry: boolean;
  limits: {
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
  };
  /** The gateway's time budget per request: no subgraph call outlives it. */
  requestTimeoutMs: number;
  subgraphHttp: {
    /** Keep-alive sockets per subgraph host. */
    maxSockets: number;
    /**
     * A subgraph call taking longer fails (its fields become errors, the rest of the response stays).
     * Shorter than requestTimeoutMs, so a slow subgraph leaves time for the others.
     */
    timeoutMs: number;
    /** Per-subgraph overrides of timeoutMs, by subgraph name. */
    timeoutsMs: Record<string, number>;
  };
  breaker: {
    /** Consecutive failures (network, 5xx, timeout) of one subgraph that open its circuit. */
    failureThreshold: number;
    /** How long an open circuit answers at once before letting one probe call through. */
    halfOpenAfterMs: number;
  };
  /** How long /readyz waits for each subgraph's probe (below Kubernetes' default 1 s probe timeout). */
  readinessTimeoutMs: number;
  /** Request headers forwarded to subgraphs in addition to the built-in list (lower-case names). */
  extraForwardedHeaders: string[];
  /** `enforce`: run only the persisted operations listed in `safelistFile` (see http/operation-safelist.ts). */
  operationSafelist: 'off' | 'enforce';
  safelistFile?: string;
  /** OTLP/HTTP endpoint traces are exported to; unset = tracing off. */
  otlpTracesUrl?: string;
  /** Token verification and subgraph request signing (production refuses to start without keys). */
  auth: GatewayAuthConfig;
}

const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/** `sales:5000,insights:2000` → { sales: 5000, insights: 2000 }. */
const timeoutsSchema = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const out: Record<string, number> = {};
    for (const item of v
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const m = /^([a-z][a-z0-9-]*):(\d{1,7})$/.exec(item);
      if (!m || Number(m[2]) < 1) {
        ctx.addIssue({ code: 'custom', message: `"${item}" is not name:milliseconds` });
        return z.NEVER;
      }
      out[m[1]] = Number(m[2]);
    }
    return out;
  });

/** The only reader of `process.env` in the gateway. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const schema = z.object({
    NODE_ENV: nodeEnvSchema,
    LOG_LEVEL: logLevelSchema,
    // Loopback unless told otherwise (the Docker image sets HOST=0.0.0.0): a laptop's demo is not a LAN service.
    HOST: z.string().default('127.0.0.1'),
    PORT: portSchema(4000),
    SANDBOX: booleanSchema(true),
    MARKETING_URL: url.default(DEFAULT_SUBGRAPH_URLS.marketing),
    SALES_URL: url.default(DEFAULT_SUBGRAPH_URLS.sales),
    SUPPORT_URL: url.default(DEFAULT_SUBGRAPH_URLS.support),
    INSIGHTS_URL: url.default(DEFAULT_SUBGRAPH_URLS.insights),
    APOLLO_KEY: optionalString,
    APOLLO_GRAPH_REF: optionalString,
    APOLLO_TELEMETRY: booleanSchema(false),
    MAX_QUERY_DEPTH: positiveInt(12, 100),
    MAX_QUERY_COST: positiveInt(20_000, 1_000_000),
    MAX_ALIASES: positiveInt(30, 1000),
    MAX_TOKENS: positiveInt(5_000, 100_000),
    MAX_DIRECTIVES: positiveInt(50, 1000),
    SUBGRAPH_MAX_SOCKETS: positiveInt(64, 10_000),
    GATEWAY_TIMEOUT_MS: positiveInt(10_000, 600_000),
    SUBGRAPH_TIMEOUT_MS: positiveInt(3_000, 600_000),
    SUBGRAPH_TIMEOUTS: optionalString.pipe(timeoutsSchema),
    BREAKER_FAILURE_THRESHOLD: positiveInt(5, 1000),
    BREAKER_HALF_OPEN_AFTER_MS: positiveInt(5_000, 600_000),
    READINESS_TIMEOUT_MS: positiveInt(500, 60_000),
    FORWARD_HEADERS: optionalString,
    OPERATION_SAFELIST: z.enum(['off', 'enforce']).default('off'),
    OPERATION_SAFELIST_FILE: optionalString,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpTracesUrlSchema,
  });
  const e = parseEnv(
    schema.superRefine((v, ctx) => {
      const budgets = { SUBGRAPH_TIMEOUT_MS: v.SUBGRAPH_TIMEOUT_MS, ...v.SUBGRAPH_TIMEOUTS };
      for (const [name, ms] of Object.entries(budgets)) {
        if (ms >= v.GATEWAY_TIMEOUT_MS) {
          ctx.addIssue({
            code: 'custom',
            path: [name === 'SUBGRAPH_TIMEOUT_MS' ? name : 'SUBGRAPH_TIMEOUTS'],
            message: `${name}: ${ms} ms must be shorter than GATEWAY_TIMEOUT_MS (${v.GATEWAY_TIMEOUT_MS} ms)`,
          });
        }
      }
    }),
    env,
  );
  return {
    nodeEnv: e.NODE_ENV,
    development: e.NODE_ENV !== 'production' && e.SANDBOX,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    port: e.PORT,
    subgraphUrls: {
      marketing: e.MARKETING_URL,
      sales: e.SALES_URL,
      support: e.SUPPORT_URL,
      insights: e.INSIGHTS_URL,
    },
    apollo:
      e.APOLLO_KEY && e.APOLLO_GRAPH_REF ? { key: e.APOLLO_KEY, graphRef: e.APOLLO_GRAPH_REF } : undefined,
    apolloTelemetry: e.APOLLO_TELEMETRY,
    limits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxCost: e.MAX_QUERY_COST,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxDirectives: e.MAX_DIRECTIVES,
    },
    requestTimeoutMs: e.GATEWAY_TIMEOUT_MS,
    subgraphHttp: {
      maxSockets: e.SUBGRAPH_MAX_SOCKETS,
      timeoutMs: e.SUBGRAPH_TIMEOUT_MS,
      timeoutsMs: e.SUBGRAPH_TIMEOUTS ?? {},
    },
    breaker: {
      failureThreshold: e.BREAKER_FAILURE_THRESHOLD,
      halfOpenAfterMs: e.BREAKER_HALF_OPEN_AFTER_MS,
    },
    readinessTimeoutMs: e.READINESS_TIMEOUT_MS,
    extraForwardedHeaders: (e.FORWARD_HEADERS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    operationSafelist: e.OPERATION_SAFELIST,
    safelistFile: e.OPERATION_SAFELIST_FILE,
    otlpTracesUrl: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
    auth: loadGatewayAuthConfig(env, e.NODE_ENV),
  };
}

/** Defaults for tests and embedding (`npm start`): what an empty environment gives. */
export function defaultGatewayConfig(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return { ...loadGatewayConfig({}), ...overrides };
}
