import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getNamedType, GraphQLError, isLeafType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What one field of a response costs. Measured with `npm run bench:query-cost`: a request's time grows with
 * the objects it returns (each a document read, all batched per request), while extra scalar fields on an
 * object already fetched add little; see the README's "Query cost".
 */
export interface CostWeights {
  /** A field returning an object (or a list of them, per element). */
  object: number;
  /** A field returning a scalar or enum value. */
  scalar: number;
  /** Fields that cost more than an object, by `Type.field` (values computed from other services' facts). */
  fields?: Readonly<Record<string, number>>;
}

export const DEFAULT_COST_WEIGHTS: CostWeights = { object: 1, scalar: 0 };

/** Paging arguments whose value says how many elements a list field returns. */
const SIZE_ARGUMENTS = ['first', 'last'] as const;

/** What a paged field without a page size is charged for: the largest page any list field serves. */
export const UNSIZED_PAGE = 100;

/**
 * How many elements a field's selection is paid for: `first` / `last` (after variables and schema
 * defaults are applied, so `first: $n` costs what `$n` asks for; UNSIZED_PAGE when the field takes one
 * but none is given), the length of `_entities`' `representations` (a subgraph reached by the gateway),
 * else 1 — lists without paging arguments are small embedded arrays (consents, phones, order items).
 */
export function elementsOf(args: Record<string, unknown>, argumentNames: readonly string[]): number {
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
  }
  if (SIZE_ARGUMENTS.some((name) => argumentNames.includes(name))) return UNSIZED_PAGE;
  if (Array.isArray(args.representations)) return args.representations.length;
  return 1;
}

/** Each field costs its weight plus its selection, times the elements it returns. */
export function costEstimator(weights: CostWeights = DEFAULT_COST_WEIGHTS): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const own =
      weights.fields?.[`${type.name}.${field.name}`] ??
      (isLeafType(getNamedType(field.type)) ? weights.scalar : weights.object);
    const names = field.args.map((a) => a.name);
    return elementsOf(args, names) * (own + childComplexity);
  };
}

/** The cost of one operation of a document under the weights (pure; unit-tested). */
export function operationCost(opts: {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  weights?: CostWeights;
}): number {
  return getComplexity({
    schema: opts.schema,
    query: opts.document,
    variables: opts.variables ?? {},
    operationName: opts.operationName,
    estimators: [costEstimator(opts.weights)],
  });
}

/**
 * Refuses an operation costing more than `maxCost` before anything resolves: HTTP 400,
 * GRAPHQL_VALIDATION_FAILED like the other document limits, with `cost` and `maxCost` in the extensions
 * so a client can size its page. Runs once the operation is known, because the cost depends on variables.
 */
export function queryCostLimit<TContext extends BaseContext>(
  maxCost: number,
  weights: CostWeights = DEFAULT_COST_WEIGHTS,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = operationCost({
              schema,
              document,
              variables: request.variables,
              operationName: operationName ?? undefined,
              weights,
            });
          } catch {
            // Variables that do not coerce: execution refuses them (BAD_USER_INPUT naming the variable)
            // before any resolver runs, so there is nothing to cost.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}: ask for fewer elements (first/last) or fields`,
              { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
