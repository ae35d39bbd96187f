export {
  connectMongo,
  ensureIndexes,
  MongoUnavailableError,
  ONE_REPLY_BATCH,
  singleReplyCursors,
  type ConnectMongoOptions,
} from './connect-mongo';
export { mongoUriHosts, redactMongoUri } from './redact-uri';
export {
  resolveMongoServer,
  type MongoLogger,
  type MongoServerMode,
  type ResolvedMongoServer,
  type ResolveMongoServerOptions,
} from './resolve-mongo-server';
export { trustedFilter } from './trusted-filter';
