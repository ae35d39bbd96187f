/**
 * Attribution over the demo's synthetic campaign journeys (scripts/seed/attribution-journeys.ts): the
 * batch (refit Markov/Shapley + credits of every order under all 8 models) and the incremental path (one
 * new order recomputes its person), each with wall time and the MongoDB commands it sent; then how close
 * each model's channel shares come to the known truth (total variation distance; lower is better).
 *
 *   npm run bench:attribution [-- --people 20000]
 *
 * MongoDB: always in memory (a local mongod binary if present, else the embedded server), never MONGODB_URI.
 * Flattering: journeys are short (≤ 4 touchpoints) and the synthetic truth puts the causing campaign
 * first, which favours first touch; real paths are longer and noisier.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { connectMongo, resolveMongoServer } from '../shared/mongo';
import { createLogger } from '../shared/logger/logger';
import { generateAttributionJourneys, TRUTH_CHANNELS } from '../scripts/seed/attribution-journeys';
import { createMarketingServer } from '../subgraphs/marketing/src/server';
import { testSubgraphAuth } from '../tests/helpers/auth';
import { AttributionModel } from '../subgraphs/marketing/src/attribution/attribution.enums';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

const PEOPLE = arg('people', 20_000);
const INCREMENTAL = arg('incremental', 200);
const asOf = new Date('2025-06-30T00:00:00Z');

async function main() {
  const quiet = { info: () => {}, warn: (m: string) => console.error(m) };
  const mongo = await resolveMongoServer({ logger: quiet });
  const connection = await connectMongo({
    uri: mongo.uri,
    dbName: 'bench_attribution',
    poolSize: 10,
    monitorCommands: true,
  });
  const commands: string[] = [];
  connection.getClient().on('commandStarted', (e) => commands.push(e.commandName));
  try {
    await connection.dropDatabase();
    const marketing = await createMarketingServer({
      connection,
      config: {
        development: false,
        auth: testSubgraphAuth,
        attribution: { lookbackDays: 30, halfLifeDays: 7 },
      },
      logger: createLogger('marketing', 'error'),
      clock: () => asOf,
    });
    const { models } = marketing;
    const data = generateAttributionJourneys({ people: PEOPLE, seed: 15, asOf });
    const held = data.orders.slice(-INCREMENTAL);
    const batchOrders = data.orders.slice(0, data.orders.length - INCREMENTAL);
    await models.touchpoints.insertMany(
      data.touches.map((t) => ({
        _id: t.id,
        customerId: t.personId,
        channel: t.channel,
        type: 'AD_CLICK',
        campaignId: `cmp_${t.channel.toLowerCase()}`,
        occurredAt: t.at,
      })),
      { lean: true },
    );
    const conversion = (o: (typeof data.orders)[number]) => ({
      _id: o.id,
      customerId: o.personId,
      orderNumber: o.id,
      placedAt: o.at,
      status: 'PAID',
      currency: 'EUR',
      totalMinor: o.totalMinor,
      refundedMinor: 0,
      updatedAt: asOf,
    });
    await models.attributionConversions.insertMany(batchOrders.map(conversion), { lean: true });
    console.log(`data: ${PEOPLE} people, ${data.touches.length} touchpoints, ${data.orders.length} orders`);

    const attribution = marketing.createContext().services.attribution;
    commands.length = 0;
    let t = performance.now();
    const run = await attribution.runBatch();
    const batchMs = performance.now() - t;
    const batchCommands = commands.length;
    console.log(
      `batch: ${run.orders} orders × 8 models, ${run.journeys} journeys in ${(batchMs / 1000).toFixed(2)} s ` +
        `(${((batchMs * 1000) / run.orders).toFixed(0)} µs per order), ${batchCommands} MongoDB commands`,
    );

    commands.length = 0;
    t = performance.now();
    for (const o of held) {
      await attribution.recordOrderPlaced({
        orderId: o.id,
        orderNumber: o.id,
        customerId: o.personId,
        placedAt: o.at,
        status: 'PAID',
        currency: 'EUR',
        totalMinor: o.totalMinor,
      });
    }
    const incMs = performance.now() - t;
    console.log(
      `incremental: ${held.length} new orders, ${(incMs / held.length).toFixed(2)} ms and ` +
        `${(commands.length / held.length).toFixed(1)} MongoDB commands per order ` +
        `(batch: ${(batchMs / run.orders).toFixed(2)} ms per order amortised)`,
    );

    const truthRevenue: Record<string, number> = {};
    for (const o of data.orders)
      if (o.cause) truthRevenue[o.cause] = (truthRevenue[o.cause] ?? 0) + o.totalMinor;
    const norm = (r: Record<string, number>) => {
      const total = TRUTH_CHANNELS.reduce((n, c) => n + (r[c] ?? 0), 0);
      return Object.fromEntries(TRUTH_CHANNELS.map((c) => [c, (r[c] ?? 0) / total]));
    };
    const truth = norm(truthRevenue);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
    console.log(
      `\nchannel shares of revenue (truth: ${TRUTH_CHANNELS.map((c) => `${c} ${pct(truth[c])}`).join(', ')})`,
    );
    for (const model of Object.values(AttributionModel)) {
      const rows = await attribution.report(model, new Date(0), asOf, 'CHANNEL');
      const s = norm(Object.fromEntries(rows.map((r) => [r.key ?? '', r.revenueMinor])));
      const tvd = TRUTH_CHANNELS.reduce((n, c) => n + Math.abs(s[c] - truth[c]), 0) / 2;
      console.log(
        `${model.padEnd(16)} ${TRUTH_CHANNELS.map((c) => `${c} ${pct(s[c])}`).join('  ')}   distance to truth ${tvd.toFixed(3)}`,
      );
    }
    await marketing.apollo.stop().catch(() => {});
  } finally {
    await connection.dropDatabase().catch(() => {});
    await connection.close();
    await mongo.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
