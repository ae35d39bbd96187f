import { Kind, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';

/**
 * The errors of a subgraph call that failed as a whole (unreachable, timed out, circuit open): one per
 * field the call was to fill, each with its path inside the subgraph operation — `[field]` for a root
 * call, `['_entities', i, field]` for each representation of an entity call — so the gateway rewrites it
 * to the field's path in the client's response (`customers.edges.3.node.supportStats`). The client then
 * sees exactly which fields are null because their owner failed, and the rest of the response stands.
 * Thrown instead, the error would carry no path at all.
 */
export function failedFetchErrors(
  document: DocumentNode,
  representationCount: number,
  error: { message: string; extensions: Record<string, unknown> },
): GraphQLFormattedError[] {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [{ ...error }];
  const errors: GraphQLFormattedError[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const name = (selection.alias ?? selection.name).value;
    if (selection.name.value === '__typename') continue;
    if (selection.name.value !== '_entities' || !selection.selectionSet) {
      errors.push({ ...error, path: [name] });
      continue;
    }
    const fields = responseNames(selection.selectionSet, document);
    for (let i = 0; i < representationCount; i++) {
      for (const field of fields) errors.push({ ...error, path: [name, i, field] });
    }
  }
  return errors.length > 0 ? errors : [{ ...error }];
}

/** Response names selected on the entities, through inline fragments and named fragments. */
function responseNames(set: SelectionSetNode, document: DocumentNode, into = new Set<string>()): string[] {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value !== '__typename') into.add((s.alias ?? s.name).value);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      responseNames(s.selectionSet, document, into);
    } else {
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) responseNames(fragment.selectionSet, document, into);
    }
  }
  return [...into];
}
