import { ObjectId, UUID, type Document } from 'bson';
import { isPlainObject, renderForMessage, valueKey } from './bson-values';
import { CommandError, DuplicateKeyError, ErrorCode } from './errors';
import { OrderedKeys, type Bound } from './ordered-keys';
import { SecondaryIndex, type IndexSpec } from './secondary-index';

/** A journal record describing one state change (see journal-format.ts for the framing). */
export type ChangeRecord = CollectionChange | { o: 'tx'; ops: CollectionChange[] };

export type CollectionChange =
  | { o: 'i'; ns: string; d: Document }
  | { o: 'u'; ns: string; d: Document }
  | { o: 'd'; ns: string; id: unknown }
  | { o: 'cc'; ns: string; opts: Document }
  | { o: 'dc'; ns: string }
  | { o: 'ci'; ns: string; spec: Document }
  | { o: 'di'; ns: string; name: string }
  | { o: 'cm'; ns: string; opts: Document };

/** Receives each change as it is applied, with the document it replaced or removed (for undo). */
export type ChangeSink = (record: CollectionChange, before?: Document) => void;

/**
 * One collection: documents by canonical `_id` key in natural (insertion) order, plus secondary indexes.
 * Stored documents are never mutated in place (updates replace them), so cursors and replies may hold
 * references safely.
 */
export class CollectionStore {
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, SecondaryIndex>();
  /** Natural-order position of each document (orders equal index keys like a stable sort would). */
  private readonly positions = new Map<string, number>();
  private nextPosition = 0;
  /** The `_id` index in sort order (ranges and sorts on `_id`). */
  private readonly idOrder = new OrderedKeys();
  readonly uuid = new UUID();
  readonly ns: string;

  constructor(
    readonly dbName: string,
    readonly name: string,
    private opts: Document,
    private readonly sink: ChangeSink,
  ) {
    this.ns = `${dbName}.${name}`;
  }

  /** Collection options (`create`'s, as changed by `collMod`). */
  get options(): Document {
    return this.opts;
  }

  /** collMod: replaces the options (validator, view definition). */
  setOptions(next: Document): void {
    this.opts = next;
    this.sink({ o: 'cm', ns: this.ns, opts: next });
  }

  /** Inserts a document (adding `_id` first when absent); enforces `_id` and unique indexes. */
  insert(input: Document): Document {
    const doc = withIdFirst(input);
    validateId(doc._id);
    const id = valueKey(doc._id);
    if (this.docs.has(id)) this.throwIdDuplicate(doc._id);
    const keyed: Array<[SecondaryIndex, ReturnType<SecondaryIndex['keysOf']>]> = [];
    for (const index of this.indexes.values()) {
      const keys = index.keysOf(doc);
      index.checkUnique(keys, id);
      keyed.push([index, keys]);
    }
    const position = this.nextPosition++;
    for (const [index, keys] of keyed) index.add(keys, id, position);
    this.positions.set(id, position);
    this.idOrder.add(doc._id, position, id);
    this.docs.set(id, doc);
    this.sink({ o: 'i', ns: this.ns, d: doc });
    return doc;
  }

  /** Replaces a stored document by a new version with the same `_id`. */
  replace(oldDoc: Document, newDoc: Document): void {
    const id = valueKey(oldDoc._id);
    if (valueKey(newDoc._id) !== id) {
      throw new CommandError(
        ErrorCode.ImmutableField,
        "Performing an update on the path '_id' would modify the immutable field '_id'",
      );
    }
    const changes: Array<
      [SecondaryIndex, ReturnType<SecondaryIndex['keysOf']>, ReturnType<SecondaryIndex['keysOf']>]
    > = [];
    for (const index of this.indexes.values()) {
      const before = index.keysOf(oldDoc);
      const after = index.keysOf(newDoc);
      if (sameKeys(before, after)) continue;
      index.checkUnique(after, id);
      changes.push([index, before, after]);
    }
    for (const [index, before, after] of changes) {
      const position = this.positions.get(id)!;
      index.remove(before, id, position);
      index.add(after, id, position);
    }
    this.docs.set(id, newDoc);
    this.sink({ o: 'u', ns: this.ns, d: newDoc }, oldDoc);
  }

  remove(doc: Document): void {
    const id = valueKey(doc._id);
    if (!this.docs.has(id)) return;
    const position = this.positions.get(id)!;
    for (const index of this.indexes.values()) index.remove(index.keysOf(doc), id, position);
    this.idOrder.remove(doc._id, position);
    this.positions.delete(id);
    this.docs.delete(id);
    this.sink({ o: 'd', ns: this.ns, id: doc._id }, doc);
  }

  /** Creates an index; returns false when an identical one already exists. */
  createIndex(spec: IndexSpec): boolean {
    if (spec.name === '_id_' || isIdOnly(spec.key)) {
      if (spec.unique === false) {
        throw new CommandError(
          ErrorCode.InvalidOptions,
          "The field 'unique' is not valid for an _id index specification.",
        );
      }
      return false;
    }
    const existing = this.indexes.get(spec.name);
    const sameKeyIndex = [...this.indexes.values()].find((i) => valueKey(i.spec.key) === valueKey(spec.key));
    if (existing) {
      if (valueKey(existing.spec.key) !== valueKey(spec.key)) {
        throw new CommandError(
          ErrorCode.IndexKeySpecsConflict,
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${renderForMessage(spec)}, existing index: ${renderForMessage(existing.spec)}`,
        );
      }
      if (!sameOptions(existing.spec, spec)) {
        throw new CommandError(
          ErrorCode.IndexOptionsConflict,
          `An equivalent index already exists with the same name but different options. Requested index: ${renderForMessage(spec)}, existing index: ${renderForMessage(existing.spec)}`,
        );
      }
      return false;
    }
    if (sameKeyIndex && sameOptions(sameKeyIndex.spec, spec)) {
      throw new CommandError(
        ErrorCode.IndexOptionsConflict,
        `Index already exists with a different name: ${sameKeyIndex.name}`,
      );
    }
    const { key, name, ...options } = spec;
    const index = new SecondaryIndex({ v: 2, key, name, ...options }, this.ns);
    try {
      for (const [id, doc] of this.docs) {
        const keys = index.keysOf(doc);
        index.checkUnique(keys, id);
        index.add(keys, id, this.positions.get(id)!);
      }
    } catch (err) {
      index.clear();
      throw err;
    }
    this.indexes.set(spec.name, index);
    this.sink({ o: 'ci', ns: this.ns, spec: index.spec });
    return true;
  }

  dropIndex(name: string): void {
    if (!this.indexes.delete(name)) {
      throw new CommandError(ErrorCode.IndexNotFound, `index not found with name [${name}]`);
    }
    this.sink({ o: 'di', ns: this.ns, name });
  }

  get size(): number {
    return this.docs.size;
  }

  documents(): Iterable<Document> {
    return this.docs.values();
  }

  indexSpecs(): Document[] {
    return [
      { v: 2, key: { _id: 1 }, name: '_id_' },
      ...[...this.indexes.values()].map((i) => ({ ...i.spec })),
    ];
  }

  /**
   * Candidate documents for a filter: an `_id` or indexed leading-field equality / `$in` narrows the set;
   * otherwise every document. Callers still apply the full filter to the candidates.
   */
  candidates(filter: Document | undefined): Iterable<Document> {
    if (!filter) return this.docs.values();
    return this.equalityCandidates(filter) ?? this.rangeCandidates(filter) ?? this.docs.values();
  }

  /** Documents narrowed by an equality / $in on `_id` or an index's leading field; undefined when none applies. */
  private equalityCandidates(filter: Document): Iterable<Document> | undefined {
    const conditions = equalityConditions(filter);
    if (conditions.size === 0) return undefined;
    const idValues = conditions.get('_id');
    if (idValues) {
      const out: Document[] = [];
      const seen = new Set<string>();
      for (const v of idValues) {
        const key = valueKey(v);
        if (seen.has(key)) continue;
        seen.add(key);
        const doc = this.docs.get(key);
        if (doc) out.push(doc);
      }
      return out;
    }
    let best: ReadonlySet<string> | undefined;
    for (const index of this.indexes.values()) {
      if (!index.usableForLookup) continue;
      const values = conditions.get(index.fields[0]);
      if (!values) continue;
      if (index.sparse && values.some((v) => v === null)) continue;
      const ids = index.lookupLeading(values);
      if (!best || ids.size < best.size) best = ids;
      if (best.size === 0) break;
    }
    return best ? this.byIds(best) : undefined;
  }

  /** Candidates from a range ($gt/$gte/$lt/$lte) on `_id` or an index's leading field, in key order. */
  private rangeCandidates(filter: Document): Iterable<Document> | undefined {
    const ranges = rangeConditions(filter);
    if (ranges.size === 0) return undefined;
    const id = ranges.get('_id');
    if (id) return this.byIds(this.idOrder.range(id.lower, id.upper));
    for (const index of this.indexes.values()) {
      const range = ranges.get(index.fields[0]);
      if (!range || !index.usableForLookup) continue;
      const nullBound = [range.lower, range.upper].some(
        (b) => b && (b.value === null || b.value === undefined),
      );
      if (index.sparse && nullBound) continue;
      if (!index.multikey) return this.byIds(index.ordered.range(range.lower, range.upper));
      // Multikey: different elements may satisfy different bounds ({ $gt: 2, $lt: 4 } matches [1, 5]),
      // so only one bound may narrow the scan (as mongod does not intersect them either).
      const ids = range.lower
        ? index.ordered.range(range.lower, undefined)
        : index.ordered.range(undefined, range.upper);
      return this.byIds(distinct(ids));
    }
    return undefined;
  }

  /**
   * The documents in the order of a single-field sort, read from the `_id` index or an index on that
   * field — undefined when no index can give that order (multikey, sparse or partial indexes cannot).
   */
  orderedBy(field: string, direction: 1 | -1, filter: Document | undefined): Iterable<Document> | undefined {
    const keys =
      field === '_id'
        ? this.idOrder
        : [...this.indexes.values()].find((i) => i.fields[0] === field && i.usableForSort)?.ordered;
    if (!keys) return undefined;
    // Like mongod's planner: a selective equality index beats walking the sort order.
    if (filter && this.equalityCandidates(filter)) return undefined;
    const range = filter && direction > 0 ? rangeConditions(filter).get(field) : undefined;
    return this.byIds(range ? keys.range(range.lower, range.upper) : keys.ordered(direction < 0));
  }

  private byIds(ids: Iterable<string>): Iterable<Document> {
    const docs = this.docs;
    return (function* () {
      for (const id of ids) {
        const doc = docs.get(id);
        if (doc) yield doc;
      }
    })();
  }

  private throwIdDuplicate(id: unknown): never {
    throw new DuplicateKeyError(this.ns, '_id_', { _id: 1 }, { _id: id }, `{ _id: ${renderForMessage(id)} }`);
  }
}

/** Field → values it must equal (from plain equality, `$eq` or `$in`, at top level or inside `$and`). */
export function equalityConditions(
  filter: Document,
  out = new Map<string, unknown[]>(),
): Map<string, unknown[]> {
  for (const [field, cond] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) equalityConditions(sub, out);
      continue;
    }
    if (field.startsWith('$')) continue;
    const values = indexableValues(cond);
    if (values && !out.has(field)) out.set(field, values);
  }
  return out;
}

/** Field → bounds from $gt/$gte/$lt/$lte conditions (top level or inside $and). */
export function rangeConditions(
  filter: Document,
  out = new Map<string, { lower?: Bound; upper?: Bound }>(),
): Map<string, { lower?: Bound; upper?: Bound }> {
  for (const [field, cond] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) rangeConditions(sub, out);
      continue;
    }
    if (field.startsWith('$') || !isPlainObject(cond)) continue;
    const range = out.get(field) ?? {};
    for (const [op, value] of Object.entries(cond)) {
      if (Array.isArray(value) || value instanceof RegExp || isPlainObject(value)) continue;
      if (op === '$gt' || op === '$gte') range.lower = { value, inclusive: op === '$gte' };
      if (op === '$lt' || op === '$lte') range.upper = { value, inclusive: op === '$lte' };
    }
    if (range.lower || range.upper) out.set(field, range);
  }
  return out;
}

/** Multikey documents appear once per element in an index: each id once, first occurrence kept. */
function* distinct(ids: Iterable<string>): Generator<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    yield id;
  }
}

function indexableValues(cond: unknown): unknown[] | undefined {
  if (Array.isArray(cond) || cond instanceof RegExp) return undefined;
  if (isPlainObject(cond)) {
    const keys = Object.keys(cond);
    if (keys.length === 0 || !keys[0].startsWith('$')) return [cond];
    if ('$eq' in cond) return simple(cond.$eq) ? [cond.$eq] : undefined;
    if ('$in' in cond && Array.isArray(cond.$in)) return cond.$in.every(simple) ? cond.$in : undefined;
    return undefined;
  }
  return [cond];
}

/** A value whose equality match is exactly "index key equals valueKey(value)". */
function simple(v: unknown): boolean {
  return !Array.isArray(v) && !(v instanceof RegExp);
}

function withIdFirst(doc: Document): Document {
  if (doc._id === undefined) return { _id: new ObjectId(), ...doc };
  const first = Object.keys(doc)[0];
  if (first === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

function validateId(id: unknown): void {
  if (Array.isArray(id)) throw new CommandError(ErrorCode.BadValue, 'The _id field cannot be an array');
  if (id instanceof RegExp)
    throw new CommandError(ErrorCode.BadValue, 'The _id field cannot be a regular expression');
  const dollar = dollarPrefixedField(id);
  if (dollar)
    throw new CommandError(
      ErrorCode.DollarPrefixedFieldName,
      `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`,
    );
}

function dollarPrefixedField(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) return k;
    const inner = dollarPrefixedField(v);
    if (inner) return inner;
  }
  return undefined;
}

function isIdOnly(key: Document): boolean {
  const fields = Object.keys(key);
  return fields.length === 1 && fields[0] === '_id';
}

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return (
    Boolean(a.unique) === Boolean(b.unique) &&
    Boolean(a.sparse) === Boolean(b.sparse) &&
    valueKey(a.partialFilterExpression) === valueKey(b.partialFilterExpression) &&
    a.expireAfterSeconds === b.expireAfterSeconds
  );
}

function sameKeys(a: Array<{ key: string }>, b: Array<{ key: string }>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].key !== b[i].key) return false;
  return true;
}
