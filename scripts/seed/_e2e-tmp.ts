import 'reflect-metadata';
import { connectMongo, resolveMongoServer } from '../../shared/mongo';
import { seedDemoData } from './seed-demo-data';
async function main() {
  const logger = { info: () => {}, warn: console.error };
  const server = await resolveMongoServer({ dbPath: process.argv[3], logger });
  const open = (n: string) => connectMongo({ uri: server.uri, dbName: n, poolSize: 4 });
  const [m, s, p] = [await open('tm'), await open('ts'), await open('tp')];
  const t = performance.now();
  const summary = await seedDemoData({
    marketing: m,
    sales: s,
    support: p,
    customers: Number(process.argv[2]),
    seed: 42,
    asOf: new Date('2026-11-01'),
    existing: 'drop',
    chunkSize: Number(process.argv[4] ?? 2000),
  });
  console.log(
    JSON.stringify(summary.timingsMs),
    Math.round(performance.now() - t),
    JSON.stringify(summary.counts),
  );
  await Promise.all([m, s, p].map((c) => c.close()));
  await server.stop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
