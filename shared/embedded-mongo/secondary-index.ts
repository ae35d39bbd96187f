import type { Document } from 'bson';
import { Query } from 'mingo';
import { pathValues, renderForMessage, valueKey } from './bson-values';
import { CommandError, DuplicateKeyError, ErrorCode } from './errors';

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
  private readonly entries = new Map<string, Set<string>>();
  private readonly leading: Map<string, Set<string>>;
  private readonly partial?: Query;

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.fields = Object.keys(spec.key);
    if (this.fields.length === 0) throw new CommandError(ErrorCode.CannotCreateIndex, 'Index keys cannot be empty.');
    for (const f of this.fields) {
      const dir = spec.key[f];
      if (dir !== 1 && dir !== -1) {
        // text/2dsphere/hashed indexes are not supported; only ascending/descending keys.
        throw new CommandError(ErrorCode.CannotCreateIndex, `Unsupported index type for field '${f}': ${String(dir)}`);
      }
    }
    this.leading = this.fields.length === 1 ? this.entries : new Map();
    if (spec.partialFilterExpression) this.partial = new Query(spec.partialFilterExpression);
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
          next.push({ key: i === 0 ? k : c.key + '\u0000' + k, leading: i === 0 ? k : c.leading, values: [...c.values, v] });
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
      if (!holders) continue;
      for (const other of holders) if (other !== id) this.throwDuplicate(k.values);
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
    throw new DuplicateKeyError(this.ns, this.name, { ...this.spec.key }, keyValue, `{ ${rendered.join(', ')} }`);
  }

  add(keys: KeyTuple[], id: string): void {
    for (const k of keys) {
      addTo(this.entries, k.key, id);
      if (this.leading !== this.entries) addTo(this.leading, k.leading, id);
    }
  }

  remove(keys: KeyTuple[], id: string): void {
    for (const k of keys) {
      removeFrom(this.entries, k.key, id);
      if (this.leading !== this.entries) removeFrom(this.leading, k.leading, id);
    }
  }

  /** Ids of documents whose leading field equals one of the given values. */
  lookupLeading(values: unknown[]): Set<string> {
    if (values.length === 1) return this.leading.get(valueKey(values[0])) ?? EMPTY;
    const out = new Set<string>();
    for (const v of values) {
      const ids = this.leading.get(valueKey(v));
      if (ids) for (const id of ids) out.add(id);
    }
    return out;
  }

  clear(): void {
    this.entries.clear();
    this.leading.clear();
  }
}

const EMPTY: Set<string> = new Set();

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}
