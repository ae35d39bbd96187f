import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, isObjectType, isScalarType } from 'graphql';
import { buildSchema } from 'graphql';
import { accessRulesOfSupergraph } from '../../../gateway/src/auth/supergraph-policy';
import { POLICY } from '../../../shared/auth/policy';

/**
 * The composed supergraph (what Apollo Router, Hive Gateway and our gateway enforce) must carry a rule on
 * every entry point and on every field that returns personal data. "Personal data" is recognised from the
 * field's name, independently of the policy table, so a new `Customer.nickname` without a rule fails here.
 */
const SUPERGRAPH = fs.readFileSync(
  path.resolve(__dirname, '../../../gateway/supergraph/supergraph.graphql'),
  'utf8',
);
const rules = accessRulesOfSupergraph(SUPERGRAPH);
const schema = buildSchema(SUPERGRAPH);

const PERSONAL =
  /(name|email|phone|number|address|street|house|postcode|birth|handle|value|body|comment|text|title|summary|subject|reason|rule)$/i;

/** Fields whose names look personal but hold none, each reviewed: `Type.field → why`. */
const NOT_PERSONAL: Record<string, string> = {
  'Campaign.name': 'a campaign',
  'Segment.name': 'a segment',
  'Product.name': 'a product',
  'OrderItem.name': 'a product name on an order line',
  'ReturnItem.name': 'a product name on a return line',
  'Order.orderNumber': 'an order reference, no person',
  'OrderReturn.orderNumber': 'an order reference, no person',
  'OrderReturn.reason': 'an enum of return reasons',
  'IdentityResolution.reason': 'the engine’s explanation of a decision (rule names)',
  'MatchCandidate.reason': 'the engine’s explanation of a decision',
  'DuplicatePair.reason': 'the engine’s explanation of a decision',
  'FieldSource.field': 'a field name',
  'ValueModel.reason': 'why the value model was not fitted',
  'IdentityModelComparison.name': 'the name of an identity-model comparison',
  'IdentityTrainingSession.blockingRule': 'the name of a blocking rule',
};

function rootFields(): string[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((t) =>
    t ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : [],
  );
}

function personalLeafFields(): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_') || /^(join|link)__/.test(type.name)) continue;
    if (type.name === 'Query' || type.name === 'Mutation') continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isScalarType(named) || !['String', 'LocalDate'].includes(named.name)) continue;
      if (PERSONAL.test(field.name)) out.push(`${type.name}.${field.name}`);
    }
  }
  return out.sort();
}

describe('the composed supergraph carries the access policy', () => {
  it('has a rule on every query and mutation field', () => {
    expect(rootFields().filter((c) => !rules.has(c))).toEqual([]);
  });

  it('has a personal-data rule on every field that looks like personal data', () => {
    const missing = personalLeafFields().filter(
      (c) => !(c in NOT_PERSONAL && NOT_PERSONAL[c]) && !rules.get(c)?.scopes,
    );
    expect(missing).toEqual([]);
  });

  it('carries exactly the policy table’s scopes for each of its rows present in the graph', () => {
    for (const [coordinate, row] of Object.entries(POLICY)) {
      const rule = rules.get(coordinate);
      if (!rule) continue; // a row for a field another branch adds (auditLog, exportCustomerData, …)
      expect([coordinate, rule.scopes]).toEqual([coordinate, row.scopes]);
    }
  });

  it('puts pii:read on every masked field, so roles without it are refused rather than shown a mask', () => {
    const masked = Object.entries(POLICY).filter(([c, row]) => row.pii && rules.has(c));
    expect(masked.length).toBeGreaterThan(20);
    for (const [coordinate] of masked)
      expect([coordinate, rules.get(coordinate)!.scopes]).toEqual([coordinate, [['pii:read']]]);
  });
});
