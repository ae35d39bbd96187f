import { buildSchema, parse, print } from 'graphql';
import type { Principal } from '../../../shared/auth/principal';
import { applyRemovals, authorizeOperation } from '../../../gateway/src/auth/operation-authorization';
import { accessRulesOfSupergraph } from '../../../gateway/src/auth/supergraph-policy';

const SDL = `
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  directive @authenticated on FIELD_DEFINITION | OBJECT
  type Query {
    customer(id: ID!): Customer @requiresScopes(scopes: [["customer:read"]])
    customers: [Customer!]! @requiresScopes(scopes: [["customer:read"]])
    open: String
  }
  type Mutation { erase(id: ID!): Boolean @requiresScopes(scopes: [["gdpr:erase"]]) }
  type Customer {
    id: ID!
    email: String @requiresScopes(scopes: [["pii:read"], ["pii:reveal", "audit:read"]])
    emails: [Email!]!
    address: Address
    tickets: [Ticket]
  }
  type Email { address: String! @requiresScopes(scopes: [["pii:read"]]) primary: Boolean! }
  type Address { street: String! @requiresScopes(scopes: [["pii:read"]]) city: String }
  type Ticket { subject: String! @authenticated }
`;
const schema = buildSchema(SDL);
const rules = accessRulesOfSupergraph(SDL);
const who = (...scopes: string[]): Principal => ({ subject: 's', roles: [], scopes: scopes as never });
const run = (principal: Principal | undefined, query: string) =>
  authorizeOperation(schema, rules, principal, parse(query));
const compact = (doc: Parameters<typeof print>[0]) => print(doc).replace(/\s+/g, ' ').trim();

describe('rules from the supergraph', () => {
  it('reads @requiresScopes and @authenticated per coordinate', () => {
    expect(rules.get('Customer.email')).toEqual({
      authenticated: true,
      scopes: [['pii:read'], ['pii:reveal', 'audit:read']],
    });
    expect(rules.get('Ticket.subject')).toEqual({ authenticated: true });
    expect(rules.has('Customer.id')).toBe(false);
  });
});

describe('authorizeOperation', () => {
  it('keeps the very same document when everything is allowed', () => {
    const doc = parse('{ customer(id: "1") { id email emails { address } } }');
    const out = authorizeOperation(schema, rules, who('customer:read', 'pii:read'), doc);
    expect(out.document).toBe(doc);
    expect(out.removals).toEqual([]);
  });

  it('honours AND within a scope set and OR between sets', () => {
    expect(run(who('customer:read', 'pii:reveal'), '{ customer(id: "1") { email } }').removals).toHaveLength(
      1,
    );
    expect(
      run(who('customer:read', 'pii:reveal', 'audit:read'), '{ customer(id: "1") { email } }').removals,
    ).toEqual([]);
  });

  it('removes a forbidden nullable field and nulls it in the response', () => {
    const out = run(who('customer:read'), '{ customer(id: "1") { id mail: email } }');
    expect(compact(out.document)).toBe('{ customer(id: "1") { id } }');
    const data = { customer: { id: '1' } } as Record<string, unknown>;
    const errors = applyRemovals(data, out.removals);
    expect(data).toEqual({ customer: { id: '1', mail: null } });
    expect(errors).toEqual([
      {
        message: 'Forbidden: Customer.email requires scope pii:read or pii:reveal and audit:read',
        path: ['customer', 'mail'],
        extensions: {
          code: 'FORBIDDEN',
          coordinate: 'Customer.email',
          requiredScopes: [['pii:read'], ['pii:reveal', 'audit:read']],
        },
      },
    ]);
  });

  it('propagates the null of a non-null field to the nearest nullable ancestor, through lists', () => {
    const out = run(
      who('customer:read'),
      '{ customer(id: "1") { id address { street city } emails { primary address } } }',
    );
    expect(compact(out.document)).toBe('{ customer(id: "1") { id address { city } emails { primary } } }');
    expect(out.removals.map((r) => [r.path, r.nullPath])).toEqual([
      [
        ['customer', 'address', 'street'],
        ['customer', 'address'],
      ],
      [['customer', 'emails', '@', 'address'], ['customer']],
    ]);
    const data = { customer: { id: '1', address: { city: 'Pécs' }, emails: [{ primary: true }] } };
    applyRemovals(data, out.removals);
    expect(data).toEqual({ customer: null });
  });

  it('removes a parent whose selection set would be empty, and every list element under @', () => {
    const out = run(who('customer:read'), '{ customers { id address { street } tickets { subject } } }');
    expect(compact(out.document)).toBe('{ customers { id tickets { subject } } }');
    const data = { customers: [{ id: '1' }, { id: '2' }] } as Record<string, unknown>;
    const errors = applyRemovals(data, out.removals);
    expect(data).toEqual({
      customers: [
        { id: '1', address: null },
        { id: '2', address: null },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual([['customers', '@', 'address', 'street']]);
  });

  it('refuses @authenticated fields to nobody, and a forbidden mutation never reaches execution', () => {
    const anonymous = run(undefined, '{ open customers { id } }');
    expect(compact(anonymous.document)).toBe('{ open }');
    const mutation = run(who('customer:read'), 'mutation { erase(id: "1") }');
    expect(mutation.empty).toBe(true);
    expect(mutation.removals.map((r) => r.coordinate)).toEqual(['Mutation.erase']);
  });

  it('inlines a fragment that lost fields and keeps one that did not', () => {
    const out = run(
      who('customer:read'),
      `query Q { customer(id: "1") { ...Pii ...Ids } }
       fragment Pii on Customer { id email }
       fragment Ids on Customer { id }`,
    );
    expect(compact(out.document)).toBe(
      'query Q { customer(id: "1") { ... on Customer { id } ...Ids } } fragment Ids on Customer { id }',
    );
    expect(out.removals.map((r) => r.path)).toEqual([['customer', 'email']]);
  });
});
