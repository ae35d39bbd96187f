export * from './tracing';
export { traceMongoCommands } from './mongo-command-spans';
