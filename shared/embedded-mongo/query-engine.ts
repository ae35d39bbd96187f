import type { Document } from 'bson';
import { cloneValue, compareValues, isPlainObject, pathValues, setPath, valueKey } from './bson-values';
import type { ReadableCollection } from './committed-view';
import type { Collation } from './collation';
import { applyModifier, compilePipeline, compileQuery, type EvalOptions } from './mingo-runtime';
import { CommandError, ErrorCode } from './errors';

/**
 * Query, update and aggregation semantics, delegated to mingo; this module only decides which stored
 * documents mingo sees (index-narrowed candidates) and keeps stored documents immutable.
 */

export function matchDocs(
  coll: ReadableCollection | undefined,
  filter: Document | undefined,
  opts?: EvalOptions,
): Document[] {
  if (!coll) return [];
  // Index keys are binary: under a collation equal strings may have different keys, so scan.
  const candidates = opts?.collation ? coll.documents() : coll.candidates(filter);
  if (!filter || Object.keys(filter).length === 0)
    return Array.isArray(candidates) ? candidates : [...candidates];
  const query = compileQuery(filter, opts);
  const out: Document[] = [];
  for (const doc of candidates) if (query.test(doc)) out.push(doc);
  return out;
}

/**
 * A find's page from an index's order: for a one-field sort on `_id` or an indexed field, walk the index
 * and stop after skip + limit matches instead of matching and sorting every document. Undefined when the
 * collection cannot give that order (then the caller sorts in memory).
 */
export function sortedFromIndex(
  coll: ReadableCollection | undefined,
  filter: Document | undefined,
  opts: FindOptions & EvalOptions,
): Document[] | undefined {
  const entries = opts.sort ? Object.entries(opts.sort) : [];
  if (!coll?.orderedBy || entries.length !== 1 || opts.collation) return undefined;
  const [field, dir] = entries[0];
  if (dir !== 1 && dir !== -1) return undefined;
  const ordered = coll.orderedBy(field, dir, filter);
  if (!ordered) return undefined;
  const query = filter && Object.keys(filter).length > 0 ? compileQuery(filter, opts) : undefined;
  const skip = opts.skip ?? 0;
  const limit = opts.limit ? Math.abs(opts.limit) : Infinity;
  let out: Document[] = [];
  let skipped = 0;
  for (const doc of ordered) {
    if (query && !query.test(doc)) continue;
    if (skipped < skip) {
      skipped++;
      continue;
    }
    out.push(doc);
    if (out.length >= limit) break;
  }
  if (opts.projection && Object.keys(opts.projection).length > 0) out = project(out, opts.projection);
  return out;
}

export interface FindOptions {
  sort?: Document;
  skip?: number;
  limit?: number;
  projection?: Document;
  collation?: Collation;
}

export function shapeResults(docs: Document[], opts: FindOptions): Document[] {
  let out = docs;
  if (opts.sort && Object.keys(opts.sort).length > 0) out = sortDocs(out, opts.sort, opts.collation);
  const skip = opts.skip ?? 0;
  const limit = opts.limit ? Math.abs(opts.limit) : 0;
  if (skip > 0 || limit > 0) out = out.slice(skip, limit > 0 ? skip + limit : undefined);
  if (opts.projection && Object.keys(opts.projection).length > 0) out = project(out, opts.projection);
  return out;
}

export function project(docs: Document[], projection: Document): Document[] {
  return compileQuery({}).find(docs, projection).all() as Document[];
}

/** Stable sort by a MongoDB sort spec; arrays sort by their min (asc) / max (desc) element like mongod. */
export function sortDocs(docs: Document[], sort: Document, collation?: Collation): Document[] {
  const compare = collation
    ? (a: unknown, b: unknown) =>
        typeof a === 'string' && typeof b === 'string' ? collation.compare(a, b) : compareValues(a, b)
    : compareValues;
  const keys = Object.entries(sort).map(([field, dir]) => {
    if (isPlainObject(dir) && dir.$meta)
      throw new CommandError(ErrorCode.BadValue, '$meta sort is not supported');
    return { field, dir: Number(dir) < 0 ? -1 : 1 };
  });
  const decorated = docs.map((doc, i) => ({
    doc,
    i,
    vals: keys.map((k) => sortValue(doc, k.field, k.dir, compare)),
  }));
  decorated.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const c = compare(a.vals[k], b.vals[k]);
      if (c !== 0) return c * keys[k].dir;
    }
    return a.i - b.i;
  });
  return decorated.map((d) => d.doc);
}

function sortValue(
  doc: Document,
  field: string,
  dir: number,
  compare: (a: unknown, b: unknown) => number,
): unknown {
  const values = pathValues(doc, field).map((v) => (v === undefined ? null : v));
  if (values.length === 1) return values[0];
  return values.reduce((best, v) => (compare(v, best) * dir < 0 ? v : best));
}

export function hasOperators(update: Document): boolean {
  const keys = Object.keys(update);
  if (keys.length === 0) return false;
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length > 0 && ops.length < keys.length) {
    throw new CommandError(ErrorCode.FailedToParse, 'Modifiers and non-modifiers cannot be mixed');
  }
  return ops.length > 0;
}

/**
 * The document an update produces, or undefined when it changes nothing.
 * `forInsert` applies `$setOnInsert` (upsert path) — see https://www.mongodb.com/docs/manual/reference/operator/update/setOnInsert/.
 */
export function applyUpdate(
  doc: Document,
  update: Document | Document[],
  opts: { arrayFilters?: Document[]; filter?: Document; forInsert: boolean; eval?: EvalOptions },
): Document | undefined {
  let next: Document;
  if (Array.isArray(update)) {
    const out = compilePipeline(update, undefined, opts.eval).run([cloneValue(doc)]) as Document[];
    next = out[0] ?? {};
    if (doc._id !== undefined && next._id === undefined) next = { _id: doc._id, ...next };
  } else if (hasOperators(update)) {
    next = cloneValue(doc);
    const modifier: Document = {};
    for (const [op, arg] of Object.entries(update)) {
      assertIdUntouched(op, arg, doc);
      if (op === '$setOnInsert') {
        if (opts.forInsert) modifier.$set = { ...(modifier.$set ?? {}), ...arg };
        continue;
      }
      if (op === '$set' && modifier.$set) modifier.$set = { ...modifier.$set, ...arg };
      else modifier[op] = arg;
    }
    const changed = applyModifier(next, modifier, opts.arrayFilters, opts.filter ?? {}, opts.eval?.collation);
    if (changed.length === 0 && !opts.forInsert) return undefined;
  } else {
    if (update._id !== undefined && doc._id !== undefined && valueKey(update._id) !== valueKey(doc._id)) {
      throw new CommandError(
        ErrorCode.ImmutableField,
        `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(update._id)}`,
      );
    }
    const { _id: _ignored, ...rest } = update;
    next = doc._id === undefined ? { ...update } : { _id: doc._id, ...rest };
    next = cloneValue(next);
  }
  // A replacement may not have top-level $-prefixed fields; a pipeline update may create them
  // ($setField / $literal), as on MongoDB 5.0+.
  if (!Array.isArray(update)) validateFieldNames(next);
  if (!opts.forInsert && valueKey(next) === valueKey(doc)) return undefined;
  return next;
}

/** `_id` may only be "set" to its current value (https://www.mongodb.com/docs/manual/core/document/#the-_id-field). */
function assertIdUntouched(op: string, arg: unknown, doc: Document): void {
  if (!isPlainObject(arg)) return;
  for (const [path, value] of Object.entries(arg)) {
    if (path !== '_id' && !path.startsWith('_id.')) continue;
    const sameValue =
      (op === '$set' || op === '$setOnInsert') && path === '_id' && valueKey(value) === valueKey(doc._id);
    if (doc._id !== undefined && !sameValue) {
      throw new CommandError(
        ErrorCode.ImmutableField,
        "Performing an update on the path '_id' would modify the immutable field '_id'",
      );
    }
  }
}

/** The fields an upsert copies from its filter: plain equality and `$eq` (also inside `$and`). */
export function upsertSeed(filter: Document | undefined): Document {
  const seed: Document = {};
  const visit = (f: Document) => {
    for (const [field, cond] of Object.entries(f)) {
      if (field === '$and' && Array.isArray(cond)) {
        cond.forEach((c) => isPlainObject(c) && visit(c));
        continue;
      }
      if (field.startsWith('$')) continue;
      if (isPlainObject(cond)) {
        const keys = Object.keys(cond);
        if (keys.length > 0 && keys[0].startsWith('$')) {
          if ('$eq' in cond) setPath(seed, field, cloneValue(cond.$eq));
          continue;
        }
      }
      if (cond instanceof RegExp) continue;
      setPath(seed, field, cloneValue(cond));
    }
  };
  if (filter) visit(filter);
  return seed;
}

function validateFieldNames(doc: Document): void {
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$')) {
      throw new CommandError(
        ErrorCode.BadValue,
        `The dollar ($) prefixed field '${key}' in '${key}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
      );
    }
  }
}

/** Pipeline stages that mingo runs without writing into its input documents. */
const READ_ONLY_STAGES = new Set(['$match', '$sort', '$limit', '$skip', '$count', '$group', '$sortByCount']);

/**
 * mingo's $bucket puts a value equal to a boundary into the lower bucket; MongoDB's lower bounds are
 * inclusive (https://www.mongodb.com/docs/manual/reference/operator/aggregation/bucket/). Express
 * $bucket as the equivalent $group over a $switch, followed by the bucket order.
 */
function rewriteStage(stage: Document): Document[] {
  if (stage.$facet && isPlainObject(stage.$facet)) {
    const facet: Document = {};
    for (const [k, sub] of Object.entries(stage.$facet))
      facet[k] = Array.isArray(sub) ? sub.flatMap(rewriteStage) : sub;
    return [{ $facet: facet }];
  }
  if (!stage.$bucket || !isPlainObject(stage.$bucket)) return [stage];
  const { groupBy, boundaries, output } = stage.$bucket as Document;
  if (!Array.isArray(boundaries) || boundaries.length < 2) {
    throw new CommandError(40192, "The $bucket 'boundaries' field must be an array of at least two values");
  }
  const branches = boundaries.slice(0, -1).map((lower: unknown, i: number) => ({
    case: { $and: [{ $gte: [groupBy, lower] }, { $lt: [groupBy, boundaries[i + 1]] }] },
    then: lower,
  }));
  const hasDefault = 'default' in (stage.$bucket as Document);
  const $switch: Document = { branches };
  if (hasDefault) $switch.default = (stage.$bucket as Document).default;
  return [{ $group: { _id: { $switch }, ...(output ?? { count: { $sum: 1 } }) } }, { $sort: { _id: 1 } }];
}

export function runPipeline(
  input: Document[],
  pipeline: Document[],
  resolveCollection: (name: string) => Document[],
  opts?: EvalOptions,
): Document[] {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (name === '$out' || name === '$merge') {
      throw new CommandError(ErrorCode.Location40324, `${name} is not supported by the embedded server`);
    }
  }
  pipeline = pipeline.flatMap(rewriteStage);
  const readOnly = pipeline.every((s) => READ_ONLY_STAGES.has(Object.keys(s)[0]));
  const docs = readOnly ? input : input.map(cloneValue);
  const cache = new Map<string, Document[]>();
  const collectionResolver = (name: string) => {
    let found = cache.get(name);
    if (!found) cache.set(name, (found = resolveCollection(name).map(cloneValue)));
    return found;
  };
  return compilePipeline(pipeline, collectionResolver, opts).run(docs) as Document[];
}
