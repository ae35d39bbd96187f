/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
/**
 * The marketing service over HTTP on a free port: health, readiness and one GraphQL round trip, the
 * way the gateway reaches it.
 */
import { createLogger } from '../../../shared/logger/logger';
import { createMarketingServer } from '../../../subgraphs/marketing/src/server';
import { signedPost, testSubgraphAuth } from '../../helpers/auth';
import { openTestConnection, type TestConnection } from '../../helpers/mongo';
import { testBusDbName } from '../../helpers/event-commands';

jest.setTimeout(60_000);

let db: TestConnection;
let running: Awaited<ReturnType<Awaited<ReturnType<typeof createMarketingServer>>['listen']>>;

beforeAll(async () => {
  db = await openTestConnection('mkt_http');
  const service = await createMarketingServer({
    connection: db.connection,
    config: { development: false, auth: testSubgraphAuth, events: { busDbName: testBusDbName('mkt_bus') } },
    logger: createLogger('marketing-test', 'silent'),
  });
  running = await service.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await running.stop();
  await db.close();
});

const post = async (query: string, variables?: object) => {
  const res = await signedPost(running.url, { query, variables: variables as Record<string, unknown> });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
};

it('answers /healthz and /readyz', async () => {
  const base = running.url.replace(/\/graphql$/, '');
  expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', service: 'marketing' });
  expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ status: 'ready' });
});

it('creates and reads a customer, and reports input errors with a code and field', async () => {
  const created = await post(
    `mutation { createCustomer(input: { givenName: "Http", email: "http@example.com" }) { id email } }`,
  );
  expect(created.body.errors).toBeUndefined();
  const id = created.body.data.createCustomer.id;
  const read = await post(
    `query($id: ID!) { customer(id: $id) { id email engagement { touchpointsLast30Days } } }`,
    { id },
  );
  expect(read.body.data.customer).toEqual({
    id,
    email: 'http@example.com',
    engagement: { touchpointsLast30Days: 0 },
  });
  const bad = await post(`mutation { createCustomer(input: { email: "nope" }) { id } }`);
  expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  const sdl = await post(`{ _service { sdl } }`);
  expect(sdl.body.data._service.sdl).toMatch(/type Customer\s+@key\(fields: "id"\)/);
});
