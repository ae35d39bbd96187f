import type { Document, UUID } from 'bson';
import { valueKey } from './bson-values';
import type { CollectionStore } from './collection-store';
import type { ChangeCapture, StorageEngine } from './storage-engine';

/** What read commands use of a collection. */
export interface ReadableCollection {
  readonly ns: string;
  readonly name: string;
  readonly options: Document;
  readonly uuid: UUID;
  readonly size: number;
  /** Documents that may match `filter` (index-narrowed); callers still apply the filter. */
  candidates(filter: Document | undefined): Iterable<Document>;
  documents(): Iterable<Document>;
  indexSpecs(): Document[];
  /** Documents in the order of a one-field sort read from an index; undefined when no index gives it. */
  orderedBy?(field: string, direction: 1 | -1, filter: Document | undefined): Iterable<Document> | undefined;
}

/** The catalog as read commands see it. */
export interface CollectionReader {
  getCollection(db: string, name: string): ReadableCollection | undefined;
  collectionsOf(db: string): ReadableCollection[];
  databaseNames(): string[];
}

/**
 * The last committed state while a transaction holds uncommitted changes in place: what a read outside
 * the transaction sees (mongod reads outside a transaction see committed data and do not wait for it).
 * Built from the transaction's capture: collections it created are absent, documents it wrote appear in
 * their committed version (or not at all when it inserted them).
 */
export class CommittedView implements CollectionReader {
  constructor(
    private readonly engine: StorageEngine,
    private readonly capture: ChangeCapture,
  ) {}

  getCollection(db: string, name: string): ReadableCollection | undefined {
    const coll = this.engine.getCollection(db, name);
    if (!coll) return undefined;
    return this.visible(coll);
  }

  collectionsOf(db: string): ReadableCollection[] {
    return this.engine
      .collectionsOf(db)
      .map((c) => this.visible(c as CollectionStore))
      .filter((c): c is ReadableCollection => c !== undefined);
  }

  databaseNames(): string[] {
    return this.engine.databaseNames().filter((db) => this.collectionsOf(db).length > 0);
  }

  private visible(coll: CollectionStore): ReadableCollection | undefined {
    if (this.capture.createdNamespaces.has(coll.ns)) return undefined;
    const written = this.capture.committed.get(coll.ns);
    return written ? new CommittedCollection(coll, written) : coll;
  }
}

class CommittedCollection implements ReadableCollection {
  constructor(
    private readonly base: CollectionStore,
    /** id key → committed version, null when the transaction inserted the document. */
    private readonly written: Map<string, Document | null>,
  ) {}

  get ns(): string {
    return this.base.ns;
  }
  get name(): string {
    return this.base.name;
  }
  get options(): Document {
    return this.base.options;
  }
  get uuid(): UUID {
    return this.base.uuid;
  }
  get size(): number {
    return [...this.documents()].length;
  }

  candidates(filter: Document | undefined): Document[] {
    return this.withCommitted(this.base.candidates(filter));
  }

  documents(): Document[] {
    return this.withCommitted(this.base.documents());
  }

  indexSpecs(): Document[] {
    return this.base.indexSpecs();
  }

  /** Replaces the transaction's versions by the committed ones (a pre-image may match where the new one does not). */
  private withCommitted(current: Iterable<Document>): Document[] {
    const out: Document[] = [];
    for (const doc of current) if (!this.written.has(valueKey(doc._id))) out.push(doc);
    for (const before of this.written.values()) if (before) out.push(before);
    return out;
  }
}
