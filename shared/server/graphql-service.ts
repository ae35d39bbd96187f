import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { RequestAuth } from '../auth/principal';
import { AppError, ErrorCode, toPublicError } from '../errors';
import { createServiceMetrics, type ServiceMetrics } from '../metrics/service-metrics';
import type { Logger } from '../logger/logger';
import { traceRequests } from '../tracing';
import { createQueryLimits, SUBGRAPH_QUERY_LIMITS, type QueryLimits } from './query-limits';

export interface GraphQLServiceOptions<TContext extends BaseContext> {
  name: string;
  logger: Logger;
  /** Either a schema (subgraphs) or a gateway (the supergraph). */
  schema?: GraphQLSchema;
  gateway?: GatewayInterface;
  context: (req: Request) => Promise<TContext>;
  /**
   * Drives `GET /readyz`: throws when this instance cannot serve (e.g. its database is unreachable) →
   * 503; otherwise its details are merged into the 200 body (a `status` of its own, such as `degraded`,
   * replaces `ready`). While the service drains on shutdown /readyz is 503 whatever this says.
   */
  readiness?: () => Promise<Record<string, unknown> | void>;
  /** Sandbox landing page and introspection; off in production unless asked for. */
  development: boolean;
  plugins?: ApolloServerPlugin<TContext>[];
  validationRules?: ConstructorParameters<typeof ApolloServer<TContext>>[0]['validationRules'];
  /**
   * Depth, cost, alias, directive, token and `_entities` limits checked before anything resolves.
   * Defaults to SUBGRAPH_QUERY_LIMITS: every subgraph is protected even when reached directly.
   */
  limits?: QueryLimits;
  /** Metrics registry and plugin; created for the service when not given (the gateway adds its own). */
  metrics?: ServiceMetrics;
  /**
   * Apollo usage reporting (needs APOLLO_KEY/APOLLO_GRAPH_REF in the environment). Off unless a service's
   * config turns it on: nothing calls home by default.
   */
  usageReporting?: boolean;
  /** Largest accepted JSON body; batch imports need more than the 2 MB default. */
  bodyLimit?: string;
  /** Extra routes (metrics, …) mounted before GraphQL. */
  extraRoutes?: (app: express.Express) => void;
  /**
   * Who is asking, decided before any GraphQL work: the gateway verifies a bearer token, a subgraph the
   * gateway's signature over the exact body bytes. A throw answers HTTP 401 (UNAUTHENTICATED) or 503; the
   * result is the context's `auth`. Only the Sandbox landing page (GET text/html) skips it.
   */
  authenticate?: (req: Request, rawBody: Buffer) => Promise<RequestAuth> | RequestAuth;
  /** Headers the development Sandbox sends with every operation (a demo token). */
  sandboxHeaders?: Record<string, string>;
}

/** The request's raw JSON body, kept by the body parser for signature checks. */
type RawBodyRequest = Request & { rawBody?: Buffer; auth?: RequestAuth };

/** The authentication of a request, once `authenticate` accepted it. */
export const authOf = (req: Request): RequestAuth | undefined => (req as RawBodyRequest).auth;

const HTTP_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

export interface RunningService {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export interface GraphQLService {
  app: express.Express;
  metrics: ServiceMetrics;
  httpServer: http.Server;
  apollo: ApolloServer<BaseContext>;
  /** Starts Apollo and listens; port 0 picks a free port (tests). */
  listen(port: number, host?: string): Promise<RunningService>;
}

/**
 * One HTTP service shape for the gateway and every subgraph: GraphQL at /graphql, liveness at /healthz,
 * readiness at /readyz, graceful drain on stop, errors mapped to stable codes in one place, and nothing
 * calling home (Apollo usage reporting is explicitly disabled).
 */
export function createGraphQLService<TContext extends BaseContext>(
  options: GraphQLServiceOptions<TContext>,
): GraphQLService {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // Keep-alive from the gateway's pooled agent must outlive the agent's idle timeout, or sockets race.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const landing = options.development
    ? ApolloServerPluginLandingPageLocalDefault({
        embed: options.sandboxHeaders ? { initialState: { sharedHeaders: options.sandboxHeaders } } : true,
        includeCookies: false,
      })
    : ApolloServerPluginLandingPageProductionDefault({ footer: false });

  const limits = options.limits ?? SUBGRAPH_QUERY_LIMITS;
  const queryLimits = createQueryLimits<TContext>(limits);
  const common = {
    introspection: options.development,
    includeStacktraceInErrorResponses: false,
    // Outside development no error names what the schema holds ("Did you mean …").
    hideSchemaDetailsFromClientErrors: !options.development,
    // graphql-js counts tokens while parsing, so a breach is an ordinary GRAPHQL_PARSE_FAILED (HTTP 400).
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: (formatted: Parameters<typeof toPublicError>[0], error: unknown) => {
      const out = toPublicError(formatted, error, {
        service: options.name,
        production: !options.development,
      });
      if (out.extensions?.code === 'INTERNAL_SERVER_ERROR')
        options.logger.error({ err: error }, 'unhandled error');
      return out;
    },
    // Signals are handled by index.ts / scripts/start.ts, which close the database after draining HTTP;
    // Apollo's own handler would re-raise the signal and cut that short.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...(options.usageReporting
        ? []
        : [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginInlineTraceDisabled()]),
      landing,
      ...queryLimits.plugins,
      ...(options.plugins ?? []),
    ] as ApolloServerPlugin<TContext>[],
    validationRules: [...queryLimits.validationRules, ...(options.validationRules ?? [])],
  };
  const metrics = options.metrics ?? createServiceMetrics(options.name);
  common.plugins.push(metrics.plugin as ApolloServerPlugin<TContext>);
  const apollo = options.gateway
    ? new ApolloServer<TContext>({ ...common, gateway: options.gateway })
    : new ApolloServer<TContext>({ ...common, schema: options.schema! });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  // Liveness says the process answers; readiness says "send me traffic". Kubernetes restarts a pod that
  // fails the first and takes out of the pool one that fails the second, so a dependency's failure that
  // every replica shares must not fail either (the gateway reports it as `degraded` instead).
  let draining = false;
  app.get('/readyz', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'draining', service: options.name });
      return;
    }
    try {
      const details = (await options.readiness?.()) ?? {};
      res.json({ status: 'ready', service: options.name, ...details });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', service: options.name, error: (err as Error).message });
    }
  });
  // Prometheus scrape endpoint; keep it on an internal network (it reveals operation names).
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  options.extraRoutes?.(app);

  return {
    app,
    httpServer,
    metrics,
    apollo: apollo as unknown as ApolloServer<BaseContext>,
    async listen(port: number, host = '0.0.0.0') {
      await apollo.start();
      const authenticate = async (req: Request, res: Response, next: NextFunction) => {
        if (!options.authenticate || (req.method === 'GET' && req.accepts(['json', 'html']) === 'html')) {
          return next();
        }
        try {
          const r = req as RawBodyRequest;
          r.auth = await options.authenticate(req, r.rawBody ?? Buffer.alloc(0));
          next();
        } catch (err) {
          const error = toPublicError({ message: String(err) }, err, {
            service: options.name,
            production: !options.development,
          });
          const code = String(error.extensions?.code);
          if (code === ErrorCode.INTERNAL_SERVER_ERROR)
            options.logger.error({ err }, 'authentication failed');
          res.status(err instanceof AppError ? (HTTP_STATUS[code] ?? 400) : 500).json({ errors: [error] });
        }
      };
      app.use(
        '/graphql',
        express.json({
          limit: options.bodyLimit ?? '2mb',
          verify: (req, _res, buf) => {
            (req as RawBodyRequest).rawBody = buf;
          },
        }),
        traceRequests(options.name),
        authenticate,
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            const context = await options.context(req);
            const auth = authOf(req);
            return auth ? Object.assign(context, { auth }) : context;
          },
        }),
      );
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const actual = (httpServer.address() as AddressInfo).port;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return {
        url: `http://${shownHost}:${actual}/graphql`,
        port: actual,
        httpServer,
        stop: async () => {
          draining = true;
          await apollo.stop();
          httpServer.closeAllConnections?.();
        },
      };
    },
  };
}
