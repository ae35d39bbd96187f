/* eslint-disable @typescript-eslint/no-explicit-any -- responses are asserted field by field, not typed */
/**
 * Scenario: a client makes mistakes against the production gateway (syntax errors, oversized documents,
 * impossible dates, enum typos). Each is answered as the client's mistake — HTTP 400 or the subgraph's
 * own BAD_USER_INPUT with `field` — and never leaks internal URLs, response bodies or schema hints.
 */
import { asRole, testGatewayAuth } from '../helpers/auth';
import { defaultGatewayConfig } from '../../gateway/src/config';
import { createGateway } from '../../gateway/src/server';
import { createLogger } from '../../shared/logger/logger';
import type { RunningService } from '../../shared/server/graphql-service';
import { startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

jest.setTimeout(120_000);

let h: SupergraphHarness;
let prod: RunningService;
beforeAll(async () => {
  h = await startSubgraphsAndGateway();
  const gateway = await createGateway({
    config: defaultGatewayConfig({
      nodeEnv: 'production',
      development: false,
      logLevel: 'silent',
      auth: testGatewayAuth,
    }),
    subgraphUrls: h.subgraphUrls,
    logger: createLogger('gateway', 'silent'),
  });
  prod = await gateway.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await prod?.stop();
  await h?.stop();
});

async function post(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(prod.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await asRole('admin', 'test')) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { data?: any; errors?: any[] } };
}

/** Nothing internal in a production response: no subgraph URL, no embedded response, no stack. */
function expectNoInternals(text: string) {
  for (const url of Object.values(h.subgraphUrls)) expect(text).not.toContain(url);
  expect(text).not.toContain('127.0.0.1');
  expect(text).not.toMatch(/"response"|stacktrace|"exception"/);
  expect(text).not.toMatch(/did you mean/i);
}

it('client mistakes become server errors: a syntax error is HTTP 400 GRAPHQL_PARSE_FAILED', async () => {
  const r = await post('{ customers(first: 1) { totalCount }');
  expect(r.status).toBe(400);
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  expectNoInternals(r.text);
});

it('client mistakes become server errors: a token-limit breach is HTTP 400', async () => {
  const fields = Array.from({ length: 5_100 }, () => '__typename').join(' ');
  const r = await post(`{ ${fields} }`);
  expect(r.status).toBe(400);
  expect(r.body.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  expect(r.body.errors![0].message).toMatch(/more that 5000 tokens/i);
  expectNoInternals(r.text);
});

it('client mistakes become server errors: an unknown field is HTTP 400 GRAPHQL_VALIDATION_FAILED without suggestions', async () => {
  const r = await post('{ customers(first: 1) { totalCont } }');
  expect(r.status).toBe(400);
  expect(r.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r.body.errors![0].message).toBe('Cannot query field "totalCont" on type "CustomerConnection".');
  expectNoInternals(r.text);
});

it('enum typos get no "Did you mean" in production', async () => {
  const r = await post('query($s: CustomerSort!) { customers(first: 1, sort: $s) { totalCount } }', {
    s: 'CREATED_AT_DES',
  });
  expect(r.status).toBe(400);
  expect(r.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(r.body.errors![0].message).toBe(
    'Variable "$s" got invalid value "CREATED_AT_DES"; Value "CREATED_AT_DES" does not exist in "CustomerSort" enum.',
  );
  expectNoInternals(r.text);
});

it('an invalid date in a variable reaches the client as BAD_USER_INPUT, not INTERNAL_SERVER_ERROR "400: Bad Request"', async () => {
  const r = await post('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
    input: { givenName: 'Ada', email: 'ada@example.com', birthDate: '2024-02-30' },
  });
  expect(r.body.data ?? null).toBeNull();
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors![0].extensions).toEqual({
    code: 'BAD_USER_INPUT',
    serviceName: 'marketing',
    field: 'input.birthDate',
  });
  expect(r.body.errors![0].message).toMatch(/birthDate/);
  expectNoInternals(r.text);
});

it('an invalid refitValueModel asOf reaches the client as BAD_USER_INPUT from sales', async () => {
  const r = await post('mutation($d: DateTime!) { refitValueModel(asOf: $d) { __typename } }', {
    d: '1997-02-30T00:00:00Z',
  });
  expect(r.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', serviceName: 'sales', field: 'd' });
  expectNoInternals(r.text);
});

it('an invalid date in a variable: refitValueModel(asOf: "1997-09-30") (a date, not a date-time) is BAD_USER_INPUT from sales with the field, no URL', async () => {
  const r = await post('mutation($asOf: DateTime) { refitValueModel(asOf: $asOf) { id } }', {
    asOf: '1997-09-30',
  });
  expect(r.body.data ?? null).toBeNull();
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors![0].extensions).toEqual({
    code: 'BAD_USER_INPUT',
    serviceName: 'sales',
    field: 'asOf',
  });
  expectNoInternals(r.text);
});

it('enum typos get no "Did you mean" in production: also when the typo is written in the document', async () => {
  const r = await post('{ customers(first: 1, sort: CREATED_AT_DES) { totalCount } }');
  expect(r.status).toBe(400);
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r.body.errors![0].message).toBe('Value "CREATED_AT_DES" does not exist in "CustomerSort" enum.');
  expectNoInternals(r.text);
});
