import type { Connection, mongo } from 'mongoose';
import type { Logger } from '../logger/logger';
import { HEAD_COUNTER_ID, type BusEventDoc, type EventStores, type OutboxDoc } from './bus.model';
import { PollLoop } from './poll.loop';

export interface OutboxRelayOptions {
  connection: Connection;
  stores: EventStores;
  clock: () => Date;
  logger: Logger;
  intervalMs: number;
  /** Outbox rows moved per transaction. */
  batchSize: number;
  /** Called with the new head after a batch reached the bus (in-process consumers wake up). */
  onRelayed?: (head: number) => void;
}

/**
 * Moves committed outbox rows of one service to the bus, in ONE transaction per batch spanning the
 * service's database and the bus database (same client): read pending rows, take a range of seqs from the
 * head counter (`$inc`), insert the events, mark the rows relayed. So:
 * - nothing is lost: a row stays pending until the transaction that copied it commits, and a crash at any
 *   point leaves it pending for the next run (of this process or a restarted one);
 * - seqs have no gaps and become visible in order: two relays (other services, other replicas) both write
 *   the counter document, so MongoDB serialises them (write conflict → retry), and a seq is visible only
 *   together with every smaller one — a consumer reading "seq > position" never skips one that commits late;
 * - idempotent on the event id: the bus's `_id` is the event id, and rows already on the bus are only
 *   marked relayed.
 */
export class OutboxRelay {
  private readonly loop: PollLoop;
  relayedTotal = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.loop = new PollLoop({
      name: `${options.stores.source} outbox relay`,
      intervalMs: options.intervalMs,
      step: () => this.relayBatch().then((n) => n === this.options.batchSize),
      onError: (err, failures) =>
        options.logger.error({ err, failures }, 'outbox relay failed; retrying with back-off'),
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  nudge(): void {
    this.loop.nudge();
  }

  /** Relays until the outbox has no pending row left (uses the loop when running, so steps never overlap). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.loop.isRunning) await this.loop.cycle();
      else await this.relayBatch();
      if ((await this.pending()) === 0) return;
    }
  }

  /** Outbox rows not yet on the bus. */
  pending(): Promise<number> {
    return this.options.stores.outbox.countDocuments({ relayedAt: null });
  }

  /** One batch; returns how many rows it took from the outbox. Exposed for the loop and for tests. */
  async relayBatch(): Promise<number> {
    const { outbox, busEvents, counters } = this.options.stores;
    const session = await this.options.connection.startSession();
    let head = 0;
    let moved: number;
    try {
      moved = await session.withTransaction(async () => {
        const rows = await outbox
          .find({ relayedAt: null }, { session, sort: { _id: 1 }, limit: this.options.batchSize })
          .toArray();
        if (rows.length === 0) return 0;
        const ids = rows.map((r) => r._id);
        const known = new Map(
          (await busEvents.find({ _id: { $in: ids } }, { session, projection: { seq: 1 } }).toArray()).map(
            (e) => [e._id, e.seq],
          ),
        );
        const fresh = rows.filter((r) => !known.has(r._id));
        const relayedAt = this.options.clock();
        if (fresh.length) {
          const counter = await counters.findOneAndUpdate(
            { _id: HEAD_COUNTER_ID },
            { $inc: { seq: fresh.length } },
            { session, upsert: true, returnDocument: 'after' },
          );
          head = counter!.seq;
          const first = head - fresh.length + 1;
          fresh.forEach((r, i) => known.set(r._id, first + i));
          await busEvents.insertMany(
            fresh.map((r) => toBusDoc(r, known.get(r._id)!, relayedAt)),
            { session, ordered: true },
          );
        }
        const marks: mongo.AnyBulkWriteOperation<OutboxDoc>[] = rows.map((r) => ({
          updateOne: {
            filter: { _id: r._id, relayedAt: null },
            update: { $set: { relayedAt, seq: known.get(r._id)! } },
          },
        }));
        await outbox.bulkWrite(marks, { session, ordered: false });
        return rows.length;
      });
    } finally {
      await session.endSession();
    }
    if (moved) {
      this.relayedTotal += moved;
      if (head) this.options.onRelayed?.(head);
    }
    return moved;
  }
}

function toBusDoc(row: OutboxDoc, seq: number, relayedAt: Date): BusEventDoc {
  return {
    _id: row._id,
    seq,
    type: row.type,
    source: row.source,
    customerId: row.customerId,
    occurredAt: row.occurredAt,
    payload: row.payload,
    schemaVersion: row.schemaVersion,
    relayedAt,
  } as BusEventDoc;
}
