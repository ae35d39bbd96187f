import type { CommandStartedEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import { defaultGatewayConfig, type GatewayConfig } from '../../gateway/src/config';
import { createGateway } from '../../gateway/src/server';
import { createLogger } from '../../shared/logger/logger';
import { connectMongo } from '../../shared/mongo';
import type { RunningService } from '../../shared/server/graphql-service';
import { createInsightsServer } from '../../subgraphs/insights/src/server';
import { createMarketingServer } from '../../subgraphs/marketing/src/server';
import type { MarketingConfig } from '../../subgraphs/marketing/src/config';
import { createSalesServer } from '../../subgraphs/sales/src/server';
import { createSupportServer } from '../../subgraphs/support/src/server';
import type { ServiceEvents } from '../../shared/events';
import { isEventMachineryCommand, testBusDbName } from './event-commands';
import { asRole, testGatewayAuth, testSubgraphAuth } from './auth';
import { testMongoUri, uniqueDbName } from './mongo';

/**
 * Boots the real supergraph for e2e tests, in this process: the four subgraphs on free ports (marketing,
 * sales and support each on its own fresh database of the test MongoDB; insights has none), and the gateway over the committed supergraph with the
 * subgraph URLs replaced. Every MongoDB command each subgraph sends is recorded (driver command
 * monitoring), so tests can prove batching.
 */

export type SubgraphName = 'marketing' | 'sales' | 'support';
const SUBGRAPHS: readonly SubgraphName[] = ['marketing', 'sales', 'support'];

/** Driver chatter that is not a query of ours: handshakes, heartbeats, session bookkeeping. */
const IGNORED_COMMANDS = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'buildInfo',
  'endSessions',
  'saslStart',
  'saslContinue',
]);

export interface RecordedCommand {
  name: string;
  collection?: string;
}

export class CommandCounter {
  private readonly recorded: Record<SubgraphName, RecordedCommand[]> = {
    marketing: [],
    sales: [],
    support: [],
  };

  record(subgraph: SubgraphName, event: CommandStartedEvent): void {
    if (IGNORED_COMMANDS.has(event.commandName) || isEventMachineryCommand(event)) return;
    const target = event.command[event.commandName];
    this.recorded[subgraph].push({
      name: event.commandName,
      collection: typeof target === 'string' ? target : undefined,
    });
  }

  reset(): void {
    for (const name of SUBGRAPHS) this.recorded[name] = [];
  }

  /** Number of commands per subgraph since the last reset. */
  counts(): Record<SubgraphName, number> {
    return {
      marketing: this.recorded.marketing.length,
      sales: this.recorded.sales.length,
      support: this.recorded.support.length,
    };
  }

  /** `find customers`, `aggregate tickets`, … per subgraph since the last reset. */
  commands(subgraph: SubgraphName): string[] {
    return this.recorded[subgraph].map((c) => (c.collection ? `${c.name} ${c.collection}` : c.name));
  }
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface SupergraphHarness {
  /** The gateway's GraphQL URL. */
  url: string;
  /** The gateway's base URL (for /healthz, /readyz). */
  baseUrl: string;
  subgraphUrls: Record<SubgraphName | 'insights', string>;
  connections: Record<SubgraphName, Connection>;
  /** Each subgraph's change events (outbox, relay, consumers) on the harness's own bus database. */
  events: Record<SubgraphName, ServiceEvents>;
  busDbName: string;
  commandCounter: CommandCounter;
  /**
   * POSTs an operation to the gateway as an administrator revealing personal data; pass `authorization`
   * (e.g. from `asRole('agent')`) to act as someone else, or `authorization: ''` to send no token.
   */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Stops one subgraph (readiness tests); `stop()` copes with it already being stopped. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  gatewayConfig?: Partial<GatewayConfig>;
  /** A supergraph other than the committed one. */
  supergraphSdl?: string;
  /** Log level of every service (default silent; E2E_LOG_LEVEL overrides). */
  logLevel?: string;
  /** Marketing settings other than the defaults, e.g. `loadMarketingConfig({ MARKETING_IDENTITY_… })`. */
  marketingConfig?: Partial<Pick<MarketingConfig, 'identity' | 'defaultPhoneRegion'>>;
}

export async function startSubgraphsAndGateway(opts: HarnessOptions = {}): Promise<SupergraphHarness> {
  const logLevel = opts.logLevel ?? process.env.E2E_LOG_LEVEL ?? 'silent';
  const uri = testMongoUri();
  const commandCounter = new CommandCounter();
  const connections = {} as Record<SubgraphName, Connection>;
  const running = {} as Record<SubgraphName, RunningService>;
  const stopped = new Set<SubgraphName>();
  const cleanup: Array<() => Promise<void>> = [];

  const stopAll = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {});
    cleanup.length = 0;
  };

  try {
    for (const name of SUBGRAPHS) {
      const connection = await connectMongo({
        uri,
        dbName: uniqueDbName(`e2e_${name}`),
        // The production default. The embedded server runs one transaction at a time and commands of other
        // sessions wait holding their pooled connection, so a pool smaller than the concurrent writers can
        // starve the transaction's own next command until it times out.
        poolSize: 20,
        monitorCommands: true,
      });
      connection
        .getClient()
        .on('commandStarted', (event: CommandStartedEvent) => commandCounter.record(name, event));
      connections[name] = connection;
      cleanup.push(async () => {
        await connection.dropDatabase().catch(() => {});
        await connection.close();
      });
    }
    const busDbName = testBusDbName('e2e_bus');
    cleanup.push(async () => {
      await connections.marketing
        .useDb(busDbName)
        .dropDatabase()
        .catch(() => {});
    });
    const config = { development: true, auth: testSubgraphAuth, events: { busDbName, relayIntervalMs: 100, pollIntervalMs: 50 } };
    const loggerFor = (name: string) => createLogger(name, logLevel);
    const services = {
      marketing: await createMarketingServer({
        connection: connections.marketing,
        config: { ...config, ...opts.marketingConfig },
        logger: loggerFor('marketing'),
      }),
      sales: await createSalesServer({ connection: connections.sales, config, logger: loggerFor('sales') }),
      support: await createSupportServer({
        connection: connections.support,
        config,
        logger: loggerFor('support'),
      }),
    };
    for (const name of SUBGRAPHS) {
      running[name] = await services[name].listen(0, '127.0.0.1');
      cleanup.push(async () => {
        if (!stopped.has(name)) await running[name].stop();
      });
    }
    const insights = await (
      await createInsightsServer({ config, logger: loggerFor('insights') })
    ).listen(0, '127.0.0.1');
    cleanup.push(() => insights.stop());
    const subgraphUrls = {
      marketing: running.marketing.url,
      sales: running.sales.url,
      support: running.support.url,
      insights: insights.url,
    };

    const gateway = await createGateway({
      config: defaultGatewayConfig({
        logLevel,
        readinessTimeoutMs: 1000,
        auth: testGatewayAuth,
        ...opts.gatewayConfig,
      }),
      subgraphUrls,
      supergraphSdl: opts.supergraphSdl,
      logger: loggerFor('gateway'),
    });
    const gw = await gateway.listen(0, '127.0.0.1');
    cleanup.push(() => gw.stop());

    return {
      url: gw.url,
      baseUrl: gw.url.replace(/\/graphql$/, ''),
      subgraphUrls,
      connections,
      events: {
        marketing: services.marketing.events,
        sales: services.sales.events,
        support: services.support.events,
      },
      busDbName,
      commandCounter,
      async query<T>(
        query: string,
        variables?: Record<string, unknown>,
        headers: Record<string, string> = {},
      ) {
        // Acts as an administrator who asked to reveal personal data, unless the test says who it is;
        // `authorization: ''` sends no token at all.
        const { authorization, ...rest } = headers;
        const auth =
          authorization === undefined
            ? await asRole('admin', 'test')
            : authorization
              ? { authorization }
              : {};
        const res = await fetch(gw.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth, ...rest },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
        return { status: res.status, ...body };
      },
      async stopSubgraph(name) {
        if (stopped.has(name)) return;
        stopped.add(name);
        await running[name].stop();
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** Throws with the GraphQL errors when a response has any; returns its data otherwise. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data as T;
}
