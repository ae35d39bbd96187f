import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse } from 'graphql';
import { EXAMPLE_QUERY } from '../../../scripts/start';
import { loadGatewayConfig } from '../../../gateway/src/config';
import { GATEWAY_COST_WEIGHTS } from '../../../gateway/src/query-cost-weights';
import { withoutSecurityPurpose } from '../../../gateway/src/supergraph';
import { elementsOf, operationCost, queryCostLimit, UNSIZED_PAGE } from '../../../shared/server/query-cost';

const schema = buildSchema(`
  type Item { sku: String qty: Int }
  type Order { id: ID items: [Item!]! }
  type OrderConnection { total: Int nodes: [Order!]! }
  type Customer { id: ID name: String orders(first: Int = 20): OrderConnection! referrals(first: Int): [Customer!]! }
  type Query { customers(first: Int, last: Int): [Customer!] customer: Customer }
`);
const cost = (query: string, variables?: Record<string, unknown>) =>
  operationCost({ schema, document: parse(query), variables });

describe('elementsOf', () => {
  it('reads first, then last, then _entities representations, else one element', () => {
    expect(elementsOf({ first: 7 }, ['first'])).toBe(7);
    expect(elementsOf({ last: 3 }, ['first', 'last'])).toBe(3);
    expect(elementsOf({ representations: [{}, {}, {}] }, ['representations'])).toBe(3);
    expect(elementsOf({}, [])).toBe(1);
  });

  it('charges the largest page for a paged field asked without a size', () => {
    expect(elementsOf({}, ['first'])).toBe(UNSIZED_PAGE);
  });
});

describe('operationCost (object 1, scalar 0)', () => {
  it('counts one unit per object, times the page size of every list above it', () => {
    // A page size multiplies the field's whole selection, a connection's own unit included:
    // 10 customers × (customer 1 + 20 default orders × (connection 1 + order 1 + item 1)) = 610
    expect(cost('{ customers(first: 10) { id name orders { total nodes { id items { sku qty } } } } }')).toBe(
      610,
    );
    expect(cost('{ customer { id name } }')).toBe(1);
  });

  it('uses the page size a variable asks for', () => {
    const q = 'query($n: Int) { customers(first: $n) { id } }';
    expect(cost(q, { n: 5 })).toBe(5);
    expect(cost(q, { n: 100 })).toBe(100);
  });

  it('charges an unsized paged list as a full page', () => {
    expect(cost('{ customer { referrals { id } } }')).toBe(1 + UNSIZED_PAGE);
  });
});

describe('the README example selection on the committed supergraph, with the gateway weights', () => {
  const api = Supergraph.build(
    withoutSecurityPurpose(
      fs.readFileSync(path.join(__dirname, '../../../gateway/supergraph/supergraph.graphql'), 'utf8'),
    ),
  )
    .apiSchema()
    .toGraphQLJSSchema();
  const examplePage = (n: number) =>
    operationCost({
      schema: api,
      document: parse(EXAMPLE_QUERY.replace('first: 5,', `first: ${n},`)),
      weights: GATEWAY_COST_WEIGHTS,
    });

  it('costs 88 per customer, so a page of 100 (8,800) fits the default limit and a page of 250 would not', () => {
    // 31 objects per customer (lifecycle, value and contact among them), each of those three 19 more.
    expect(examplePage(5)).toBe(440);
    expect(examplePage(100)).toBe(8_800);
    const { maxCost } = loadGatewayConfig({}).limits;
    expect(examplePage(100)).toBeLessThanOrEqual(maxCost);
    expect(examplePage(250)).toBeGreaterThan(maxCost);
  });

  it('charges a computed field its own weight, not an object’s', () => {
    const q = parse('{ customers(first: 10) { edges { node { id lifecycle { stage } } } } }');
    expect(operationCost({ schema: api, document: q })).toBe(10 * (1 + 1 + 1 + 1));
    expect(operationCost({ schema: api, document: q, weights: GATEWAY_COST_WEIGHTS })).toBe(
      10 * (1 + 1 + 1 + 20),
    );
  });
});

describe('queryCostLimit', () => {
  async function run(query: string, variables?: Record<string, unknown>) {
    const server = new ApolloServer({ schema, plugins: [queryCostLimit(100)] });
    await server.start();
    try {
      const res = await server.executeOperation({ query, variables });
      return {
        status: res.http.status,
        body: res.body as { kind: string; singleResult: { errors?: unknown } },
      };
    } finally {
      await server.stop();
    }
  }

  it('refuses an operation over the limit with HTTP 400, its cost and the limit, before resolving', async () => {
    const r = await run('query($n: Int) { customers(first: $n) { id } }', { n: 101 });
    expect(r.status).toBe(400);
    expect(r.body.singleResult.errors).toEqual([
      {
        message: 'Query cost 101 exceeds the limit of 100: ask for fewer elements (first/last) or fields',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: 101, maxCost: 100 },
      },
    ]);
  });

  it('leaves variables that do not coerce to execution, which refuses them as BAD_USER_INPUT', async () => {
    const r = await run('query($n: Int) { customers(first: $n) { id } }', { n: 'many' });
    expect(r.status).toBe(400);
    expect(r.body.singleResult.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
  });

  it('runs an operation at the limit', async () => {
    const r = await run('query($n: Int) { customers(first: $n) { id } }', { n: 100 });
    expect(r.status).toBeUndefined();
    expect(r.body.singleResult).toEqual({ data: { customers: null } });
  });
});
