import { Long, ObjectId, type Document } from 'bson';
import { compareValues, pathValues, valueKey } from './bson-values';
import type { CollectionStore } from './collection-store';
import type { CursorRegistry } from './cursor-registry';
import { CommandError, ErrorCode, errorReply } from './errors';
import { compileQuery } from './mingo-runtime';
import { applyUpdate, matchDocs, project, runPipeline, shapeResults, upsertSeed } from './query-engine';
import type { IndexSpec } from './secondary-index';
import type { StorageEngine } from './storage-engine';
import {
  sessionFields,
  sessionKey,
  type Operation,
  type SessionCatalog,
  type Transaction,
} from './transactions';

export const SERVER_VERSION = '7.0.0';
/** The server presents itself as the primary of a one-member replica set, so transactions are allowed. */
export const REPLICA_SET_NAME = 'rs0';
const ELECTION_ID = new ObjectId('7fffffff0000000000000001');
/** Wire versions: 0 … 21 (MongoDB 7.0); the v7 driver requires a max of at least 8. */
export const MIN_WIRE_VERSION = 0;
export const MAX_WIRE_VERSION = 21;
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE_BYTES = 48_000_000;
export const MAX_WRITE_BATCH_SIZE = 100_000;

export interface CommandContext {
  connectionId: number;
  /** Client metadata etc. are ignored; only the connection id matters (cursor ownership). */
}

interface HandlerContext extends CommandContext {
  op: Operation;
  /** The transaction the command runs in, if any. */
  txn?: Transaction;
}

type Handler = (db: string, cmd: Document, ctx: HandlerContext) => Document;

/**
 * Executes one command document against the engine. Handlers are synchronous, so each command is atomic
 * with respect to every other connection; the caller waits for the journal before replying.
 */
export class CommandExecutor {
  private readonly handlers: Record<string, Handler>;
  /** host:port this server is reached at (hello's `me`, `primary` and `hosts`). */
  address = '127.0.0.1:27017';

  constructor(
    private readonly engine: StorageEngine,
    private readonly cursors: CursorRegistry,
    private readonly sessions: SessionCatalog,
  ) {
    this.handlers = {
      hello: (_db, cmd, ctx) => this.hello(cmd, ctx, 'hello'),
      ismaster: (_db, cmd, ctx) => this.hello(cmd, ctx, 'isMaster'),
      ping: () => ({ ok: 1 }),
      buildinfo: () => ({
        version: SERVER_VERSION,
        versionArray: [7, 0, 0, 0],
        gitVersion: 'embedded',
        bits: 64,
        debug: false,
        maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
        storageEngines: ['embedded'],
        javascriptEngine: 'none',
        ok: 1,
      }),
      listdatabases: (_db, cmd) => this.listDatabases(cmd),
      listcollections: (db, cmd, ctx) => this.listCollections(db, cmd, ctx),
      create: (db, cmd) => {
        const { create: name, ...rest } = cmd;
        this.engine.createCollection(db, String(name), collectionOptions(rest));
        return { ok: 1 };
      },
      drop: (db, cmd) => {
        const coll = this.engine.getCollection(db, String(cmd.drop));
        const nIndexesWas = coll ? coll.indexes.size + 1 : 0;
        this.engine.dropCollection(db, String(cmd.drop));
        return { nIndexesWas, ns: `${db}.${cmd.drop}`, ok: 1 };
      },
      dropdatabase: (db) => {
        this.engine.dropDatabase(db);
        return { dropped: db, ok: 1 };
      },
      insert: (db, cmd) => this.insert(db, cmd),
      find: (db, cmd, ctx) => this.find(db, cmd, ctx),
      getmore: (db, cmd) =>
        this.cursors.getMore(cmd.getMore, `${db}.${cmd.collection}`, optionalNumber(cmd.batchSize)),
      killcursors: (_db, cmd) => this.cursors.kill(Array.isArray(cmd.cursors) ? cmd.cursors : []),
      update: (db, cmd) => this.update(db, cmd),
      delete: (db, cmd) => this.delete(db, cmd),
      findandmodify: (db, cmd) => this.findAndModify(db, cmd),
      aggregate: (db, cmd, ctx) => this.aggregate(db, cmd, ctx),
      count: (db, cmd) => {
        const coll = this.engine.getCollection(db, String(cmd.count));
        const docs = shapeResults(matchDocs(coll, cmd.query), { skip: cmd.skip, limit: cmd.limit });
        return { n: docs.length, ok: 1 };
      },
      distinct: (db, cmd) => this.distinct(db, cmd),
      createindexes: (db, cmd, ctx) => this.createIndexes(db, cmd, ctx.txn),
      listindexes: (db, cmd, ctx) => {
        const coll = this.requireCollection(db, String(cmd.listIndexes));
        return this.cursors.open(coll.ns, coll.indexSpecs(), cmd.cursor?.batchSize, ctx.connectionId);
      },
      dropindexes: (db, cmd) => this.dropIndexes(db, cmd, 'dropIndexes'),
      deleteindexes: (db, cmd) => this.dropIndexes(db, cmd, 'deleteIndexes'),
      endsessions: (_db, cmd) => this.endSessions(cmd.endSessions),
      killsessions: (_db, cmd) => this.endSessions(cmd.killSessions),
      killallsessions: () => {
        this.sessions.endAll();
        return { ok: 1 };
      },
      committransaction: (_db, _cmd, ctx) => this.sessions.commit(requireTransaction(ctx)),
      aborttransaction: (_db, _cmd, ctx) => this.sessions.abort(requireTransaction(ctx)),
      getparameter: (_db, cmd) => this.getParameter(cmd),
      setparameter: (_db, cmd) => this.setParameter(cmd),
    };
  }

  run(db: string, cmd: Document, ctx: CommandContext): Document {
    const name = Object.keys(cmd)[0] ?? '';
    const handler = this.handlers[name.toLowerCase()];
    let op: Operation | undefined;
    try {
      if (!handler) {
        throw new CommandError(ErrorCode.CommandNotFound, `no such command: '${name}'`);
      }
      op = { name, fields: sessionFields(cmd, name) };
      this.sessions.begin(db, op, cmd);
      if (op.replay) return op.replay;
      const { txn } = op;
      const handlerCtx: HandlerContext = { ...ctx, op, txn };
      const reply = txn
        ? this.engine.captured(txn.capture, () => handler(db, cmd, handlerCtx))
        : handler(db, cmd, handlerCtx);
      return this.sessions.complete(op, reply);
    } catch (err) {
      return op ? this.sessions.failed(op, errorReply(err)) : errorReply(err);
    }
  }

  private endSessions(lsids: unknown): Document {
    const keys: string[] = [];
    for (const lsid of Array.isArray(lsids) ? lsids : []) {
      const key = sessionKey(lsid);
      if (key) keys.push(key);
    }
    for (const key of keys) this.cursors.releaseSession(key);
    this.sessions.endSessions(keys);
    return { ok: 1 };
  }

  /** Only the transaction parameters exist; anything else is refused as mongod refuses unknown ones. */
  private getParameter(cmd: Document): Document {
    const params = this.sessions.parameters as unknown as Record<string, number>;
    const reply: Document = {};
    for (const key of Object.keys(cmd)) {
      if (key === 'getParameter' || key === 'comment' || key.startsWith('$') || key === 'lsid') continue;
      if (!(key in params))
        throw new CommandError(ErrorCode.InvalidOptions, `no option found to get: ${key}`);
      reply[key] = params[key];
    }
    return { ...reply, ok: 1 };
  }

  private setParameter(cmd: Document): Document {
    const params = this.sessions.parameters as unknown as Record<string, number>;
    const was: Document = {};
    for (const [key, value] of Object.entries(cmd)) {
      if (key === 'setParameter' || key === 'comment' || key.startsWith('$') || key === 'lsid') continue;
      if (!(key in params))
        throw new CommandError(
          ErrorCode.InvalidOptions,
          `attempted to set unrecognized parameter [${key}], use help:true to see options `,
        );
      const n = Number(value);
      if (!Number.isFinite(n) || n < (key === 'transactionLifetimeLimitSeconds' ? 1 : -1))
        throw new CommandError(ErrorCode.BadValue, `Invalid value for parameter ${key}: ${String(value)}`);
      was[key] = params[key];
      params[key] = n;
    }
    return { was, ok: 1 };
  }

  private hello(cmd: Document, ctx: CommandContext, form: 'hello' | 'isMaster'): Document {
    const me = this.address;
    const reply: Document = {
      helloOk: true,
      [form === 'hello' ? 'isWritablePrimary' : 'ismaster']: true,
      hosts: [me],
      setName: REPLICA_SET_NAME,
      setVersion: 1,
      secondary: false,
      primary: me,
      me,
      electionId: ELECTION_ID,
      maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
      maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
      maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
      localTime: new Date(),
      logicalSessionTimeoutMinutes: 30,
      connectionId: ctx.connectionId,
      minWireVersion: MIN_WIRE_VERSION,
      maxWireVersion: MAX_WIRE_VERSION,
      readOnly: false,
      ok: 1,
    };
    if (cmd.saslSupportedMechs !== undefined) reply.saslSupportedMechs = [];
    return reply;
  }

  private listDatabases(cmd: Document): Document {
    let databases: Document[] = [...this.engine.databases.entries()].map(([name, colls]) => ({
      name,
      sizeOnDisk: 0,
      empty: [...colls.values()].every((c) => c.docs.size === 0),
    }));
    if (cmd.filter) {
      const q = compileQuery(cmd.filter);
      databases = databases.filter((d) => q.test(d));
    }
    if (cmd.nameOnly) return { databases: databases.map((d) => ({ name: d.name })), ok: 1 };
    return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
  }

  private listCollections(db: string, cmd: Document, ctx: CommandContext): Document {
    const colls = this.engine.databases.get(db) ?? new Map<string, CollectionStore>();
    let infos: Document[] = [...colls.values()].map((c) => ({
      name: c.name,
      type: 'collection',
      options: c.options,
      info: { readOnly: false, uuid: c.uuid },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    }));
    if (cmd.filter && Object.keys(cmd.filter).length > 0) {
      const q = compileQuery(cmd.filter);
      infos = infos.filter((i) => q.test(i));
    }
    if (cmd.nameOnly) infos = infos.map((i) => ({ name: i.name, type: i.type }));
    return this.cursors.open(`${db}.$cmd.listCollections`, infos, cmd.cursor?.batchSize, ctx.connectionId);
  }

  private insert(db: string, cmd: Document): Document {
    const documents: Document[] = Array.isArray(cmd.documents) ? cmd.documents : [];
    const coll = this.engine.ensureCollection(db, String(cmd.insert));
    const ordered = cmd.ordered !== false;
    const writeErrors: Document[] = [];
    let n = 0;
    for (let i = 0; i < documents.length; i++) {
      try {
        coll.insert(documents[i]);
        n++;
      } catch (err) {
        writeErrors.push(writeError(i, err));
        if (ordered) break;
      }
    }
    return withWriteErrors({ n }, writeErrors);
  }

  private find(db: string, cmd: Document, ctx: CommandContext): Document {
    const name = String(cmd.find);
    const coll = this.engine.getCollection(db, name);
    const limit = optionalNumber(cmd.limit) ?? 0;
    const docs = shapeResults(matchDocs(coll, cmd.filter), {
      sort: cmd.sort,
      skip: optionalNumber(cmd.skip),
      limit,
      projection: cmd.projection,
    });
    const ns = `${db}.${name}`;
    const singleBatch = cmd.singleBatch === true || limit < 0;
    if (singleBatch) {
      const batch = docs.slice(0, optionalNumber(cmd.batchSize) || docs.length);
      return { cursor: { firstBatch: batch, id: Long.fromNumber(0), ns }, ok: 1 };
    }
    return this.cursors.open(ns, docs, optionalNumber(cmd.batchSize), ctx.connectionId, sessionKey(cmd.lsid));
  }

  private update(db: string, cmd: Document): Document {
    const name = String(cmd.update);
    const updates: Document[] = Array.isArray(cmd.updates) ? cmd.updates : [];
    const ordered = cmd.ordered !== false;
    const writeErrors: Document[] = [];
    const upserted: Document[] = [];
    let n = 0;
    let nModified = 0;
    for (let i = 0; i < updates.length; i++) {
      try {
        const r = this.updateOne(db, name, updates[i]);
        n += r.n;
        nModified += r.nModified;
        if (r.upsertedId !== undefined) upserted.push({ index: i, _id: r.upsertedId });
      } catch (err) {
        writeErrors.push(writeError(i, err));
        if (ordered) break;
      }
    }
    const reply: Document = { n, nModified };
    if (upserted.length > 0) reply.upserted = upserted;
    return withWriteErrors(reply, writeErrors);
  }

  private updateOne(
    db: string,
    name: string,
    spec: Document,
  ): { n: number; nModified: number; upsertedId?: unknown } {
    const { q, u, upsert, multi, arrayFilters, sort } = spec;
    if (u === undefined || u === null)
      throw new CommandError(
        ErrorCode.FailedToParse,
        "BSON field 'update.updates.u' is missing but a required field",
      );
    const coll = this.engine.getCollection(db, name);
    let matches = matchDocs(coll, q);
    if (!multi) matches = shapeResults(matches, { sort, limit: 1 });
    if (matches.length === 0) {
      if (!upsert) return { n: 0, nModified: 0 };
      const doc = applyUpdate(upsertSeed(q), u, { arrayFilters, filter: q, forInsert: true })!;
      const inserted = this.engine.ensureCollection(db, name).insert(doc);
      return { n: 1, nModified: 0, upsertedId: inserted._id };
    }
    let nModified = 0;
    for (const doc of matches) {
      const next = applyUpdate(doc, u, { arrayFilters, filter: q, forInsert: false });
      if (!next) continue;
      coll!.replace(doc, next);
      nModified++;
    }
    return { n: matches.length, nModified };
  }

  private delete(db: string, cmd: Document): Document {
    const coll = this.engine.getCollection(db, String(cmd.delete));
    const deletes: Document[] = Array.isArray(cmd.deletes) ? cmd.deletes : [];
    const ordered = cmd.ordered !== false;
    const writeErrors: Document[] = [];
    let n = 0;
    for (let i = 0; i < deletes.length; i++) {
      try {
        const { q, limit } = deletes[i];
        let matches = matchDocs(coll, q);
        if (Number(limit) === 1) matches = matches.slice(0, 1);
        for (const doc of matches) coll!.remove(doc);
        n += matches.length;
      } catch (err) {
        writeErrors.push(writeError(i, err));
        if (ordered) break;
      }
    }
    return withWriteErrors({ n }, writeErrors);
  }

  private findAndModify(db: string, cmd: Document): Document {
    const name = String(cmd.findAndModify ?? cmd.findandmodify);
    const { query, sort, remove, update, fields, upsert, arrayFilters } = cmd;
    const returnNew = cmd.new === true;
    if (remove && update !== undefined) {
      throw new CommandError(ErrorCode.FailedToParse, 'Cannot specify both an update and remove=true');
    }
    if (!remove && update === undefined) {
      throw new CommandError(ErrorCode.FailedToParse, 'Either an update or remove=true must be specified');
    }
    const coll = this.engine.getCollection(db, name);
    const [doc] = shapeResults(matchDocs(coll, query), { sort, limit: 1 });
    const shape = (d: Document | undefined) => (d && fields ? project([d], fields)[0] : d) ?? null;
    if (remove) {
      if (doc) coll!.remove(doc);
      return { lastErrorObject: { n: doc ? 1 : 0 }, value: shape(doc), ok: 1 };
    }
    if (doc) {
      const next = applyUpdate(doc, update, { arrayFilters, filter: query, forInsert: false });
      if (next) coll!.replace(doc, next);
      return {
        lastErrorObject: { n: 1, updatedExisting: true },
        value: shape(returnNew ? (next ?? doc) : doc),
        ok: 1,
      };
    }
    if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const seeded = applyUpdate(upsertSeed(query), update, { arrayFilters, filter: query, forInsert: true })!;
    const inserted = this.engine.ensureCollection(db, name).insert(seeded);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: inserted._id },
      value: returnNew ? shape(inserted) : null,
      ok: 1,
    };
  }

  private aggregate(db: string, cmd: Document, ctx: CommandContext): Document {
    if (typeof cmd.aggregate !== 'string') {
      throw new CommandError(
        ErrorCode.InvalidNamespace,
        'collection-less aggregate is not supported by the embedded server',
      );
    }
    const pipeline: Document[] = Array.isArray(cmd.pipeline) ? [...cmd.pipeline] : [];
    if (!cmd.cursor && !cmd.explain) {
      throw new CommandError(
        ErrorCode.FailedToParse,
        "The 'cursor' option is required, except for aggregate with the explain argument",
      );
    }
    const coll = this.engine.getCollection(db, cmd.aggregate);
    // A leading $match is answered through the indexes, like the query planner does on mongod.
    let input: Document[];
    if (pipeline[0]?.$match) input = matchDocs(coll, pipeline.shift()!.$match);
    else input = coll ? [...coll.docs.values()] : [];
    const results = runPipeline(input, pipeline, (other) => {
      const c = this.engine.getCollection(db, other);
      return c ? [...c.docs.values()] : [];
    });
    return this.cursors.open(
      `${db}.${cmd.aggregate}`,
      results,
      cmd.cursor?.batchSize,
      ctx.connectionId,
      sessionKey(cmd.lsid),
    );
  }

  private distinct(db: string, cmd: Document): Document {
    const key = String(cmd.key);
    const coll = this.engine.getCollection(db, String(cmd.distinct));
    const seen = new Map<string, unknown>();
    for (const doc of matchDocs(coll, cmd.query)) {
      for (const v of pathValues(doc, key)) {
        if (v === undefined) continue;
        const k = valueKey(v);
        if (!seen.has(k)) seen.set(k, v);
      }
    }
    return { values: [...seen.values()].sort(compareValues), ok: 1 };
  }

  private createIndexes(db: string, cmd: Document, txn: Transaction | undefined): Document {
    const name = String(cmd.createIndexes);
    const specs: Document[] = Array.isArray(cmd.indexes) ? cmd.indexes : [];
    if (specs.length === 0)
      throw new CommandError(ErrorCode.BadValue, 'Must specify at least one index to create');
    const existed = this.engine.getCollection(db, name) !== undefined;
    const ns = `${db}.${name}`;
    if (txn && existed && !txn.capture.ops.some((op) => op.o === 'cc' && op.ns === ns))
      throw new CommandError(
        ErrorCode.OperationNotSupportedInTransaction,
        `Cannot create new indexes on existing collection ${ns} in a multi-document transaction.`,
      );
    const coll = this.engine.ensureCollection(db, name);
    const before = coll.indexes.size + 1;
    for (const spec of specs) {
      if (!spec.key || typeof spec.name !== 'string') {
        throw new CommandError(
          ErrorCode.FailedToParse,
          "The 'key' and 'name' fields are required for an index specification",
        );
      }
      const { key, name: indexName, ...options } = spec;
      coll.createIndex({ v: 2, key, name: indexName, ...options } as IndexSpec);
    }
    const after = coll.indexes.size + 1;
    const reply: Document = {
      numIndexesBefore: before,
      numIndexesAfter: after,
      createdCollectionAutomatically: !existed,
      ok: 1,
    };
    if (before === after) reply.note = 'all indexes already exist';
    return reply;
  }

  private dropIndexes(db: string, cmd: Document, field: string): Document {
    const coll = this.engine.getCollection(db, String(cmd[field]));
    if (!coll) throw new CommandError(ErrorCode.NamespaceNotFound, `ns not found ${db}.${cmd[field]}`);
    const nIndexesWas = coll.indexes.size + 1;
    const target = cmd.index;
    const names: string[] = [];
    if (target === '*') names.push(...coll.indexes.keys());
    else if (Array.isArray(target)) names.push(...target.map(String));
    else if (typeof target === 'string') names.push(target);
    else if (target && typeof target === 'object') {
      const found = [...coll.indexes.values()].find((i) => valueKey(i.spec.key) === valueKey(target));
      if (!found) {
        if (valueKey(target) === valueKey({ _id: 1 })) names.push('_id_');
        else
          throw new CommandError(
            ErrorCode.IndexNotFound,
            `can't find index with key: ${JSON.stringify(target)}`,
          );
      } else names.push(found.name);
    }
    if (names.includes('_id_')) throw new CommandError(ErrorCode.InvalidOptions, 'cannot drop _id index');
    for (const n of names)
      if (!coll.indexes.has(n))
        throw new CommandError(ErrorCode.IndexNotFound, `index not found with name [${n}]`);
    for (const n of names) coll.dropIndex(n);
    return { nIndexesWas, ok: 1 };
  }

  private requireCollection(db: string, name: string): CollectionStore {
    const coll = this.engine.getCollection(db, name);
    if (!coll) throw new CommandError(ErrorCode.NamespaceNotFound, `ns does not exist: ${db}.${name}`);
    return coll;
  }
}

function requireTransaction(ctx: HandlerContext): Operation {
  if (!ctx.txn)
    throw new CommandError(
      ErrorCode.InvalidOptions,
      `${ctx.op.name} must be run within a transaction (lsid, txnNumber and autocommit: false)`,
    );
  return ctx.op;
}

function writeError(index: number, err: unknown): Document {
  const reply = errorReply(err);
  const { ok: _ok, errmsg, code, codeName: _codeName, ...extra } = reply;
  return { index, code, errmsg, ...extra };
}

function withWriteErrors(reply: Document, writeErrors: Document[]): Document {
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}

function optionalNumber(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Options a `create` command may carry that are kept verbatim (others such as writeConcern/lsid are not). */
function collectionOptions(cmd: Document): Document {
  const out: Document = {};
  for (const [k, v] of Object.entries(cmd)) {
    if (k.startsWith('$') || k === 'lsid' || k === 'writeConcern' || k === 'comment') continue;
    out[k] = v;
  }
  return out;
}
