import type { Document } from 'bson';
import { compileQuery } from './mingo-runtime';
import { pathValues, renderForMessage, valueKey } from './bson-values';
import { CommandError, DuplicateKeyError, ErrorCode } from './errors';
import { OrderedKeys } from './ordered-keys';

export interface IndexSpec {
  v?: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

interface KeyTuple {
  key: string;
  leading: string;
  values: unknown[];
}

/**
 * An in-memory index: composite key → ids of the documents holding it, plus the leading field alone so
 * equality / $in on that field can be answered without a collection scan. Multikey: a document with an
 * array contributes one entry per element (cartesian product for compound keys).
 */
export class SecondaryIndex {
  readonly fields: string[];
  private readonly paths: string[][];
  // A key held by one document maps to its id directly; a Set only where several share it (saves memory).
  private readonly entries = new Map<string, IdSet>();
  private readonly leading: Map<string, IdSet>;
  private readonly partial?: { test(doc: Document): boolean };
  /** The leading field's values in sort order (ranges and sorts). */
  readonly ordered = new OrderedKeys();
  /** Some document had an array at the leading field: the index cannot give a sort order (sticky, as on mongod). */
  multikey = false;

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.fields = Object.keys(spec.key);
    this.paths = this.fields.map((f) => f.split('.'));
    if (this.fields.length === 0)
      throw new CommandError(ErrorCode.CannotCreateIndex, 'Index keys cannot be empty.');
    for (const f of this.fields) {
      const dir = spec.key[f];
      if (dir !== 1 && dir !== -1) {
        // text/2dsphere/hashed indexes are not supported; only ascending/descending keys.
        throw new CommandError(
          ErrorCode.CannotCreateIndex,
          `Unsupported index type for field '${f}': ${String(dir)}`,
        );
      }
    }
    this.leading = this.fields.length === 1 ? this.entries : new Map();
    if (spec.partialFilterExpression) this.partial = compileQuery(spec.partialFilterExpression);
  }

  get name(): string {
    return this.spec.name;
  }

  get unique(): boolean {
    return this.spec.unique === true;
  }

  /** Usable for a lookup on its leading field (a partial index may not hold every match). */
  get usableForLookup(): boolean {
    return this.partial === undefined;
  }

  get sparse(): boolean {
    return this.spec.sparse === true;
  }

  /** Index keys of a document, or none when a sparse/partial index skips it. */
  keysOf(doc: Document): KeyTuple[] {
    if (this.partial && !this.partial.test(doc)) return [];
    const leadingScalar = scalarAt(doc, this.paths[0]);
    if (leadingScalar === ARRAY) this.multikey = true;
    if (this.paths.length === 1) {
      // Fast path: a scalar (non-array) value at the indexed path.
      const v = leadingScalar;
      if (v !== ARRAY) {
        if (v === undefined && this.sparse) return [];
        const k = valueKey(v);
        return [{ key: k, leading: k, values: [v] }];
      }
    }
    const perField = this.fields.map((f) => pathValues(doc, f));
    if (this.sparse && perField.every((vals) => vals.length === 1 && vals[0] === undefined)) return [];
    if (perField.length === 1) {
      const seen = new Set<string>();
      const out: KeyTuple[] = [];
      for (const v of perField[0]) {
        const k = valueKey(v);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ key: k, leading: k, values: [v] });
      }
      return out;
    }
    let combos: KeyTuple[] = [{ key: '', leading: '', values: [] }];
    perField.forEach((vals, i) => {
      const next: KeyTuple[] = [];
      for (const c of combos) {
        for (const v of vals) {
          const k = valueKey(v);
          next.push({
            key: i === 0 ? k : c.key + '\u0000' + k,
            leading: i === 0 ? k : c.leading,
            values: [...c.values, v],
          });
        }
      }
      combos = next;
    });
    const seen = new Set<string>();
    return combos.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
  }

  /** Throws the E11000 error if a unique key of `doc` already belongs to another document. */
  checkUnique(keys: KeyTuple[], id: string): void {
    if (!this.unique) return;
    for (const k of keys) {
      const holders = this.entries.get(k.key);
      if (holders === undefined) continue;
      if (typeof holders === 'string') {
        if (holders !== id) this.throwDuplicate(k.values);
      } else for (const other of holders) if (other !== id) this.throwDuplicate(k.values);
    }
  }

  throwDuplicate(values: unknown[]): never {
    const keyValue: Document = {};
    const rendered: string[] = [];
    this.fields.forEach((f, i) => {
      const v = values[i] === undefined ? null : values[i];
      keyValue[f] = v;
      rendered.push(`${f}: ${renderForMessage(v)}`);
    });
    throw new DuplicateKeyError(
      this.ns,
      this.name,
      { ...this.spec.key },
      keyValue,
      `{ ${rendered.join(', ')} }`,
    );
  }

  /** `position`: the document's natural-order position (orders equal keys). */
  add(keys: KeyTuple[], id: string, position: number): void {
    for (const k of keys) {
      addTo(this.entries, k.key, id);
      if (this.leading !== this.entries) addTo(this.leading, k.leading, id);
      this.ordered.add(k.values[0], position, id);
    }
  }

  remove(keys: KeyTuple[], id: string, position: number): void {
    for (const k of keys) {
      removeFrom(this.entries, k.key, id);
      if (this.leading !== this.entries) removeFrom(this.leading, k.leading, id);
      this.ordered.remove(k.values[0], position);
    }
  }

  /** Usable for a sort on its leading field: every document is in it, each once. */
  get usableForSort(): boolean {
    return this.partial === undefined && !this.sparse && !this.multikey;
  }

  /** Ids of documents whose leading field equals one of the given values. */
  lookupLeading(values: unknown[]): ReadonlySet<string> {
    if (values.length === 1) {
      const ids = this.leading.get(valueKey(values[0]));
      return ids === undefined ? EMPTY : typeof ids === 'string' ? new Set([ids]) : ids;
    }
    const out = new Set<string>();
    for (const v of values) {
      const ids = this.leading.get(valueKey(v));
      if (ids === undefined) continue;
      if (typeof ids === 'string') out.add(ids);
      else for (const id of ids) out.add(id);
    }
    return out;
  }

  clear(): void {
    this.entries.clear();
    this.leading.clear();
    this.ordered.clear();
  }
}

type IdSet = string | Set<string>;

const EMPTY: ReadonlySet<string> = new Set();
const ARRAY = Symbol('array');

function addTo(map: Map<string, IdSet>, key: string, id: string): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, id);
  else if (typeof cur === 'string') {
    if (cur !== id) map.set(key, new Set([cur, id]));
  } else cur.add(id);
}

function removeFrom(map: Map<string, IdSet>, key: string, id: string): void {
  const cur = map.get(key);
  if (cur === undefined) return;
  if (typeof cur === 'string') {
    if (cur === id) map.delete(key);
    return;
  }
  cur.delete(id);
  if (cur.size === 1) map.set(key, cur.values().next().value as string);
}

/** The value at a path, or ARRAY when an array is met on the way (the caller then expands it). */
function scalarAt(doc: Document, parts: string[]): unknown {
  let cur: unknown = doc;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) return ARRAY;
    cur = (cur as Record<string, unknown>)[p];
  }
  return Array.isArray(cur) ? ARRAY : cur;
}
