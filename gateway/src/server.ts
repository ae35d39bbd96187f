import fs from 'node:fs';
import { ApolloGateway, LocalGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { createLogger, type Logger } from '../../shared/logger/logger';
import {
  createGraphQLService,
  type GraphQLService,
  type RunningService,
} from '../../shared/server/graphql-service';
import { createArmor } from './armor';
import type { GatewayConfig } from './config';
import { createGatewayContext, type GatewayContext } from './context';
import { mountExplorer } from './http/explorer';
import { ForwardingDataSource } from './http/forwarding-data-source';
import { createSubgraphFetchers } from './http/subgraph-fetcher';
import { buildInsightsSchema, INSIGHTS_SUBGRAPH } from './insights/schema';
import { checkSubgraphs, type SubgraphProbe } from './readiness';
import { SUPERGRAPH_PATH } from './supergraph/compose-supergraph';
import { REMOTE_SUBGRAPHS, type RemoteSubgraphName } from './supergraph/subgraphs';

export interface CreateGatewayOptions {
  config: GatewayConfig;
  /** Overrides config.subgraphUrls (tests start subgraphs on free ports). */
  subgraphUrls?: Partial<Record<RemoteSubgraphName, string>>;
  /** Defaults to the committed gateway/supergraph/supergraph.graphql. */
  supergraphSdl?: string;
  logger?: Logger;
}

export interface Gateway {
  service: GraphQLService;
  /** Subgraph URLs in use after overrides (insights: 'in-process' unless INSIGHTS_URL is set). */
  subgraphUrls: Record<string, string>;
  /** Listens; `stop()` also closes the keep-alive pools. */
  listen(port: number, host?: string): Promise<RunningService>;
}

/**
 * The gateway: @apollo/gateway over the static supergraph (composed ahead of time, so a subgraph that is
 * down at start-up does not stop the gateway from starting), served by the shared GraphQL service
 * (/graphql, /healthz, /readyz, Sandbox in development). It holds no business logic; the cross-domain
 * computed fields live in the insights subgraph, executed in this process unless INSIGHTS_URL is set.
 */
export async function createGateway(opts: CreateGatewayOptions): Promise<Gateway> {
  const { config } = opts;
  const logger = opts.logger ?? createLogger('gateway', config.logLevel);
  const supergraphSdl = opts.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  const urls: Record<RemoteSubgraphName, string> = { ...config.subgraphUrls, ...opts.subgraphUrls };
  const fetchers = createSubgraphFetchers(config.subgraphHttp);
  const insights = config.insightsUrl ? undefined : (await buildInsightsSchema()).schema;

  // @apollo/gateway exports anonymous usage metrics to Apollo unless this is set; it is read when the
  // gateway is constructed. Nothing calls home unless APOLLO_TELEMETRY=true.
  process.env.APOLLO_TELEMETRY_DISABLED = config.apolloTelemetry ? 'false' : 'true';

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    // Query plans in responses only on request (header) and only in development.
    __exposeQueryPlanExperimental: config.development,
    buildService({ name, url }): GraphQLDataSource<GatewayContext> {
      if (name === INSIGHTS_SUBGRAPH && insights) return new LocalGraphQLDataSource<GatewayContext>(insights);
      const target =
        name === INSIGHTS_SUBGRAPH ? config.insightsUrl! : (urls[name as RemoteSubgraphName] ?? url);
      if (!target) throw new Error(`No URL for subgraph ${name}`);
      return new ForwardingDataSource({
        url: target,
        fetcher: fetchers.forUrl(target),
        serviceName: name,
        logger,
      });
    },
  });

  const probes: SubgraphProbe[] = REMOTE_SUBGRAPHS.map((name) => ({
    name,
    url: urls[name],
    fetcher: fetchers.forUrl(urls[name]),
  }));
  if (config.insightsUrl) {
    probes.push({
      name: INSIGHTS_SUBGRAPH,
      url: config.insightsUrl,
      fetcher: fetchers.forUrl(config.insightsUrl),
    });
  }

  const armor = createArmor(config);
  const service = createGraphQLService<GatewayContext>({
    name: 'gateway',
    logger,
    // Two copies of @apollo/server-gateway-interface are installed (gateway's and server's); same shape.
    gateway: gateway as unknown as GatewayInterface,
    development: config.development,
    context: async (req) => createGatewayContext(req.headers, config.extraForwardedHeaders),
    readiness: () => checkSubgraphs(probes, config.readinessTimeoutMs),
    plugins: armor.plugins as ApolloServerPlugin<GatewayContext>[],
    validationRules: armor.validationRules,
    maxTokens: config.limits.maxTokens,
    // Apollo Server reads APOLLO_KEY / APOLLO_GRAPH_REF itself once reporting is not disabled.
    usageReporting: Boolean(config.apollo),
    // Offline GraphiQL at /explorer (development only, like Sandbox).
    extraRoutes: config.development ? mountExplorer : undefined,
  });

  return {
    service,
    subgraphUrls: { ...urls, insights: config.insightsUrl ?? 'in-process' },
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
