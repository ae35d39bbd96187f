import path from 'node:path';
import type { Document } from 'bson';
import { Context, type Aggregator, type Query } from 'mingo';
import {
  $type,
  DATE_PART_OPERATORS,
  dateToStringWithTimezone,
  unwrapSingle,
  withTimezone,
} from './operator-overrides';

/**
 * Shared mingo options. mingo's public entry points copy the whole operator registry (hundreds of
 * operators) on every `new Query()` / `new Aggregator()`, which dominated the cost of small commands.
 * A `ComputeOptions` instance is reused as-is by mingo, so one is built once here. mingo does not export
 * the class through its "exports" map, hence the load by file path (same module instance mingo uses).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const internal = require(path.join(path.dirname(require.resolve('mingo')), 'core/_internal.js')) as {
  ComputeOptions: { init(options: Record<string, unknown>): object };
  evalExpr(obj: unknown, expr: unknown, options: unknown): unknown;
};

/**
 * Every operator mingo ships (what its default entry point registers), with the ones that differ from
 * MongoDB replaced by `operator-overrides.ts` ($type on arrays, $top/$bottom, timezone offsets).
 */
function buildFullContext(): Context {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (sub: string) => require(path.join(path.dirname(require.resolve('mingo')), sub));
  const accumulator = { ...load('operators/accumulator/index.js') };
  accumulator.$top = unwrapSingle(accumulator.$top);
  accumulator.$bottom = unwrapSingle(accumulator.$bottom);
  const expression = { ...load('operators/expression/index.js') };
  for (const name of DATE_PART_OPERATORS)
    expression[name] = withTimezone(expression[name], internal.evalExpr);
  expression.$dateToString = dateToStringWithTimezone(expression.$dateToString, internal.evalExpr);
  return Context.init({
    accumulator,
    expression,
    pipeline: load('operators/pipeline/index.js'),
    projection: load('operators/projection/index.js'),
    query: { ...load('operators/query/index.js'), $type },
    window: load('operators/window/index.js'),
  });
}

const FULL_CONTEXT = buildFullContext();
const BASE_OPTIONS = internal.ComputeOptions.init({ context: FULL_CONTEXT });

// eslint-disable-next-line @typescript-eslint/no-require-imports
const QueryBase = require(path.join(path.dirname(require.resolve('mingo')), 'query.js'))
  .Query as typeof Query;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AggregatorBase = require(path.join(path.dirname(require.resolve('mingo')), 'aggregator.js'))
  .Aggregator as typeof Aggregator;

export function compileQuery(filter: Document): Query {
  return new QueryBase(filter, BASE_OPTIONS as never);
}

export function compilePipeline(
  pipeline: Document[],
  collectionResolver?: (name: string) => Document[],
): Aggregator {
  const options = collectionResolver
    ? internal.ComputeOptions.init({ context: FULL_CONTEXT, collectionResolver })
    : BASE_OPTIONS;
  return new AggregatorBase(pipeline, options as never);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const updater = require(path.join(path.dirname(require.resolve('mingo')), 'updater.js')) as {
  update(
    obj: Document,
    modifier: Document,
    arrayFilters: Document[] | undefined,
    condition: Document,
    options: object,
  ): string[];
};

/**
 * Applies update operators in place; returns the changed paths. The updater registers the few query
 * operators it needs itself, so it is given an empty registry instead of a copy of the full one.
 */
export function applyModifier(
  doc: Document,
  modifier: Document,
  arrayFilters: Document[] | undefined,
  condition: Document,
): string[] {
  return updater.update(doc, modifier, arrayFilters, condition, {
    queryOptions: { context: Context.init() },
  });
}
