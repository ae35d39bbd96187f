import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** The access rule of one schema coordinate, as composed into the supergraph. */
export interface AccessRule {
  /** `@authenticated`: any verified principal. */
  authenticated: boolean;
  /** `@requiresScopes(scopes: [[a, b], [c]])`: any inner list, all of its scopes. */
  scopes?: string[][];
  /** `@policy(policies: …)` names, for the record (our gateway evaluates no data-dependent policy here). */
  policies?: string[][];
}

/** Rules keyed by `Type.field` (and `Type` for type-level rules). */
export type AccessRules = ReadonlyMap<string, AccessRule>;

/**
 * Reads `@authenticated`, `@requiresScopes` and `@policy` from a composed supergraph: the same directives
 * Apollo Router and Hive Gateway enforce, so our gateway enforces exactly what they would.
 */
export function accessRulesOfSupergraph(supergraphSdl: string | DocumentNode): AccessRules {
  const doc = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const rules = new Map<string, AccessRule>();
  const read = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    const rule = ruleOf(directives);
    if (rule) rules.set(coordinate, rule);
  };
  for (const def of doc.definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      def.kind !== Kind.OBJECT_TYPE_EXTENSION
    ) {
      continue;
    }
    read(def.name.value, def.directives);
    for (const field of def.fields ?? []) read(`${def.name.value}.${field.name.value}`, field.directives);
  }
  return rules;
}

function ruleOf(directives: readonly ConstDirectiveNode[] | undefined): AccessRule | undefined {
  let rule: AccessRule | undefined;
  for (const d of directives ?? []) {
    const name = d.name.value;
    if (name !== 'authenticated' && name !== 'requiresScopes' && name !== 'policy') continue;
    rule ??= { authenticated: true };
    const arg = d.arguments?.[0];
    const value = arg ? (valueFromASTUntyped(arg.value) as string[][]) : undefined;
    if (name === 'requiresScopes' && value) rule.scopes = [...(rule.scopes ?? []), ...value];
    if (name === 'policy' && value) rule.policies = [...(rule.policies ?? []), ...value];
  }
  return rule;
}
