import type { Connection, mongo } from 'mongoose';
import { newId } from '../ids/ids';
import {
  EVENT_OWNERS,
  EVENT_SCHEMA_VERSION,
  type EventPayloads,
  type EventSource,
  type EventType,
} from '../contract/events';
import type { EventStores, OutboxDoc } from './bus.model';

/** Records an event in the transaction in progress; returns its id. Nothing is written if it aborts. */
export type Emit = <T extends EventType>(
  type: T,
  customerId: string | null,
  payload: EventPayloads[T],
) => string;

/**
 * The body of a transaction: every write must pass `session`; events go through `emit`. It may run more
 * than once (MongoDB retries transient conflicts), so it must not have effects outside the database.
 */
export type TransactionWork<R> = (session: mongo.ClientSession, emit: Emit) => Promise<R>;

export interface EventOutboxOptions {
  connection: Connection;
  stores: Pick<EventStores, 'outbox' | 'source'>;
  clock: () => Date;
  /** Called after a commit that emitted events (the relay is nudged, so latency stays low). */
  onCommitted?: () => void;
}

/**
 * The transactional outbox of one service: a change and the events describing it are written in ONE
 * MongoDB transaction in the service's own database, so an event exists exactly when its change does.
 * A failed write (validation, duplicate key, conflict) aborts the transaction and emits nothing.
 */
export class EventOutbox {
  readonly source: EventSource;

  constructor(private readonly options: EventOutboxOptions) {
    this.source = options.stores.source;
  }

  async runInTransaction<R>(work: TransactionWork<R>): Promise<R> {
    const session = await this.options.connection.startSession();
    let emitted = 0;
    try {
      const result = await session.withTransaction(async () => {
        // Fresh per attempt: a retried transaction must not carry events from the aborted one.
        const rows: OutboxDoc[] = [];
        const emit: Emit = (type, customerId, payload) => {
          if (EVENT_OWNERS[type] !== this.source) {
            throw new Error(`${this.source} may not emit ${type} (owned by ${EVENT_OWNERS[type]})`);
          }
          const _id = newId('evt');
          rows.push({
            _id,
            type,
            source: this.source,
            customerId,
            occurredAt: this.options.clock(),
            payload,
            schemaVersion: EVENT_SCHEMA_VERSION,
            relayedAt: null,
            seq: null,
          } as OutboxDoc);
          return _id;
        };
        const value = await work(session, emit);
        if (rows.length) await this.options.stores.outbox.insertMany(rows, { session });
        emitted = rows.length;
        return value;
      });
      if (emitted) this.options.onCommitted?.();
      return result;
    } finally {
      await session.endSession();
    }
  }
}
