import { Binary, type Document } from 'bson';
import { isPlainObject, valueKey } from './bson-values';
import { CommandError, ErrorCode, RETRYABLE_CODES } from './errors';
import type { ChangeCapture, StorageEngine } from './storage-engine';

/**
 * Logical sessions, retryable writes and multi-document transactions, following mongod's
 * TransactionParticipant (src/mongo/db/transaction/transaction_participant.cpp) and
 * transaction_validation.cpp: the same checks, error codes and error labels.
 *
 * Isolation is deliberately simple and strict: an open transaction holds the whole server for writing.
 * Its writes are applied in place, recorded for undo, and journaled as one record at commit. Reads of
 * other sessions do not wait: they see the committed state (CommittedView), as on mongod; writes of other
 * sessions wait until the transaction commits or aborts, so nothing outside sees uncommitted data. A second
 * transaction waits at most `maxTransactionLockRequestTimeoutMillis` (mongod's parameter, default 5 ms)
 * and then fails with WriteConflict + TransientTransactionError, which `withTransaction` retries.
 * A transaction open longer than `transactionLifetimeLimitSeconds` (60) is aborted, as on mongod.
 */

/** Commands that read or write data: they wait while another session's transaction is open. */
const DATA_COMMANDS = new Set([
  'find',
  'insert',
  'update',
  'delete',
  'findandmodify',
  'aggregate',
  'count',
  'distinct',
  'create',
  'drop',
  'dropdatabase',
  'createindexes',
  'dropindexes',
  'deleteindexes',
  'listcollections',
  'listindexes',
  'listdatabases',
  'collmod',
]);

/** Commands that only read (aggregate unless it writes with $out / $merge). */
const READ_COMMANDS = new Set([
  'find',
  'aggregate',
  'count',
  'distinct',
  'listcollections',
  'listindexes',
  'listdatabases',
]);

function isRead(name: string, cmd: Document): boolean {
  if (!READ_COMMANDS.has(name)) return false;
  if (name !== 'aggregate' || !Array.isArray(cmd.pipeline)) return true;
  return !cmd.pipeline.some(
    (stage: unknown) => isPlainObject(stage) && ('$out' in stage || '$merge' in stage),
  );
}

/** mongod's allow-list of commands that may run inside a transaction (lower-cased). */
const ALLOWED_IN_TRANSACTION = new Set([
  'aborttransaction',
  'aggregate',
  'committransaction',
  'create',
  'createindexes',
  'delete',
  'distinct',
  'find',
  'findandmodify',
  'getmore',
  'insert',
  'killcursors',
  'update',
]);

/** Commands that support retryable writes (a txnNumber without autocommit). */
const RETRYABLE_WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'findandmodify']);

const TRANSACTION_COMMANDS = new Set(['committransaction', 'aborttransaction']);

const READ_CONCERN_LEVELS_IN_TRANSACTION = new Set(['local', 'majority', 'snapshot']);

/** Error codes mongod labels TransientTransactionError inside a transaction (isTransientTransactionError). */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  ErrorCode.WriteConflict,
  24, // LockTimeout
  239, // SnapshotTooOld
  246, // SnapshotUnavailable
]);

/** The session fields of one command, validated. */
export interface SessionFields {
  /** Canonical key of `lsid.id`. */
  key?: string;
  txnNumber?: number;
  /** Present (false) on every statement of a multi-document transaction. */
  autocommit?: false;
  startTransaction?: true;
}

export function sessionKey(lsid: unknown): string | undefined {
  const id = (lsid as { id?: unknown } | undefined)?.id;
  return id ? valueKey(id) : undefined;
}

/** Parses and validates a command's lsid / txnNumber / autocommit / startTransaction (mongod's rules). */
export function sessionFields(cmd: Document, commandName: string): SessionFields {
  const out: SessionFields = {};
  if (cmd.lsid !== undefined) {
    if (!isPlainObject(cmd.lsid) || cmd.lsid.id === undefined)
      throw new CommandError(ErrorCode.FailedToParse, "BSON field 'OperationSessionInfo.lsid.id' is missing");
    out.key = sessionKey(cmd.lsid);
  }
  if (cmd.txnNumber !== undefined) {
    const n = Number(cmd.txnNumber);
    if (!Number.isInteger(n))
      throw new CommandError(
        ErrorCode.TypeMismatch,
        "BSON field 'OperationSessionInfo.txnNumber' is the wrong type, expected type 'long'",
      );
    if (n < 0) throw new CommandError(ErrorCode.BadValue, 'Transaction number cannot be negative');
    if (!out.key)
      throw new CommandError(
        ErrorCode.InvalidOptions,
        'Transaction number requires a session ID to also be specified',
      );
    out.txnNumber = n;
  }
  if (cmd.autocommit !== undefined) {
    if (cmd.autocommit !== false)
      throw new CommandError(ErrorCode.InvalidOptions, 'Specifying autocommit=true is not allowed.');
    if (out.txnNumber === undefined)
      throw new CommandError(
        ErrorCode.InvalidOptions,
        "'autocommit' field requires a transaction number to also be specified",
      );
    out.autocommit = false;
  }
  if (cmd.startTransaction !== undefined) {
    if (cmd.startTransaction !== true)
      throw new CommandError(ErrorCode.InvalidOptions, 'Specifying startTransaction=false is not allowed.');
    if (out.autocommit === undefined)
      throw new CommandError(
        ErrorCode.InvalidOptions,
        "'startTransaction' field requires 'autocommit' field to also be specified",
      );
    out.startTransaction = true;
  }
  if (
    out.txnNumber !== undefined &&
    out.autocommit === undefined &&
    !RETRYABLE_WRITE_COMMANDS.has(commandName.toLowerCase())
  )
    throw new CommandError(
      ErrorCode.NotARetryableWriteCommand,
      `txnNumber may only be provided for multi-document transactions and retryable write commands. autocommit:false was not provided, and ${commandName} is not a retryable write command.`,
    );
  return out;
}

type TransactionState = 'inProgress' | 'committed' | 'aborted';

export class Transaction {
  state: TransactionState = 'inProgress';
  expiry: NodeJS.Timeout | undefined;

  constructor(
    readonly session: string,
    readonly txnNumber: number,
    readonly capture: ChangeCapture,
  ) {}
}

/** SHA-256 of the empty user name: the `uid` of sessions when authentication is off. */
const ANONYMOUS_UID = new Binary(Buffer.from('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=', 'base64'));

interface SessionRecord {
  /** The session's `lsid.id`. */
  id: unknown;
  /** The session's active transaction number (-1 before the first). */
  txnNumber: number;
  /** Set when the active number belongs to a multi-document transaction. */
  txn?: Transaction;
  /** Reply of the retryable write executed at the active number, returned again on a retry. */
  retryReply?: Document;
  lastUse: number;
}

/** What a command runs as, decided by SessionCatalog.begin. */
export interface Operation {
  name: string;
  fields: SessionFields;
  txn?: Transaction;
  /** A retried retryable write: this reply, without executing again. */
  replay?: Document;
}

export interface TransactionParameters {
  transactionLifetimeLimitSeconds: number;
  maxTransactionLockRequestTimeoutMillis: number;
}

const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

export class SessionCatalog {
  private readonly sessions = new Map<string, SessionRecord>();
  /** The open transaction holding the server, if any. */
  private holder: Transaction | undefined;
  private waiters: Array<() => void> = [];
  readonly parameters: TransactionParameters = {
    transactionLifetimeLimitSeconds: 60,
    maxTransactionLockRequestTimeoutMillis: 5,
  };

  constructor(
    private readonly engine: StorageEngine,
    private readonly onTransactionEnd: (txn: Transaction) => void = () => {},
  ) {}

  /**
   * Waits until the command may run: data commands of other sessions wait for the open transaction to
   * end; a statement that would start a second transaction waits a bounded time, then runs and fails
   * with WriteConflict in `begin`.
   */
  async admit(commandName: string, cmd: Document): Promise<void> {
    const name = commandName.toLowerCase();
    if (!DATA_COMMANDS.has(name)) return;
    // Reads outside a transaction see the committed state (CommittedView) and never wait.
    if (cmd.autocommit !== false && isRead(name, cmd)) return;
    const key = sessionKey(cmd.lsid);
    const deadline =
      cmd.autocommit === false
        ? Date.now() + this.parameters.maxTransactionLockRequestTimeoutMillis
        : Infinity;
    while (this.holder && this.holder.session !== key) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = Number.isFinite(remaining) ? setTimeout(wake, remaining) : undefined;
        this.waiters.push(wake);
      });
    }
  }

  /**
   * Checks `op.fields` against the session's state; starts or continues a transaction (sets `op.txn`) or
   * finds a retried write's earlier reply (sets `op.replay`).
   */
  begin(db: string, op: Operation, cmd: Document): void {
    const { fields } = op;
    const name = op.name.toLowerCase();
    const commandName = op.name;
    if (!fields.key) return;
    const session = this.session(fields.key, (cmd.lsid as Document).id);
    if (fields.txnNumber === undefined) return;
    const n = fields.txnNumber;

    if (fields.autocommit === undefined) {
      // A retryable write.
      if (n < session.txnNumber)
        throw new CommandError(
          ErrorCode.TransactionTooOld,
          `Retryable write with txnNumber ${n} is prohibited on session ${fields.key} because a newer ${session.txn ? 'transaction' : 'retryable write'} with txnNumber ${session.txnNumber} has already started on this session.`,
        );
      if (n === session.txnNumber) {
        if (session.txn)
          throw new CommandError(
            ErrorCode.IncompleteTransactionHistory,
            'Cannot retry a retryable write that has been converted into a transaction',
          );
        if (session.retryReply) op.replay = session.retryReply;
        return;
      }
      this.advance(session, n);
      return;
    }

    // A statement of a multi-document transaction.
    if (!ALLOWED_IN_TRANSACTION.has(name))
      throw new CommandError(
        ErrorCode.OperationNotSupportedInTransaction,
        `Cannot run '${commandName}' in a multi-document transaction.`,
      );
    if (db === 'config' || db === 'local' || (db === 'admin' && !TRANSACTION_COMMANDS.has(name)))
      throw new CommandError(
        ErrorCode.OperationNotSupportedInTransaction,
        `Cannot run command against the '${db}' database in a transaction.`,
      );
    if (fields.startTransaction) {
      if (name === 'killcursors')
        throw new CommandError(
          ErrorCode.OperationNotSupportedInTransaction,
          'Cannot run killCursors as the first operation in a multi-document transaction.',
        );
      if (TRANSACTION_COMMANDS.has(name))
        throw new CommandError(
          ErrorCode.OperationNotSupportedInTransaction,
          `Cannot start a transaction with ${name === 'committransaction' ? 'a commit' : 'an abort'}`,
        );
    }
    if (n < session.txnNumber)
      throw new CommandError(
        ErrorCode.TransactionTooOld,
        `Cannot start transaction ${n} on session ${fields.key} because a newer ${session.txn ? 'transaction' : 'retryable write'} with txnNumber ${session.txnNumber} has already started on this session.`,
      );
    if (!TRANSACTION_COMMANDS.has(name) && cmd.writeConcern !== undefined)
      throw new CommandError(
        ErrorCode.InvalidOptions,
        'writeConcern is not allowed within a multi-statement transaction',
      );

    if (fields.startTransaction) {
      if (n === session.txnNumber)
        throw new CommandError(
          ErrorCode.ConflictingOperationInProgress,
          'Only servers in a sharded cluster can start a new transaction at the active transaction number',
        );
      validateTransactionReadConcern(cmd.readConcern);
      this.advance(session, n);
      if (this.holder && this.holder.session !== fields.key) {
        // Another session's transaction holds the server: this one conflicts, as overlapping writes would.
        session.txn = new Transaction(fields.key, n, this.engine.openCapture());
        this.finish(session.txn, 'aborted');
        throw new CommandError(
          ErrorCode.WriteConflict,
          'WriteConflict error: this operation conflicted with another operation. Please retry your operation or multi-document transaction.',
        );
      }
      const txn = new Transaction(fields.key, n, this.engine.openCapture());
      session.txn = txn;
      this.holder = txn;
      txn.expiry = setTimeout(() => {
        if (txn.state === 'inProgress') this.finish(txn, 'aborted');
      }, this.parameters.transactionLifetimeLimitSeconds * 1000);
      txn.expiry.unref();
      op.txn = txn;
      return;
    }

    const txn = session.txn;
    if (n !== session.txnNumber || !txn)
      throw new CommandError(
        ErrorCode.NoSuchTransaction,
        `Given transaction number ${n} does not match any in-progress transactions. The active transaction number is ${session.txnNumber}`,
      );
    if (txn.state === 'aborted' && name !== 'aborttransaction')
      throw new CommandError(
        ErrorCode.NoSuchTransaction,
        `Transaction with { txnNumber: ${n} } has been aborted.`,
      );
    if (txn.state === 'committed' && name !== 'committransaction')
      throw new CommandError(
        ErrorCode.TransactionCommitted,
        `Transaction with { txnNumber: ${n} } has been committed.`,
      );
    if (cmd.readConcern !== undefined && !TRANSACTION_COMMANDS.has(name))
      throw new CommandError(
        ErrorCode.InvalidOptions,
        'Only the first command in a transaction may specify a readConcern',
      );
    op.txn = txn;
  }

  /** After a command ran: remembers a retryable write's reply; a failed statement aborts its transaction. */
  complete(op: Operation, reply: Document): Document {
    const { txn, fields } = op;
    if (txn && txn.state === 'inProgress' && !TRANSACTION_COMMANDS.has(op.name.toLowerCase())) {
      // Inside a transaction a write error fails the whole statement (and with it the transaction).
      const writeError = Array.isArray(reply.writeErrors) ? reply.writeErrors[0] : undefined;
      if (writeError) {
        const { index: _index, code, errmsg, ...extra } = writeError as Document;
        reply = new CommandError(Number(code), String(errmsg), extra).toReply();
      }
      if (reply.ok !== 1) this.finish(txn, 'aborted');
    }
    if (reply.ok === 1 && fields.key && fields.txnNumber !== undefined && fields.autocommit === undefined) {
      const session = this.sessions.get(fields.key);
      if (session && session.txnNumber === fields.txnNumber) session.retryReply = reply;
    }
    if (reply.ok === 1 && isPlainObject(reply.writeConcernError) && reply.errorLabels === undefined) {
      // mongod labels write concern errors too: the write happened, its durability is unknown.
      const labels: string[] = [];
      const name = op.name.toLowerCase();
      const retryable = RETRYABLE_CODES.has(Number(reply.writeConcernError.code));
      if (
        retryable &&
        (TRANSACTION_COMMANDS.has(name) ||
          (fields.txnNumber !== undefined && fields.autocommit === undefined))
      )
        labels.push('RetryableWriteError');
      if (name === 'committransaction') labels.push('UnknownTransactionCommitResult');
      if (labels.length > 0) reply.errorLabels = labels;
    }
    return reply.ok === 1 ? reply : this.labelled(op, reply);
  }

  /** An error raised before or while running the command. */
  failed(op: Operation, reply: Document): Document {
    if (op.txn && op.txn.state === 'inProgress' && !TRANSACTION_COMMANDS.has(op.name.toLowerCase()))
      this.finish(op.txn, 'aborted');
    return this.labelled(op, reply);
  }

  commit(op: Operation): Document {
    const txn = op.txn!;
    if (txn.state === 'inProgress') this.finish(txn, 'committed');
    return { ok: 1 };
  }

  abort(op: Operation): Document {
    const txn = op.txn!;
    if (txn.state === 'aborted')
      throw new CommandError(
        ErrorCode.NoSuchTransaction,
        `Transaction with { txnNumber: ${txn.txnNumber} } has been aborted.`,
      );
    this.finish(txn, 'aborted');
    return { ok: 1 };
  }

  /** endSessions / killSessions: open transactions of those sessions are aborted. */
  endSessions(keys: string[]): void {
    for (const key of keys) {
      const session = this.sessions.get(key);
      if (session?.txn?.state === 'inProgress') this.finish(session.txn, 'aborted');
      this.sessions.delete(key);
    }
  }

  /** killAllSessions, server shutdown: aborts every open transaction. */
  endAll(): void {
    this.endSessions([...this.sessions.keys()]);
  }

  /** Forgets sessions idle longer than logicalSessionTimeoutMinutes. */
  reapIdle(now = Date.now()): void {
    for (const [key, s] of this.sessions)
      if (now - s.lastUse > SESSION_TIMEOUT_MS && s.txn?.state !== 'inProgress') this.sessions.delete(key);
  }

  /** $listLocalSessions: the sessions this server knows. */
  localSessions(): Document[] {
    return [...this.sessions.values()].map((s) => ({
      _id: { id: s.id, uid: ANONYMOUS_UID },
      lastUse: new Date(s.lastUse),
    }));
  }

  get openTransaction(): Transaction | undefined {
    return this.holder;
  }

  private session(key: string, id: unknown): SessionRecord {
    let s = this.sessions.get(key);
    if (!s) this.sessions.set(key, (s = { id, txnNumber: -1, lastUse: Date.now() }));
    s.lastUse = Date.now();
    return s;
  }

  /** Moves a session to a newer transaction number, aborting what was open at the old one. */
  private advance(session: SessionRecord, n: number): void {
    if (session.txn?.state === 'inProgress') this.finish(session.txn, 'aborted');
    session.txnNumber = n;
    session.txn = undefined;
    session.retryReply = undefined;
  }

  private finish(txn: Transaction, state: 'committed' | 'aborted'): void {
    if (txn.state !== 'inProgress') return;
    txn.state = state;
    clearTimeout(txn.expiry);
    if (state === 'committed') this.engine.commitCapture(txn.capture);
    else this.engine.rollbackCapture(txn.capture);
    this.onTransactionEnd(txn);
    if (this.holder === txn) {
      this.holder = undefined;
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Adds mongod's errorLabels to an error reply (getErrorLabels in mongod's error_labels.cpp). */
  private labelled(op: Operation, reply: Document): Document {
    if (reply.ok === 1 || reply.errorLabels !== undefined) return reply;
    const code = Number(reply.code);
    const name = op.name.toLowerCase();
    const labels: string[] = [];
    const commitOrAbort = TRANSACTION_COMMANDS.has(name);
    if (op.fields.autocommit === false) {
      const transient = commitOrAbort
        ? code === ErrorCode.NoSuchTransaction || TRANSIENT_CODES.has(code)
        : code === ErrorCode.NoSuchTransaction || TRANSIENT_CODES.has(code) || RETRYABLE_CODES.has(code);
      if (transient) labels.push('TransientTransactionError');
      if (name === 'committransaction' && (RETRYABLE_CODES.has(code) || code === 50) /* MaxTimeMSExpired */)
        labels.push('UnknownTransactionCommitResult');
    }
    const retryableWrite = op.fields.txnNumber !== undefined && op.fields.autocommit === undefined;
    if ((retryableWrite || commitOrAbort) && RETRYABLE_CODES.has(code)) labels.push('RetryableWriteError');
    return labels.length > 0 ? { ...reply, errorLabels: labels } : reply;
  }
}

function validateTransactionReadConcern(readConcern: unknown): void {
  if (readConcern === undefined) return;
  const level = isPlainObject(readConcern) ? readConcern.level : undefined;
  if (level !== undefined && !READ_CONCERN_LEVELS_IN_TRANSACTION.has(String(level)))
    throw new CommandError(
      ErrorCode.InvalidOptions,
      `The readConcern level must be either 'local' (default), 'majority' or 'snapshot' in order to run in a transaction`,
    );
}
