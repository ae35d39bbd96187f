/**
 * shared/mongo: server resolution (no URI → a local mongod if one is installed, else the embedded
 * server, shared within the process) and the start-up error when the database is unreachable.
 */
import net from 'node:net';
import { connectMongo, MongoUnavailableError, resolveMongoServer } from '../../../shared/mongo';

const quiet = { info: () => {}, warn: () => {} };

it('uses the given URI as-is in external mode', async () => {
  const server = await resolveMongoServer({ uri: 'mongodb://db.example:27017', logger: quiet });
  expect(server).toMatchObject({ uri: 'mongodb://db.example:27017', mode: 'external' });
});

it('without a URI starts a local server once per process and announces it in one log line', async () => {
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
  const a = await resolveMongoServer({ logger });
  const b = await resolveMongoServer({ logger });
  try {
    expect(['system-binary', 'embedded']).toContain(a.mode);
    if (a.mode === 'embedded') {
      expect(b.uri).toBe(a.uri);
      expect(lines.filter((l) => l.includes('embedded MongoDB-compatible server'))).toHaveLength(1);
    }
    const conn = await connectMongo({ uri: a.uri, dbName: 'connection_layer_check' });
    expect((await conn.db!.admin().ping()).ok).toBe(1);
    await conn.close();
  } finally {
    await a.stop();
    await b.stop();
  }
});

it('fails fast with an error naming the host but not the password', async () => {
  // A port nobody listens on: bind then release it.
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const err = await connectMongo({
    uri: `mongodb://svc:hunter2@127.0.0.1:${port}/x`,
    dbName: 'sales',
    serverSelectionTimeoutMS: 300,
  }).catch((e) => e);
  expect(err).toBeInstanceOf(MongoUnavailableError);
  expect(err.message).toContain(`127.0.0.1:${port}`);
  expect(err.message).toContain('"sales"');
  expect(err.message).not.toContain('hunter2');
});
