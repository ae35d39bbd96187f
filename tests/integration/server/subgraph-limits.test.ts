/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are asserted field by field */
/**
 * Scenario: someone reaches a subgraph directly, bypassing the gateway's limits (defence in depth), and
 * keeps sending abusive documents: a thousand aliased full pages, ten thousand `_entities`
 * representations, oversized documents. Each is refused with HTTP 400 before anything resolves, and the
 * process's memory stays bounded while the abuse goes on.
 */
import { signedHeaders, TEST_SIGNING_SECRET, testSubgraphAuth } from '../../helpers/auth';
import { createLogger } from '../../../shared/logger/logger';
import type { RunningService } from '../../../shared/server/graphql-service';
import { SUBGRAPH_QUERY_LIMITS } from '../../../shared/server/query-limits';
import { createMarketingServer } from '../../../subgraphs/marketing/src/server';
import { openTestConnection, testMongoUri, uniqueDbName, type TestConnection } from '../../helpers/mongo';
import { scrapeMetric, spawnService } from '../../helpers/service-process';

jest.setTimeout(120_000);

let db: TestConnection;
let running: RunningService;
const CUSTOMERS = 100;

beforeAll(async () => {
  db = await openTestConnection('limits');
  const service = await createMarketingServer({
    connection: db.connection,
    config: { development: false, auth: testSubgraphAuth },
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

async function post(body: unknown) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders(running.url, raw) },
    body: raw,
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
  // The subgraph runs as its own process with a capped heap, so what is measured is its memory alone.
  const HEAP_MB = 256;
  const marketing = await spawnService('marketing', {
    nodeFlags: [`--max-old-space-size=${HEAP_MB}`],
    env: {
      NODE_ENV: 'production',
      MONGODB_URI: testMongoUri(),
      MARKETING_PORT: '0',
      MARKETING_DB_NAME: uniqueDbName('limits_proc'),
      SUBGRAPH_SIGNING_SECRET: TEST_SIGNING_SECRET,
    },
  });
  try {
    const bodies = [aliasBomb, entityBomb, tokenBomb];
    const DURATION_MS = 10_000;
    const CONCURRENCY = 16;
    const MAX_REQUESTS = 5_000;
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    const rss = async () => (await scrapeMetric(marketing.baseUrl, 'process_resident_memory_bytes'))!;
    const statuses = new Map<number, number>();
    const baseline = await rss();
    let peak = baseline;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await rss());
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const started = Date.now();
    let sent = 0;
    const worker = async () => {
      while (Date.now() - started < DURATION_MS && sent < MAX_REQUESTS) {
        const body = bodies[sent++ % bodies.length];
        // Signed like the gateway's calls: the abuse must reach GraphQL, not stop at the signature check.
        const res = await fetch(marketing.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signedHeaders(marketing.url, body) },
          body,
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    sampling = false;
    await sampler;
    const elapsed = Date.now() - started;
    const after = await rss();
    console.log(
      `sustained abuse of marketing (own process, heap cap ${HEAP_MB} MB): ${sent} requests in ${elapsed} ms ` +
        `(${Math.round((sent * 1000) / elapsed)}/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `rss ${mb(baseline)} MB → peak ${mb(peak)} MB, ${mb(after)} MB after`,
    );
    expect([...statuses.keys()]).toEqual([400]);
    expect(sent).toBeGreaterThan(50);
    expect(marketing.exited).toBe(false);
    // Every abusive request is refused before it allocates in proportion to what it asks for, so the
    // process stays within a fixed envelope above its idle size however long the abuse lasts.
    expect(peak - baseline).toBeLessThan(128 * 1024 * 1024);
  } finally {
    await marketing.stop();
  }
});
