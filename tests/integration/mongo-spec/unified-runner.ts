import { EJSON, type Document } from 'bson';
import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type Collection,
  type CommandStartedEvent,
  type CommandSucceededEvent,
  type Db,
} from 'mongodb';
import type { ServerFacts } from '../../helpers/server-facts';

/**
 * A runner for MongoDB's unified test format (mongodb/specifications, source/unified-test-format),
 * covering what the CRUD files use: client/database/collection entities, initialData, collection
 * operations, expectResult/expectError, expectEvents (commandStartedEvent/commandSucceededEvent),
 * outcome and runOnRequirements. It talks to the server only through the official driver, so the
 * same files run unchanged against the embedded server and a real mongod.
 */

export interface UnifiedFile {
  description: string;
  schemaVersion: string;
  runOnRequirements?: Requirement[];
  createEntities?: Document[];
  initialData?: {
    collectionName: string;
    databaseName: string;
    documents: Document[];
    createOptions?: Document;
  }[];
  tests: UnifiedTest[];
}

export interface UnifiedTest {
  description: string;
  runOnRequirements?: Requirement[];
  skipReason?: string;
  operations: Operation[];
  expectEvents?: { client: string; events: Document[]; ignoreExtraEvents?: boolean; eventType?: string }[];
  outcome?: { collectionName: string; databaseName: string; documents: Document[] }[];
}

interface Requirement {
  minServerVersion?: string;
  maxServerVersion?: string;
  topologies?: string[];
  serverless?: 'require' | 'forbid' | 'allow';
  serverParameters?: Document;
  auth?: boolean;
  csfle?: boolean;
}

interface Operation {
  name: string;
  object: string;
  arguments?: Document;
  expectResult?: unknown;
  expectError?: Document;
  ignoreResultAndError?: boolean;
  saveResultAsEntity?: string;
}

export function parseUnifiedFile(text: string): UnifiedFile {
  return EJSON.parse(text, { relaxed: true }) as UnifiedFile;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Why a requirement list rules the test out on this server, or undefined when one requirement holds. */
export function unmetRequirement(reqs: Requirement[] | undefined, facts: ServerFacts): string | undefined {
  if (!reqs || reqs.length === 0) return undefined;
  const reasons: string[] = [];
  for (const r of reqs) {
    const version = (s: string) => s.split('.').map(Number);
    if (r.minServerVersion && compareVersions(facts.version, version(r.minServerVersion)) < 0)
      reasons.push(`needs server >= ${r.minServerVersion}`);
    else if (
      r.maxServerVersion &&
      compareVersions(
        facts.version.slice(0, version(r.maxServerVersion).length),
        version(r.maxServerVersion),
      ) > 0
    )
      reasons.push(`needs server <= ${r.maxServerVersion}`);
    else if (r.topologies && !r.topologies.includes(facts.topology))
      reasons.push(`needs topology ${r.topologies.join('/')}`);
    else if (r.serverless === 'require' && !facts.serverless) reasons.push('needs serverless');
    else if (r.serverless === 'forbid' && facts.serverless) reasons.push('forbids serverless');
    else if (r.csfle) reasons.push('needs client-side encryption');
    else if (r.auth === true) reasons.push('needs auth');
    else if (r.serverParameters) reasons.push('needs server parameters');
    else return undefined;
  }
  return reasons.join(' or ');
}

type Entity = MongoClient | Db | Collection | Document;

interface ClientEntity {
  client: MongoClient;
  events: { type: string; event: CommandStartedEvent | CommandSucceededEvent }[];
}

// ---------------------------------------------------------------------------------------------- matching

class MatchError extends Error {}

function isNumberLike(v: unknown): boolean {
  if (typeof v === 'number') return true;
  const bt = (v as { _bsontype?: string } | null)?._bsontype;
  return bt === 'Int32' || bt === 'Double' || bt === 'Long' || bt === 'Decimal128';
}

function bsonType(v: unknown): string[] {
  if (v === null) return ['null'];
  if (v === undefined) return ['undefined'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['int', 'long', 'double'] : ['double'];
  if (typeof v === 'string') return ['string'];
  if (typeof v === 'boolean') return ['bool'];
  if (Array.isArray(v)) return ['array'];
  if (v instanceof Date) return ['date'];
  if (v instanceof RegExp) return ['regex'];
  const bt = (v as { _bsontype?: string })._bsontype;
  const map: Record<string, string> = {
    ObjectId: 'objectId',
    Int32: 'int',
    Long: 'long',
    Double: 'double',
    Decimal128: 'decimal',
    Binary: 'binData',
    Timestamp: 'timestamp',
    BSONRegExp: 'regex',
    MinKey: 'minKey',
    MaxKey: 'maxKey',
    Code: 'javascript',
  };
  if (bt) return [map[bt] ?? bt];
  return ['object'];
}

function isDocument(v: unknown): v is Document {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Date) &&
    !(v instanceof RegExp) &&
    (v as { _bsontype?: string })._bsontype === undefined
  );
}

function show(v: unknown): string {
  try {
    return EJSON.stringify(v as Document, { relaxed: true });
  } catch {
    return String(v);
  }
}

export function matchValue(
  expected: unknown,
  actual: unknown,
  entities: Map<string, Entity>,
  path: string,
  root: boolean,
): void {
  // The driver keeps a sort as a Map in the command it reports.
  if (actual instanceof Map) actual = Object.fromEntries(actual);
  if (isDocument(expected)) {
    const keys = Object.keys(expected);
    if (keys.length === 1 && keys[0].startsWith('$$')) {
      matchOperator(keys[0], expected[keys[0]], actual, entities, path, root);
      return;
    }
    if (!isDocument(actual))
      throw new MatchError(`${path}: expected a document ${show(expected)}, got ${show(actual)}`);
    for (const key of keys) {
      const exp = expected[key];
      const has = Object.prototype.hasOwnProperty.call(actual, key) && actual[key] !== undefined;
      if (isDocument(exp) && '$$exists' in exp && Object.keys(exp).length === 1) {
        if (Boolean(exp.$$exists) !== has)
          throw new MatchError(`${path}.${key}: expected ${exp.$$exists ? 'present' : 'absent'}`);
        continue;
      }
      if (isDocument(exp) && '$$unsetOrMatches' in exp && !has) continue;
      if (!has) throw new MatchError(`${path}.${key}: missing (expected ${show(exp)}) in ${show(actual)}`);
      matchValue(exp, actual[key], entities, `${path}.${key}`, false);
    }
    if (!root) {
      const extra = Object.keys(actual).filter((k) => !(k in expected) && actual[k] !== undefined);
      if (extra.length > 0)
        throw new MatchError(`${path}: unexpected fields ${extra.join(', ')} in ${show(actual)}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      throw new MatchError(`${path}: expected an array ${show(expected)}, got ${show(actual)}`);
    if (actual.length !== expected.length)
      throw new MatchError(
        `${path}: expected ${expected.length} elements ${show(expected)}, got ${show(actual)}`,
      );
    expected.forEach((e, i) => matchValue(e, actual[i], entities, `${path}[${i}]`, root));
    return;
  }
  if (isNumberLike(expected)) {
    if (!isNumberLike(actual) || Number(expected) !== Number(actual))
      throw new MatchError(`${path}: expected ${show(expected)}, got ${show(actual)}`);
    return;
  }
  if (expected === null) {
    if (actual !== null && actual !== undefined)
      throw new MatchError(`${path}: expected null, got ${show(actual)}`);
    return;
  }
  if (show(expected) !== show(actual))
    throw new MatchError(`${path}: expected ${show(expected)}, got ${show(actual)}`);
}

function matchOperator(
  op: string,
  arg: unknown,
  actual: unknown,
  entities: Map<string, Entity>,
  path: string,
  root: boolean,
): void {
  switch (op) {
    case '$$exists':
      if (Boolean(arg) !== (actual !== undefined)) throw new MatchError(`${path}: $$exists ${String(arg)}`);
      return;
    case '$$type': {
      const wanted = Array.isArray(arg) ? arg.map(String) : [String(arg)];
      const types = bsonType(actual);
      if (!wanted.some((t) => types.includes(t)))
        throw new MatchError(
          `${path}: expected type ${wanted.join('|')}, got ${types.join('|')} (${show(actual)})`,
        );
      return;
    }
    case '$$unsetOrMatches':
      if (actual === undefined) return;
      matchValue(arg, actual, entities, path, root);
      return;
    case '$$matchesEntity':
      matchValue(entities.get(String(arg)), actual, entities, path, false);
      return;
    case '$$lte':
      if (!isNumberLike(actual) || Number(actual) > Number(arg))
        throw new MatchError(`${path}: expected <= ${String(arg)}`);
      return;
    case '$$matchAsDocument':
      matchValue(arg, EJSON.parse(String(actual), { relaxed: true }), entities, path, false);
      return;
    case '$$matchAsRoot':
      matchValue(arg, actual, entities, path, true);
      return;
    case '$$sessionLsid':
      return;
    default:
      throw new MatchError(`${path}: unsupported special operator ${op}`);
  }
}

// ------------------------------------------------------------------------------------------ operations

function rename(args: Document, from: string, to: string): Document {
  if (!(from in args)) return args;
  const { [from]: value, ...rest } = args;
  return { ...rest, [to]: value };
}

function findAndModifyOptions(args: Document): Document {
  const out: Document = { ...args };
  if (typeof out.returnDocument === 'string') out.returnDocument = out.returnDocument.toLowerCase();
  return out;
}

function bulkResult(r: {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  deletedCount: number;
  upsertedCount: number;
  insertedIds: Document;
  upsertedIds: Document;
}): Document {
  return {
    insertedCount: r.insertedCount,
    matchedCount: r.matchedCount,
    modifiedCount: r.modifiedCount,
    deletedCount: r.deletedCount,
    upsertedCount: r.upsertedCount,
    insertedIds: r.insertedIds,
    upsertedIds: r.upsertedIds,
  };
}

function updateResult(r: Document): Document {
  return {
    matchedCount: r.matchedCount,
    modifiedCount: r.modifiedCount,
    upsertedCount: r.upsertedCount,
    upsertedId: r.upsertedId ?? undefined,
  };
}

async function runCollectionOperation(coll: Collection, name: string, a: Document): Promise<unknown> {
  const { filter, update, replacement, document, documents, pipeline, session: _s, ...opts } = a;
  switch (name) {
    case 'aggregate':
      return coll.aggregate(pipeline, opts).toArray();
    case 'bulkWrite': {
      const { requests, ...bulkOpts } = a;
      return bulkResult(await coll.bulkWrite(requests, bulkOpts));
    }
    case 'countDocuments':
      return coll.countDocuments(filter, opts);
    case 'count':
      return coll.count(filter, opts);
    case 'estimatedDocumentCount':
      return coll.estimatedDocumentCount(opts);
    case 'createIndex': {
      const { keys, ...indexOpts } = opts;
      return coll.createIndex(keys, indexOpts);
    }
    case 'deleteMany':
      return { deletedCount: (await coll.deleteMany(filter, opts)).deletedCount };
    case 'deleteOne':
      return { deletedCount: (await coll.deleteOne(filter, opts)).deletedCount };
    case 'distinct': {
      const { fieldName, ...distinctOpts } = opts;
      return coll.distinct(fieldName, filter, distinctOpts);
    }
    case 'find':
      return coll.find(filter, opts).toArray();
    case 'findOne':
      return coll.findOne(filter, opts);
    case 'findOneAndDelete':
      return coll.findOneAndDelete(filter, opts);
    case 'findOneAndReplace':
      return coll.findOneAndReplace(filter, replacement, findAndModifyOptions(opts));
    case 'findOneAndUpdate':
      return coll.findOneAndUpdate(filter, update, findAndModifyOptions(opts));
    case 'insertMany': {
      const r = await coll.insertMany(documents, opts);
      return { insertedIds: r.insertedIds };
    }
    case 'insertOne':
      return { insertedId: (await coll.insertOne(document, opts)).insertedId };
    case 'replaceOne':
      return updateResult(await coll.replaceOne(filter, replacement, opts));
    case 'updateMany':
      return updateResult(await coll.updateMany(filter, update, opts));
    case 'updateOne':
      return updateResult(await coll.updateOne(filter, update, opts));
    default:
      throw new Error(`unsupported collection operation ${name}`);
  }
}

async function runDatabaseOperation(db: Db, name: string, a: Document): Promise<unknown> {
  const { session: _s, ...args } = a;
  switch (name) {
    case 'aggregate': {
      const { pipeline, ...opts } = args;
      return db.aggregate(pipeline, opts).toArray();
    }
    case 'createCollection': {
      const { collection, ...opts } = args;
      await db.createCollection(collection, opts);
      return undefined;
    }
    case 'dropCollection': {
      const { collection, ...opts } = args;
      await db.dropCollection(collection, opts);
      return undefined;
    }
    case 'modifyCollection': {
      const { collection, ...opts } = args;
      return db.command({ collMod: collection, ...opts });
    }
    case 'runCommand':
      return db.command(args.command);
    default:
      throw new Error(`unsupported database operation ${name}`);
  }
}

// --------------------------------------------------------------------------------------------- the run

export class UnifiedRunner {
  private readonly entities = new Map<string, Entity>();
  private readonly clients = new Map<string, ClientEntity>();
  private readonly failPoints: { client: MongoClient; name: string }[] = [];

  constructor(
    private readonly uri: string,
    private readonly internal: MongoClient,
  ) {}

  async run(file: UnifiedFile, test: UnifiedTest): Promise<void> {
    try {
      await this.loadInitialData(file);
      await this.createEntities(file.createEntities ?? []);
      for (const [i, op] of test.operations.entries()) await this.runOperation(op, `operations[${i}]`);
      this.checkEvents(test);
      await this.checkOutcome(test);
    } finally {
      await this.close();
    }
  }

  private async loadInitialData(file: UnifiedFile): Promise<void> {
    for (const data of file.initialData ?? []) {
      const db = this.internal.db(data.databaseName);
      await db
        .dropCollection(data.collectionName, { writeConcern: { w: 'majority' } })
        .catch(() => undefined);
      if (data.createOptions || data.documents.length === 0) {
        await db.createCollection(data.collectionName, {
          ...data.createOptions,
          writeConcern: { w: 'majority' },
        });
      }
      if (data.documents.length > 0)
        await db
          .collection(data.collectionName)
          .insertMany(data.documents, { writeConcern: { w: 'majority' } });
    }
  }

  private async createEntities(defs: Document[]): Promise<void> {
    for (const def of defs) {
      const [kind, spec] = Object.entries(def)[0] as [string, Document];
      if (kind === 'client') {
        const observe = new Set<string>(spec.observeEvents ?? []);
        const ignore = new Set<string>(['configureFailPoint', ...(spec.ignoreCommandMonitoringEvents ?? [])]);
        const client = new MongoClient(this.uri, {
          ...(spec.uriOptions ?? {}),
          monitorCommands: observe.size > 0,
        });
        const entity: ClientEntity = { client, events: [] };
        for (const type of ['commandStartedEvent', 'commandSucceededEvent'] as const) {
          if (!observe.has(type)) continue;
          const driverEvent = type === 'commandStartedEvent' ? 'commandStarted' : 'commandSucceeded';
          client.on(driverEvent, (event: CommandStartedEvent | CommandSucceededEvent) => {
            if (!ignore.has(event.commandName)) entity.events.push({ type, event });
          });
        }
        await client.connect();
        this.clients.set(spec.id, entity);
        this.entities.set(spec.id, client);
      } else if (kind === 'database') {
        const client = this.entities.get(spec.client) as MongoClient;
        this.entities.set(spec.id, client.db(spec.databaseName, spec.databaseOptions));
      } else if (kind === 'collection') {
        const db = this.entities.get(spec.database) as Db;
        this.entities.set(spec.id, db.collection(spec.collectionName, spec.collectionOptions));
      } else {
        throw new Error(`unsupported entity ${kind}`);
      }
    }
  }

  private async runOperation(op: Operation, path: string): Promise<void> {
    let result: unknown;
    let error: unknown;
    try {
      result = await this.execute(op);
    } catch (err) {
      error = err;
    }
    if (op.ignoreResultAndError) return;
    if (op.expectError) {
      if (error === undefined)
        throw new MatchError(`${path} (${op.name}): expected an error, got ${show(result)}`);
      this.checkError(op.expectError, error, `${path} (${op.name})`);
      return;
    }
    if (error !== undefined) {
      const e = error as Error & { code?: number };
      throw new MatchError(`${path} (${op.name}): unexpected error ${e.code ?? ''} ${e.message}`);
    }
    if (op.saveResultAsEntity) this.entities.set(op.saveResultAsEntity, result as Document);
    if (op.expectResult !== undefined)
      matchValue(op.expectResult, result, this.entities, `${path}.result`, true);
  }

  private async execute(op: Operation): Promise<unknown> {
    const args = op.arguments ?? {};
    if (op.object === 'testRunner') {
      if (op.name !== 'failPoint') throw new Error(`unsupported testRunner operation ${op.name}`);
      const client = this.entities.get(String(args.client)) as MongoClient;
      await client.db('admin').command(args.failPoint);
      this.failPoints.push({ client, name: String(args.failPoint.configureFailPoint) });
      return undefined;
    }
    const target = this.entities.get(op.object);
    if (!target) throw new Error(`unknown entity ${op.object}`);
    if (target instanceof MongoClient) throw new Error(`unsupported client operation ${op.name}`);
    if ('collectionName' in target && 'dbName' in target)
      return runCollectionOperation(target as Collection, op.name, args);
    return runDatabaseOperation(target as Db, op.name, rename(args, 'collectionName', 'collection'));
  }

  private checkError(expected: Document, error: unknown, path: string): void {
    const e = error as MongoServerError & { errorLabels?: string[] };
    const fromServer = error instanceof MongoServerError;
    if (expected.isClientError !== undefined && expected.isClientError === fromServer)
      throw new MatchError(
        `${path}: expected a ${expected.isClientError ? 'client' : 'server'} error, got ${e.message}`,
      );
    if (
      expected.errorContains !== undefined &&
      !String(e.message).toLowerCase().includes(String(expected.errorContains).toLowerCase())
    )
      throw new MatchError(`${path}: error "${e.message}" does not contain "${expected.errorContains}"`);
    if (expected.errorCode !== undefined && e.code !== expected.errorCode)
      throw new MatchError(
        `${path}: expected error code ${expected.errorCode}, got ${e.code} (${e.message})`,
      );
    if (expected.errorCodeName !== undefined && e.codeName !== expected.errorCodeName)
      throw new MatchError(
        `${path}: expected codeName ${expected.errorCodeName}, got ${e.codeName} (${e.message})`,
      );
    for (const label of expected.errorLabelsContain ?? [])
      if (!e.errorLabels?.includes(label)) throw new MatchError(`${path}: missing error label ${label}`);
    for (const label of expected.errorLabelsOmit ?? [])
      if (e.errorLabels?.includes(label)) throw new MatchError(`${path}: unexpected error label ${label}`);
    if (expected.errorResponse !== undefined)
      matchValue(expected.errorResponse, e.errorResponse, this.entities, `${path}.errorResponse`, true);
    if (expected.expectResult !== undefined) {
      const partial = error instanceof MongoBulkWriteError ? bulkResult(error.result) : undefined;
      matchValue(expected.expectResult, partial, this.entities, `${path}.expectError.expectResult`, true);
    }
    if (expected.writeErrors !== undefined || expected.writeConcernErrors !== undefined)
      throw new MatchError(
        `${path}: writeErrors/writeConcernErrors belong to client bulkWrite (not supported here)`,
      );
  }

  private checkEvents(test: UnifiedTest): void {
    for (const [i, expected] of (test.expectEvents ?? []).entries()) {
      if (expected.eventType && expected.eventType !== 'command')
        throw new Error(`unsupported eventType ${expected.eventType}`);
      const actual = this.clients.get(expected.client)?.events ?? [];
      const path = `expectEvents[${i}]`;
      if (
        expected.ignoreExtraEvents
          ? actual.length < expected.events.length
          : actual.length !== expected.events.length
      )
        throw new MatchError(
          `${path}: expected ${expected.events.length} events, got ${actual.length}: ${actual.map((a) => a.event.commandName).join(', ')}`,
        );
      expected.events.forEach((exp, j) => {
        const [type, spec] = Object.entries(exp)[0] as [string, Document];
        const got = actual[j];
        if (got.type !== type)
          throw new MatchError(`${path}.events[${j}]: expected ${type}, got ${got.type}`);
        if (spec.commandName !== undefined && got.event.commandName !== spec.commandName)
          throw new MatchError(
            `${path}.events[${j}]: expected command ${spec.commandName}, got ${got.event.commandName}`,
          );
        if (
          spec.databaseName !== undefined &&
          (got.event as CommandStartedEvent).databaseName !== spec.databaseName
        )
          throw new MatchError(`${path}.events[${j}]: expected database ${spec.databaseName}`);
        if (spec.command !== undefined)
          matchValue(
            spec.command,
            (got.event as CommandStartedEvent).command,
            this.entities,
            `${path}.events[${j}].command`,
            true,
          );
        if (spec.reply !== undefined)
          matchValue(
            spec.reply,
            (got.event as CommandSucceededEvent).reply,
            this.entities,
            `${path}.events[${j}].reply`,
            true,
          );
      });
    }
  }

  private async checkOutcome(test: UnifiedTest): Promise<void> {
    for (const expected of test.outcome ?? []) {
      const docs = await this.internal
        .db(expected.databaseName)
        .collection(expected.collectionName)
        .find({}, { sort: { _id: 1 }, readConcern: { level: 'local' } })
        .toArray();
      matchValue(expected.documents, docs, this.entities, `outcome ${expected.collectionName}`, false);
    }
  }

  private async close(): Promise<void> {
    for (const fp of this.failPoints.splice(0))
      await fp.client
        .db('admin')
        .command({ configureFailPoint: fp.name, mode: 'off' })
        .catch(() => undefined);
    for (const c of this.clients.values()) await c.client.close();
    this.clients.clear();
    this.entities.clear();
  }
}
