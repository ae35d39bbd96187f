/**
 * `npm start`: the whole supergraph in one process — MongoDB (MONGODB_URI, a local mongod, or the embedded
 * server with its data in .data/mongo), the marketing, sales, support and insights subgraphs on their ports
 * (each an HTTP service on loopback, called by the gateway exactly as in production), demo data when the
 * database is empty, and the gateway with Apollo Sandbox on http://localhost:4000/graphql.
 * Ctrl-C stops everything gracefully (a second Ctrl-C exits at once).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { loadGatewayConfig } from '../gateway/src/config';
import { ROLE_NAMES, ROLES, type Role } from '../shared/auth/roles';
import { createGateway } from '../gateway/src/server';
import { createLogger, type Logger } from '../shared/logger/logger';
import { loadConfig as loadInsightsConfig } from '../subgraphs/insights/src/config';
import { createInsightsServer } from '../subgraphs/insights/src/server';
import { connectMongo, resolveMongoServer } from '../shared/mongo';
import type { RunningService } from '../shared/server/graphql-service';
import { startTracing } from '../shared/tracing';
import { loadConfig as loadMarketingConfig } from '../subgraphs/marketing/src/config';
import { createMarketingServer } from '../subgraphs/marketing/src/server';
import { seedDemoData } from './seed';
import { groupHouseholds } from './seed/prepare';
import { loadConfig as loadSalesConfig } from '../subgraphs/sales/src/config';
import type { RefitCoordinator } from '../subgraphs/sales/src/customer-value/refit-scheduler';
import type { ValueModelDoc } from '../subgraphs/sales/src/customer-value/value-model.model';
import { createSalesServer } from '../subgraphs/sales/src/server';
import { loadConfig as loadSupportConfig } from '../subgraphs/support/src/config';
import { createSupportServer } from '../subgraphs/support/src/server';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_DB_PATH = path.join(ROOT, '.data', 'mongo');

export const EXAMPLE_QUERY = `query Customer360 {
  customers(first: 5, sort: FAMILY_NAME_ASC) {
    edges {
      node {
        id
        givenName
        familyName
        lifecycle { stage since reasons }
        value {
          tier score totalRevenue { formatted } orderCount daysSinceLastOrder npsCategory
          probabilityAlive expectedPurchases(days: 90) predictedLifetimeValue(months: 12) { formatted }
          rfm { score segment }
        }
        contact { contactableNow channel reasons }
        orders(first: 3) { edges { node { orderNumber status total { formatted } } } }
        tickets(first: 3) { edges { node { subject status category } } }
        supportStats { openTickets openComplaints }
      }
    }
  }
}`;

type Step = () => Promise<void>;

/** The development tokens, one per role, with what each may do (development keys only). */
function demoTokenLines(tokens: Record<Role, string> | undefined): string[] {
  if (!tokens)
    return ['Tokens: issued by the identity provider configured in AUTH_JWKS_URL / AUTH_JWKS_FILE', ''];
  return [
    'Demo tokens (12 h; send as `Authorization: Bearer <token>`; add `x-pii-reveal: <reason>` as admin to unmask):',
    ...ROLE_NAMES.flatMap((role) => [
      `  ${role.padEnd(9)} ${ROLES[role].description}`,
      `            ${tokens[role]}`,
    ]),
    '',
  ];
}

/** How many demo customers `npm start` writes into an empty database (same seed → same data). */
export const DEMO_CUSTOMERS = 5000;
export const DEMO_SEED = 42;

/**
 * Writes the deterministic demo data when the databases are empty (existing data is left alone), then
 * groups households, which the seed leaves for the identity rules to find.
 */
async function seedIfEmpty(
  connections: { marketing: Connection; sales: Connection; support: Connection },
  logger: Logger,
): Promise<void> {
  const summary = await seedDemoData({
    ...connections,
    customers: DEMO_CUSTOMERS,
    seed: DEMO_SEED,
    existing: 'skip',
    logger: { info: (message: string) => logger.info(message) },
  });
  if (!summary.seeded) {
    logger.info('Databases already hold data: not seeding');
    return;
  }
  const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  logger.info(
    `Demo data: ${DEMO_CUSTOMERS} customers, ${rows} rows in ${(summary.timingsMs.total / 1000).toFixed(1)} s`,
  );
  const households = await groupHouseholds(connections.marketing);
  logger.info(
    `Households: ${households.households} groups covering ${households.profilesInHouseholds} profiles ` +
      `(${(households.durationMs / 1000).toFixed(1)} s)`,
  );
}

/** Fitted parameters in one line, e.g. for the start-up log. */
export function describeValueModel(doc: ValueModelDoc): string {
  if (doc.status !== 'ok' || !doc.bgnbd) {
    return `not fitted (${doc.reason ?? 'insufficient data'}): Customer.value predictions stay null`;
  }
  const f = (x: number) => Number(x.toPrecision(4));
  const purchase = (label: string, e: NonNullable<ValueModelDoc['bgnbd']>) =>
    `${label} r=${f(e.r)} alpha=${f(e.alpha)} days a=${f(e.a)} b=${f(e.b)} LL=${f(e.logLikelihood)} ` +
    `(${e.converged ? 'converged' : 'NOT converged'}, ${e.iterations} iterations)`;
  const gg = doc.gammaGamma
    ? `Gamma-Gamma p=${f(doc.gammaGamma.p)} q=${f(doc.gammaGamma.q)} v=${f(doc.gammaGamma.v)} ${doc.currency}`
    : 'Gamma-Gamma not fitted (too few repeat buyers): value figures stay null';
  return (
    `${doc.customers} customers (${doc.repeatBuyers} repeat buyers) up to ${doc.asOf.toISOString()}; ` +
    `${purchase('BG/NBD', doc.bgnbd)}; ` +
    (doc.mbgnbd ? `${purchase('MBG/NBD', doc.mbgnbd)}; ` : '') +
    gg +
    (doc.warnings.length ? `; warnings: ${doc.warnings.join('; ')}` : '')
  );
}

/**
 * `Customer.value` reads its predictions from the stored value model and never fits during a request, so a
 * fresh start (just seeded, or never fitted) fits one now and waits for it: every demo customer then shows
 * calibrated predictions from the first query on. An existing usable model is kept (the schedule and large
 * imports refit it).
 */
async function ensureValueModel(refits: RefitCoordinator, logger: Logger): Promise<void> {
  const started = Date.now();
  const { doc, refitted } = await refits.ensureFitted();
  const took = refitted ? ` (fitted in ${((Date.now() - started) / 1000).toFixed(1)} s)` : ' (stored)';
  logger.info(`Value model${took}: ${describeValueModel(doc)}`);
}

async function main(): Promise<void> {
  const marketingConfig = loadMarketingConfig();
  const salesConfig = loadSalesConfig();
  const supportConfig = loadSupportConfig();
  const insightsConfig = loadInsightsConfig();
  const gatewayConfig = loadGatewayConfig();
  const logger = createLogger('start', gatewayConfig.logLevel);

  // Undone in reverse order on exit, whatever stage start-up reached.
  const cleanup: Step[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const step of cleanup.reverse())
      await step().catch((err) => logger.error({ err }, 'shutdown step failed'));
    if (code === 0) logger.info('Stopped cleanly');
    process.exit(code);
  };
  const onSignal = (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    logger.info(`${signal}: stopping the gateway, the subgraphs and MongoDB…`);
    void stop(0);
  };
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => onSignal(signal));
    }
  };
  ownSignals();

  try {
    // One process, one tracer provider: spans tell the services apart by their c360.service attribute.
    if (gatewayConfig.otlpTracesUrl) {
      const tracing = startTracing({
        serviceName: 'customer-360',
        otlpTracesUrl: gatewayConfig.otlpTracesUrl,
      });
      cleanup.push(() => tracing.shutdown());
    }
    const uri = marketingConfig.mongo.uri;
    const dbPath = uri ? undefined : (marketingConfig.mongo.embeddedDbPath ?? DEFAULT_DB_PATH);
    if (dbPath) fs.mkdirSync(dbPath, { recursive: true });
    const mongo = await resolveMongoServer({ uri, dbPath, logger });
    cleanup.push(mongo.stop);

    const subgraphs = [
      { name: 'marketing', config: marketingConfig, create: createMarketingServer },
      { name: 'sales', config: salesConfig, create: createSalesServer },
      { name: 'support', config: supportConfig, create: createSupportServer },
    ] as const;
    const connections = {} as Record<(typeof subgraphs)[number]['name'], Connection>;
    for (const s of subgraphs) {
      const connection = await connectMongo({
        uri: mongo.uri,
        dbName: s.config.mongo.dbName,
        poolSize: s.config.mongo.poolSize,
        serverSelectionTimeoutMS: s.config.mongo.serverSelectionTimeoutMs,
        logger,
      });
      cleanup.push(() => connection.close());
      connections[s.name] = connection;
    }

    const services = await Promise.all(
      subgraphs.map((s) =>
        (s.create as typeof createMarketingServer)({
          connection: connections[s.name],
          config: s.config,
          logger: createLogger(s.name, s.config.logLevel),
        }),
      ),
    );
    await seedIfEmpty(connections, logger);
    const sales = services[subgraphs.findIndex((s) => s.name === 'sales')] as unknown as Awaited<
      ReturnType<typeof createSalesServer>
    >;
    await ensureValueModel(sales.refits, logger);

    const running: Record<string, RunningService> = {};
    for (const [i, s] of subgraphs.entries()) {
      running[s.name] = await services[i].listen(s.config.port, s.config.host);
      cleanup.push(() => running[s.name].stop());
    }
    // Insights has no database; it is a subgraph like the others, reached over HTTP.
    const insights = await createInsightsServer({
      config: insightsConfig,
      logger: createLogger('insights', insightsConfig.logLevel),
    });
    running.insights = await insights.listen(insightsConfig.port, insightsConfig.host);
    cleanup.push(() => running.insights.stop());

    const gateway = await createGateway({
      config: gatewayConfig,
      subgraphUrls: {
        marketing: running.marketing.url,
        sales: running.sales.url,
        support: running.support.url,
        insights: running.insights.url,
      },
      logger: createLogger('gateway', gatewayConfig.logLevel),
    });
    const gw = await gateway.listen(gatewayConfig.port, gatewayConfig.host);
    cleanup.push(() => gw.stop());
    // Each Apollo Server installs SIGINT/SIGTERM handlers that stop that server and re-send the signal;
    // four of them in one process would cut the ordered shutdown above short. This process owns its signals.
    ownSignals();

    const where =
      mongo.mode === 'external'
        ? 'MONGODB_URI'
        : mongo.mode === 'embedded'
          ? `embedded, data in ${dbPath}`
          : `local mongod, data in ${dbPath}`;
    console.log(
      [
        '',
        'Customer-360 supergraph is running',
        `  GraphQL + Apollo Sandbox  ${gw.url}${gatewayConfig.development ? '' : '   (Sandbox is off: NODE_ENV=production or SANDBOX=false)'}`,
        `  Health                    ${gw.url.replace(/\/graphql$/, '/healthz')}  ${gw.url.replace(/\/graphql$/, '/readyz')}`,
        `  Subgraphs                 marketing ${running.marketing.url}, sales ${running.sales.url}, support ${running.support.url}, insights ${running.insights.url}`,
        `  MongoDB                   ${where}`,
        '',
        ...demoTokenLines(gateway.demoTokens),
        'Try this in Sandbox (it sends the agent token; change the Authorization header to act as another role):',
        '',
        EXAMPLE_QUERY,
        '',
        'Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
  } catch (err) {
    logger.fatal({ err }, `start-up failed: ${(err as Error).message}`);
    await stop(1);
  }
}

if (require.main === module) void main();
