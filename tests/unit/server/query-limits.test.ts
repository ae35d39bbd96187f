import { ApolloServer } from '@apollo/server';
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { countRepresentations, createQueryLimits } from '../../../shared/server/query-limits';

function count(doc: string, variables: Record<string, unknown> = {}) {
  const parsed = parse(doc);
  const op = parsed.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = new Map(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return countRepresentations(op, fragments, variables);
}

describe('countRepresentations', () => {
  it('counts list literals and list variables of every root _entities field', () => {
    expect(count('{ _entities(representations: [{a: 1}, {a: 2}]) { __typename } }')).toBe(2);
    expect(
      count(
        'query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } b: _entities(representations: [{}]) { __typename } }',
        {
          r: [{}, {}, {}],
        },
      ),
    ).toBe(4);
  });

  it('finds _entities inside inline fragments and named fragments at the root', () => {
    expect(
      count(
        'query($r: [_Any!]!) { ... on Query { _entities(representations: $r) { __typename } } ...F } fragment F on Query { x: _entities(representations: [{}]) { __typename } }',
        { r: [{}, {}] },
      ),
    ).toBe(3);
  });

  it('counts nothing for other fields or a missing variable', () => {
    expect(count('{ customers { id } }')).toBe(0);
    expect(count('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }')).toBe(0);
  });
});

describe('createQueryLimits', () => {
  const schema = buildSchema('type Node { id: ID child: Node } type Query { node: Node }');
  async function run(query: string) {
    const limits = createQueryLimits({
      maxDepth: 4,
      maxCost: 1_000,
      maxAliases: 2,
      maxTokens: 1_000,
      maxDirectives: 5,
    });
    const server = new ApolloServer({
      schema,
      plugins: limits.plugins,
      validationRules: limits.validationRules,
    });
    await server.start();
    try {
      const res = await server.executeOperation({ query });
      return { status: res.http.status, body: res.body };
    } finally {
      await server.stop();
    }
  }

  it('refuses a document deeper than the limit with HTTP 400', async () => {
    const r = await run('{ node { child { child { child { child { id } } } } } }');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/depth limit of 4 exceeded/i);
  });

  it('accepts a document within every limit', async () => {
    const r = await run('{ a: node { id } b: node { child { id } } }');
    expect(r.status).toBeUndefined();
    expect(JSON.stringify(r.body)).not.toMatch(/errors/);
  });
});
