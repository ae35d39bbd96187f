import {
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { satisfiesScopes, type Principal } from '../../../shared/auth/principal';
import type { AccessRule, AccessRules } from './supergraph-policy';

/** Marks "every element of a list" in a removal path, as Apollo Router does (`customers/@/email`). */
export const EACH = '@';

/** One field the principal may not read, taken out of the operation before it is planned. */
export interface Removal {
  /** Where the client asked for it (response keys, `@` for list elements): the error's path. */
  path: (string | typeof EACH)[];
  /** Where null goes: the field itself, or its nearest nullable ancestor when it is non-null. */
  nullPath: (string | typeof EACH)[];
  coordinate: string;
  rule: AccessRule;
}

export interface AuthorizedOperation {
  /** The document to execute: the original one when nothing was removed. */
  document: DocumentNode;
  removals: Removal[];
  /** Every root field was removed: there is nothing to execute. */
  empty: boolean;
}

type Path = (string | typeof EACH)[];

export function isAllowed(rule: AccessRule, principal: Principal | undefined): boolean {
  if (!principal) return false;
  return !rule.scopes || satisfiesScopes(principal, rule.scopes);
}

/**
 * Apollo Router's authorization semantics for one operation: fields the principal may not read are removed
 * from the operation before planning (so no subgraph is ever asked for them, and a forbidden mutation
 * field never runs), the response gets null in their place and one FORBIDDEN error per field. A removed
 * non-null field nulls its nearest nullable ancestor, as GraphQL null propagation would; a selection set
 * left empty removes its parent field too. Fragments are inlined where something was removed.
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  rules: AccessRules,
  principal: Principal | undefined,
  document: DocumentNode,
  operationName?: string | null,
): AuthorizedOperation {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  const root = operation ? schema.getRootType(operation.operation) : undefined;
  if (!operation || !root) return { document, removals: [], empty: false };
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );

  const removals: Removal[] = [];
  const walker = new Walker(schema, rules, principal, fragments, removals);
  const selectionSet = walker.selectionSet(operation.selectionSet, root, [], []);
  if (!removals.length) return { document, removals, empty: false };
  const newOperation: OperationDefinitionNode = {
    ...operation,
    selectionSet: selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] },
  };
  return {
    // Only this operation and the fragments it still spreads (other operations are not executed).
    document: { kind: Kind.DOCUMENT, definitions: [newOperation, ...usedFragments(newOperation, fragments)] },
    removals,
    empty: !selectionSet,
  };
}

class Walker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: AccessRules,
    private readonly principal: Principal | undefined,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly removals: Removal[],
  ) {}

  /**
   * The selection set with forbidden fields removed; undefined when nothing is left. `nullPath` is where a
   * removed non-null child puts its null (the nearest nullable ancestor seen so far).
   */
  selectionSet(
    set: SelectionSetNode,
    parent: GraphQLNamedType,
    path: Path,
    nullPath: Path,
  ): SelectionSetNode | undefined {
    const out: SelectionNode[] = [];
    let changed = false;
    for (const selection of set.selections) {
      const kept = this.selection(selection, parent, path, nullPath);
      if (kept !== selection) changed = true;
      if (kept) out.push(kept);
    }
    if (!out.length) return undefined;
    return changed ? { ...set, selections: out } : set;
  }

  private selection(
    selection: SelectionNode,
    parent: GraphQLNamedType,
    path: Path,
    nullPath: Path,
  ): SelectionNode | undefined {
    if (selection.kind === Kind.FIELD) return this.field(selection, parent, path, nullPath);
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
    if (!fragment) return selection;
    const typeName = fragment.typeCondition?.name.value;
    const type = (typeName && this.schema.getType(typeName)) || parent;
    const set = this.selectionSet(fragment.selectionSet, type, path, nullPath);
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      return set === selection.selectionSet ? selection : set && { ...selection, selectionSet: set };
    }
    if (set === fragment.selectionSet) return selection;
    // A spread whose fragment lost fields is inlined (the fragment may stay in use elsewhere).
    return (
      set && {
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        directives: selection.directives,
        selectionSet: set,
      }
    );
  }

  private field(
    node: FieldNode,
    parent: GraphQLNamedType,
    path: Path,
    nullPath: Path,
  ): FieldNode | undefined {
    const name = node.name.value;
    if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return node;
    const def: GraphQLField<unknown, unknown> | undefined = parent.getFields()[name];
    if (!def) return node;
    const key = node.alias?.value ?? name;
    const fieldPath = [...path, key];
    const coordinate = `${parent.name}.${name}`;
    const nullable = !isNonNullType(def.type);
    const ownNullPath = nullable ? fieldPath : nullPath;
    const rule = this.rules.get(coordinate) ?? this.rules.get(getNamedType(def.type).name);
    if (rule && !isAllowed(rule, this.principal)) {
      this.removals.push({ path: fieldPath, nullPath: ownNullPath, coordinate, rule });
      return undefined;
    }
    if (!node.selectionSet) return node;
    const childPath = [...fieldPath, ...listLevels(def.type)];
    // Inside a list, a non-null element that must become null nulls the list's nearest nullable holder.
    const childNullPath = nullable && !hasNonNullElements(def.type) ? childPath : ownNullPath;
    const before = this.removals.length;
    const set = this.selectionSet(node.selectionSet, getNamedType(def.type), childPath, childNullPath);
    if (!set) {
      // Everything below was removed: this field goes too, null where the first removal said.
      for (const r of this.removals.slice(before)) r.nullPath = ownNullPath;
      return undefined;
    }
    return set === node.selectionSet ? node : { ...node, selectionSet: set };
  }
}

/** Fragments an operation spreads, directly or through other fragments. */
function usedFragments(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const visitSet = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        if (f && !used.has(f.name.value)) {
          used.set(f.name.value, f);
          visitSet(f.selectionSet);
        }
      } else visitSet(s.selectionSet);
    }
  };
  visitSet(operation.selectionSet);
  return [...used.values()];
}

/** One `@` per list level of a field's type. */
function listLevels(type: GraphQLType): (typeof EACH)[] {
  const out: (typeof EACH)[] = [];
  let t = type;
  while (true) {
    if (isNonNullType(t)) t = t.ofType;
    else if (isListType(t)) {
      out.push(EACH);
      t = t.ofType;
    } else return out;
  }
}

/** `[X!]`: a null element would null the whole list. */
function hasNonNullElements(type: GraphQLType): boolean {
  let t = isNonNullType(type) ? type.ofType : type;
  while (isListType(t)) {
    if (isNonNullType(t.ofType)) return true;
    t = t.ofType;
  }
  return false;
}

/**
 * Writes null wherever a removal's null belongs in the response data (every element under `@`), and
 * returns the FORBIDDEN errors, one per removed field, in the order the fields were asked for.
 */
export function applyRemovals(
  data: Record<string, unknown> | null | undefined,
  removals: readonly Removal[],
): Array<{ message: string; path: (string | number)[]; extensions: Record<string, unknown> }> {
  if (data) for (const r of removals) setNull(data, r.nullPath);
  return removals.map((r) => ({
    message: `Forbidden: ${r.coordinate} requires ${describe(r.rule)}`,
    path: r.path,
    extensions: {
      code: 'FORBIDDEN',
      coordinate: r.coordinate,
      ...(r.rule.scopes ? { requiredScopes: r.rule.scopes } : {}),
    },
  }));
}

function setNull(target: unknown, path: Path): void {
  if (target === null || typeof target !== 'object') return;
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === EACH) {
    if (!Array.isArray(target)) return;
    if (rest.length) for (const item of target) setNull(item, rest);
    else target.fill(null);
    return;
  }
  const obj = target as Record<string, unknown>;
  if (!rest.length) obj[head] = null;
  else setNull(obj[head], rest);
}

function describe(rule: AccessRule): string {
  if (!rule.scopes) return 'an authenticated caller';
  return `scope ${rule.scopes.map((all) => all.join(' and ')).join(' or ')}`;
}
