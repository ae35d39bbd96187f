import type { Connection } from 'mongoose';
import { createLogger } from '../../../shared/logger/logger';
import { createSupportServer } from '../../../subgraphs/support/src/server';
import { connectMongo } from '../../../shared/mongo';
import { isEventMachineryCommand, testBusDbName } from '../../helpers/event-commands';
import { signedPost, testSubgraphAuth } from '../../helpers/auth';
import { testMongoUri, uniqueDbName } from '../../helpers/mongo';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface SupportTestServer {
  url: string;
  connection: Connection;
  /** The service's clock; tests move it to simulate time passing. */
  clock: { now: Date };
  /** Commands sent to MongoDB since the last `resetCommands()` (driver command monitoring). */
  commands: string[];
  resetCommands(): void;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  stop(): Promise<void>;
}

/** Commands the driver sends on its own (handshakes, session clean-up), not caused by a resolver. */
const HOUSEKEEPING = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'endSessions',
  'buildInfo',
  'saslStart',
]);

/**
 * The support subgraph on its own database and a free port, spoken to over HTTP like the gateway does.
 * The connection uses shared/mongo's production settings (sanitizeFilter, no buffering, majority
 * writes) plus command monitoring, so tests can count the queries a request costs.
 */
export async function startSupportTestServer(prefix: string, start = new Date('2024-06-30T12:00:00Z')) {
  const dbName = uniqueDbName(prefix);
  const connection = await connectMongo({ uri: testMongoUri(), dbName, poolSize: 10, monitorCommands: true });
  const commands: string[] = [];
  connection.getClient().on('commandStarted', (e) => {
    if (!HOUSEKEEPING.has(e.commandName) && !isEventMachineryCommand(e)) commands.push(e.commandName);
  });
  const clock = { now: start };
  const service = await createSupportServer({
    connection,
    config: { development: false, auth: testSubgraphAuth, events: { busDbName: testBusDbName(`${prefix}_bus`) } },
    logger: createLogger('support-test', 'silent'),
    clock: () => new Date(clock.now),
  });
  const running = await service.listen(0, '127.0.0.1');
  const server: SupportTestServer = {
    url: running.url,
    connection,
    clock,
    commands,
    resetCommands: () => {
      commands.length = 0;
    },
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await signedPost(running.url, { query, variables });
      return (await res.json()) as GqlResult<T>;
    },
    async stop() {
      await running.stop();
      await connection
        .useDb(service.events.busDbName)
        .dropDatabase()
        .catch(() => {});
      await connection.dropDatabase().catch(() => {});
      await connection.close();
    },
  };
  return server;
}

/** The single error of a failed operation (fails the test when there is not exactly one). */
export function onlyError(result: GqlResult<unknown>) {
  if (result.errors?.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(result)}`);
  return result.errors[0];
}

export const customerId = (n: number) => `cus_${n.toString(16).padStart(24, '0')}`;
