/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are asserted field by field */
/**
 * Scenario: someone reaches a subgraph directly, bypassing the gateway's limits (defence in depth), and
 * keeps sending abusive documents: a thousand aliased full pages, ten thousand `_entities`
 * representations, oversized documents. Each is refused with HTTP 400 before anything resolves, and the
 * process's memory stays bounded while the abuse goes on.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLogger } from '../../../shared/logger/logger';
import type { RunningService } from '../../../shared/server/graphql-service';
import { SUBGRAPH_QUERY_LIMITS } from '../../../shared/server/query-limits';
import { createMarketingServer } from '../../../subgraphs/marketing/src/server';
import { openTestConnection, type TestConnection } from '../../helpers/mongo';

jest.setTimeout(120_000);

let db: TestConnection;
let running: RunningService;
const CUSTOMERS = 100;

beforeAll(async () => {
  db = await openTestConnection('limits');
  const service = await createMarketingServer({
    connection: db.connection,
    config: { development: false },
    logger: createLogger('marketing-test', 'silent'),
  });
  running = await service.listen(0, '127.0.0.1');
  for (let i = 0; i < CUSTOMERS; i++) {
    const r = await post({
      query: 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }',
      variables: { i: { givenName: `Abuse${i}`, email: `abuse${i}@example.com` } },
    });
    expect(r.body.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await running?.stop();
  await db?.close();
});

/** A full garbage collection on demand (V8's `gc`, exposed at run time for this measurement). */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

async function post(body: unknown) {
  const res = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

const aliasBomb = JSON.stringify({
  query: `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: customers(first: 100) { edges { node { id givenName emails { address } } } }`).join(' ')} }`,
});
const representations = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ __typename: 'Customer', id: i.toString(16).padStart(24, '0') }));
const ENTITIES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id givenName } } }';
const entityBomb = JSON.stringify({ query: ENTITIES, variables: { r: representations(10_000) } });
const tokenBomb = JSON.stringify({
  query: `{ ${Array.from({ length: 25_000 }, () => '__typename').join(' ')} }`,
});

it('subgraphs have no query limits of their own: 1,000 aliases × customers(first: 100) sent directly is refused with HTTP 400', async () => {
  const r = await post(aliasBomb);
  expect(r.status).toBe(400);
  expect(r.body.data).toBeUndefined();
  // 1,000 aliased selections are ~21,000 tokens: the parser stops before building the document.
  expect(r.body.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  expect(r.body.errors![0].message).toBe(
    'Syntax Error: Document contains more that 10000 tokens. Parsing aborted.',
  );
});

it('refuses more aliases than the limit with HTTP 400 GRAPHQL_VALIDATION_FAILED', async () => {
  const aliases = Array.from({ length: 51 }, (_, i) => `a${i}: customers(first: 100) { totalCount }`);
  const r = await post({ query: `{ ${aliases.join(' ')} }` });
  expect(r.status).toBe(400);
  expect(r.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r.body.errors![0].message).toBe('Syntax Error: Aliases limit of 50 exceeded, found 51.');
});

it('10,000 _entities representations in one request are accepted: refused with HTTP 400 before any lookup', async () => {
  const r = await post(entityBomb);
  expect(r.status).toBe(400);
  expect(r.body.errors).toEqual([
    expect.objectContaining({
      message: '_entities: at most 1000 representations per request, got 10000',
      extensions: { code: 'BAD_USER_INPUT', field: 'representations', max: 1000 },
    }),
  ]);
});

it('representations split over aliased _entities fields count together', async () => {
  const r = await post({
    query:
      'query($a: [_Any!]!, $b: [_Any!]!) { x: _entities(representations: $a) { __typename } y: _entities(representations: $b) { __typename } }',
    variables: { a: representations(600), b: representations(600) },
  });
  expect(r.status).toBe(400);
  expect(r.body.errors![0].message).toBe('_entities: at most 1000 representations per request, got 1200');
});

it('accepts the cap itself (what the gateway may legitimately send)', async () => {
  const r = await post({
    query: ENTITIES,
    variables: { r: representations(SUBGRAPH_QUERY_LIMITS.maxEntityRepresentations!) },
  });
  expect(r.status).toBe(200);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data._entities).toHaveLength(1_000);
});

it('refuses a document over the token limit with HTTP 400 GRAPHQL_PARSE_FAILED', async () => {
  const r = await post(tokenBomb);
  expect(r.status).toBe(400);
  expect(r.body.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
});

it('unbounded resources: memory stays bounded under sustained abuse sent directly to a subgraph', async () => {
  const bodies = [aliasBomb, entityBomb, tokenBomb];
  const gc = exposeGc();
  const DURATION_MS = 8_000;
  const CONCURRENCY = 16;
  const MAX_REQUESTS = 3_000;
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const statuses = new Map<number, number>();
  // Collect first so the baseline is not inflated by set-up garbage.
  gc();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 25);
  const started = Date.now();
  let sent = 0;
  const worker = async () => {
    while (Date.now() - started < DURATION_MS && sent < MAX_REQUESTS) {
      const body = bodies[sent++ % bodies.length];
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  clearInterval(sampler);
  const elapsed = Date.now() - started;
  gc();
  const retained = process.memoryUsage().heapUsed - baseline.heapUsed;
  const heapGrowth = peakHeap - baseline.heapUsed;
  const rssGrowth = peakRss - baseline.rss;
  console.log(
    `sustained abuse: ${sent} requests in ${elapsed} ms (${Math.round((sent * 1000) / elapsed)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
      `heap ${mb(baseline.heapUsed)} → peak ${mb(peakHeap)} MB (+${mb(heapGrowth)}), retained after GC ${mb(retained)} MB, rss ${mb(baseline.rss)} → peak ${mb(peakRss)} MB (+${mb(rssGrowth)})`,
  );
  expect([...statuses.keys()]).toEqual([400]);
  expect(sent).toBeGreaterThan(50);
  // Nothing the abuse allocates is kept; the peak (garbage not yet collected included, and this process
  // also runs the client side) is bounded by the limits, not by how long the abuse lasts.
  expect(retained).toBeLessThan(32 * 1024 * 1024);
  expect(heapGrowth).toBeLessThan(256 * 1024 * 1024);
  expect(rssGrowth).toBeLessThan(384 * 1024 * 1024);
});
