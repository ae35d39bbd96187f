import type { Connection } from 'mongoose';
import { createLogger } from '../../../shared/logger/logger';
import type { RunningService } from '../../../shared/server/graphql-service';
import type { SalesSettings } from '../../../subgraphs/sales/src/config';
import { createSalesServer } from '../../../subgraphs/sales/src/server';
import { connectMongo } from '../../../shared/mongo';
import { isEventMachineryCommand, testBusDbName } from '../../helpers/event-commands';
import { signedPost, testSubgraphAuth } from '../../helpers/auth';
import { testMongoUri, uniqueDbName } from '../../helpers/mongo';

/** GraphQL response data in tests: shapes are asserted, not typed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface GqlResult<T = Json> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, Json> }>;
}

export interface SalesHarness {
  connection: Connection;
  running: RunningService;
  gql<T = Json>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** Driver commands (excluding connection housekeeping) started while `fn` ran. */
  countCommands(fn: () => Promise<unknown>): Promise<{ count: number; names: string[] }>;
  close(): Promise<void>;
}

const HOUSEKEEPING = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'endSessions',
  'saslStart',
  'saslContinue',
]);

/**
 * The sales subgraph on a fresh database, listening on a free port, with the driver's command monitoring on
 * (same connection settings as shared/mongo plus `monitorCommands`), so tests can count MongoDB round trips.
 */
export async function startSales(prefix: string, sales: Partial<SalesSettings> = {}): Promise<SalesHarness> {
  const dbName = uniqueDbName(prefix);
  const connection = await connectMongo({ uri: testMongoUri(), dbName, poolSize: 10, monitorCommands: true });
  const service = await createSalesServer({
    connection,
    config: { development: false, sales, auth: testSubgraphAuth, events: { busDbName: testBusDbName(`${prefix}_bus`) } },
    logger: createLogger('sales', 'silent'),
  });
  const running = await service.listen(0, '127.0.0.1');
  let recording: string[] | null = null;
  connection.getClient().on('commandStarted', (e) => {
    if (recording && !HOUSEKEEPING.has(e.commandName) && !isEventMachineryCommand(e))
      recording.push(e.commandName);
  });
  return {
    connection,
    running,
    async gql(query, variables) {
      const res = await signedPost(running.url, { query, variables });
      return (await res.json()) as GqlResult<Json>;
    },
    async countCommands(fn) {
      recording = [];
      try {
        await fn();
        return { count: recording.length, names: [...recording] };
      } finally {
        recording = null;
      }
    },
    async close() {
      await running.stop();
      await connection
        .useDb(service.events.busDbName)
        .dropDatabase()
        .catch(() => {});
      await connection.dropDatabase().catch(() => {});
      await connection.close();
    },
  };
}

/** A valid `cus_<24 hex>` id for test customer n. */
export function customerId(n: number): string {
  return `cus_${n.toString(16).padStart(24, '0')}`;
}

/** First error's code and field, for compact assertions. */
export function errorOf(result: GqlResult): { code?: string; field?: string; message?: string } {
  const e = result.errors?.[0];
  return { code: e?.extensions?.code, field: e?.extensions?.field, message: e?.message };
}
