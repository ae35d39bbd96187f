/*
 * Gateway latency benchmark for the queries clients actually send: boots an in-memory MongoDB, seeds the
 * demo data, starts the three subgraphs and the gateway in this process on free loopback ports, then loads
 * the gateway with autocannon and prints req/s, p50/p90/p99 latency and errors per scenario, with each
 * scenario's p50 as a ratio of the `{ __typename }` baseline measured in the same run.
 *
 *   npm run bench:gateway
 *   npm run bench:gateway -- --customers 1000 --duration 10 --connections 10
 *
 * Scenarios: the baseline (gateway overhead only, no subgraph call), the support agent's caller context
 * (README "A support agent's customer context": customerByIdentifier(kind: PHONE) over a rotating set of
 * real phone numbers) and the frontend list page (customers(first: 20) with lifecycle and value). Each runs
 * under load (N connections, closed loop: latency includes queueing) and then with one connection (what a
 * single agent's call costs on an otherwise idle server).
 *
 * Everything (MongoDB, four GraphQL servers, autocannon itself) shares this process's event loop on a
 * shared 2-core machine, so figures are for comparison within a run; the load average is printed.
 * Latency percentiles come from autocannon's per-response times (fractional ms; its own histogram rounds
 * to whole milliseconds, too coarse for a ~1 ms baseline).
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { Connection } from 'mongoose';
import { defaultGatewayConfig } from '../gateway/src/config';
import { createGateway } from '../gateway/src/server';
import { seedDemoData } from '../scripts/seed';
import { createLogger } from '../shared/logger/logger';
import { connectMongo, resolveMongoServer } from '../shared/mongo';
import type { RunningService } from '../shared/server/graphql-service';
import { createInsightsServer } from '../subgraphs/insights/src/server';
import { loadConfig as loadMarketingConfig } from '../subgraphs/marketing/src/config';
import { HouseholdService } from '../subgraphs/marketing/src/household/household.service';
import { createModels as createMarketingModels } from '../subgraphs/marketing/src/models';
import { createMarketingServer } from '../subgraphs/marketing/src/server';
import { loadConfig as loadSalesConfig } from '../subgraphs/sales/src/config';
import { createSalesServer } from '../subgraphs/sales/src/server';
import { loadConfig as loadSupportConfig } from '../subgraphs/support/src/config';
import { createSupportServer } from '../subgraphs/support/src/server';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const CUSTOMERS = arg('customers', 1000);
const SEED = arg('seed', 42);
const DURATION_S = arg('duration', 10);
const CONNECTIONS = arg('connections', 10);
/** The single-connection pass only needs enough sequential calls for stable percentiles. */
const SINGLE_DURATION_S = Math.min(3, DURATION_S);
/** Discarded run before each measured scenario: JIT, query-plan cache, keep-alive pools. */
const WARMUP_S = 2;
/** How many distinct callers the support scenario rotates through. */
const CALLERS = 200;
/** The first 5 and every Nth response are parsed in full (all are checked for an `errors` key). */
const PARSE_EVERY = 25;

const CALLER_CONTEXT = `query CallerContext($phone: String!) {
  customerByIdentifier(kind: PHONE, value: $phone) {
    id displayName email language timeZone
    lifecycle { stage since reasons }
    value { tier orderCount totalRevenue { formatted } npsCategory }
    contact { contactableNow channel reasons }
    orders(first: 5) { edges { node { orderNumber placedAt status total { formatted } } } }
    returns(first: 3) { edges { node { reason amount { formatted } createdAt } } }
    tickets(first: 5) { edges { node { subject category status sentiment openedAt } } }
    supportStats { openTickets openComplaints averageSatisfaction lastContactAt }
    advocacy { lastNpsScore lastNpsAt }
  }
}`;

const CUSTOMER_LIST = `query CustomerList($first: Int!, $after: String, $filter: CustomerFilter) {
  customers(first: $first, after: $after, filter: $filter, sort: CREATED_AT_DESC) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id displayName email
        demographics { city country }
        lifecycle { stage }
        value { tier totalRevenue { formatted } daysSinceLastOrder }
        supportStats { openTickets }
      }
    }
  }
}`;

interface Scenario {
  name: string;
  /** The next request body; called once per request, so variables can rotate. */
  nextBody: () => string;
  /** A problem with a parsed successful response, or undefined when it has what the client asked for. */
  check: (data: Record<string, unknown>) => string | undefined;
}

interface Measured {
  reqPerSec: number;
  responses: number;
  p50: number;
  p90: number;
  p99: number;
  /** Socket errors and timeouts (autocannon). */
  errors: number;
  non2xx: number;
  /** Responses with a GraphQL `errors` entry or missing data. */
  graphqlErrors: number;
  parsed: number;
  firstProblem?: string;
}

/** The token every request carries (the development admin's, revealing: the same data as before auth). */
let authHeaders: Record<string, string> = {};

/** The autocannon run in progress, stopped on Ctrl-C. */
let current: autocannon.Instance | undefined;

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function problemOf(scenario: Scenario, body: string): string | undefined {
  let parsed: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
  if (parsed.errors?.length) return `GraphQL errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
  if (!parsed.data) return 'no data';
  return scenario.check(parsed.data);
}

async function load(
  url: string,
  scenario: Scenario,
  connections: number,
  duration: number,
): Promise<Measured> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let parsed = 0;
  let seen = 0;
  let firstProblem: string | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        timeout: 10,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeaders },
        requests: [
          {
            setupRequest: (request) => ({ ...request, body: scenario.nextBody() }),
            onResponse: (status, body) => {
              if (status !== 200) return;
              seen++;
              // A substring test on every response is cheap; a full parse of a sample checks the data too.
              const problem = body.includes('"errors"')
                ? problemOf(scenario, body)
                : seen <= 5 || seen % PARSE_EVERY === 0
                  ? (parsed++, problemOf(scenario, body))
                  : undefined;
              if (problem) {
                graphqlErrors++;
                firstProblem ??= problem;
              }
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
    });
    current = instance;
  });
  current = undefined;
  latencies.sort((a, b) => a - b);
  return {
    reqPerSec: latencies.length / result.duration,
    responses: latencies.length,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    parsed,
    firstProblem,
  };
}

/** Sends a few requests and fails unless every one has the data asked for: no point timing errors. */
async function verify(url: string, scenario: Scenario, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders },
      body: scenario.nextBody(),
    });
    const body = await res.text();
    const problem =
      res.status === 200 ? problemOf(scenario, body) : `HTTP ${res.status}: ${body.slice(0, 300)}`;
    if (problem) throw new Error(`${scenario.name}: ${problem}`);
  }
}

const load1 = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1)).padStart(7);

/** Up to `limit` active customers with a phone, spread over the whole base (deterministic). */
async function sampleCallers(marketing: Connection, limit: number): Promise<string[]> {
  const rows = await marketing
    .collection<{ _id: string; phones: Array<{ number: string; primary?: boolean }> }>('customers')
    .find({ status: 'ACTIVE', 'phones.0': { $exists: true } }, { projection: { _id: 1, phones: 1 } })
    .sort({ _id: 1 })
    .toArray();
  const step = Math.max(1, Math.floor(rows.length / limit));
  const phones: string[] = [];
  for (let i = 0; i < rows.length && phones.length < limit; i += step) {
    const phone = rows[i].phones.find((p) => p.primary) ?? rows[i].phones[0];
    phones.push(phone.number);
  }
  return phones;
}

async function main(): Promise<number> {
  const started = performance.now();
  console.log(
    `customer-360 gateway benchmark: ${CUSTOMERS} customers (seed ${SEED}), ${DURATION_S} s × ${CONNECTIONS} ` +
      `connections per scenario + ${SINGLE_DURATION_S} s × 1 connection; load average ${load1()}`,
  );
  const cleanup: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    current?.stop();
    for (const step of cleanup.reverse())
      await step().catch((err) => console.error('stop step failed:', err));
    cleanup.length = 0;
  };
  // Apollo Server's own signal handlers would stop single servers out of order; this process owns its signals.
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => {
        console.error(`${signal}: stopping…`);
        void stopAll().then(() => process.exit(130));
      });
    }
  };
  ownSignals();

  try {
    const quiet = { info: () => {}, warn: (m: string) => console.error(m) };
    // Always in memory: never MONGODB_URI, so a benchmark cannot write demo data into a real database.
    const mongo = await resolveMongoServer({ logger: quiet });
    cleanup.push(mongo.stop);

    const marketingConfig = loadMarketingConfig();
    const salesConfig = loadSalesConfig();
    const supportConfig = loadSupportConfig();
    const connections = {} as Record<'marketing' | 'sales' | 'support', Connection>;
    for (const [name, config] of [
      ['marketing', marketingConfig],
      ['sales', salesConfig],
      ['support', supportConfig],
    ] as const) {
      const connection = await connectMongo({
        uri: mongo.uri,
        dbName: config.mongo.dbName,
        poolSize: config.mongo.poolSize,
      });
      cleanup.push(() => connection.close());
      connections[name] = connection;
    }

    const logger = (name: string) => createLogger(name, 'error');
    const marketing = await createMarketingServer({
      connection: connections.marketing,
      config: marketingConfig,
      logger: logger('marketing'),
    });
    // No scheduled refits: a background fit would land in the middle of a measurement.
    const sales = await createSalesServer({
      connection: connections.sales,
      config: { ...salesConfig, sales: { ...salesConfig.sales, refitIntervalMinutes: 0 } },
      logger: logger('sales'),
    });
    const support = await createSupportServer({
      connection: connections.support,
      config: supportConfig,
      logger: logger('support'),
    });

    let t = performance.now();
    const summary = await seedDemoData({
      ...connections,
      customers: CUSTOMERS,
      seed: SEED,
      existing: 'fail',
    });
    const seedMs = performance.now() - t;
    t = performance.now();
    await new HouseholdService(createMarketingModels(connections.marketing).customers).recompute();
    const householdMs = performance.now() - t;
    t = performance.now();
    const { doc: model } = await sales.refits.ensureFitted();
    const fitMs = performance.now() - t;
    const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    console.log(
      `setup: seeded ${rows} rows in ${(seedMs / 1000).toFixed(1)} s, households ${(householdMs / 1000).toFixed(1)} s, ` +
        `value model ${model.status} in ${(fitMs / 1000).toFixed(1)} s`,
    );

    const running: Record<string, RunningService> = {};
    for (const [name, service] of Object.entries({ marketing, sales, support })) {
      running[name] = await service.listen(0, '127.0.0.1');
      cleanup.push(() => running[name].stop());
    }
    const insights = await createInsightsServer({
      config: { development: false, auth: supportConfig.auth },
      logger: logger('insights'),
    });
    running.insights = await insights.listen(0, '127.0.0.1');
    cleanup.push(() => running.insights.stop());
    const gateway = await createGateway({
      config: defaultGatewayConfig({ logLevel: 'error', host: '127.0.0.1', port: 0 }),
      subgraphUrls: {
        marketing: running.marketing.url,
        sales: running.sales.url,
        support: running.support.url,
        insights: running.insights.url,
      },
      logger: logger('gateway'),
    });
    const gw = await gateway.listen(0, '127.0.0.1');
    if (!gateway.demoTokens) throw new Error('the benchmark uses development keys: unset AUTH_* variables');
    authHeaders = { authorization: `Bearer ${gateway.demoTokens.admin}`, 'x-pii-reveal': 'benchmark' };
    cleanup.push(() => gw.stop());
    ownSignals();

    const phones = await sampleCallers(connections.marketing, CALLERS);
    if (phones.length === 0) throw new Error('the seed wrote no customer with a phone number');
    let nextCaller = 0;
    const scenarios: Scenario[] = [
      {
        name: 'baseline { __typename }',
        nextBody: () => '{"query":"{ __typename }"}',
        check: (data) => (data.__typename === 'Query' ? undefined : 'no __typename'),
      },
      {
        name: `caller context by phone (${phones.length} callers)`,
        nextBody: () =>
          JSON.stringify({
            query: CALLER_CONTEXT,
            variables: { phone: phones[nextCaller++ % phones.length] },
          }),
        check: (data) => {
          const c = data.customerByIdentifier as Record<string, unknown> | null;
          if (!c) return 'customerByIdentifier is null';
          return c.lifecycle && c.value && c.contact ? undefined : 'computed fields missing';
        },
      },
      {
        name: 'list page customers(first: 20)',
        nextBody: () => JSON.stringify({ query: CUSTOMER_LIST, variables: { first: 20 } }),
        check: (data) => {
          const edges = (data.customers as { edges?: Array<{ node: Record<string, unknown> }> } | null)
            ?.edges;
          if (edges?.length !== 20) return `expected 20 customers, got ${edges?.length ?? 'none'}`;
          return edges.every((e) => e.node.lifecycle && e.node.value) ? undefined : 'computed fields missing';
        },
      },
    ];

    const results: Array<{ scenario: Scenario; loaded: Measured; single: Measured }> = [];
    for (const scenario of scenarios) {
      await verify(gw.url, scenario, 10);
      await load(gw.url, scenario, CONNECTIONS, WARMUP_S);
      const loaded = await load(gw.url, scenario, CONNECTIONS, DURATION_S);
      const single = await load(gw.url, scenario, 1, SINGLE_DURATION_S);
      results.push({ scenario, loaded, single });
      console.log(`  measured ${scenario.name} (load average ${load1()})`);
    }

    const base = results[0];
    const header =
      `${'scenario'.padEnd(42)}${'conns'.padStart(6)}${'req/s'.padStart(9)}${'p50 ms'.padStart(8)}` +
      `${'p90 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'p50/base'.padStart(10)}   errors (socket/non-2xx/GraphQL, parsed)`;
    console.log(`\n${header}\n${'-'.repeat(header.length)}`);
    let failed = false;
    for (const { scenario, loaded, single } of results) {
      for (const [m, b, conns] of [
        [loaded, base.loaded, CONNECTIONS],
        [single, base.single, 1],
      ] as const) {
        console.log(
          `${(conns === 1 ? '' : scenario.name).padEnd(42)}${String(conns).padStart(6)}` +
            `${m.reqPerSec.toFixed(0).padStart(9)}${ms(m.p50)} ${ms(m.p90)} ${ms(m.p99)}` +
            `${`${(m.p50 / b.p50).toFixed(1)}×`.padStart(10)}   ` +
            `${m.errors}/${m.non2xx}/${m.graphqlErrors} of ${m.responses} (${m.parsed} parsed)`,
        );
        if (m.errors || m.non2xx || m.graphqlErrors || m.responses === 0) failed = true;
        if (m.firstProblem) console.log(`    first problem: ${m.firstProblem}`);
      }
    }
    console.log(
      `\nlatency under ${CONNECTIONS} connections includes queueing behind the other callers ` +
        `(closed loop: p50 ≈ connections / throughput); the 1-connection rows are one caller on an idle server.` +
        `\nload average ${load1()}; total ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    return failed ? 1 : 0;
  } finally {
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('customer-360 benchmark failed:', err);
    process.exit(1);
  },
);
