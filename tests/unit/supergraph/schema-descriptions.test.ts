/**
 * Every type, field, argument, input field and enum value of the composed supergraph's API schema (what
 * Sandbox, the explorer and generated clients show) has a description. Elements undescribed before this
 * check existed are listed in tests/fixtures/undescribed-schema-elements.txt, which may only shrink.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema } from 'graphql';
import { schemaElements, undescribedElements } from '../../helpers/schema-descriptions';
import { withoutSecurityPurpose } from '../../../gateway/src/supergraph';

const root = path.resolve(__dirname, '../../..');
const api = Supergraph.build(
  withoutSecurityPurpose(fs.readFileSync(path.join(root, 'gateway/supergraph/supergraph.graphql'), 'utf8')),
)
  .apiSchema()
  .toGraphQLJSSchema();
const known = new Set(
  fs
    .readFileSync(path.join(root, 'tests/fixtures/undescribed-schema-elements.txt'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#')),
);

describe('undescribedElements', () => {
  it('names every kind of schema element that lacks a description', () => {
    const schema = buildSchema(`
      """Described."""
      type Query { a(x: Int): E  """Described."""  b(y: I): Int }
      enum E { ONE """Described.""" TWO }
      input I { f: Int }
    `);
    expect(undescribedElements(schema)).toEqual([
      'argument Query.a(x)',
      'argument Query.b(y)',
      'enum value E.ONE',
      'field Query.a',
      'input field I.f',
      'type E',
      'type I',
    ]);
  });
});

describe('the supergraph API schema', () => {
  const missing = undescribedElements(api);

  it('describes every element added since the check exists', () => {
    expect(missing.filter((element) => !known.has(element))).toEqual([]);
  });

  it('lists no element as undescribed that now has a description (delete its line)', () => {
    // An element removed from the schema may linger in the list; it no longer matters.
    const describedNow = schemaElements(api)
      .filter((e) => e.described && known.has(e.name))
      .map((e) => e.name);
    expect(describedNow).toEqual([]);
  });
});
