import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type FieldNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';

/** For each field some other field `@requires` (`purchaseStats`), the fields computed from it (`lifecycle`). */
export type RequiresIndex = ReadonlyMap<string, readonly string[]>;

/** Reads every `@join__field(requires: "…")` of a supergraph: which facts each computed field needs. */
export function requiresIndex(supergraphSdl: string): RequiresIndex {
  const index = new Map<string, string[]>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      for (const fact of requiredFacts(field.directives ?? [])) {
        const dependents = index.get(fact) ?? [];
        if (!dependents.includes(field.name.value)) dependents.push(field.name.value);
        index.set(fact, dependents);
      }
    }
  }
  return index;
}

function requiredFacts(directives: readonly ConstDirectiveNode[]): string[] {
  const facts: string[] = [];
  for (const d of directives) {
    if (d.name.value !== 'join__field') continue;
    const requires = d.arguments?.find((a) => a.name.value === 'requires')?.value;
    if (requires?.kind !== Kind.STRING) continue;
    const op = parse(`{ ${requires.value} }`).definitions[0] as OperationDefinitionNode;
    facts.push(...op.selectionSet.selections.map((s) => (s as FieldNode).name.value));
  }
  return facts;
}

/**
 * A failed subgraph call's error names the field it was to fill. Fields computed from it (`lifecycle`
 * `@requires` sales' `purchaseStats`) come back null too, so each of them that the client selected and got
 * null gets the same error at its own path. When the client did not select the failed field itself (the
 * gateway fetched it only for such a computed field), its error is dropped in favour of those — or, when
 * none came back null, points at the object that holds it — so every path points into the response.
 * Errors without a path, or whose object is not in the response, are kept as they are.
 */
export function pointAtRequestedFields(
  data: unknown,
  errors: readonly GraphQLFormattedError[],
  index: RequiresIndex,
): GraphQLFormattedError[] {
  const out: GraphQLFormattedError[] = [];
  const seen = new Set<string>();
  const add = (e: GraphQLFormattedError) => {
    const key = JSON.stringify([e.path, e.message, e.extensions?.serviceName]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  for (const error of errors) {
    const path = error.path;
    if (!path || path.length === 0) {
      out.push(error);
      continue;
    }
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    const parent = valueAt(data, parentPath);
    if (typeof key !== 'string' || !isObject(parent)) {
      add(error);
      continue;
    }
    const nulled = (index.get(key) ?? []).filter((f) => f in parent && parent[f] === null);
    if (key in parent) add(error);
    else if (nulled.length === 0) add({ ...error, path: parentPath });
    for (const field of nulled) add({ ...error, path: [...parentPath, field] });
  }
  return out;
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Applies {@link pointAtRequestedFields} to every response before it is sent. */
export function derivedFieldErrorsPlugin(index: RequiresIndex): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors?.length || !result.data) return;
          result.errors = pointAtRequestedFields(result.data, result.errors, index);
        },
      };
    },
  };
}
