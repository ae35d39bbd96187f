import fs from 'node:fs';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { createLogger, type Logger } from '../../shared/logger/logger';
import {
  createGraphQLService,
  type GraphQLService,
  type RunningService,
} from '../../shared/server/graphql-service';
import type { GatewayConfig } from './config';
import { createGatewayContext, type GatewayContext } from './context';
import { mountAgentConsole } from './http/agent-console';
import { mountExplorer } from './http/explorer';
import { mountLandingPage } from './http/landing-page';
import { readSafelist, safelistPlugin } from './http/operation-safelist';
import { createServiceMetrics } from '../../shared/metrics/service-metrics';
import { ForwardingDataSource, isSubgraphFailure } from './http/forwarding-data-source';
import { createBreakerMetrics, SubgraphBreaker } from './http/subgraph-breaker';
import { createSubgraphFetchers } from './http/subgraph-fetcher';
import { retryAfterHeader } from './http/retry-after';
import { derivedFieldErrorsPlugin, requiresIndex } from './http/derived-field-errors';
import { GATEWAY_COST_WEIGHTS } from './query-cost-weights';
import { gatewayReadiness, type SubgraphProbe } from './readiness';
import { SUBGRAPH_NAMES, SUPERGRAPH_PATH, type SubgraphName } from './supergraph';

export interface CreateGatewayOptions {
  config: GatewayConfig;
  /** Overrides config.subgraphUrls (tests start subgraphs on free ports). */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** Defaults to the committed gateway/supergraph/supergraph.graphql. */
  supergraphSdl?: string;
  logger?: Logger;
}

export interface Gateway {
  service: GraphQLService;
  /** Subgraph URLs in use after overrides. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Each subgraph's timeout and circuit breaker, by subgraph name. */
  breakers: ReadonlyMap<string, SubgraphBreaker>;
  /** Listens; `stop()` also closes the keep-alive pools. */
  listen(port: number, host?: string): Promise<RunningService>;
}

/**
 * The gateway: @apollo/gateway over the static supergraph (composed ahead of time, so a subgraph that is
 * down at start-up does not stop the gateway from starting), served by the shared GraphQL service
 * (/graphql, /healthz, /readyz, Sandbox in development). It holds no business logic and imports no
 * subgraph: every subgraph, insights included, is an HTTP service at the URL its config names.
 */
export async function createGateway(opts: CreateGatewayOptions): Promise<Gateway> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = opts.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const urls: Record<SubgraphName, string> = { ...config.subgraphUrls, ...opts.subgraphUrls };
  // The fetchers' own timeout is only a backstop: each call's budget is set by its breaker.
  const fetchers = createSubgraphFetchers({
    maxSockets: config.subgraphHttp.maxSockets,
    timeoutMs: config.requestTimeoutMs,
  });
  const metrics = createServiceMetrics('gateway');
  const breakerMetrics = createBreakerMetrics(metrics.registry);
  const breakers = new Map<string, SubgraphBreaker>();
  const breakerFor = (name: string) => {
    let breaker = breakers.get(name);
    if (!breaker) {
      const timeoutMs = config.subgraphHttp.timeoutsMs[name] ?? config.subgraphHttp.timeoutMs;
      breaker = new SubgraphBreaker(
        name,
        { timeoutMs, ...config.breaker },
        { isFailure: isSubgraphFailure, metrics: breakerMetrics, logger },
      );
      breakers.set(name, breaker);
    }
    return breaker;
  };

  // @apollo/gateway exports anonymous usage metrics to Apollo unless this is set; it is read when the
  // gateway is constructed. Nothing calls home unless APOLLO_TELEMETRY=true.
  process.env.APOLLO_TELEMETRY_DISABLED = config.apolloTelemetry ? 'false' : 'true';

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    // Query plans in responses only on request (header) and only in development.
    __exposeQueryPlanExperimental: config.development,
    buildService({ name, url }): GraphQLDataSource<GatewayContext> {
      const target = urls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}`);
      return new ForwardingDataSource({
        url: target,
        fetcher: fetchers.forUrl(target),
        serviceName: name,
        logger,
        breaker: breakerFor(name),
      });
    },
  });

  const probes: SubgraphProbe[] = SUBGRAPH_NAMES.map((name) => ({
    name,
    url: urls[name],
    fetcher: fetchers.forUrl(urls[name]),
  }));

  const service = createGraphQLService<GatewayContext>({
    name: 'gateway',
    logger,
    // Two copies of @apollo/server-gateway-interface are installed (gateway's and server's); same shape.
    gateway: gateway as unknown as GatewayInterface,
    development: config.development,
    context: async (req) =>
      createGatewayContext(req.headers, config.extraForwardedHeaders, config.requestTimeoutMs),
    readiness: () =>
      gatewayReadiness(probes, (name) => breakers.get(name)?.state ?? 'closed', config.readinessTimeoutMs),
    // Edge limits (depth, cost, aliases, directives, tokens) checked before any subgraph is called.
    limits: { ...config.limits, costWeights: GATEWAY_COST_WEIGHTS },
    metrics,
    plugins: [
      retryAfterHeader as ApolloServerPlugin<GatewayContext>,
      derivedFieldErrorsPlugin(requiresIndex(supergraphSdl)) as ApolloServerPlugin<GatewayContext>,
      ...(config.operationSafelist === 'enforce'
        ? [safelistPlugin<GatewayContext>(readSafelist(config.safelistFile))]
        : []),
    ],
    // Apollo Server reads APOLLO_KEY / APOLLO_GRAPH_REF itself once reporting is not disabled.
    usageReporting: Boolean(config.apollo),
    extraRoutes: (app) => {
      mountLandingPage(app, { development: config.development });
      mountAgentConsole(app);
      // Offline GraphiQL at /explorer (development only, like Sandbox).
      if (config.development) mountExplorer(app);
    },
  });

  return {
    service,
    breakers,
    subgraphUrls: urls,
    async listen(port, host) {
      const running = await service.listen(port, host);
      return {
        ...running,
        stop: async () => {
          await running.stop();
          fetchers.destroy();
        },
      };
    },
  };
}
