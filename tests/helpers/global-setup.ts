import { startEmbeddedMongo, type EmbeddedMongo } from '../../shared/embedded-mongo';
import { serverFacts } from './server-facts';

/**
 * Jest globalSetup (integration + e2e): provides one MongoDB for the whole run through
 * `process.env.TEST_MONGODB_URI` (env set here reaches the workers). MONGODB_URI set → that server
 * (e.g. a real mongod); otherwise the embedded server, in memory, on a free port.
 */
interface SharedTestMongo {
  server?: EmbeddedMongo;
  users: number;
}

const globalState = globalThis as typeof globalThis & { __testMongo?: SharedTestMongo };

export default async function globalSetup(): Promise<void> {
  // Both the integration and e2e projects declare this setup; a full `jest` run starts one server.
  const shared = (globalState.__testMongo ??= { users: 0 });
  shared.users++;
  if (process.env.TEST_MONGODB_URI) return;
  const external = process.env.MONGODB_URI;
  if (external) {
    process.env.TEST_MONGODB_URI = external;
  } else {
    // As drivers' test deployments run mongod: with test commands (configureFailPoint) enabled.
    shared.server = await startEmbeddedMongo({ port: 0, enableTestCommands: true });
    process.env.TEST_MONGODB_URI = shared.server.uri;
  }
  // Version/topology gate the specification tests (tests/integration/mongo-spec) at collection time.
  process.env.TEST_MONGODB_FACTS = JSON.stringify(await serverFacts(process.env.TEST_MONGODB_URI));
}
