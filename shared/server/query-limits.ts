import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../errors';
import { queryCostLimit, type CostWeights } from './query-cost';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens per document; enforced by graphql-js's parser (see createGraphQLService). */
  maxTokens: number;
  maxDirectives: number;
  /** `_entities` representations per request, summed over every `_entities` field of the operation. */
  maxEntityRepresentations?: number;
  /** What the cost limit charges per field (default: DEFAULT_COST_WEIGHTS). */
  costWeights?: CostWeights;
}

/**
 * What a subgraph accepts even when reached directly, bypassing the gateway (defence in depth). Looser
 * than the gateway's own limits, because the gateway's query planner rewrites a client document into
 * subgraph fetches one `_entities` level deeper, with fragments inlined and key fields added.
 * Representations: ten full pages (MAX_PAGE_SIZE 100) of entities in one fetch.
 */
export const SUBGRAPH_QUERY_LIMITS: QueryLimits = {
  maxDepth: 16,
  maxCost: 50_000,
  maxAliases: 50,
  maxTokens: 10_000,
  maxDirectives: 100,
  maxEntityRepresentations: 1_000,
};

/**
 * Request limits (graphql-armor: depth, aliases, directives) as validation rules — a breach is an
 * HTTP 400 GRAPHQL_VALIDATION_FAILED stating the limit — plus the cost limit and the `_entities` cap.
 * Armor's cost limit stays off: it ignores page sizes passed as variables (`first: $n` cost one element)
 * and compounds a factor per depth level; ./query-cost.ts counts the elements a response can hold. Armor's
 * token limit and suggestion blocking stay off too: graphql-js's `maxTokens` parse option gives a plain
 * parse failure, and Apollo Server hides suggestions outside development.
 */
export function createQueryLimits<TContext extends BaseContext>(
  limits: QueryLimits,
): {
  plugins: ApolloServerPlugin<TContext>[];
  validationRules: ReturnType<ApolloArmor['protect']>['validationRules'];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const plugins = [
    ...(armor.plugins as ApolloServerPlugin<TContext>[]),
    queryCostLimit<TContext>(limits.maxCost, limits.costWeights),
  ];
  if (limits.maxEntityRepresentations !== undefined) {
    plugins.push(entityRepresentationsLimit<TContext>(limits.maxEntityRepresentations));
  }
  return { plugins, validationRules: armor.validationRules };
}

/**
 * Refuses an operation asking for more than `max` entity representations before anything resolves: each
 * representation is a lookup, and 10,000 in one request were accepted. The count is read from the
 * document (list literals) and the variables, so aliases and fragments cannot split it.
 */
export function entityRepresentationsLimit<TContext extends BaseContext>(
  max: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const d of document.definitions) {
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
          }
          const count = countRepresentations(operation, fragments, request.variables ?? {});
          if (count > max) {
            throw new GraphQLError(`_entities: at most ${max} representations per request, got ${count}`, {
              extensions: {
                code: ErrorCode.BAD_USER_INPUT,
                field: 'representations',
                max,
                http: { status: 400 },
              },
            });
          }
        },
      };
    },
  };
}

/** Representations requested by the root `_entities` fields of an operation (pure; unit-tested). */
export function countRepresentations(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): number => {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) total += walk(s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(s.name.value);
        // A fragment spread twice selects the same fields once (field merging): count it once.
        if (f && !visited.has(f.name.value)) {
          visited.add(f.name.value);
          total += walk(f.selectionSet);
        }
      } else if (s.name.value === '_entities') {
        const arg = s.arguments?.find((a) => a.name.value === 'representations');
        if (!arg) continue;
        if (arg.value.kind === Kind.LIST) total += arg.value.values.length;
        else if (arg.value.kind === Kind.VARIABLE) {
          const value = variables[arg.value.name.value];
          total += Array.isArray(value) ? value.length : 0;
        }
      }
    }
    return total;
  };
  return walk(operation.selectionSet);
}
