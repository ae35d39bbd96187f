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
import { isPlainObject } from './bson-values';
import type { Collation } from './collation';
import { assertValidSchema, matchesSchema } from './json-schema';

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
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (sub: string) => require(path.join(path.dirname(require.resolve('mingo')), sub));

function buildFullOperators(): Record<string, Record<string, unknown>> {
  const accumulator = { ...load('operators/accumulator/index.js') };
  accumulator.$top = unwrapSingle(accumulator.$top);
  accumulator.$bottom = unwrapSingle(accumulator.$bottom);
  const expression = { ...load('operators/expression/index.js') };
  for (const name of DATE_PART_OPERATORS)
    expression[name] = withTimezone(expression[name], internal.evalExpr);
  expression.$dateToString = dateToStringWithTimezone(expression.$dateToString, internal.evalExpr);
  return {
    accumulator,
    expression,
    pipeline: load('operators/pipeline/index.js'),
    projection: load('operators/projection/index.js'),
    query: { ...load('operators/query/index.js'), $type },
    window: load('operators/window/index.js'),
  };
}

const FULL_OPERATORS = buildFullOperators();
const FULL_CONTEXT = Context.init(FULL_OPERATORS as never);
/** `$jsonSchema` in queries and validators, with MongoDB's dialect (json-schema.ts). */
const jsonSchemaValidator = (schema: Document) => {
  assertValidSchema(schema);
  return (doc: Document) => matchesSchema(schema, doc);
};
const BASE_OPTIONS = internal.ComputeOptions.init({ context: FULL_CONTEXT, jsonSchemaValidator });

// eslint-disable-next-line @typescript-eslint/no-require-imports
const QueryBase = require(path.join(path.dirname(require.resolve('mingo')), 'query.js'))
  .Query as typeof Query;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AggregatorBase = require(path.join(path.dirname(require.resolve('mingo')), 'aggregator.js'))
  .Aggregator as typeof Aggregator;

/** Per-command evaluation settings: a collation and `let` variables. */
export interface EvalOptions {
  collation?: Collation;
  /** `let` variables, already evaluated (`$$name` in expressions). */
  variables?: Document;
}

function computeOptions(opts: EvalOptions | undefined, extra: Record<string, unknown> = {}): object {
  if (!opts?.collation && !opts?.variables && Object.keys(extra).length === 0) return BASE_OPTIONS;
  return internal.ComputeOptions.init({
    context: opts?.collation ? collatedContext(opts.collation) : FULL_CONTEXT,
    ...(opts?.collation ? { collation: opts.collation.mingoSpec } : {}),
    ...(opts?.variables ? { variables: opts.variables } : {}),
    jsonSchemaValidator,
    ...extra,
  });
}

export function compileQuery(filter: Document, opts?: EvalOptions): Query {
  return new QueryBase(filter, computeOptions(opts) as never);
}

export function compilePipeline(
  pipeline: Document[],
  collectionResolver?: (name: string) => Document[],
  opts?: EvalOptions,
): Aggregator {
  return new AggregatorBase(
    pipeline,
    computeOptions(opts, collectionResolver ? { collectionResolver } : {}) as never,
  );
}

/** Evaluates an aggregation expression against a document (`let` values, `$expr`-style checks). */
export function evaluateExpression(expr: unknown, doc: Document, opts?: EvalOptions): unknown {
  return internal.evalExpr(doc, expr, computeOptions(opts));
}

const util = load('util/_internal.js') as {
  isEqual(a: unknown, b: unknown): boolean;
  compare(a: unknown, b: unknown): number;
  flatten(xs: unknown[], depth: number): unknown[];
  typeOf(v: unknown): string;
};
const predicates = load('operators/_predicates.js') as {
  processQuery(
    selector: string,
    value: unknown,
    options: unknown,
    predicate: (a: unknown, b: unknown, o: { local?: { depth?: number } }) => boolean,
  ): (doc: Document) => boolean;
};

const collatedContexts = new Map<Collation, Context>();

/**
 * The full context with the comparison query operators comparing strings under the collation
 * (mirroring mingo's own $eq/$in/$lt… predicates in operators/_predicates.js, which compare binary).
 */
function collatedContext(collation: Collation): Context {
  const cached = collatedContexts.get(collation);
  if (cached) return cached;
  const context = Context.init({ ...FULL_OPERATORS, query: collatedQueryOperators(collation) } as never);
  if (collatedContexts.size > 64) collatedContexts.clear();
  collatedContexts.set(collation, context);
  return context;
}

/** mingo's query operators with $eq/$ne/$in/$nin/$lt/$lte/$gt/$gte comparing strings under `collation`. */
function collatedQueryOperators(collation: Collation): Record<string, unknown> {
  const isString = (v: unknown): v is string => typeof v === 'string';
  const eq = (x: unknown, y: unknown): boolean => {
    if (isString(x) && isString(y)) return collation.compare(x, y) === 0;
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => eq(v, y[i]));
    if (isPlainObject(x) && isPlainObject(y)) {
      const keys = Object.keys(x);
      return keys.length === Object.keys(y).length && keys.every((k) => k in y && eq(x[k], y[k]));
    }
    return util.isEqual(x, y);
  };
  const nil = (v: unknown) => v === null || v === undefined;
  const $eq = (a: unknown, b: unknown, o: { local?: { depth?: number } }): boolean =>
    eq(a, b) ||
    (nil(a) && nil(b)) ||
    (Array.isArray(a) &&
      (a.some((v) => eq(v, b)) || util.flatten(a, o?.local?.depth ?? 1).some((v) => eq(v, b))));
  const $in = (a: unknown, b: unknown): boolean => {
    const list = b as unknown[];
    if (nil(a)) return list.some((v) => v === null);
    const values = Array.isArray(a) ? a : [a];
    if (values.some((v) => list.some((w) => !(w instanceof RegExp) && eq(v, w)))) return true;
    const patterns = list.filter((w): w is RegExp => w instanceof RegExp);
    return patterns.length > 0 && values.some((v) => isString(v) && patterns.some((re) => re.test(v)));
  };
  const ordered =
    (test: (c: number) => boolean) =>
    (a: unknown, b: unknown): boolean => {
      for (const v of Array.isArray(a) ? a : [a]) {
        if (util.typeOf(v) !== util.typeOf(b)) continue;
        const c = isString(v) && isString(b) ? collation.compare(v, b) : util.compare(v, b);
        if (test(c)) return true;
      }
      return false;
    };
  const op =
    (predicate: (a: unknown, b: unknown, o: { local?: { depth?: number } }) => boolean) =>
    (selector: string, value: unknown, options: unknown) =>
      predicates.processQuery(selector, value, options, predicate);
  const query = { ...load('operators/query/index.js'), $type };
  return Object.assign(query, {
    $eq: op($eq),
    $ne: op((a, b, o) => !$eq(a, b, o)),
    $in: op($in),
    $nin: op((a, b) => !$in(a, b)),
    $lt: op(ordered((c) => c < 0)),
    $lte: op(ordered((c) => c <= 0)),
    $gt: op(ordered((c) => c > 0)),
    $gte: op(ordered((c) => c >= 0)),
  });
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
 * mingo re-tests `condition` on the document (it drives the positional `$` operator), so the caller has
 * already matched the document: the condition is passed only when a `$` path needs it, and then with
 * the collation's comparison operators.
 */
export function applyModifier(
  doc: Document,
  modifier: Document,
  arrayFilters: Document[] | undefined,
  condition: Document,
  collation?: Collation,
): string[] {
  const positional = Object.values(modifier).some(
    (fields) => isPlainObject(fields) && Object.keys(fields).some((path) => /(^|\.)\$(\.|$)/.test(path)),
  );
  return updater.update(doc, modifier, arrayFilters, positional ? condition : {}, {
    queryOptions: {
      context: collation
        ? Context.init({ query: collatedQueryOperators(collation) } as never)
        : Context.init(),
    },
  });
}
