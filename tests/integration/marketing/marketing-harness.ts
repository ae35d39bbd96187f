/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
import type { Connection } from 'mongoose';
import { createLogger } from '../../../shared/logger/logger';
import { createMarketingServer } from '../../../subgraphs/marketing/src/server';
import { connectMongo } from '../../../shared/mongo';
import { isEventMachineryCommand, testBusDbName } from '../../helpers/event-commands';
import { ADMIN_REVEALED, testSubgraphAuth } from '../../helpers/auth';
import { testMongoUri, uniqueDbName } from '../../helpers/mongo';

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}
export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: GqlError[];
}

export interface CommandLog {
  /** `command:collection` of every command the driver started since the last reset, in order. */
  commands: string[];
  reset(): void;
}

/**
 * A marketing subgraph on a fresh database, driven in-process through Apollo's executeOperation. The
 * connection mirrors shared/mongo's defaults (sanitizeFilter, no buffering) and turns on the driver's
 * command monitoring so tests can count what a request sends to MongoDB.
 */
export async function startMarketing(prefix: string, options: { now?: Date } = {}) {
  const dbName = uniqueDbName(prefix);
  const connection: Connection = await connectMongo({
    uri: testMongoUri(),
    dbName,
    poolSize: 10,
    monitorCommands: true,
  });
  const log: CommandLog = {
    commands: [],
    reset() {
      this.commands.length = 0;
    },
  };
  connection.getClient().on('commandStarted', (event) => {
    if (isEventMachineryCommand(event)) return;
    const collection = event.command[event.commandName];
    log.commands.push(`${event.commandName}:${typeof collection === 'string' ? collection : ''}`);
  });

  let now = options.now;
  const service = await createMarketingServer({
    connection,
    config: {
      development: false,
      defaultPhoneRegion: 'HU',
      auth: testSubgraphAuth,
      events: { busDbName: testBusDbName('marketing_bus') },
    },
    logger: createLogger('marketing-test', 'silent'),
    clock: () => (now ? new Date(now) : new Date()),
  });
  await service.apollo.start();

  async function gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>> {
    const response = await service.apollo.executeOperation(
      { query, variables },
      { contextValue: { ...service.createContext(), auth: ADMIN_REVEALED } },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    // Round-trip through JSON so tests see what a client sees (dates as ISO strings).
    return JSON.parse(JSON.stringify(response.body.singleResult)) as GqlResult<T>;
  }

  /** Runs an operation that must succeed and returns its data. */
  async function ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** Runs an operation that must fail and returns its first error. */
  async function fails(query: string, variables?: Record<string, unknown>): Promise<GqlError> {
    const result = await gql(query, variables);
    if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0];
  }

  return {
    service,
    connection,
    models: service.models,
    log,
    gql,
    ok,
    fails,
    setNow(date: Date) {
      now = date;
    },
    async stop() {
      await service.apollo.stop();
      await connection
        .useDb(service.events.busDbName)
        .dropDatabase()
        .catch(() => {});
      await connection.dropDatabase().catch(() => {});
      await connection.close();
    },
  };
}

export type Marketing = Awaited<ReturnType<typeof startMarketing>>;

export const CREATE = /* GraphQL */ `
  mutation Create($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      givenName
      familyName
      displayName
      email
      emails {
        address
        primary
      }
      phones {
        number
        kind
        primary
      }
      identifiers {
        kind
        value
        source
      }
      socialHandles {
        network
        handle
      }
      householdId
      demographics {
        ageBand
        gender
        city
        country
      }
      address {
        street
        houseNumber
        city
        postcode
        region
        country
      }
      birthDate
      language
      timeZone
      quietHours {
        start
        end
      }
      consents {
        channel
        purpose
        granted
        source
        updatedAt
      }
      status
      createdAt
    }
  }
`;

/** Creates a customer and returns its id. */
export async function createCustomer(m: Marketing, input: Record<string, unknown>): Promise<string> {
  const data = await m.ok<{ createCustomer: { id: string } }>(CREATE, { input });
  return data.createCustomer.id;
}
