import { ObjectId, type Document } from 'bson';
import { isPlainObject, pathValues, renderForMessage, valueKey } from './bson-values';
import type { CollectionStore } from './collection-store';
import { CommandError, DuplicateKeyError, ErrorCode } from './errors';
import { evaluateExpression, type EvalOptions } from './mingo-runtime';
import { applyUpdate, matchDocs } from './query-engine';

/**
 * The two writing stages of an aggregation, applied to the pipeline's results:
 * `$out` replaces a collection's documents (keeping its indexes), all or nothing;
 * `$merge` inserts / replaces / merges / keeps / fails per document on the `on` fields
 * (https://www.mongodb.com/docs/manual/reference/operator/aggregation/merge/).
 */

export interface OutputTarget {
  db: string;
  coll: string;
}

/** `{ $out: "c" }` or `{ $out: { db, coll } }`; `{ $merge: "c" }` or `{ $merge: { into: … } }`. */
export function outputTarget(stageName: '$out' | '$merge', arg: unknown, db: string): OutputTarget {
  const spec = stageName === '$merge' && isPlainObject(arg) ? arg.into : arg;
  if (typeof spec === 'string' && spec !== '') return { db, coll: spec };
  if (isPlainObject(spec) && typeof spec.coll === 'string')
    return { db: typeof spec.db === 'string' ? spec.db : db, coll: spec.coll };
  throw new CommandError(
    ErrorCode.FailedToParse,
    stageName === '$out'
      ? '$out only supports a string or object argument'
      : "$merge 'into' field must be either a string or an object",
  );
}

/** Checks a document about to be written (the target's validator); `before` is the version it replaces. */
export type WriteCheck = (doc: Document, before?: Document) => void;

/** $out: the target's documents become exactly `results` (generated `_id`s where missing). */
export function replaceContents(target: CollectionStore, results: Document[], check: WriteCheck): void {
  for (const doc of [...target.docs.values()]) target.remove(doc);
  for (const result of results) {
    const doc = result._id === undefined ? { _id: new ObjectId(), ...result } : result;
    check(doc);
    target.insert(doc);
  }
}

interface MergeSpec {
  on: string[];
  whenMatched: 'replace' | 'keepExisting' | 'merge' | 'fail' | Document[];
  whenNotMatched: 'insert' | 'discard' | 'fail';
  let?: Document;
}

function parseMerge(arg: unknown): MergeSpec {
  const spec = isPlainObject(arg) ? arg : {};
  const on =
    spec.on === undefined ? ['_id'] : Array.isArray(spec.on) ? spec.on.map(String) : [String(spec.on)];
  const whenMatched = (spec.whenMatched ?? 'merge') as MergeSpec['whenMatched'];
  const whenNotMatched = (spec.whenNotMatched ?? 'insert') as MergeSpec['whenNotMatched'];
  if (!Array.isArray(whenMatched) && !['replace', 'keepExisting', 'merge', 'fail'].includes(whenMatched))
    throw new CommandError(
      ErrorCode.BadValue,
      `Enumeration value '${String(whenMatched)}' for field 'whenMatched' is not a valid value.`,
    );
  if (!['insert', 'discard', 'fail'].includes(whenNotMatched))
    throw new CommandError(
      ErrorCode.BadValue,
      `Enumeration value '${String(whenNotMatched)}' for field 'whenNotMatched' is not a valid value.`,
    );
  return { on, whenMatched, whenNotMatched, let: isPlainObject(spec.let) ? spec.let : undefined };
}

/** $merge each result document into `target`. */
export function mergeInto(
  target: CollectionStore,
  results: Document[],
  arg: unknown,
  opts: EvalOptions,
  check: WriteCheck,
): void {
  const spec = parseMerge(arg);
  const onId = spec.on.length === 1 && spec.on[0] === '_id';
  if (!onId) {
    const wanted = [...spec.on].sort().join(',');
    const unique = [...target.indexes.values()].some(
      (i) => i.unique && i.usableForLookup && [...i.fields].sort().join(',') === wanted,
    );
    if (!unique) throw new CommandError(51183, 'Cannot find index to verify that join fields will be unique');
  }
  for (const input of results) {
    const doc = input._id === undefined ? { _id: new ObjectId(), ...input } : input;
    const filter: Document = {};
    for (const field of spec.on) {
      const values = pathValues(doc, field);
      if (values.length !== 1 || values[0] === undefined || values[0] === null || Array.isArray(values[0]))
        throw new CommandError(
          51132,
          "$merge write error: 'on' field cannot be missing, null, undefined or an array",
        );
      filter[field] = { $eq: values[0] };
    }
    const [existing] = matchDocs(target, filter);
    if (!existing) {
      if (spec.whenNotMatched === 'insert') {
        check(doc);
        target.insert(doc);
      } else if (spec.whenNotMatched === 'fail')
        throw new CommandError(
          13113,
          `$merge could not find a matching document in the target collection for at least one document in the source collection`,
        );
      continue;
    }
    const { whenMatched } = spec;
    if (whenMatched === 'keepExisting') continue;
    if (whenMatched === 'fail')
      throw new DuplicateKeyError(
        target.ns,
        onId ? '_id_' : spec.on.join('_1_') + '_1',
        Object.fromEntries(spec.on.map((f) => [f, 1])),
        Object.fromEntries(Object.entries(filter).map(([f, v]) => [f, (v as Document).$eq])),
        `{ ${Object.entries(filter)
          .map(([f, v]) => `${f}: ${renderForMessage((v as Document).$eq)}`)
          .join(', ')} }`,
      );
    let next: Document | undefined;
    if (whenMatched === 'replace') next = { ...doc, _id: existing._id };
    else if (whenMatched === 'merge') next = { ...existing, ...doc, _id: existing._id };
    else {
      // `let` (default { new: "$$ROOT" }) is evaluated against the incoming document.
      const variables: Document = { ...opts.variables };
      for (const [name, expr] of Object.entries(spec.let ?? { new: '$$ROOT' }))
        variables[name] = evaluateExpression(expr, doc, opts);
      next = applyUpdate(existing, whenMatched, { forInsert: false, eval: { ...opts, variables } });
    }
    if (next && valueKey(next._id) === valueKey(existing._id)) {
      check(next, existing);
      target.replace(existing, next);
    } else if (next)
      throw new CommandError(
        ErrorCode.ImmutableField,
        '$merge failed to update the matching document, did you attempt to modify the _id or the shard key?',
      );
  }
}
