/**
 * Scenario: a developer changes a subgraph and forgets `npm run compose`. The gateway serves the
 * committed static supergraph, so a stale file would silently hide the change (or break queries). This
 * composes the four subgraphs from code, exactly as `npm run compose` does, and requires the result to
 * be free of composition errors and byte-for-byte equal to gateway/supergraph/supergraph.graphql.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { DEFAULT_SUBGRAPH_URLS, SUPERGRAPH_PATH } from '../../gateway/src/supergraph';
import { composeFromCode, readCommittedSupergraph } from '../../scripts/supergraph/compose-supergraph';
import { EXAMPLE_QUERY } from '../../scripts/start';

jest.setTimeout(120_000);

let fresh: Awaited<ReturnType<typeof composeFromCode>>;
beforeAll(async () => {
  fresh = await composeFromCode();
});

it('composes the four subgraphs without errors', () => {
  expect(fresh.errors).toEqual([]);
  expect(fresh.supergraphSdl).toBeDefined();
});

it('is what is committed (run `npm run compose` after changing a subgraph)', async () => {
  const committed = await readCommittedSupergraph();
  expect(committed).toBeDefined();
  expect(committed === fresh.supergraphSdl).toBe(true);
});

it('joins every subgraph at its default URL and exposes the computed fields', () => {
  const sdl = fresh.supergraphSdl!;
  for (const [name, url] of Object.entries(DEFAULT_SUBGRAPH_URLS)) {
    expect(sdl).toContain(`@join__graph(name: "${name}", url: "${url}")`);
  }
  const doc = parse(sdl);
  const customer = doc.definitions.find(
    (d) => d.kind === 'ObjectTypeDefinition' && d.name.value === 'Customer',
  ) as unknown as { fields: Array<{ name: { value: string } }> };
  const fields = customer.fields.map((f) => f.name.value);
  expect(fields).toEqual(
    expect.arrayContaining([
      'lifecycle',
      'value',
      'contact',
      'purchaseStats',
      'supportStats',
      'engagement',
      'orders',
      'tickets',
    ]),
  );
  expect(SUPERGRAPH_PATH).toMatch(/gateway[/\\]supergraph[/\\]supergraph\.graphql$/);
});

describe('documented operations', () => {
  // The README / docs examples and the query `npm start` prints must stay valid as the schema evolves.
  const docs = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const examples = [...docs.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

  it.each([...examples.map((e, i) => [`README example ${i + 1}`, e]), ['npm start', EXAMPLE_QUERY]])(
    '%s validates against the committed supergraph',
    async (_name, operation) => {
      const committed = await readCommittedSupergraph();
      const api = Supergraph.build(committed!, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES })
        .apiSchema()
        .toGraphQLJSSchema();
      expect(validate(api, parse(operation)).map((e) => e.message)).toEqual([]);
    },
  );

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });
});
