import fs from 'node:fs';
import { ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { Role } from '../../shared/auth/roles';
import { createLogger, type Logger } from '../../shared/logger/logger';
import {
  authOf,
  createGraphQLService,
  type GraphQLService,
  type RunningService,
} from '../../shared/server/graphql-service';
import { authorizingGateway } from './auth/authorizing-gateway';
import { createGatewayAuth } from './auth/gateway-auth';
import { signingFetcher } from './auth/signing-fetcher';
import { accessRulesOfSupergraph } from './auth/supergraph-policy';
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
import { SUBGRAPH_NAMES, SUPERGRAPH_PATH, withoutSecurityPurpose, type SubgraphName } from './supergraph';

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
  /** Development without configured keys: a ready-made token per role (printed by `npm start`). */
  demoTokens?: Record<Role, string>;
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
  const pooled = createSubgraphFetchers({
    maxSockets: config.subgraphHttp.maxSockets,
    timeoutMs: config.requestTimeoutMs,
  });
  const auth = await createGatewayAuth(config.auth);
  // Every request to a subgraph is signed, so subgraphs can refuse anyone but this gateway.
  const fetchers = {
    forUrl: (url: string) => signingFetcher(pooled.forUrl(url), auth.signingSecret, auth.gatewayPrincipal),
    destroy: () => pooled.destroy(),
  };
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

  const apolloGateway = new ApolloGateway({
    // @apollo/gateway refuses `for: SECURITY` features it cannot enforce; authorizingGateway enforces them.
    supergraphSdl: withoutSecurityPurpose(supergraphSdl),
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

  // @apollo/gateway ignores @authenticated / @requiresScopes: enforce the supergraph's directives here.
  const gateway = authorizingGateway(
    apolloGateway as unknown as GatewayInterface,
    accessRulesOfSupergraph(supergraphSdl),
    (context) => (context as Partial<GatewayContext>).auth?.principal,
  );

  const probes: SubgraphProbe[] = SUBGRAPH_NAMES.map((name) => ({
    name,
    url: urls[name],
    fetcher: fetchers.forUrl(urls[name]),
  }));

  const service = createGraphQLService<GatewayContext>({
    name: 'gateway',
    logger,
    // Two copies of @apollo/server-gateway-interface are installed (gateway's and server's); same shape.
    gateway,
    development: config.development,
    authenticate: (req) => auth.authenticate(req.headers),
    context: async (req) => {
      const context = createGatewayContext(
        req.headers,
        config.extraForwardedHeaders,
        config.requestTimeoutMs,
      );
      const verified = authOf(req);
      // One request id for the gateway's logs, the subgraphs' and the audit log.
      if (verified) context.auth = { ...verified, requestId: context.forwardedHeaders['x-request-id'] };
      return context;
    },
    // Sandbox sends the demo agent's token by default (development keys only).
    sandboxHeaders: auth.demoTokens ? { Authorization: `Bearer ${auth.demoTokens.agent}` } : undefined,
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
      mountAgentConsole(app, { demoToken: () => auth.demoTokens?.agent });
      // Offline GraphiQL at /explorer (development only, like Sandbox).
      if (config.development) {
        mountExplorer(app, auth.demoTokens ? { Authorization: `Bearer ${auth.demoTokens.agent}` } : {});
      }
    },
  });

  return {
    service,
    breakers,
    subgraphUrls: urls,
    demoTokens: auth.demoTokens,
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
