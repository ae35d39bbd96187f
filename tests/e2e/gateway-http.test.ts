/* eslint-disable @typescript-eslint/no-explicit-any -- responses are asserted field by field, not typed */
/**
 * Scenario: operating the gateway. An orchestrator probes /healthz (process up) and /readyz (can serve;
 * a subgraph that is down makes it `degraded`, not unready) and Prometheus scrapes /metrics; a developer opens http://…/graphql in a browser and gets Apollo Sandbox in
 * development but not in production; abusive queries (too deep, too many aliases) are refused before any
 * subgraph is called; and when the sales subgraph goes down, readiness says so by name while queries
 * still return what the other subgraphs own, with an error only on the fields that needed sales; after
 * repeated failures its circuit opens and those fields fail at once with a retry-after.
 */
import { asRole, testGatewayAuth } from '../helpers/auth';
import { defaultGatewayConfig } from '../../gateway/src/config';
import { createGateway } from '../../gateway/src/server';
import { createLogger } from '../../shared/logger/logger';
import { BREAKER_SETTINGS_FOR_TESTS } from '../helpers/breaker';
import { dataOf, startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

jest.setTimeout(180_000);

let h: SupergraphHarness;
beforeAll(async () => {
  h = await startSubgraphsAndGateway({ gatewayConfig: BREAKER_SETTINGS_FOR_TESTS });
});
afterAll(async () => h?.stop());

async function getJson(path: string) {
  const res = await fetch(`${h.baseUrl}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

it('GET /healthz answers while the process is up', async () => {
  expect(await getJson('/healthz')).toEqual({ status: 200, body: { status: 'ok', service: 'gateway' } });
});

it('GET /readyz reports every subgraph reachable', async () => {
  const { status, body } = await getJson('/readyz');
  expect(status).toBe(200);
  expect(body.status).toBe('ready');
  for (const name of ['marketing', 'sales', 'support']) {
    expect(body.subgraphs[name]).toEqual({ ok: true, latencyMs: expect.any(Number), circuit: 'closed' });
  }
});

it('GET /metrics exposes Prometheus metrics with operation latency and error codes', async () => {
  await h.query('query MetricsProbe { customers(first: 1) { totalCount } }');
  await h.query('query MetricsBadInput { customers(first: 1000) { totalCount } }');
  const res = await fetch(`${h.baseUrl}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  const text = await res.text();
  expect(text).toMatch(/process_cpu_seconds_total\{service="gateway"\}/);
  expect(text).toMatch(
    /graphql_operation_duration_seconds_count\{[^}]*operation="MetricsProbe"[^}]*type="query"[^}]*\} 1/,
  );
  expect(text).toMatch(
    /graphql_errors_total\{[^}]*operation="MetricsBadInput"[^}]*code="BAD_USER_INPUT"[^}]*\} 1/,
  );
  expect(text).not.toMatch(/graphql_errors_total\{[^}]*operation="MetricsProbe"/);
});

it('serves Apollo Sandbox to a browser in development', async () => {
  const res = await fetch(h.url, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('new window.EmbeddedSandbox(');
  const introspection = await h.query<{ __schema: { queryType: { name: string } } }>(
    '{ __schema { queryType { name } } }',
  );
  expect(dataOf(introspection).__schema.queryType.name).toBe('Query');
});

it('shows the query plan on request in development', async () => {
  const res = await fetch(h.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-query-plan-experimental': 'true',
      ...(await asRole('analyst')),
    },
    body: JSON.stringify({ query: '{ customers(first: 1) { edges { node { id lifecycle { stage } } } } }' }),
  });
  const body = (await res.json()) as { extensions?: { __queryPlanExperimental?: string } };
  // The plan fetches the facts from their owners, then asks insights.
  expect(body.extensions?.__queryPlanExperimental).toMatch(
    /Fetch\(service: "marketing"\)[\s\S]*Fetch\(service: "insights"\)/,
  );
});

it('in production: no Sandbox, no introspection, and it still serves queries', async () => {
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
  const running = await gateway.listen(0, '127.0.0.1');
  try {
    const page = await (await fetch(running.url, { headers: { accept: 'text/html' } })).text();
    expect(page).not.toContain('EmbeddedSandbox(');
    const token = await asRole('analyst');
    const post = (query: string) =>
      fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...token },
        body: JSON.stringify({ query }),
      }).then((r) => r.json() as Promise<{ data?: any; errors?: Array<{ message: string }> }>);
    const introspection = await post('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const list = await post('{ customers(first: 1) { totalCount } }');
    expect(list.errors).toBeUndefined();
    expect(list.data.customers.totalCount).toEqual(expect.any(Number));
  } finally {
    await running.stop();
  }
});

describe('request limits (graphql-armor)', () => {
  it('refuses a query nested deeper than the limit', async () => {
    const deep = `{ customers(first: 1) { edges { node { orders(first: 1) { edges { node {
      customer { orders(first: 1) { edges { node { customer { orders(first: 1) { edges { node { id } } } } } } } }
    } } } } } } }`;
    const r = await h.query(deep);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/depth limit of 12 exceeded/i);
  });

  it('refuses a query with too many aliases', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: customers(first: 1) { totalCount }`).join(
      ' ',
    );
    const r = await h.query(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/aliases/i);
  });
});

describe('when a subgraph is down', () => {
  let customerId: string;

  beforeAll(async () => {
    const created = await h.query<{ createCustomer: { id: string } }>(
      `mutation { createCustomer(input: { givenName: "Dóra", email: "dora@example.com" }) { id } }`,
    );
    customerId = dataOf(created).createCustomer.id;
    await h.stopSubgraph('sales');
  });

  it('/readyz goes 503 whenever any subgraph is down: it stays 200, reports degraded and names it; /healthz stays up', async () => {
    const { status, body } = await getJson('/readyz');
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.degraded).toEqual(['sales']);
    expect(body.subgraphs.sales).toMatchObject({ ok: false, error: expect.any(String) });
    expect(body.subgraphs.marketing).toMatchObject({ ok: true, circuit: 'closed' });
    expect((await getJson('/healthz')).status).toBe(200);
  });

  it('one dead subgraph blanks the whole customer view: with sales down the customer still comes back, only the fields sales owns or feeds are null, each error naming sales and the path', async () => {
    const withoutSales = await h.query<{ customer: Record<string, any> }>(
      `query($id: ID!) { customer(id: $id) { givenName email supportStats { openTickets } } }`,
      { id: customerId },
    );
    expect(withoutSales.errors).toBeUndefined();
    expect(withoutSales.data).toEqual({
      customer: { givenName: 'Dóra', email: 'dora@example.com', supportStats: { openTickets: 0 } },
    });
    const withSales = await h.query(
      `query($id: ID!) { customer(id: $id) { givenName orders(first: 1) { totalCount } lifecycle { stage } } }`,
      { id: customerId },
    );
    expect(withSales.data).toEqual({ customer: { givenName: 'Dóra', orders: null, lifecycle: null } });
    // lifecycle is computed by insights from sales' purchaseStats: the error is moved to the field asked for.
    const error = {
      message: 'The sales service is unavailable; try again shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'sales' },
    };
    expect(withSales.errors).toEqual([
      { ...error, path: ['customer', 'orders'] },
      { ...error, path: ['customer', 'lifecycle'] },
    ]);
  });

  it('nothing fails fast: after repeated failures the sales circuit opens and its fields fail at once with a retry-after', async () => {
    const query = `query($id: ID!) { customer(id: $id) { purchaseStats { orderCount } } }`;
    for (let i = 0; i < BREAKER_SETTINGS_FOR_TESTS.breaker.failureThreshold; i++) {
      await h.query(query, { id: customerId });
    }
    const res = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asRole('analyst')) },
      body: JSON.stringify({ query, variables: { id: customerId } }),
    });
    const body = (await res.json()) as {
      errors: Array<{ message: string; extensions: Record<string, any> }>;
    };
    expect(body.errors[0].extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      serviceName: 'sales',
      retryAfter: expect.any(Number),
    });
    expect(body.errors[0].message).toMatch(/^The sales service is unavailable; try again in \d+ s$/);
    expect(res.headers.get('retry-after')).toBe(String(body.errors[0].extensions.retryAfter));
    const ready = await getJson('/readyz');
    expect(ready.body.subgraphs.sales).toMatchObject({ ok: false, circuit: 'open', error: 'circuit open' });
    const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/gateway_subgraph_circuit_state\{subgraph="sales",service="gateway"\} 2/);
  });
});
