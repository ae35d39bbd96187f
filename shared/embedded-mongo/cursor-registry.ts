import { calculateObjectSize, Long, type Document } from 'bson';
import { CommandError, ErrorCode } from './errors';

/** mongod's default first batch (101 documents) and per-batch byte cap (16 MiB). */
export const DEFAULT_FIRST_BATCH = 101;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/** Idle cursors are reaped after 10 minutes, like mongod's cursorTimeoutMillis default. */
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

interface OpenCursor {
  id: number;
  ns: string;
  docs: Document[];
  pos: number;
  owner: number;
  session?: string;
  lastUsed: number;
}

/**
 * Open cursors by id. A getMore may arrive on any pooled connection, so lookup is global; each cursor
 * still belongs to the connection that opened it and dies with it (and with its session).
 */
export class CursorRegistry {
  private readonly cursors = new Map<number, OpenCursor>();
  private nextId = Math.floor(Math.random() * 1e9) + 1;

  /** Takes the first batch and registers a cursor for the rest (id 0 when exhausted). */
  open(
    ns: string,
    docs: Document[],
    batchSize: number | undefined,
    owner: number,
    session?: string,
  ): Document {
    const first = takeBatch(docs, 0, batchSize ?? DEFAULT_FIRST_BATCH);
    let id = 0;
    if (first.length < docs.length) {
      id = this.nextId++;
      this.cursors.set(id, { id, ns, docs, pos: first.length, owner, session, lastUsed: Date.now() });
    }
    return { cursor: { firstBatch: first, id: Long.fromNumber(id), ns }, ok: 1 };
  }

  getMore(rawId: unknown, ns: string, batchSize: number | undefined): Document {
    const id = Number(rawId);
    const cursor = this.cursors.get(id);
    if (!cursor) throw new CommandError(ErrorCode.CursorNotFound, `cursor id ${id} not found`);
    if (cursor.ns !== ns) {
      throw new CommandError(
        ErrorCode.Unauthorized,
        `Requested getMore on namespace '${ns}', but cursor belongs to a different namespace ${cursor.ns}`,
      );
    }
    const batch = takeBatch(cursor.docs, cursor.pos, batchSize && batchSize > 0 ? batchSize : Infinity);
    cursor.pos += batch.length;
    cursor.lastUsed = Date.now();
    let nextId = id;
    if (cursor.pos >= cursor.docs.length) {
      this.cursors.delete(id);
      nextId = 0;
    }
    return { cursor: { nextBatch: batch, id: Long.fromNumber(nextId), ns }, ok: 1 };
  }

  kill(ids: unknown[]): Document {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const raw of ids) {
      const id = Number(raw);
      (this.cursors.delete(id) ? killed : notFound).push(Long.fromNumber(id));
    }
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }

  releaseOwner(owner: number): void {
    for (const [id, c] of this.cursors) if (c.owner === owner) this.cursors.delete(id);
  }

  releaseSession(session: string): void {
    for (const [id, c] of this.cursors) if (c.session === session) this.cursors.delete(id);
  }

  reapIdle(now = Date.now()): void {
    for (const [id, c] of this.cursors) if (now - c.lastUsed > IDLE_TIMEOUT_MS) this.cursors.delete(id);
  }

  get size(): number {
    return this.cursors.size;
  }

  clear(): void {
    this.cursors.clear();
  }
}

function takeBatch(docs: Document[], from: number, max: number): Document[] {
  const end = Math.min(docs.length, from + max);
  const out: Document[] = [];
  let bytes = 0;
  for (let i = from; i < end; i++) {
    bytes += calculateObjectSize(docs[i]);
    if (bytes > MAX_BATCH_BYTES && out.length > 0) break;
    out.push(docs[i]);
  }
  return out;
}
