/**
 * Embedded MongoDB benchmark: loads 1,000,000 small documents, then compares the median latency of an
 * equality lookup on an indexed field against the same lookup on an unindexed field (a collection
 * scan), both measured in this run through the official driver. Run: `npm run bench:mongo`.
 * Optional: `npm run bench:mongo -- 200000` for a smaller load.
 */
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../shared/embedded-mongo';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const BATCH = 50_000;
const INDEXED_SAMPLES = 201;
const SCAN_SAMPLES = 11;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeLookups(run: (k: number) => Promise<unknown>, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const k = Math.floor(Math.random() * TOTAL);
    const t0 = process.hrtime.bigint();
    await run(k);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
}

async function main(): Promise<void> {
  const server = await startEmbeddedMongo();
  const client = await new MongoClient(server.uri).connect();
  try {
    const coll = client
      .db('bench')
      .collection<{ _id: number; indexed: number; plain: number; label: string }>('docs');
    await coll.createIndex({ indexed: 1 });
    const loadStart = Date.now();
    for (let start = 0; start < TOTAL; start += BATCH) {
      const docs = [];
      for (let i = start; i < Math.min(TOTAL, start + BATCH); i++)
        docs.push({ _id: i, indexed: i, plain: i, label: `d${i % 1000}` });
      await coll.insertMany(docs, { ordered: false });
    }
    const loadMs = Date.now() - loadStart;
    console.log(
      `loaded ${TOTAL.toLocaleString('en')} documents in ${(loadMs / 1000).toFixed(1)} s (${Math.round(TOTAL / (loadMs / 1000)).toLocaleString('en')} docs/s)`,
    );

    // Warm-up, then measure.
    await timeLookups((k) => coll.findOne({ indexed: k }), 20);
    const indexed = await timeLookups(async (k) => {
      const doc = await coll.findOne({ indexed: k });
      if (doc?.plain !== k) throw new Error('indexed lookup returned the wrong document');
    }, INDEXED_SAMPLES);
    const scanned = await timeLookups(async (k) => {
      const doc = await coll.findOne({ plain: k });
      if (doc?.indexed !== k) throw new Error('unindexed lookup returned the wrong document');
    }, SCAN_SAMPLES);

    const mi = median(indexed);
    const ms = median(scanned);
    console.log(`indexed equality lookup   median ${mi.toFixed(3)} ms  (${INDEXED_SAMPLES} samples)`);
    console.log(
      `unindexed equality lookup median ${ms.toFixed(3)} ms  (${SCAN_SAMPLES} samples, collection scan)`,
    );
    console.log(`ratio unindexed / indexed: ${(ms / mi).toFixed(0)}x`);
  } finally {
    await client.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
