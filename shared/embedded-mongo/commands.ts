import { Long, ObjectId, type Document, type UUID } from 'bson';
import { compareValues, isPlainObject, pathValues, valueKey } from './bson-values';
import { mergeInto, outputTarget, replaceContents } from './aggregate-writes';
import { validateDocument, validationOptions, withId } from './document-validation';
import { checkCommandFields, COLLECTION_OPTION_FIELDS } from './command-fields';
import { CommittedView, type CollectionReader, type ReadableCollection } from './committed-view';
import type { CollectionStore } from './collection-store';
import type { FailCommandAction, FailPoints } from './fail-points';
import type { CursorRegistry } from './cursor-registry';
import { CommandError, ErrorCode, errorReply } from './errors';
import { assertCollationSupported, parseCollation } from './collation';
import { compileQuery, evaluateExpression, type EvalOptions } from './mingo-runtime';
import {
  applyUpdate,
  matchDocs,
  project,
  runPipeline,
  shapeResults,
  sortedFromIndex,
  upsertSeed,
} from './query-engine';
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
  /** What the failCommand fail point does to this command, if it fired. */
  failure?: FailCommandAction;
}

interface HandlerContext extends CommandContext {
  op: Operation;
  /** The transaction the command runs in, if any. */
  txn?: Transaction;
  /** What reads see: everything, or the committed state while another session's transaction is open. */
  reader: CollectionReader;
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
    failPoints?: FailPoints,
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
      listdatabases: (_db, cmd, ctx) => this.listDatabases(cmd, ctx.reader),
      listcollections: (db, cmd, ctx) => this.listCollections(db, cmd, ctx),
      create: (db, cmd) => {
        this.engine.createCollection(db, String(cmd.create), collectionOptions(cmd));
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
      count: (db, cmd, ctx) => {
        const coll = this.source(ctx.reader, db, String(cmd.count));
        const opts = evalOptions(cmd.collation, undefined, cmd.query);
        checkHint(coll, cmd.hint);
        const docs = shapeResults(matchDocs(coll, cmd.query, opts), { skip: cmd.skip, limit: cmd.limit });
        return { n: docs.length, ok: 1 };
      },
      distinct: (db, cmd, ctx) => this.distinct(db, cmd, ctx.reader),
      createindexes: (db, cmd, ctx) => this.createIndexes(db, cmd, ctx.txn),
      listindexes: (db, cmd, ctx) => {
        const coll = ctx.reader.getCollection(db, String(cmd.listIndexes));
        if (coll && isView(coll)) throw notACollection(coll.ns);
        if (!coll)
          throw new CommandError(ErrorCode.NamespaceNotFound, `ns does not exist: ${db}.${cmd.listIndexes}`);
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
      collmod: (db, cmd) => this.collMod(db, cmd),
      explain: () => {
        throw new CommandError(
          ErrorCode.CommandNotSupported,
          'explain is not supported by the embedded server',
        );
      },
      getparameter: (_db, cmd) => this.getParameter(cmd),
      setparameter: (_db, cmd) => this.setParameter(cmd),
    };
    if (failPoints) this.handlers.configurefailpoint = (_db, cmd) => failPoints.configure(cmd);
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
      checkCommandFields(name, cmd);
      if (op.replay) return op.replay;
      const { failure } = ctx;
      if (failure?.error) {
        if (failure.errorLabels) Object.assign(failure.error.extra, { errorLabels: failure.errorLabels });
        throw failure.error;
      }
      const { txn } = op;
      const holder = this.sessions.openTransaction;
      const reader =
        holder && !txn && holder.session !== op.fields.key
          ? new CommittedView(this.engine, holder.capture)
          : this.engine;
      const handlerCtx: HandlerContext = { ...ctx, op, txn, reader };
      const reply = txn
        ? this.engine.captured(txn.capture, () => handler(db, cmd, handlerCtx))
        : handler(db, cmd, handlerCtx);
      if (failure?.writeConcernError) {
        reply.writeConcernError = failure.writeConcernError;
        if (failure.errorLabels) reply.errorLabels = failure.errorLabels;
      }
      return this.sessions.complete(op, reply);
    } catch (err) {
      return op ? this.sessions.failed(op, errorReply(err)) : errorReply(err);
    }
  }

  /** collMod: a collection's validator settings, or a view's definition. */
  private collMod(db: string, cmd: Document): Document {
    const coll = this.engine.getCollection(db, String(cmd.collMod));
    if (!coll) throw new CommandError(ErrorCode.NamespaceNotFound, `ns does not exist: ${db}.${cmd.collMod}`);
    const unsupported = Object.keys(cmd).find((k) => UNSUPPORTED_COLLMOD.includes(k));
    if (unsupported)
      throw new CommandError(
        ErrorCode.CommandNotSupported,
        `collMod ${unsupported} is not supported by the embedded server`,
      );
    if (isView(coll)) {
      if (['validator', 'validationLevel', 'validationAction'].some((k) => k in cmd))
        throw new CommandError(ErrorCode.InvalidOptions, 'option not supported on a view: validator');
      if (cmd.viewOn !== undefined || cmd.pipeline !== undefined)
        coll.setOptions(
          viewOptions({
            viewOn: cmd.viewOn ?? coll.options.viewOn,
            pipeline: cmd.pipeline ?? coll.options.pipeline,
          }),
        );
      return { ok: 1 };
    }
    if (cmd.viewOn !== undefined || cmd.pipeline !== undefined)
      throw new CommandError(ErrorCode.InvalidOptions, `ns ${coll.ns} is a collection, not a view`);
    const changes = validationOptions(cmd);
    if (Object.keys(changes).length > 0) coll.setOptions({ ...coll.options, ...changes });
    return { ok: 1 };
  }

  /** A collection to write to; a view is refused (views are read-only). */
  private target(db: string, name: string): CollectionStore | undefined {
    const coll = this.engine.getCollection(db, name);
    if (coll && isView(coll)) throw notACollection(coll.ns);
    return coll;
  }

  /** A collection to write to, created implicitly when missing (as insert/upsert/createIndexes do). */
  private targetOrCreate(db: string, name: string): CollectionStore {
    return this.target(db, name) ?? this.engine.ensureCollection(db, name);
  }

  /**
   * A collection to read; a view is evaluated (its pipeline over its source, recursively), like mongod
   * resolves a read on a view into an aggregation on the underlying collection.
   */
  private source(
    reader: CollectionReader,
    db: string,
    name: string,
    depth = 0,
  ): ReadableCollection | undefined {
    const coll = reader.getCollection(db, name);
    if (!coll || !isView(coll)) return coll;
    if (depth >= MAX_VIEW_DEPTH)
      throw new CommandError(
        ErrorCode.ViewDepthLimitExceeded,
        `View depth too deep or view cycle detected; maximum depth is ${MAX_VIEW_DEPTH}`,
      );
    const underlying = this.source(reader, db, String(coll.options.viewOn), depth + 1);
    const docs = runPipeline(
      underlying ? [...underlying.documents()] : [],
      Array.isArray(coll.options.pipeline) ? coll.options.pipeline : [],
      (other) => [...(this.source(reader, db, other, depth + 1)?.documents() ?? [])],
    );
    return new ViewContents(coll, docs);
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

  private listDatabases(cmd: Document, reader: CollectionReader): Document {
    let databases: Document[] = reader.databaseNames().map((name) => ({
      name,
      sizeOnDisk: 0,
      empty: reader.collectionsOf(name).every((c) => c.size === 0),
    }));
    if (cmd.filter) {
      const q = compileQuery(cmd.filter);
      databases = databases.filter((d) => q.test(d));
    }
    if (cmd.nameOnly) return { databases: databases.map((d) => ({ name: d.name })), ok: 1 };
    return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
  }

  private listCollections(db: string, cmd: Document, ctx: HandlerContext): Document {
    let infos: Document[] = ctx.reader.collectionsOf(db).map((c) =>
      isView(c)
        ? { name: c.name, type: 'view', options: c.options, info: { readOnly: true } }
        : {
            name: c.name,
            type: 'collection',
            options: c.options,
            info: { readOnly: false, uuid: c.uuid },
            idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
          },
    );
    if (cmd.filter && Object.keys(cmd.filter).length > 0) {
      const q = compileQuery(cmd.filter);
      infos = infos.filter((i) => q.test(i));
    }
    if (cmd.nameOnly) infos = infos.map((i) => ({ name: i.name, type: i.type }));
    return this.cursors.open(`${db}.$cmd.listCollections`, infos, cmd.cursor?.batchSize, ctx.connectionId);
  }

  private insert(db: string, cmd: Document): Document {
    const documents: Document[] = Array.isArray(cmd.documents) ? cmd.documents : [];
    const coll = this.targetOrCreate(db, String(cmd.insert));
    const ordered = cmd.ordered !== false;
    const bypass = cmd.bypassDocumentValidation === true;
    const writeErrors: Document[] = [];
    let n = 0;
    for (let i = 0; i < documents.length; i++) {
      try {
        const doc = withId(documents[i]);
        validateDocument(coll.options, doc, undefined, bypass);
        coll.insert(doc);
        n++;
      } catch (err) {
        writeErrors.push(writeError(i, err));
        if (ordered) break;
      }
    }
    return withWriteErrors({ n }, writeErrors);
  }

  private find(db: string, cmd: Document, ctx: HandlerContext): Document {
    const name = String(cmd.find);
    const coll = this.source(ctx.reader, db, name);
    const limit = optionalNumber(cmd.limit) ?? 0;
    const opts = evalOptions(cmd.collation, cmd.let, cmd.filter);
    checkHint(coll, cmd.hint);
    const shape = {
      sort: cmd.sort,
      skip: optionalNumber(cmd.skip),
      limit,
      projection: cmd.projection,
      collation: opts.collation,
    };
    const docs =
      sortedFromIndex(coll, cmd.filter, { ...opts, ...shape }) ??
      shapeResults(matchDocs(coll, cmd.filter, opts), shape);
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
    const variables = letVariables(cmd.let);
    // The whole command is parsed first: a field a statement may not have fails it before any write.
    for (const spec of updates) checkFields('update.updates', spec, UPDATE_STATEMENT_FIELDS);
    let n = 0;
    let nModified = 0;
    for (let i = 0; i < updates.length; i++) {
      try {
        const r = this.updateOne(db, name, updates[i], variables, cmd.bypassDocumentValidation === true);
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
    variables: Document | undefined,
    bypass: boolean,
  ): { n: number; nModified: number; upsertedId?: unknown } {
    const { q, u, upsert, multi, arrayFilters, c } = spec;
    if (u === undefined || u === null)
      throw new CommandError(
        ErrorCode.FailedToParse,
        "BSON field 'update.updates.u' is missing but a required field",
      );
    const opts = evalOptions(spec.collation, undefined, q);
    if (opts.collation && arrayFilters)
      throw new CommandError(
        ErrorCode.CommandNotSupported,
        'arrayFilters with a non-simple collation are not supported by the embedded server',
      );
    // Pipeline updates see the command's `let` and the statement's constants `c` as $$variables.
    opts.variables = variables || c ? { ...variables, ...letVariables(c) } : undefined;
    const coll = this.target(db, name);
    checkHint(coll, spec.hint);
    let matches = matchDocs(coll, q, opts);
    if (!multi) matches = matches.slice(0, 1);
    if (matches.length === 0) {
      if (!upsert) return { n: 0, nModified: 0 };
      const doc = withId(
        applyUpdate(upsertSeed(q), u, { arrayFilters, filter: q, forInsert: true, eval: opts })!,
      );
      const target = this.targetOrCreate(db, name);
      validateDocument(target.options, doc, undefined, bypass);
      const inserted = target.insert(doc);
      return { n: 1, nModified: 0, upsertedId: inserted._id };
    }
    let nModified = 0;
    for (const doc of matches) {
      const next = applyUpdate(doc, u, { arrayFilters, filter: q, forInsert: false, eval: opts });
      if (!next) continue;
      validateDocument(coll!.options, next, doc, bypass);
      coll!.replace(doc, next);
      nModified++;
    }
    return { n: matches.length, nModified };
  }

  private delete(db: string, cmd: Document): Document {
    const coll = this.target(db, String(cmd.delete));
    const deletes: Document[] = Array.isArray(cmd.deletes) ? cmd.deletes : [];
    const ordered = cmd.ordered !== false;
    const writeErrors: Document[] = [];
    const variables = letVariables(cmd.let);
    for (const spec of deletes) checkFields('delete.deletes', spec, DELETE_STATEMENT_FIELDS);
    let n = 0;
    for (let i = 0; i < deletes.length; i++) {
      try {
        const { q, limit } = deletes[i];
        const opts = evalOptions(deletes[i].collation, undefined, q);
        opts.variables = variables;
        checkHint(coll, deletes[i].hint);
        let matches = matchDocs(coll, q, opts);
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
    const coll = this.target(db, name);
    const opts = evalOptions(cmd.collation, cmd.let, query);
    const bypass = cmd.bypassDocumentValidation === true;
    checkHint(coll, cmd.hint);
    if (opts.collation && arrayFilters)
      throw new CommandError(
        ErrorCode.CommandNotSupported,
        'arrayFilters with a non-simple collation are not supported by the embedded server',
      );
    const [doc] = shapeResults(matchDocs(coll, query, opts), { sort, limit: 1, collation: opts.collation });
    const shape = (d: Document | undefined) => (d && fields ? project([d], fields)[0] : d) ?? null;
    if (remove) {
      if (doc) coll!.remove(doc);
      return { lastErrorObject: { n: doc ? 1 : 0 }, value: shape(doc), ok: 1 };
    }
    if (doc) {
      const next = applyUpdate(doc, update, { arrayFilters, filter: query, forInsert: false, eval: opts });
      if (next) {
        validateDocument(coll!.options, next, doc, bypass);
        coll!.replace(doc, next);
      }
      return {
        lastErrorObject: { n: 1, updatedExisting: true },
        value: shape(returnNew ? (next ?? doc) : doc),
        ok: 1,
      };
    }
    if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const seeded = withId(
      applyUpdate(upsertSeed(query), update, { arrayFilters, filter: query, forInsert: true, eval: opts })!,
    );
    const target = this.targetOrCreate(db, name);
    validateDocument(target.options, seeded, undefined, bypass);
    const inserted = target.insert(seeded);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: inserted._id },
      value: returnNew ? shape(inserted) : null,
      ok: 1,
    };
  }

  private aggregate(db: string, cmd: Document, ctx: HandlerContext): Document {
    if (!Array.isArray(cmd.pipeline))
      throw new CommandError(
        ErrorCode.Location40414,
        "BSON field 'aggregate.pipeline' is missing but a required field",
      );
    if (cmd.explain !== undefined)
      throw new CommandError(
        ErrorCode.CommandNotSupported,
        'explain is not supported by the embedded server',
      );
    if (!cmd.cursor)
      throw new CommandError(
        ErrorCode.FailedToParse,
        "The 'cursor' option is required, except for aggregate with the explain argument",
      );
    const pipeline: Document[] = [...cmd.pipeline];
    pipeline.forEach((stage, i) => {
      const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
      if ((name === '$out' || name === '$merge') && i !== pipeline.length - 1)
        throw new CommandError(40601, `${name} can only be the final stage in the pipeline`);
    });
    const last = pipeline[pipeline.length - 1];
    const writeStage =
      last && ('$out' in last || '$merge' in last) ? (pipeline.pop() as Document) : undefined;
    if (writeStage && cmd.readConcern?.level === 'linearizable')
      throw new CommandError(
        ErrorCode.InvalidOptions,
        `${Object.keys(writeStage)[0]} cannot be used with a 'linearizable' read concern level`,
      );
    if (writeStage && ctx.txn)
      throw new CommandError(
        ErrorCode.OperationNotSupportedInTransaction,
        `${Object.keys(writeStage)[0]} cannot be used in a transaction`,
      );
    const opts = evalOptions(cmd.collation, cmd.let, undefined, pipeline);
    const input = this.aggregateInput(db, cmd.aggregate, cmd.hint, pipeline, ctx, opts);
    const results = runPipeline(
      input,
      pipeline,
      (other) => [...(this.source(ctx.reader, db, other)?.documents() ?? [])],
      opts,
    );
    const ns = typeof cmd.aggregate === 'string' ? `${db}.${cmd.aggregate}` : `${db}.$cmd.aggregate`;
    if (writeStage) {
      this.writeAggregateResults(db, writeStage, results, opts, cmd.bypassDocumentValidation === true);
      return { cursor: { firstBatch: [], id: Long.fromNumber(0), ns }, ok: 1 };
    }
    return this.cursors.open(ns, results, cmd.cursor?.batchSize, ctx.connectionId, sessionKey(cmd.lsid));
  }

  /**
   * The documents a pipeline starts from: a collection or view, or for `{ aggregate: 1 }` the leading
   * $documents / $listLocalSessions stage (removed from `pipeline`). A leading $match on a collection is
   * answered through the indexes, like mongod's planner does.
   */
  private aggregateInput(
    db: string,
    source: unknown,
    hint: unknown,
    pipeline: Document[],
    ctx: HandlerContext,
    opts: EvalOptions,
  ): Document[] {
    const first = pipeline[0];
    if (first && '$documents' in first) {
      pipeline.shift();
      const docs = evaluateExpression(first.$documents, {}, opts);
      if (!Array.isArray(docs) || !docs.every((d) => isPlainObject(d)))
        throw new CommandError(5858203, 'an array is expected'); // mongod: $documents must evaluate to an array of objects
      return docs;
    }
    if (first && '$listLocalSessions' in first) {
      pipeline.shift();
      return this.sessions.localSessions();
    }
    if (typeof source !== 'string') {
      const stage = first ? Object.keys(first)[0] : 'an empty pipeline';
      throw new CommandError(
        ErrorCode.InvalidNamespace,
        `{aggregate: 1} is not valid for '${stage}'; a collection is required.`,
      );
    }
    const coll = this.source(ctx.reader, db, source);
    checkHint(coll, hint);
    if (first && '$match' in first) return matchDocs(coll, pipeline.shift()!.$match, opts);
    return coll ? [...coll.documents()] : [];
  }

  /** $out / $merge. $out replaces the target in one journal record, so a crash never leaves it half-written. */
  private writeAggregateResults(
    db: string,
    stage: Document,
    results: Document[],
    opts: EvalOptions,
    bypass: boolean,
  ): void {
    const name = Object.keys(stage)[0] as '$out' | '$merge';
    const { db: targetDb, coll } = outputTarget(name, stage[name], db);
    if (name === '$merge') {
      const target = this.targetOrCreate(targetDb, coll);
      mergeInto(target, results, stage.$merge, opts, (doc, before) =>
        validateDocument(target.options, doc, before, bypass),
      );
      return;
    }
    this.target(targetDb, coll); // refuses a view
    const capture = this.engine.openCapture();
    try {
      this.engine.captured(capture, () => {
        const target = this.targetOrCreate(targetDb, coll);
        replaceContents(target, results, (doc) => validateDocument(target.options, doc, undefined, bypass));
      });
    } catch (err) {
      this.engine.rollbackCapture(capture);
      throw err;
    }
    this.engine.commitCapture(capture);
  }

  private distinct(db: string, cmd: Document, reader: CollectionReader): Document {
    const key = String(cmd.key);
    const coll = this.source(reader, db, String(cmd.distinct));
    const opts = evalOptions(cmd.collation, undefined, cmd.query);
    checkHint(coll, cmd.hint);
    const { collation } = opts;
    const seen = new Map<string, unknown>();
    const strings: string[] = [];
    for (const doc of matchDocs(coll, cmd.query, opts)) {
      for (const v of pathValues(doc, key)) {
        if (v === undefined) continue;
        if (collation && typeof v === 'string') {
          // Strings equal under the collation are one value: the first one met stands for them.
          if (!strings.some((s) => collation.compare(s, v) === 0)) strings.push(v);
          continue;
        }
        const k = valueKey(v);
        if (!seen.has(k)) seen.set(k, v);
      }
    }
    const values = [...seen.values(), ...strings];
    const compare = collation
      ? (a: unknown, b: unknown) =>
          typeof a === 'string' && typeof b === 'string' ? collation.compare(a, b) : compareValues(a, b)
      : compareValues;
    return { values: values.sort(compare), ok: 1 };
  }

  private createIndexes(db: string, cmd: Document, txn: Transaction | undefined): Document {
    const name = String(cmd.createIndexes);
    const specs: Document[] = Array.isArray(cmd.indexes) ? cmd.indexes : [];
    if (specs.length === 0)
      throw new CommandError(ErrorCode.BadValue, 'Must specify at least one index to create');
    const existed = this.target(db, name) !== undefined;
    const ns = `${db}.${name}`;
    if (txn && existed && !txn.capture.ops.some((op) => op.o === 'cc' && op.ns === ns))
      throw new CommandError(
        ErrorCode.OperationNotSupportedInTransaction,
        `Cannot create new indexes on existing collection ${ns} in a multi-document transaction.`,
      );
    const coll = this.targetOrCreate(db, name);
    const before = coll.indexes.size + 1;
    for (const spec of specs) {
      if (!spec.key || typeof spec.name !== 'string') {
        throw new CommandError(
          ErrorCode.FailedToParse,
          "The 'key' and 'name' fields are required for an index specification",
        );
      }
      if (spec.collation !== undefined && parseCollation(spec.collation))
        throw new CommandError(
          ErrorCode.CommandNotSupported,
          'indexes with a non-simple collation are not supported by the embedded server',
        );
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
    const coll = this.target(db, String(cmd[field]));
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
}

/** Fields an update statement may carry in 7.0 (`sort` arrived in 8.0). */
const UPDATE_STATEMENT_FIELDS = new Set([
  'q',
  'u',
  'c',
  'upsert',
  'multi',
  'arrayFilters',
  'collation',
  'hint',
  'upsertSupplied',
]);
const DELETE_STATEMENT_FIELDS = new Set(['q', 'limit', 'collation', 'hint']);

/** mongod's IDL check: a field the command does not define is an error (40415), not ignored. */
function checkFields(path: string, doc: Document, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(doc))
    if (!allowed.has(key))
      throw new CommandError(ErrorCode.Location40415, `BSON field '${path}.${key}' is an unknown field.`);
}

/** A command's collation and `let` variables; refuses a collation where it cannot be honoured. */
function evalOptions(
  collation: unknown,
  letSpec: unknown,
  filter?: unknown,
  pipeline?: Document[],
): EvalOptions {
  const parsed = parseCollation(collation);
  if (parsed) assertCollationSupported(filter, pipeline);
  return { collation: parsed, variables: letVariables(letSpec) };
}

/** `let`: each value is an expression evaluated once, before the command runs. */
function letVariables(spec: unknown): Document | undefined {
  if (spec === undefined) return undefined;
  if (!isPlainObject(spec))
    throw new CommandError(
      ErrorCode.TypeMismatch,
      "BSON field 'let' is the wrong type, expected type 'object'",
    );
  const out: Document = {};
  for (const [name, expr] of Object.entries(spec)) {
    if (!/^[a-z\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*$/.test(name))
      throw new CommandError(
        ErrorCode.FailedToParse,
        `'${name}' starts with an invalid character for a user variable name`,
      );
    out[name] = evaluateExpression(expr, {});
  }
  return out;
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

const MAX_VIEW_DEPTH = 20;

/** mongod plans with the hinted index or fails; an unknown index is an error, not a silent full scan. */
function checkHint(coll: ReadableCollection | undefined, hint: unknown): void {
  if (hint === undefined || coll === undefined) return;
  const specs = coll.indexSpecs();
  if (typeof hint === 'string') {
    if (specs.some((s) => s.name === hint)) return;
  } else if (isPlainObject(hint)) {
    const keys = Object.keys(hint);
    if (keys.length === 1 && keys[0] === '$natural') return;
    if (specs.some((s) => valueKey(s.key) === valueKey(hint))) return;
  } else {
    throw new CommandError(ErrorCode.FailedToParse, 'hint must be a string or an object');
  }
  throw new CommandError(ErrorCode.BadValue, 'hint provided does not correspond to an existing index');
}

const UNSUPPORTED_COLLMOD = [
  'index',
  'expireAfterSeconds',
  'changeStreamPreAndPostImages',
  'recordPreImages',
  'timeseries',
  'cappedSize',
  'cappedMax',
];

function isView(coll: ReadableCollection): boolean {
  return coll.options.viewOn !== undefined;
}

function notACollection(ns: string): CommandError {
  return new CommandError(ErrorCode.CommandNotSupportedOnView, `Namespace ${ns} is a view, not a collection`);
}

/** A view's documents, computed for one command; read like a collection without indexes. */
class ViewContents implements ReadableCollection {
  constructor(
    private readonly view: ReadableCollection,
    private readonly docs: Document[],
  ) {}
  get ns(): string {
    return this.view.ns;
  }
  get name(): string {
    return this.view.name;
  }
  get options(): Document {
    return this.view.options;
  }
  get uuid(): UUID {
    return this.view.uuid;
  }
  get size(): number {
    return this.docs.length;
  }
  candidates(): Document[] {
    return this.docs;
  }
  documents(): Document[] {
    return this.docs;
  }
  indexSpecs(): Document[] {
    return [];
  }
}

/** A read-only view: `viewOn` (a collection or view of the same database) and a pipeline. */
function viewOptions(cmd: Document): Document {
  if (typeof cmd.viewOn !== 'string' || cmd.viewOn === '')
    throw new CommandError(ErrorCode.TypeMismatch, "'viewOn' must be a non-empty string");
  const pipeline = cmd.pipeline ?? [];
  if (!Array.isArray(pipeline) || !pipeline.every((stage) => isPlainObject(stage)))
    throw new CommandError(ErrorCode.TypeMismatch, "'pipeline' must be an array of objects");
  for (const stage of pipeline) {
    const [name] = Object.keys(stage);
    if (name === '$out' || name === '$merge')
      throw new CommandError(
        ErrorCode.OptionNotSupportedOnView,
        `${name} cannot be used in a view definition`,
      );
  }
  for (const k of Object.keys(cmd))
    if (COLLECTION_OPTION_FIELDS.has(k) && !['viewOn', 'pipeline', 'collation'].includes(k))
      throw new CommandError(ErrorCode.InvalidOptions, `option not supported on a view: ${k}`);
  if (parseCollation(cmd.collation))
    throw new CommandError(
      ErrorCode.CommandNotSupported,
      'a default collation for a view is not supported by the embedded server',
    );
  return { viewOn: cmd.viewOn, pipeline };
}

/** What `create` features the embedded server does not have; refused with mongod's CommandNotSupported. */
const UNSUPPORTED_COLLECTION_OPTIONS: Record<string, string> = {
  capped: 'capped collections',
  timeseries: 'time-series collections',
  clusteredIndex: 'clustered collections',
  encryptedFields: 'queryable encryption',
  changeStreamPreAndPostImages: 'change stream pre- and post-images',
  recordPreImages: 'change stream pre-images',
  expireAfterSeconds: 'expiring (clustered) collections',
};

/** The collection options of a `create` command (stored and listed), with what is not supported refused. */
function collectionOptions(cmd: Document): Document {
  const out: Document = {};
  if (cmd.viewOn !== undefined) return viewOptions(cmd);
  if (cmd.pipeline !== undefined)
    throw new CommandError(ErrorCode.BadValue, "'pipeline' requires 'viewOn' to also be specified");
  for (const [k, v] of Object.entries(cmd)) {
    if (!COLLECTION_OPTION_FIELDS.has(k)) continue;
    const unsupported = UNSUPPORTED_COLLECTION_OPTIONS[k];
    if (unsupported && !(k === 'capped' && v === false))
      throw new CommandError(
        ErrorCode.CommandNotSupported,
        `${unsupported} are not supported by the embedded server`,
      );
    if (k === 'validator' || k === 'validationLevel' || k === 'validationAction') {
      validationOptions({ [k]: v });
    }
    if (k === 'collation' && parseCollation(v))
      throw new CommandError(
        ErrorCode.CommandNotSupported,
        'a default collation for a collection is not supported by the embedded server',
      );
    out[k] = v;
  }
  return out;
}
