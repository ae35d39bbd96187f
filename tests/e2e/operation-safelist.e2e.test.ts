/**
 * Production can refuse operations it does not know: with OPERATION_SAFELIST=enforce the gateway runs the
 * documents in gateway/persisted-operations.json (written by `npm run codegen`) — in full or by hash through
 * automatic persisted queries — and answers anything else with HTTP 400 PERSISTED_QUERY_NOT_IN_LIST.
 */
import { asRole } from '../helpers/auth';
import fs from 'node:fs';
import {
  DEFAULT_SAFELIST_PATH,
  operationId,
  type SafelistManifest,
} from '../../gateway/src/http/operation-safelist';
import { startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

const manifest = JSON.parse(fs.readFileSync(DEFAULT_SAFELIST_PATH, 'utf8')) as SafelistManifest;
const consoleDocument = manifest.operations.find((op) => op.names.includes('AgentSearch'))!;

let harness: SupergraphHarness;
beforeAll(async () => {
  harness = await startSubgraphsAndGateway({ gatewayConfig: { operationSafelist: 'enforce' } });
});
afterAll(() => harness?.stop());

async function post(body: Record<string, unknown>) {
  const res = await fetch(harness.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(await asRole('agent')),
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> },
  };
}

test('a listed document runs, sent in full', async () => {
  const { status, body } = await post({
    query: consoleDocument.body,
    operationName: 'AgentSearch',
    variables: { search: 'nobody-has-this-name' },
  });
  expect(status).toBe(200);
  expect(body).toEqual({ data: { customers: { edges: [] } } });
});

test('a listed document runs by hash once the gateway has seen it (automatic persisted queries)', async () => {
  const persistedQuery = { version: 1, sha256Hash: operationId(consoleDocument.body) };
  const variables = { search: 'nobody-has-this-name' };
  await post({
    query: consoleDocument.body,
    operationName: 'AgentSearch',
    variables,
    extensions: { persistedQuery },
  });
  const { status, body } = await post({
    operationName: 'AgentSearch',
    variables,
    extensions: { persistedQuery },
  });
  expect(status).toBe(200);
  expect(body).toEqual({ data: { customers: { edges: [] } } });
});

test('an unknown document is refused before any subgraph is called', async () => {
  harness.commandCounter.reset();
  const { status, body } = await post({ query: '{ customers(first: 1) { edges { node { id } } } }' });
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
  expect(harness.commandCounter.counts()).toEqual({ marketing: 0, sales: 0, support: 0 });
});

test('a listed document with one character changed is unknown', async () => {
  const { status, body } = await post({
    query: `${consoleDocument.body} `,
    operationName: 'AgentSearch',
    variables: { search: 'x' },
  });
  expect(status).toBe(400);
  expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
});
