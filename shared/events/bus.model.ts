import type { Connection, mongo } from 'mongoose';
import type { AnyDomainEvent, EventSource } from '../contract/events';

/** The bus database every service relays into unless configured otherwise (same MongoDB deployment). */
export const DEFAULT_BUS_DB_NAME = 'c360_events';

/**
 * Collection names of the event machinery. `outbox`, `event_positions` and `event_dead_letters` live in
 * each service's own database; `events` and `event_counters` in the bus database.
 */
export const EVENT_COLLECTIONS = {
  outbox: 'outbox',
  positions: 'event_positions',
  busEvents: 'events',
  busCounters: 'event_counters',
} as const;

/** The counter document whose `seq` is the bus head (the last seq handed out). */
export const HEAD_COUNTER_ID = 'events';

/** An outbox row: the event as emitted, until the relay has copied it to the bus. */
export type OutboxDoc = Omit<AnyDomainEvent, 'id'> & {
  _id: string;
  /** Set in the transaction that copied the row to the bus; rows stay for a while for inspection. */
  relayedAt: Date | null;
  /** The seq the bus gave the event. */
  seq: number | null;
};

/** A bus event: the envelope plus its place in the one global order. */
export type BusEventDoc = Omit<AnyDomainEvent, 'id'> & { _id: string; seq: number; relayedAt: Date };

export interface CounterDoc {
  _id: string;
  seq: number;
}

/** A consumer's position: the highest seq it has dealt with (handled, or skipped as not its type). */
export interface PositionDoc {
  _id: string;
  seq: number;
  updatedAt: Date;
}

/** Native driver collections of one service and of the bus, through the service's own client. */
export interface EventStores {
  source: EventSource;
  serviceDb: mongo.Db;
  busDb: mongo.Db;
  outbox: mongo.Collection<OutboxDoc>;
  positions: mongo.Collection<PositionDoc>;
  busEvents: mongo.Collection<BusEventDoc>;
  counters: mongo.Collection<CounterDoc>;
}

/** Relayed outbox rows are kept this long (TTL index), for inspection; the bus keeps events for good. */
export const RELAYED_OUTBOX_TTL_SECONDS = 7 * 24 * 3600;

export function eventStores(connection: Connection, source: EventSource, busDbName: string): EventStores {
  const serviceDb = connection.db;
  if (!serviceDb) throw new Error('event stores need an open MongoDB connection');
  // useDb shares the service's client (pool, sessions): one transaction can span both databases.
  const busDb = connection.useDb(busDbName, { useCache: true }).db;
  if (!busDb) throw new Error(`cannot open the bus database "${busDbName}"`);
  return {
    source,
    serviceDb,
    busDb,
    outbox: serviceDb.collection<OutboxDoc>(EVENT_COLLECTIONS.outbox),
    positions: serviceDb.collection<PositionDoc>(EVENT_COLLECTIONS.positions),
    busEvents: busDb.collection<BusEventDoc>(EVENT_COLLECTIONS.busEvents),
    counters: busDb.collection<CounterDoc>(EVENT_COLLECTIONS.busCounters),
  };
}

/**
 * Creates the collections, indexes and the head counter up front: transactions may not create
 * collections on every MongoDB version, and unique indexes must exist before the first event.
 */
export async function ensureEventStores(stores: EventStores): Promise<void> {
  await Promise.all([
    stores.outbox.createIndexes([
      { key: { relayedAt: 1, _id: 1 }, name: 'pending' },
      { key: { relayedAt: 1 }, name: 'relayed_ttl', expireAfterSeconds: RELAYED_OUTBOX_TTL_SECONDS },
    ]),
    stores.busEvents.createIndexes([
      { key: { seq: 1 }, name: 'seq', unique: true },
      { key: { type: 1, seq: 1 }, name: 'type_seq' },
    ]),
  ]);
  await stores.counters.updateOne({ _id: HEAD_COUNTER_ID }, { $setOnInsert: { seq: 0 } }, { upsert: true });
}

/** The envelope of a stored row (outbox or bus), as consumers and webhooks see it. */
export function toEvent(doc: OutboxDoc | BusEventDoc): AnyDomainEvent {
  return {
    id: doc._id,
    type: doc.type,
    source: doc.source,
    customerId: doc.customerId,
    occurredAt: doc.occurredAt,
    payload: doc.payload,
    schemaVersion: doc.schemaVersion,
  } as AnyDomainEvent;
}

/** The bus head: the highest seq handed out (every event up to it is committed and visible). */
export async function readHead(stores: Pick<EventStores, 'counters'>): Promise<number> {
  const doc = await stores.counters.findOne({ _id: HEAD_COUNTER_ID });
  return doc?.seq ?? 0;
}
