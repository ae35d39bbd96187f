import type { Document } from 'bson';

/** MongoDB server error codes the embedded server can answer with (names as in mongod's error_codes.yml). */
export const ErrorCode = {
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  Unauthorized: 13,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CannotCreateIndex: 67,
  InternalError: 1,
  Location40324: 40324,
  DuplicateKey: 11000,
  WriteConflict: 112,
  UnsatisfiableWriteConcern: 100,
  NotWritablePrimary: 10107,
  IncompleteTransactionHistory: 217,
  TransactionTooOld: 225,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  OperationNotSupportedInTransaction: 263,
  ConflictingOperationInProgress: 117,
  NotARetryableWriteCommand: 50768,
} as const;

/** Codes the driver specifications treat as retryable (retryable-writes spec, "determining retryable errors"). */
export const RETRYABLE_CODES: ReadonlySet<number> = new Set([
  6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436,
]);

const NAMES = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

export function codeName(code: number): string {
  return NAMES.get(code) ?? `Location${code}`;
}

/** An error that becomes `{ ok: 0, errmsg, code, codeName, ...extra }` in a command reply. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: codeName(this.code), ...this.extra };
  }
}

/** Duplicate key: thrown by index maintenance; shaped like mongod's E11000 error. */
export class DuplicateKeyError extends CommandError {
  constructor(ns: string, indexName: string, keyPattern: Document, keyValue: Document, rendered: string) {
    super(
      ErrorCode.DuplicateKey,
      `E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: ${rendered}`,
      { keyPattern, keyValue },
    );
  }
}

/** Converts anything thrown inside a command (including mingo errors) to a reply document. */
export function errorReply(err: unknown): Document {
  if (err instanceof CommandError) return err.toReply();
  const message = err instanceof Error ? err.message : String(err);
  // mingo reports unsupported operators/stages as plain errors; surface them as a BadValue.
  return { ok: 0, errmsg: message, code: ErrorCode.BadValue, codeName: 'BadValue' };
}
