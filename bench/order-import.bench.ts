/**
 * Imports 100,000 historical orders through the sales subgraph's `importOrders` GraphQL mutation over HTTP,
 * in batches, and prints orders/second, then refits the value model over the imported base and prints the fit
 * time and the fitted versus the simulation's true parameters. Baseline measured in the same run: the same documents written with
 * the raw driver's `insertMany` into a collection with the same indexes (the floor GraphQL + validation add to).
 *
 *   npm run bench:import [-- --orders 100000 --batch 5000]
 *
 * MongoDB: MONGODB_URI if set, else the embedded server started as a child process (its own core).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { connectMongo } from '../shared/mongo';
import { newId } from '../shared/ids/ids';
import { createLogger } from '../shared/logger/logger';
import { createSalesServer } from '../subgraphs/sales/src/server';
import { signedPost, testSubgraphAuth } from '../tests/helpers/auth';
import { orderSchema } from '../subgraphs/sales/src/order/order.model';
import { simulateCustomers, toOrders } from '../tests/helpers/value-model/simulate';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const TOTAL = arg('orders', 100_000);
const BATCH = arg('batch', 5_000);
const CHANNELS = ['WEB', 'APP', 'STORE', 'PHONE', 'MARKETPLACE'];

const TRUE_BGNBD = { r: 0.25, alpha: 20, a: 0.8, b: 2.4 };
const TRUE_GAMMA_GAMMA = { p: 6, q: 4, v: 15 };
const AS_OF = new Date(Date.now() - 86_400_000);

/**
 * Realistic histories: customers drawn from the BG/NBD + Gamma-Gamma process with known parameters
 * (tests/helpers/value-model/simulate.ts), observed for 1–24 months up to yesterday, until TOTAL orders exist.
 */
interface BenchOrder {
  orderNumber: string;
  customerId: string;
  channel: string;
  currency: string;
  placedAt: string;
  items: { sku: string; name: string; quantity: number; unitPriceMinor: number }[];
  totalMinor: number;
}

function makeOrders(): BenchOrder[] {
  const orders: BenchOrder[] = [];
  const customers = simulateCustomers({
    customers: Math.ceil(TOTAL / 1.5),
    seed: 42,
    bgnbd: TRUE_BGNBD,
    gammaGamma: TRUE_GAMMA_GAMMA,
    observation: { min: 30, max: 730 },
  });
  for (let c = 0; c < customers.length && orders.length < TOTAL; c++) {
    for (const o of toOrders(customers[c], AS_OF)) {
      if (orders.length >= TOTAL) break;
      const n = orders.length;
      orders.push({
        orderNumber: `BENCH-${n.toString().padStart(7, '0')}`,
        customerId: `cus_${c.toString(16).padStart(24, '0')}`,
        channel: CHANNELS[n % CHANNELS.length],
        currency: 'EUR',
        placedAt: o.placedAt.toISOString(),
        items: [
          { sku: `SKU-${n % 500}`, name: `Product ${n % 500}`, quantity: 1, unitPriceMinor: o.totalMinor },
        ],
        totalMinor: o.totalMinor,
      });
    }
  }
  if (orders.length < TOTAL) throw new Error(`simulation produced only ${orders.length} orders`);
  return orders;
}

async function startMongo(): Promise<{ uri: string; child?: ChildProcess }> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI };
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'shared/embedded-mongo/cli.ts', '--port', '0'],
    {
      cwd: `${__dirname}/..`,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const [uri] = (await once(lines, 'line')) as [string];
  return { uri: uri.trim(), child };
}

const IMPORT = `mutation($orders: [ImportOrderInput!]!) { importOrders(orders: $orders) { importedCount } }`;

async function main() {
  const mongo = await startMongo();
  const dbName = `bench_import_${Date.now()}`;
  const connection = await connectMongo({ uri: mongo.uri, dbName, poolSize: 10 });
  try {
    const service = await createSalesServer({
      connection,
      config: { development: false, sales: { importMaxBatch: BATCH }, auth: testSubgraphAuth },
      logger: createLogger('sales', 'warn'),
    });
    const running = await service.listen(0, '127.0.0.1');
    const all = makeOrders();

    // Baseline: raw driver inserts of equivalent documents into a collection with the orders' indexes.
    const raw = connection.db!.collection('bench_raw_orders');
    for (const idx of orderSchema.indexes()) await raw.createIndex(idx[0] as never, idx[1] as never);
    const baselineStart = performance.now();
    for (let start = 0; start < TOTAL; start += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, TOTAL - start) }, (_, k) => {
        const o = all[start + k];
        return {
          _id: newId('ord'),
          ...o,
          placedAt: new Date(o.placedAt),
          items: o.items.map((i) => ({ ...i, returnedQuantity: 0 })),
        };
      });
      await raw.insertMany(docs as never[], { ordered: true });
    }
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    await raw.drop();

    const batchMs: number[] = [];
    const start = performance.now();
    for (let from = 0; from < TOTAL; from += BATCH) {
      const orders = all.slice(from, from + BATCH);
      const t0 = performance.now();
      const res = await signedPost(running.url, { query: IMPORT, variables: { orders } });
      const body = (await res.json()) as {
        data?: { importOrders: { importedCount: number } };
        errors?: unknown[];
      };
      if (body.errors || body.data?.importOrders.importedCount !== orders.length) {
        throw new Error(`batch at ${from} failed: ${JSON.stringify(body.errors ?? body)}`);
      }
      batchMs.push(performance.now() - t0);
    }
    const seconds = (performance.now() - start) / 1000;
    const stored = await connection.db!.collection('orders').countDocuments();

    // The refit a large import leads to: one aggregation over all orders plus both model fits.
    const refitStart = performance.now();
    const refitRes = await signedPost(running.url, {
      query: `mutation($asOf: DateTime) { refitValueModel(asOf: $asOf) { status customers repeatBuyers durationMs
          bgnbd { r alpha a b converged iterations } gammaGamma { p q v converged } } }`,
      variables: { asOf: AS_OF.toISOString() },
    });
    const refit = ((await refitRes.json()) as { data?: { refitValueModel: Record<string, unknown> } }).data
      ?.refitValueModel;
    const refitSeconds = (performance.now() - refitStart) / 1000;
    await running.stop();

    batchMs.sort((a, b) => a - b);
    const rate = TOTAL / seconds;
    const baselineRate = TOTAL / baselineSeconds;
    console.log(
      `importOrders via GraphQL/HTTP: ${TOTAL} orders in ${Math.ceil(TOTAL / BATCH)} batches of ${BATCH}`,
    );
    console.log(`  total ${seconds.toFixed(2)} s  →  ${Math.round(rate)} orders/s   (stored: ${stored})`);
    console.log(
      `  per batch: median ${batchMs[Math.floor(batchMs.length / 2)].toFixed(0)} ms, max ${batchMs[batchMs.length - 1].toFixed(0)} ms`,
    );
    console.log(
      `baseline raw driver insertMany: ${baselineSeconds.toFixed(2)} s  →  ${Math.round(baselineRate)} orders/s`,
    );
    console.log(`GraphQL import / raw insert time ratio: ${(seconds / baselineSeconds).toFixed(2)}×`);
    console.log(
      `refitValueModel over the imported base: ${refitSeconds.toFixed(2)} s (aggregation + fit in a worker)`,
    );
    console.log(`  ${JSON.stringify(refit)}`);
    console.log(
      `  true parameters: bgnbd ${JSON.stringify(TRUE_BGNBD)} gammaGamma ${JSON.stringify(TRUE_GAMMA_GAMMA)}`,
    );
    console.log(
      `  machine load average (1 min) during the run: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
    console.log(`mongo: ${mongo.child ? 'embedded (child process)' : 'MONGODB_URI'}`);
  } finally {
    await connection.dropDatabase().catch(() => {});
    await connection.close();
    if (mongo.child) {
      mongo.child.kill('SIGTERM');
      await once(mongo.child, 'exit');
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
