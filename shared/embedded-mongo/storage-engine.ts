import type { Document } from 'bson';
import { valueKey } from './bson-values';
import { CollectionStore, type ChangeRecord, type ChangeSink } from './collection-store';
import { CommandError, ErrorCode } from './errors';
import type { IndexSpec } from './secondary-index';

/**
 * The catalog: databases → collections. Every state change is reported to the sink (the journal) in the
 * same tick it is applied, so journal order equals apply order.
 */
export class StorageEngine {
  readonly databases = new Map<string, Map<string, CollectionStore>>();
  private sink: ChangeSink = () => {};

  setSink(sink: ChangeSink): void {
    this.sink = sink;
  }

  getCollection(db: string, name: string): CollectionStore | undefined {
    return this.databases.get(db)?.get(name);
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
    const coll = new CollectionStore(db, name, options, (r) => this.sink(r));
    colls.set(name, coll);
    this.sink({ o: 'cc', ns: `${db}.${name}`, opts: options });
    return coll;
  }

  dropCollection(db: string, name: string): boolean {
    const colls = this.databases.get(db);
    if (!colls?.delete(name)) return false;
    if (colls.size === 0) this.databases.delete(db);
    this.sink({ o: 'dc', ns: `${db}.${name}` });
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
    const dot = record.ns.indexOf('.');
    const db = record.ns.slice(0, dot);
    const name = record.ns.slice(dot + 1);
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

function validateNames(db: string, name: string): void {
  if (!db || /[/\\. "$\0]/.test(db))
    throw new CommandError(ErrorCode.InvalidNamespace, `Invalid database name: '${db}'`);
  if (!name || name.includes('$') || name.includes('\0') || name.startsWith('.')) {
    throw new CommandError(ErrorCode.InvalidNamespace, `Invalid collection name: ${name}`);
  }
}
