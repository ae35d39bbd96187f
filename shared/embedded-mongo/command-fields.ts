import type { Document } from 'bson';
import { CommandError, ErrorCode } from './errors';

/**
 * The fields each command accepts, from mongod 7.0's IDL definitions (src/mongo/db/query/*.idl,
 * src/mongo/db/ops/write_ops.idl, …). mongod parses commands strictly: a field it does not define fails
 * with 40415 "BSON field '<command>.<field>' is an unknown field." rather than being ignored, so a typo'd
 * or unsupported option is never silently dropped.
 */

/** Generic arguments every command accepts (src/mongo/idl/generic_argument.idl). */
const GENERIC = [
  '$db',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  'maxTimeMS',
  'readConcern',
  'writeConcern',
  'lsid',
  'clientOperationKey',
  'txnNumber',
  'autocommit',
  'startTransaction',
  'stmtId',
  'comment',
  '$readPreference',
  '$clusterTime',
  '$audit',
  '$client',
  '$configServerState',
  'allowImplicitCollectionCreation',
  '$oplogQueryData',
  '$queryOptions',
  '$replData',
  'databaseVersion',
  'shardVersion',
  'tracking_info',
  'coordinator',
  'maxTimeMSOpOnly',
  'usesDefaultMaxTimeMS',
  '$configTime',
  '$topologyTime',
  'txnRetryCounter',
  'mayBypassWriteBlocking',
];

const COMMAND_FIELDS: Record<string, string[]> = {
  find: [
    'filter',
    'projection',
    'sort',
    'hint',
    'skip',
    'limit',
    'batchSize',
    'singleBatch',
    'max',
    'min',
    'returnKey',
    'showRecordId',
    'tailable',
    'oplogReplay',
    'noCursorTimeout',
    'awaitData',
    'allowPartialResults',
    'collation',
    'allowDiskUse',
    'let',
    'readOnce',
    'allowSpeculativeMajorityRead',
    'term',
    'ntoreturn',
    'requestResumeToken',
    'resumeAfter',
    '$_requestResumeToken',
    '$_resumeAfter',
    '$_startAt',
  ],
  aggregate: [
    'pipeline',
    'explain',
    'allowDiskUse',
    'cursor',
    'bypassDocumentValidation',
    'collation',
    'hint',
    'let',
    'exchange',
    'fromMongos',
    'fromRouter',
    'needsMerge',
    'isMapReduceCommand',
    'collectionUUID',
    '$_requestReshardingResumeToken',
    '$_isClusterQueryWithoutShardKeyCmd',
  ],
  count: ['query', 'limit', 'skip', 'hint', 'collation', 'fields', 'encryptionInformation'],
  distinct: ['key', 'query', 'collation', 'hint', 'mirrored', 'sampleId'],
  insert: ['documents', 'ordered', 'bypassDocumentValidation', 'stmtIds', 'encryptionInformation'],
  update: ['updates', 'ordered', 'bypassDocumentValidation', 'let', 'stmtIds', 'encryptionInformation'],
  delete: ['deletes', 'ordered', 'let', 'stmtIds', 'encryptionInformation', 'bypassDocumentValidation'],
  findAndModify: [
    'query',
    'fields',
    'sort',
    'batchSize',
    'remove',
    'update',
    'new',
    'upsert',
    'bypassDocumentValidation',
    'arrayFilters',
    'hint',
    'collation',
    'let',
    'encryptionInformation',
  ],
  create: [
    'capped',
    'autoIndexId',
    'idIndex',
    'size',
    'max',
    'storageEngine',
    'validator',
    'validationLevel',
    'validationAction',
    'indexOptionDefaults',
    'viewOn',
    'pipeline',
    'collation',
    'recordPreImages',
    'changeStreamPreAndPostImages',
    'timeseries',
    'clusteredIndex',
    'expireAfterSeconds',
    'encryptedFields',
    'temp',
    'flags',
  ],
  createIndexes: ['indexes', 'commitQuorum', 'ignoreUnknownIndexOptions', 'isTimeseriesNamespace'],
  listCollections: ['filter', 'nameOnly', 'authorizedCollections', 'cursor', 'includePendingDrops'],
  listIndexes: ['cursor', 'includeBuildUUIDs', 'includeIndexBuildInfo', 'isTimeseriesNamespace'],
  drop: ['isTimeseriesNamespace', 'collectionUUID'],
  getMore: ['batchSize', 'collection', 'term', 'lastKnownCommittedOpTime', 'includeQueryStatsMetrics'],
  killCursors: ['cursors'],
  collMod: [
    'validator',
    'validationLevel',
    'validationAction',
    'viewOn',
    'pipeline',
    'index',
    'expireAfterSeconds',
    'changeStreamPreAndPostImages',
    'recordPreImages',
    'timeseries',
    'timeseriesBucketsMayHaveMixedSchemaData',
    'dryRun',
    'collectionUUID',
    'cappedSize',
    'cappedMax',
  ],
};

const ALLOWED = new Map<string, ReadonlySet<string>>(
  Object.entries(COMMAND_FIELDS).map(([name, fields]) => [
    name.toLowerCase(),
    new Set([...GENERIC, ...fields]),
  ]),
);

/** Throws 40415 for a field the command does not define (commands without a table are not checked). */
export function checkCommandFields(commandName: string, cmd: Document): void {
  const allowed = ALLOWED.get(commandName.toLowerCase());
  if (!allowed) return;
  const keys = Object.keys(cmd);
  for (let i = 1; i < keys.length; i++)
    if (!allowed.has(keys[i]))
      throw new CommandError(
        ErrorCode.Location40415,
        `BSON field '${canonical(commandName)}.${keys[i]}' is an unknown field.`,
      );
}

/** The fields of `create` that are collection options (stored and reported by listCollections). */
export const COLLECTION_OPTION_FIELDS: ReadonlySet<string> = new Set(COMMAND_FIELDS.create);

function canonical(name: string): string {
  return Object.keys(COMMAND_FIELDS).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}
