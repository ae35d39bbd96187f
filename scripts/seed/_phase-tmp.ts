import 'reflect-metadata';
import { connectMongo, resolveMongoServer } from '../../shared/mongo';
import { generateStory } from './story';
import { buildDocuments } from './documents';
import { bindModels, prepareDatabases, validateSample } from './writer';
async function main() {
  const n = Number(process.argv[2]);
  const logger = { info: () => {}, warn: console.error };
  const server = await resolveMongoServer({ logger });
  const open = (x: string) => connectMongo({ uri: server.uri, dbName: x, poolSize: 4 });
  const conns = { marketing: await open('tm'), sales: await open('ts'), support: await open('tp') };
  const models = bindModels(conns);
  let t = performance.now();
  const lap = (label: string) => {
    const now = performance.now();
    console.log(label, Math.round(now - t));
    t = now;
  };
  await prepareDatabases(conns, models, 'drop');
  lap('prepare');
  const story = generateStory({ customers: n, seed: 42, asOf: new Date('2026-11-01') });
  lap('story');
  const docs = buildDocuments(story);
  lap('documents');
  await validateSample(docs, models);
  lap('validate');
  const chunk = Number(process.argv[3] ?? 5000);
  for (const sub of ['marketing', 'sales', 'support'] as const)
    for (const [name, rows] of Object.entries(docs[sub] as Record<string, object[]>)) {
      for (let i = 0; i < rows.length; i += chunk)
        await models[sub][name].insertMany(rows.slice(i, i + chunk), { lean: true, ordered: false });
      lap(`${sub}.${name} ${rows.length}`);
    }
  await Promise.all(Object.values(conns).map((c) => c.close()));
  await server.stop();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
