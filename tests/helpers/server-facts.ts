import { MongoClient } from 'mongodb';

/** What the server under test is: decides which MongoDB specification tests apply to it. */
export interface ServerFacts {
  version: number[];
  topology: 'single' | 'replicaset' | 'sharded';
  serverless: boolean;
  /** shared/embedded-mongo (its buildInfo names gitVersion 'embedded'), not a real mongod. */
  embedded: boolean;
}

export async function serverFacts(uri: string): Promise<ServerFacts> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    const admin = client.db('admin');
    const info = await admin.command({ buildInfo: 1 });
    const hello = await admin.command({ hello: 1 });
    const topology = hello.msg === 'isdbgrid' ? 'sharded' : hello.setName ? 'replicaset' : 'single';
    return {
      version: String(info.version).split('.').map(Number),
      topology,
      serverless: false,
      embedded: info.gitVersion === 'embedded',
    };
  } finally {
    await client.close();
  }
}

/** The facts global-setup.ts recorded (test files are collected synchronously, before any server call). */
export function testServerFacts(): ServerFacts {
  const raw = process.env.TEST_MONGODB_FACTS;
  if (!raw) throw new Error('TEST_MONGODB_FACTS is not set: run this test in the integration jest project');
  return JSON.parse(raw) as ServerFacts;
}
