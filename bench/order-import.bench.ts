/**
 * Imports 100,000 historical orders through the sales subgraph's `importOrders` GraphQL mutation over HTTP,
 * in batches, and prints orders/second. Baseline measured in the same run: the same documents written with
 * the raw driver's `insertMany` into a collection with the same indexes (the floor GraphQL + validation add to).
 *
 *   npm run bench:import [-- --orders 100000 --batch 5000 --customers 20000]
 *
 * MongoDB: MONGODB_URI if set, else the embedded server started as a child process (its own core).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { connectMongo } from '../shared/mongo';
import { newId } from '../shared/ids/ids';
import { createLogger } from '../shared/logger/logger';
import { createSalesServer } from '../subgraphs/sales/src/server';
import { orderSchema } from '../subgraphs/sales/src/order/order.model';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const TOTAL = arg('orders', 100_000);
const BATCH = arg('batch', 5_000);
const CUSTOMERS = arg('customers', 20_000);
const CHANNELS = ['WEB', 'APP', 'STORE', 'PHONE', 'MARKETPLACE'];

/** Deterministic pseudo-random orders spread over two years. */
function makeOrder(n: number) {
  const quantity = 1 + (n % 3);
  const unit = 500 + ((n * 7919) % 9500);
  const shipping = n % 4 === 0 ? 0 : 490;
  return {
    orderNumber: `BENCH-${n.toString().padStart(7, '0')}`,
    customerId: `cus_${((n * 2654435761) % CUSTOMERS).toString(16).padStart(24, '0')}`,
    channel: CHANNELS[n % CHANNELS.length],
    currency: 'EUR',
    placedAt: new Date(Date.UTC(2023, 0, 1) + ((n * 104_729) % (730 * 86_400)) * 1000).toISOString(),
    items: [{ sku: `SKU-${n % 500}`, name: `Product ${n % 500}`, quantity, unitPriceMinor: unit }],
    shippingMinor: shipping,
    totalMinor: quantity * unit + shipping,
  };
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
      config: { development: false, sales: { importMaxBatch: BATCH } },
    });
    const running = await service.listen(0, '127.0.0.1');

    // Baseline: raw driver inserts of equivalent documents into a collection with the orders' indexes.
    const raw = connection.db!.collection('bench_raw_orders');
    for (const idx of orderSchema.indexes()) await raw.createIndex(idx[0] as never, idx[1] as never);
    const baselineStart = performance.now();
    for (let start = 0; start < TOTAL; start += BATCH) {
      const docs = Array.from({ length: Math.min(BATCH, TOTAL - start) }, (_, k) => {
        const o = makeOrder(start + k);
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
      const orders = Array.from({ length: Math.min(BATCH, TOTAL - from) }, (_, k) => makeOrder(from + k));
      const t0 = performance.now();
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: IMPORT, variables: { orders } }),
      });
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
    const refitRes = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { refitValueModel { status customers repeatBuyers durationMs bgnbd { converged iterations } gammaGamma { converged } } }`,
      }),
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
      `refitValueModel over the imported base: ${refitSeconds.toFixed(2)} s  ${JSON.stringify(refit)}`,
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
