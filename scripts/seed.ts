/**
 * `npm run seed -- --customers 5000 --seed 42 [--drop | --if-empty] [--prepare] [--as-of 2026-11-01]`: writes
 * the deterministic demo history into the marketing, sales and support databases (MONGODB_URI, or the
 * embedded server keeping its data in EMBEDDED_MONGO_DBPATH / --db-path / .data/mongo). Database names come
 * from each subgraph's config. `--prepare` then groups households and fits the value model, so the graph
 * shows the data at once (the compose `seed` service runs `--if-empty --prepare`). `seedDemoData` is
 * exported for `npm start` and tests.
 */
import 'reflect-metadata';
import type { Connection } from 'mongoose';
import { AppError } from '../shared/errors';
import { connectMongo, resolveMongoServer } from '../shared/mongo';
import { loadConfig as loadMarketingConfig } from '../subgraphs/marketing/src/config';
import { loadConfig as loadSalesConfig } from '../subgraphs/sales/src/config';
import { loadConfig as loadSupportConfig } from '../subgraphs/support/src/config';
import { parseSeedArgs, SEED_USAGE } from './seed/cli-args';
import { fitValueModelIfMissing, groupHouseholds } from './seed/prepare';
import { seedDemoData, type SeedSummary } from './seed/seed-demo-data';

export { seedDemoData, type SeedDemoDataOptions, type SeedSummary } from './seed/seed-demo-data';

/** Where `npm run seed` keeps the embedded server's data when nothing is configured. */
export const DEFAULT_DEMO_DB_PATH = '.data/mongo';

function printSummary(summary: SeedSummary): void {
  const story = summary.story!;
  console.log(`\nSeeded ${story.customers} customers (seed ${summary.seed}, as of ${summary.asOf})`);
  console.log(
    `  duplicates planted: ${story.duplicates}, households: ${story.households}, quiet customers: ${story.quiet}`,
  );
  console.log(
    `  personas: ${Object.entries(story.archetypes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  for (const [collection, n] of Object.entries(summary.counts))
    console.log(`  ${collection.padEnd(26)} ${String(n).padStart(8)}`);
  const t = summary.timingsMs;
  console.log(`  time: generate ${t.generate} ms, write ${t.write} ms, total ${t.total} ms`);
}

async function main(argv: string[]): Promise<number> {
  const args = parseSeedArgs(argv);
  if (args.help) {
    console.log(SEED_USAGE);
    return 0;
  }
  const marketing = loadMarketingConfig();
  const sales = loadSalesConfig();
  const support = loadSupportConfig();
  const logger = { info: (m: string) => console.error(m), warn: (m: string) => console.error(m) };
  const uri = marketing.mongo.uri;
  const server = await resolveMongoServer({
    uri,
    dbPath: uri ? undefined : (args.dbPath ?? marketing.mongo.embeddedDbPath ?? DEFAULT_DEMO_DB_PATH),
    logger,
  });
  const connections: Connection[] = [];
  try {
    const open = async (dbName: string) => {
      const c = await connectMongo({ uri: server.uri, dbName, poolSize: 4, logger });
      connections.push(c);
      return c;
    };
    const marketingDb = await open(marketing.mongo.dbName);
    const salesDb = await open(sales.mongo.dbName);
    const summary = await seedDemoData({
      marketing: marketingDb,
      sales: salesDb,
      support: await open(support.mongo.dbName),
      customers: args.customers,
      seed: args.seed,
      asOf: args.asOf,
      existing: args.drop ? 'drop' : args.ifEmpty ? 'skip' : 'fail',
      logger: { info: (m) => console.error(m) },
    });
    if (summary.seeded) printSummary(summary);
    else console.log('The databases already hold data: not seeding');
    if (args.prepare) {
      if (summary.seeded) {
        const h = await groupHouseholds(marketingDb);
        console.log(`Households: ${h.households} groups covering ${h.profilesInHouseholds} profiles`);
      }
      const { doc, refitted } = await fitValueModelIfMissing(salesDb, sales.sales);
      console.log(
        `Value model: ${doc.status}${refitted ? ' (fitted now)' : ' (stored)'}, ${doc.customers} customers`,
      );
    }
    return 0;
  } finally {
    await Promise.all(connections.map((c) => c.close()));
    await server.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof AppError)
        console.error(`seed: ${err.message}${err.code === 'BAD_USER_INPUT' ? `\n\n${SEED_USAGE}` : ''}`);
      else console.error('seed failed:', err);
      process.exit(1);
    },
  );
}
