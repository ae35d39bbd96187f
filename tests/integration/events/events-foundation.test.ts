import type { Connection } from 'mongoose';
import { Registry } from 'prom-client';
import type { EventSource } from '../../../shared/contract/events';
import { ServiceEvents, settleEvents, readHead, type SubscribeOptions } from '../../../shared/events';
import { createLogger } from '../../../shared/logger/logger';
import { connectMongo } from '../../../shared/mongo';
import { testBusDbName } from '../../helpers/event-commands';
import { testMongoUri, uniqueDbName } from '../../helpers/mongo';

/**
 * The change-event foundation against the test MongoDB (embedded server or MONGODB_URI): outbox in the
 * transaction of the change, relay to the bus with one gap-free order, consumers exactly once per
 * consumer database across restarts and replicas.
 */
const logger = createLogger('events-test', 'silent');
const fast = { relayIntervalMs: 50, pollIntervalMs: 20 };

interface Opened {
  connection: Connection;
  events: ServiceEvents;
  dbName: string;
}
const opened: Opened[] = [];
const dbsToDrop = new Set<string>();
let busDbName: string;

async function openService(source: EventSource, dbName: string, batch: { relayBatchSize?: number } = {}) {
  const connection = await connectMongo({ uri: testMongoUri(), dbName, poolSize: 5 });
  const events = await ServiceEvents.create({
    connection,
    source,
    settings: { busDbName, ...fast, ...batch },
    logger,
  });
  dbsToDrop.add(dbName);
  const o = { connection, events, dbName };
  opened.push(o);
  return o;
}

/** Ends a service as a crash would for the event machinery: nothing flushed, connection gone. */
async function crash(o: Opened) {
  await o.events.stop();
  await o.connection.close();
}

function orderPayload(n: number) {
  return {
    orderId: `ord_${n}`,
    orderNumber: `N${n}`,
    status: 'PAID',
    channel: 'WEB',
    currency: 'EUR',
    totalMinor: 100 * n,
    itemCount: 1,
  };
}

beforeEach(() => {
  busDbName = testBusDbName('bus');
  dbsToDrop.add(busDbName);
});

afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.events.stop().catch(() => {});
    if (o.connection.readyState === 1) await o.connection.close();
  }
  const cleaner = await connectMongo({ uri: testMongoUri(), dbName: 'admin', poolSize: 1 });
  for (const db of dbsToDrop)
    await cleaner
      .useDb(db)
      .dropDatabase()
      .catch(() => {});
  dbsToDrop.clear();
  await cleaner.close();
});

describe('transactional outbox', () => {
  it('writes a change and its events together, and nothing for a write that failed', async () => {
    const sales = await openService('sales', uniqueDbName('ev_sales'));
    const widgets = sales.connection.db!.collection<{ _id: string }>('widgets');
    const outbox = sales.events.stores.outbox;

    const id = await sales.events.outbox.runInTransaction(async (session, emit) => {
      await widgets.insertOne({ _id: 'w1' }, { session });
      return emit('order.placed', 'cus_1', orderPayload(1));
    });
    expect(id).toMatch(/^evt_[0-9a-f]{24}$/);
    const row = await outbox.findOne({ _id: id });
    expect(row).toMatchObject({
      type: 'order.placed',
      source: 'sales',
      customerId: 'cus_1',
      payload: orderPayload(1),
      schemaVersion: 1,
      relayedAt: null,
      seq: null,
    });
    expect(row!.occurredAt).toBeInstanceOf(Date);

    // The work throws after writing: the write and the event are both rolled back.
    await expect(
      sales.events.outbox.runInTransaction(async (session, emit) => {
        await widgets.insertOne({ _id: 'w2' }, { session });
        emit('order.placed', 'cus_2', orderPayload(2));
        throw new Error('validation failed after the write');
      }),
    ).rejects.toThrow('validation failed after the write');
    // The write itself fails (duplicate key): the event emitted before it is not written either.
    await expect(
      sales.events.outbox.runInTransaction(async (session, emit) => {
        emit('order.placed', 'cus_3', orderPayload(3));
        await widgets.insertOne({ _id: 'w1' }, { session });
      }),
    ).rejects.toMatchObject({ code: 11000 });
    // A service may only emit the events it owns.
    await expect(
      sales.events.outbox.runInTransaction(async (session, emit) => {
        await widgets.insertOne({ _id: 'w4' }, { session });
        emit('ticket.opened', 'cus_4', {
          ticketId: 't',
          channel: 'EMAIL',
          category: 'QUESTION',
          priority: 'LOW',
        });
      }),
    ).rejects.toThrow('sales may not emit ticket.opened (owned by support)');

    expect(
      await widgets
        .find()
        .map((w) => w._id)
        .toArray(),
    ).toEqual(['w1']);
    expect(
      await outbox
        .find()
        .map((r) => r._id)
        .toArray(),
    ).toEqual([id]);
  });
});

describe('relay', () => {
  it('moves outbox rows to the bus with consecutive seqs in emit order and marks them relayed', async () => {
    const sales = await openService('sales', uniqueDbName('ev_sales'));
    const ids: string[] = [];
    for (let n = 1; n <= 4; n++) {
      ids.push(
        await sales.events.outbox.runInTransaction(async (_s, emit) =>
          emit('order.placed', `cus_${n}`, orderPayload(n)),
        ),
      );
    }
    ids.push(
      ...(await sales.events.outbox.runInTransaction(async (_s, emit) => [
        emit('order.placed', 'cus_5', orderPayload(5)),
        emit('order.status-changed', 'cus_5', {
          orderId: 'ord_5',
          orderNumber: 'N5',
          from: 'PAID',
          to: 'SHIPPED',
        }),
      ])),
    );

    expect(await sales.events.relay.relayBatch()).toBe(6);
    const bus = await sales.events.stores.busEvents.find({}, { sort: { seq: 1 } }).toArray();
    expect(bus.map((e) => [e.seq, e._id])).toEqual(ids.map((id, i) => [i + 1, id]));
    expect(bus[5]).toMatchObject({ type: 'order.status-changed', customerId: 'cus_5', source: 'sales' });
    expect(await readHead(sales.events.stores)).toBe(6);
    const rows = await sales.events.stores.outbox.find({}, { sort: { _id: 1 } }).toArray();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.every((r) => r.relayedAt instanceof Date)).toBe(true);
    expect(await sales.events.relay.relayBatch()).toBe(0);
  });

  it('is idempotent on the event id: a row already on the bus is only marked', async () => {
    const sales = await openService('sales', uniqueDbName('ev_sales'));
    const id = await sales.events.outbox.runInTransaction(async (_s, emit) =>
      emit('order.placed', 'cus_1', orderPayload(1)),
    );
    await sales.events.relay.relayBatch();
    // The row comes back pending (e.g. restored from a backup taken before the relay marked it).
    await sales.events.stores.outbox.updateOne({ _id: id }, { $set: { relayedAt: null, seq: null } });

    expect(await sales.events.relay.relayBatch()).toBe(1);
    expect(await sales.events.stores.busEvents.countDocuments()).toBe(1);
    expect(await readHead(sales.events.stores)).toBe(1);
    expect(await sales.events.stores.outbox.findOne({ _id: id })).toMatchObject({ seq: 1 });
  });

  it('a relay batch that fails half-way changes nothing: rows stay pending, no seq is used up', async () => {
    const sales = await openService('sales', uniqueDbName('ev_sales'));
    for (let n = 1; n <= 3; n++) {
      await sales.events.outbox.runInTransaction(async (_s, emit) =>
        emit('order.placed', `cus_${n}`, orderPayload(n)),
      );
    }
    // A row squatting on seq 2 makes the insert of the batch fail after the counter moved to 3.
    await sales.events.stores.busEvents.insertOne({ ...squatter(), seq: 2 });

    await expect(sales.events.relay.relayBatch()).rejects.toMatchObject({ code: 11000 });
    expect(await readHead(sales.events.stores)).toBe(0);
    expect(await sales.events.relay.pending()).toBe(3);

    await sales.events.stores.busEvents.deleteOne({ _id: 'evt_squatter' });
    expect(await sales.events.relay.relayBatch()).toBe(3);
    expect(await readHead(sales.events.stores)).toBe(3);
  });

  it('a crash between commit and relay loses nothing: the next start relays it, once', async () => {
    const dbName = uniqueDbName('ev_sales');
    const first = await openService('sales', dbName);
    const ids: string[] = [];
    for (let n = 1; n <= 20; n++) {
      ids.push(
        await first.events.outbox.runInTransaction(async (_s, emit) =>
          emit('order.placed', `cus_${n}`, orderPayload(n)),
        ),
      );
    }
    await crash(first); // never started: nothing was relayed

    const restarted = await openService('sales', dbName);
    await restarted.events.start();
    await restarted.events.waitUntilCaughtUp();
    const bus = await restarted.events.stores.busEvents.find({}, { sort: { seq: 1 } }).toArray();
    expect(bus.map((e) => e._id)).toEqual(ids);
    expect(bus.map((e) => e.seq)).toEqual(ids.map((_, i) => i + 1));
    expect(await restarted.events.relay.pending()).toBe(0);
  });

  it('relays of several services interleave into one gap-free order, each event once', async () => {
    const sales = await openService('sales', uniqueDbName('ev_sales'), { relayBatchSize: 7 });
    const support = await openService('support', uniqueDbName('ev_support'), { relayBatchSize: 5 });
    await Promise.all([sales.events.start(), support.events.start()]);
    const emitted: Record<string, string[]> = { sales: [], support: [] };
    await Promise.all([
      (async () => {
        for (let n = 0; n < 40; n++) {
          emitted.sales.push(
            await sales.events.outbox.runInTransaction(async (_s, emit) =>
              emit('order.placed', `cus_${n}`, orderPayload(n)),
            ),
          );
        }
      })(),
      (async () => {
        for (let n = 0; n < 40; n++) {
          emitted.support.push(
            await support.events.outbox.runInTransaction(async (_s, emit) =>
              emit('ticket.opened', `cus_${n}`, {
                ticketId: `tic_${n}`,
                channel: 'EMAIL',
                category: 'QUESTION',
                priority: 'LOW',
              }),
            ),
          );
        }
      })(),
    ]);
    await settleEvents([sales.events, support.events]);

    const bus = await sales.events.stores.busEvents.find({}, { sort: { seq: 1 } }).toArray();
    expect(bus.map((e) => e.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(new Set(bus.map((e) => e._id)).size).toBe(80);
    // Each service's events keep their emit order within the global one.
    expect(bus.filter((e) => e.source === 'sales').map((e) => e._id)).toEqual(emitted.sales);
    expect(bus.filter((e) => e.source === 'support').map((e) => e._id)).toEqual(emitted.support);
  });
});

describe('consumers', () => {
  /** A consumer that writes one row per handled event in its own database, through the session. */
  function auditConsumer(
    o: Opened,
    invocations: number[],
    opts: Partial<SubscribeOptions<'order.placed' | 'ticket.opened'>> = {},
  ) {
    const seen = o.connection.db!.collection<{ eventId: string; seq: number; type: string }>('seen');
    return o.events.subscribe({
      name: 'audit',
      types: ['order.placed', 'ticket.opened'],
      batchSize: 4,
      handler: async (event, { session }) => {
        invocations.push(event.seq);
        await seen.insertOne({ eventId: event.id, seq: event.seq, type: event.type }, { session });
      },
      ...opts,
    });
  }

  async function produce(sales: Opened, support: Opened, from: number, to: number) {
    const wanted: string[] = [];
    for (let n = from; n < to; n++) {
      wanted.push(
        await sales.events.outbox.runInTransaction(async (_s, emit) =>
          emit('order.placed', `cus_${n}`, orderPayload(n)),
        ),
      );
      // Not subscribed: skipped without a handler call.
      await sales.events.outbox.runInTransaction(async (_s, emit) =>
        emit('order.status-changed', `cus_${n}`, {
          orderId: `ord_${n}`,
          orderNumber: `N${n}`,
          from: 'PAID',
          to: 'SHIPPED',
        }),
      );
      if (n % 3 === 0) {
        wanted.push(
          await support.events.outbox.runInTransaction(async (_s, emit) =>
            emit('ticket.opened', `cus_${n}`, {
              ticketId: `tic_${n}`,
              channel: 'CHAT',
              category: 'QUESTION',
              priority: 'LOW',
            }),
          ),
        );
      }
    }
    return wanted;
  }

  it('handle every event exactly once, in bus order, across a failure and a restart', async () => {
    const sales = await openService('sales', uniqueDbName('ev_sales'));
    const support = await openService('support', uniqueDbName('ev_support'));
    const consumerDb = uniqueDbName('ev_insights');
    const first = await openService('insights', consumerDb);
    const runs: number[][] = [[], []];
    let failOnce = true;
    auditConsumer(first, runs[0], {
      handler: async (event, { session }) => {
        runs[0].push(event.seq);
        await first.connection
          .db!.collection('seen')
          .insertOne({ eventId: event.id, seq: event.seq }, { session });
        // A transient failure after the write of the third event: rolled back, retried, handled once.
        if (runs[0].length === 3 && failOnce) {
          failOnce = false;
          throw new Error('transient');
        }
      },
    });
    await Promise.all([sales.events.start(), support.events.start(), first.events.start()]);

    const wanted = await produce(sales, support, 0, 15);
    const seen = first.connection.db!.collection<{ eventId: string; seq: number }>('seen');
    while ((await seen.countDocuments()) < 8) await new Promise((r) => setTimeout(r, 10));
    await crash(first);

    wanted.push(...(await produce(sales, support, 15, 30)));
    const second = await openService('insights', consumerDb);
    auditConsumer(second, runs[1]);
    await Promise.all([
      second.events.start(),
      sales.events.waitUntilCaughtUp(),
      support.events.waitUntilCaughtUp(),
    ]);
    const head = await second.events.waitUntilCaughtUp();

    const rows = await second.connection
      .db!.collection<{ eventId: string; seq: number }>('seen')
      .find()
      .toArray();
    expect(rows.map((r) => r.eventId).sort()).toEqual([...wanted].sort());
    expect(rows.length).toBe(wanted.length);
    // In bus order within each run (the failed attempt repeats its seq once), and the restarted consumer
    // goes on after the last event the first one committed.
    const ascending = (run: number[]) => run.every((seq, i) => i === 0 || seq >= run[i - 1]);
    expect(ascending(runs[0])).toBe(true);
    expect(runs[0].length).toBe(new Set(runs[0]).size + 1);
    expect(runs[0][2]).toBe(runs[0][3]);
    expect(ascending(runs[1])).toBe(true);
    expect(new Set(runs[1]).size).toBe(runs[1].length);
    expect(Math.min(...runs[1])).toBeGreaterThan(Math.max(...runs[0]));
    expect(new Set(runs[0]).size + runs[1].length).toBe(wanted.length);
    expect(await second.events.stores.positions.findOne({ _id: 'audit' })).toMatchObject({ seq: head });
  });

  it('two replicas of one consumer share the work and never handle an event twice', async () => {
    const sales = await openService('sales', uniqueDbName('ev_sales'));
    const support = await openService('support', uniqueDbName('ev_support'));
    const consumerDb = uniqueDbName('ev_insights');
    const a = await openService('insights', consumerDb);
    const b = await openService('insights', consumerDb);
    const byReplica: Record<string, number[]> = { a: [], b: [] };
    for (const [name, o] of [
      ['a', a],
      ['b', b],
    ] as const) {
      o.events.subscribe({
        name: 'audit',
        types: ['order.placed', 'ticket.opened'],
        batchSize: 3,
        handler: async (event, { session }) => {
          byReplica[name].push(event.seq);
          // No unique key: a second handling would show up as a second row.
          await o.connection
            .db!.collection('handled')
            .insertOne({ eventId: event.id, replica: name }, { session });
        },
      });
    }
    await Promise.all([sales, support, a, b].map((o) => o.events.start()));
    const wanted = await produce(sales, support, 0, 30);
    await settleEvents([sales.events, support.events, a.events, b.events]);

    const rows = await a.connection.db!.collection<{ eventId: string }>('handled').find().toArray();
    expect(rows.length).toBe(wanted.length);
    expect(new Set(rows.map((r) => r.eventId))).toEqual(new Set(wanted));
  });

  it('a consumer starting at the head skips history; lag and positions are exported as metrics', async () => {
    const sales = await openService('sales', uniqueDbName('ev_sales'));
    await sales.events.start();
    for (let n = 0; n < 3; n++) {
      await sales.events.outbox.runInTransaction(async (_s, emit) =>
        emit('order.placed', `cus_${n}`, orderPayload(n)),
      );
    }
    await sales.events.waitUntilCaughtUp();

    const consumer = await openService('insights', uniqueDbName('ev_insights'));
    const handled: string[] = [];
    consumer.events.subscribe({
      name: 'from-now',
      types: ['order.placed'],
      startAt: 'head',
      handler: async (event) => {
        handled.push(event.payload.orderId);
      },
    });
    const registry = new Registry();
    consumer.events.registerMetrics(registry);
    await consumer.events.start();
    await sales.events.outbox.runInTransaction(async (_s, emit) =>
      emit('order.placed', 'cus_9', orderPayload(9)),
    );
    await settleEvents([sales.events, consumer.events]);

    expect(handled).toEqual(['ord_9']);
    const text = await registry.metrics();
    expect(text).toContain('events_consumer_lag{consumer="from-now"} 0');
    expect(text).toContain('events_consumer_position{consumer="from-now"} 4');
    expect(text).toContain('events_consumer_handled{consumer="from-now"} 1');
    expect(text).toContain('events_outbox_pending 0');
  });
});

function squatter() {
  return {
    _id: 'evt_squatter',
    type: 'order.placed' as const,
    source: 'sales' as const,
    customerId: null,
    occurredAt: new Date(),
    payload: orderPayload(0),
    schemaVersion: 1,
    relayedAt: new Date(),
  };
}
