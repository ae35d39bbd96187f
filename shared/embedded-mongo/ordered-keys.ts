import BTree from 'sorted-btree';
import { compareValues, typeRank } from './bson-values';

/**
 * An index's keys in MongoDB's sort order (a B+ tree from `sorted-btree`), so range predicates and sorts
 * walk the index instead of scanning and sorting the collection. Each entry is (value, position): the
 * position is the document's place in natural order, so documents with equal keys come out in the order
 * an in-memory stable sort gives them. A multikey document has one entry per distinct array element.
 */

interface Entry {
  /** The indexed value (null for a missing field). */
  v: unknown;
  /** The document's natural-order position. */
  s: number;
}

export interface Bound {
  value: unknown;
  inclusive: boolean;
}

const compareEntries = (a: Entry, b: Entry) => compareValues(a.v, b.v) || a.s - b.s;

export class OrderedKeys {
  private readonly tree = new BTree<Entry, string>(undefined, compareEntries);

  add(value: unknown, position: number, id: string): void {
    this.tree.set({ v: value ?? null, s: position }, id);
  }

  remove(value: unknown, position: number): void {
    this.tree.delete({ v: value ?? null, s: position });
  }

  clear(): void {
    this.tree.clear();
  }

  get size(): number {
    return this.tree.size;
  }

  /**
   * Ids whose value lies within the bounds, in key order. A one-sided range stays within its bound's
   * BSON type (as MongoDB's comparison operators do): `$gt: 5` reads numbers only, not the strings after them.
   */
  *range(lower: Bound | undefined, upper: Bound | undefined): Generator<string> {
    const rank = lower ? typeRank(lower.value) : upper ? typeRank(upper.value) : undefined;
    const start = lower ? { v: lower.value, s: -Infinity } : undefined;
    for (const [entry, id] of this.tree.entries(start)) {
      if (lower && !lower.inclusive && compareValues(entry.v, lower.value) === 0) continue;
      if (upper) {
        const c = compareValues(entry.v, upper.value);
        if (c > 0 || (c === 0 && !upper.inclusive)) return;
      }
      if (rank !== undefined && typeRank(entry.v) !== rank) {
        if (typeRank(entry.v) > rank) return;
        continue;
      }
      yield id;
    }
  }

  /**
   * Every id in key order, descending when `reverse`. Descending keeps equal keys in natural order, like
   * a stable sort with direction -1 does.
   */
  *ordered(reverse: boolean): Generator<string> {
    if (!reverse) {
      for (const id of this.tree.values()) yield id;
      return;
    }
    let run: string[] = [];
    let runValue: unknown;
    for (const [entry, id] of this.tree.entriesReversed()) {
      if (run.length > 0 && compareValues(entry.v, runValue) !== 0) {
        for (let i = run.length - 1; i >= 0; i--) yield run[i];
        run = [];
      }
      runValue = entry.v;
      run.push(id);
    }
    for (let i = run.length - 1; i >= 0; i--) yield run[i];
  }
}
