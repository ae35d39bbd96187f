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
  CommandNotSupported: 115,
  InvalidPipelineOperator: 168,
  DollarPrefixedFieldName: 52,
  CommandNotSupportedOnView: 166,
  ViewDepthLimitExceeded: 165,
  DocumentValidationFailure: 121,
  OptionNotSupportedOnView: 167,
  Location40414: 40414,
  Location40415: 40415,
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
  // mingo reports operators it does not know as plain errors: answer with mongod's code for each.
  const stage = /^unregistered pipeline operator (\$\w+)/.exec(message);
  if (stage)
    return stage[1] === '$changeStream'
      ? new CommandError(
          ErrorCode.CommandNotSupported,
          'change streams are not supported by the embedded server',
        ).toReply()
      : new CommandError(40324, `Unrecognized pipeline stage name: '${stage[1]}'`).toReply();
  const expression = /^(?:accumulator|operator|expression) '(\$\w+)' is not registered/.exec(message);
  if (expression)
    return new CommandError(
      ErrorCode.InvalidPipelineOperator,
      `Unrecognized expression '${expression[1]}'`,
    ).toReply();
  return { ok: 0, errmsg: message, code: ErrorCode.BadValue, codeName: 'BadValue' };
}
