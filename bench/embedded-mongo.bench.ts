/**
 * Embedded MongoDB benchmark: loads 1,000,000 small documents, then compares, through the official
 * driver and in this one run, the median latency of the same query on an indexed field and on an
 * unindexed one holding the same values: an equality lookup, a range query (100 matches) and a sorted
 * page of 20 (`sort` + `limit`, no filter). Values are a permutation of 0..N-1 (i·7919 mod N), so
 * neither field's order follows insertion order. Run: `npm run bench:mongo` (heavy: hold the suite lock).
 * Optional: `npm run bench:mongo -- 200000` for a smaller load.
 */
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../shared/embedded-mongo';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const BATCH = 50_000;
const INDEXED_SAMPLES = 201;
const SCAN_SAMPLES = 11;

/** A bijection of 0..TOTAL-1 (7919 is prime and divides no power of ten). */
function permuted(i: number): number {
  return (i * 7919) % TOTAL;
}

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
        docs.push({ _id: i, indexed: permuted(i), plain: permuted(i), label: `d${i % 1000}` });
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

    const rangeOf = (k: number) => ({ $gte: Math.min(k, TOTAL - 100), $lt: Math.min(k, TOTAL - 100) + 100 });
    const rangeIndexed = await timeLookups(async (k) => {
      const docs = await coll.find({ indexed: rangeOf(k) }).toArray();
      if (docs.length !== 100) throw new Error(`indexed range returned ${docs.length} documents`);
    }, INDEXED_SAMPLES);
    const rangeScanned = await timeLookups(async (k) => {
      const docs = await coll.find({ plain: rangeOf(k) }).toArray();
      if (docs.length !== 100) throw new Error(`unindexed range returned ${docs.length} documents`);
    }, SCAN_SAMPLES);

    const pageOf = async (field: 'indexed' | 'plain', k: number) => {
      const direction = k % 2 === 0 ? 1 : -1;
      const page = await coll
        .find({})
        .sort({ [field]: direction })
        .limit(20)
        .toArray();
      const expected = direction > 0 ? 0 : TOTAL - 1;
      if (page.length !== 20 || page[0][field] !== expected) throw new Error(`wrong sorted page on ${field}`);
    };
    const pageIndexed = await timeLookups((k) => pageOf('indexed', k), INDEXED_SAMPLES);
    const pageSorted = await timeLookups((k) => pageOf('plain', k), SCAN_SAMPLES);

    const rows: Array<[string, number[], number[]]> = [
      ['equality lookup', indexed, scanned],
      ['range query (100 matches)', rangeIndexed, rangeScanned],
      ['sorted page of 20', pageIndexed, pageSorted],
    ];
    for (const [what, withIndex, without] of rows) {
      const mi = median(withIndex);
      const ms = median(without);
      console.log(
        `${what.padEnd(26)} indexed median ${mi.toFixed(3).padStart(9)} ms (${withIndex.length} samples)   ` +
          `unindexed median ${ms.toFixed(1).padStart(8)} ms (${without.length} samples)   ratio ${(ms / mi).toFixed(0)}x`,
      );
    }
  } finally {
    await client.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
