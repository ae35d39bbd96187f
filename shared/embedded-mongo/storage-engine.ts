import type { Document } from 'bson';
import { valueKey } from './bson-values';
import {
  CollectionStore,
  type ChangeRecord,
  type ChangeSink,
  type CollectionChange,
} from './collection-store';
import { CommandError, ErrorCode } from './errors';
import type { CollectionReader } from './committed-view';
import type { IndexSpec } from './secondary-index';

export type JournalSink = (record: ChangeRecord) => void;

/** The changes of one transaction: journaled as one record at commit, undone newest-first at abort. */
export class ChangeCapture {
  readonly ops: CollectionChange[] = [];
  readonly undo: Array<{ record: CollectionChange; before?: Document }> = [];
  /** Per namespace, the committed version of each document the transaction wrote (null: it inserted it). */
  readonly committed = new Map<string, Map<string, Document | null>>();
  /** Collections the transaction created (they do not exist for anyone else until it commits). */
  readonly createdNamespaces = new Set<string>();

  record(record: CollectionChange, before: Document | undefined): void {
    this.ops.push(record);
    this.undo.push({ record, before });
    if (record.o === 'cc') {
      this.createdNamespaces.add(record.ns);
      return;
    }
    if (record.o !== 'i' && record.o !== 'u' && record.o !== 'd') return;
    let docs = this.committed.get(record.ns);
    if (!docs) this.committed.set(record.ns, (docs = new Map()));
    const key = valueKey(record.o === 'd' ? record.id : record.d._id);
    if (!docs.has(key)) docs.set(key, record.o === 'i' ? null : (before ?? null));
  }
}

/**
 * The catalog: databases → collections. Every state change is reported to the sink (the journal) in the
 * same tick it is applied, so journal order equals apply order — except inside a transaction, whose
 * changes are captured and journaled together when it commits.
 */
export class StorageEngine implements CollectionReader {
  readonly databases = new Map<string, Map<string, CollectionStore>>();
  private sink: JournalSink = () => {};
  private capture: ChangeCapture | undefined;
  private muted = false;
  private openCaptures = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly collectionSink: ChangeSink = (record, before) => {
    if (this.muted) return;
    if (this.capture) this.capture.record(record, before);
    else this.sink(record);
  };

  setSink(sink: JournalSink): void {
    this.sink = sink;
  }

  /** Opens a capture for a transaction; snapshots wait until every open capture is committed or undone. */
  openCapture(): ChangeCapture {
    this.openCaptures++;
    return new ChangeCapture();
  }

  /** Runs `fn` (synchronous) with every change it makes recorded in `capture` instead of the journal. */
  captured<T>(capture: ChangeCapture, fn: () => T): T {
    const previous = this.capture;
    this.capture = capture;
    try {
      return fn();
    } finally {
      this.capture = previous;
    }
  }

  /** Commit: the captured changes become one journal record (replayed all or nothing). */
  commitCapture(capture: ChangeCapture): void {
    if (capture.ops.length > 0) this.sink({ o: 'tx', ops: capture.ops });
    this.closeCapture();
  }

  /** Abort: reverts the captured changes newest first; nothing reaches the journal. */
  rollbackCapture(capture: ChangeCapture): void {
    this.muted = true;
    try {
      for (let i = capture.undo.length - 1; i >= 0; i--)
        this.revert(capture.undo[i].record, capture.undo[i].before);
    } finally {
      this.muted = false;
    }
    this.closeCapture();
  }

  get hasOpenCaptures(): boolean {
    return this.openCaptures > 0;
  }

  /** Resolves when no transaction has uncommitted changes in memory (a snapshot may then be taken). */
  whenNoOpenCaptures(): Promise<void> {
    if (this.openCaptures === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private closeCapture(): void {
    this.openCaptures--;
    if (this.openCaptures === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private revert(record: CollectionChange, before: Document | undefined): void {
    const [db, name] = splitNamespace(record.ns);
    const coll = this.getCollection(db, name);
    switch (record.o) {
      case 'cc':
        this.dropCollection(db, name);
        return;
      case 'ci':
        coll?.dropIndex(String(record.spec.name));
        return;
      case 'i': {
        const doc = coll?.docs.get(valueKey(record.d._id));
        if (doc) coll!.remove(doc);
        return;
      }
      case 'u': {
        const doc = coll?.docs.get(valueKey(record.d._id));
        if (doc && before) coll!.replace(doc, before);
        return;
      }
      case 'd':
        if (before) this.ensureCollection(db, name).insert(before);
        return;
      default:
        // Transactions cannot drop collections or indexes (OperationNotSupportedInTransaction).
        throw new Error(`embedded-mongo: cannot undo '${record.o}'`);
    }
  }

  getCollection(db: string, name: string): CollectionStore | undefined {
    return this.databases.get(db)?.get(name);
  }

  collectionsOf(db: string): CollectionStore[] {
    return [...(this.databases.get(db)?.values() ?? [])];
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  /** Returns the collection, creating it implicitly (as an insert/createIndexes/upsert does). */
  ensureCollection(db: string, name: string, options: Document = {}): CollectionStore {
    return this.getCollection(db, name) ?? this.createCollection(db, name, options);
  }

  createCollection(db: string, name: string, options: Document = {}): CollectionStore {
    validateNames(db, name);
    let colls = this.databases.get(db);
    if (!colls) this.databases.set(db, (colls = new Map()));
    if (colls.has(name)) {
      throw new CommandError(ErrorCode.NamespaceExists, `Collection ${db}.${name} already exists.`);
    }
    const coll = new CollectionStore(db, name, options, this.collectionSink);
    colls.set(name, coll);
    this.collectionSink({ o: 'cc', ns: `${db}.${name}`, opts: options });
    return coll;
  }

  dropCollection(db: string, name: string): boolean {
    const colls = this.databases.get(db);
    if (!colls?.delete(name)) return false;
    if (colls.size === 0) this.databases.delete(db);
    this.collectionSink({ o: 'dc', ns: `${db}.${name}` });
    return true;
  }

  dropDatabase(db: string): void {
    const colls = this.databases.get(db);
    if (!colls) return;
    for (const name of [...colls.keys()]) this.dropCollection(db, name);
    this.databases.delete(db);
  }

  /** Re-applies a journal/snapshot record without re-journaling or re-validating uniqueness twice. */
  apply(record: ChangeRecord): void {
    if (record.o === 'tx') {
      for (const op of record.ops) this.apply(op);
      return;
    }
    const [db, name] = splitNamespace(record.ns);
    switch (record.o) {
      case 'cc':
        if (!this.getCollection(db, name)) this.createCollection(db, name, record.opts);
        return;
      case 'dc':
        this.dropCollection(db, name);
        return;
      case 'ci':
        this.ensureCollection(db, name).createIndex(record.spec as IndexSpec);
        return;
      case 'di': {
        const coll = this.getCollection(db, name);
        if (coll?.indexes.has(record.name)) coll.dropIndex(record.name);
        return;
      }
      case 'cm':
        this.getCollection(db, name)?.setOptions(record.opts);
        return;
      case 'i':
        this.ensureCollection(db, name).insert(record.d);
        return;
      case 'u': {
        const coll = this.ensureCollection(db, name);
        const old = coll.docs.get(valueKey(record.d._id));
        if (old) coll.replace(old, record.d);
        else coll.insert(record.d);
        return;
      }
      case 'd': {
        const coll = this.getCollection(db, name);
        const old = coll?.docs.get(valueKey(record.id));
        if (coll && old) coll.remove(old);
        return;
      }
    }
  }

  /** Records that rebuild the whole state (the snapshot): collections, their indexes, their documents. */
  *snapshotRecords(): Generator<ChangeRecord> {
    for (const [db, colls] of this.databases) {
      for (const [name, coll] of colls) {
        const ns = `${db}.${name}`;
        yield { o: 'cc', ns, opts: coll.options };
        for (const index of coll.indexes.values()) yield { o: 'ci', ns, spec: index.spec };
        for (const d of coll.docs.values()) yield { o: 'i', ns, d };
      }
    }
  }
}

function splitNamespace(ns: string): [string, string] {
  const dot = ns.indexOf('.');
  return [ns.slice(0, dot), ns.slice(dot + 1)];
}

function validateNames(db: string, name: string): void {
  if (!db || /[/\\. "$\0]/.test(db))
    throw new CommandError(ErrorCode.InvalidNamespace, `Invalid database name: '${db}'`);
  if (!name || name.includes('$') || name.includes('\0') || name.startsWith('.')) {
    throw new CommandError(ErrorCode.InvalidNamespace, `Invalid collection name: ${name}`);
  }
}
