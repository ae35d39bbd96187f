import type { Connection } from 'mongoose';
import type { Registry } from 'prom-client';
import type { EventSource, EventType } from '../contract/events';
import type { Logger } from '../logger/logger';
import { ensureEventStores, eventStores, readHead, type EventStores } from './bus.model';
import { EventConsumer, type SubscribeOptions } from './consumer.service';
import { registerEventMetrics } from './events.metrics';
import { EventOutbox } from './outbox.service';
import { OutboxRelay } from './relay.service';

export interface EventsSettings {
  /** The bus database (same deployment, reached through the service's own client). */
  busDbName: string;
  /** Relay poll interval; commits of this process nudge it, so this only bounds recovery latency. */
  relayIntervalMs: number;
  /** Consumer poll interval: the delay for events relayed by other processes. */
  pollIntervalMs: number;
  /** Outbox rows per relay transaction. */
  relayBatchSize: number;
}

export const DEFAULT_EVENTS_SETTINGS: EventsSettings = {
  busDbName: 'c360_events',
  relayIntervalMs: 1000,
  pollIntervalMs: 250,
  relayBatchSize: 200,
};

/** In-process hint: relays wake the consumers of the same bus in this process (`npm start`, tests). */
const busListeners = new Map<string, Set<() => void>>();

function onBusAdvanced(busDbName: string, listener: () => void): () => void {
  let set = busListeners.get(busDbName);
  if (!set) busListeners.set(busDbName, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function signalBusAdvanced(busDbName: string): void {
  for (const listener of busListeners.get(busDbName) ?? []) listener();
}

/** MongoDB's answer when a deployment has no transactions (standalone mongod: IllegalOperation). */
const ILLEGAL_OPERATION = 20;

/**
 * A service's change-event machinery: its transactional outbox, the relay to the bus, and its consumers.
 * Built by the service's server, started by `listen`, stopped with the service.
 */
export class ServiceEvents {
  readonly outbox: EventOutbox;
  readonly relay: OutboxRelay;
  private readonly consumers: EventConsumer[] = [];
  private started = false;
  private unlisten: (() => void) | null = null;

  private constructor(
    readonly stores: EventStores,
    private readonly deps: {
      connection: Connection;
      settings: EventsSettings;
      logger: Logger;
      clock: () => Date;
    },
  ) {
    this.relay = new OutboxRelay({
      connection: deps.connection,
      stores,
      clock: deps.clock,
      logger: deps.logger,
      intervalMs: deps.settings.relayIntervalMs,
      batchSize: deps.settings.relayBatchSize,
      onRelayed: () => signalBusAdvanced(deps.settings.busDbName),
    });
    this.outbox = new EventOutbox({
      connection: deps.connection,
      stores,
      clock: deps.clock,
      onCommitted: () => this.relay.nudge(),
    });
  }

  /**
   * Creates the collections and indexes, and checks that the deployment runs transactions: without them
   * the outbox cannot promise "an event exactly when its change", so the service refuses to start.
   */
  static async create(opts: {
    connection: Connection;
    source: EventSource;
    settings?: Partial<EventsSettings>;
    logger: Logger;
    clock?: () => Date;
  }): Promise<ServiceEvents> {
    const settings = { ...DEFAULT_EVENTS_SETTINGS, ...opts.settings };
    const stores = eventStores(opts.connection, opts.source, settings.busDbName);
    await ensureEventStores(stores);
    await assertTransactions(opts.connection, stores);
    return new ServiceEvents(stores, {
      connection: opts.connection,
      settings,
      logger: opts.logger,
      clock: opts.clock ?? (() => new Date()),
    });
  }

  get busDbName(): string {
    return this.deps.settings.busDbName;
  }

  /**
   * Registers a consumer of this service (see EventConsumer). Call it while building the service; a
   * subscription added after `start` starts at once.
   */
  subscribe<T extends EventType>(options: SubscribeOptions<T>): EventConsumer<T> {
    if (this.consumers.some((c) => c.name === options.name)) {
      throw new Error(`a consumer named "${options.name}" is already subscribed`);
    }
    const consumer = new EventConsumer<T>(options, {
      stores: this.stores,
      outbox: this.outbox,
      clock: this.deps.clock,
      logger: this.deps.logger,
      intervalMs: this.deps.settings.pollIntervalMs,
    });
    this.consumers.push(consumer as unknown as EventConsumer);
    if (this.started) void consumer.start().catch((err) => this.failedStart(consumer.name, err));
    return consumer;
  }

  /** Starts relaying and consuming. Relays whatever a previous run left in the outbox straight away. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.relay.start();
    this.relay.nudge();
    await Promise.all(this.consumers.map((c) => c.start()));
    this.unlisten = onBusAdvanced(this.deps.settings.busDbName, () => {
      for (const c of this.consumers) c.nudge();
    });
  }

  /** Stops after the steps in progress; pending outbox rows stay for the next start. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.unlisten?.();
    this.unlisten = null;
    await Promise.all([this.relay.stop(), ...this.consumers.map((c) => c.stop())]);
  }

  /**
   * Resolves once this service's outbox is empty and every consumer of this service has dealt with every
   * event on the bus at that moment: read-your-writes for events, and the settle point of tests.
   */
  async waitUntilCaughtUp(timeoutMs = 10_000): Promise<number> {
    return withTimeout(
      (async () => {
        await this.relay.flush();
        const head = await readHead(this.stores);
        await Promise.all(this.consumers.map((c) => c.waitFor(head)));
        return head;
      })(),
      timeoutMs,
      `events of ${this.stores.source} did not catch up within ${timeoutMs} ms`,
    );
  }

  registerMetrics(registry: Registry): void {
    registerEventMetrics(registry, { relay: this.relay, consumers: () => this.consumers });
  }

  private failedStart(name: string, err: unknown): void {
    this.deps.logger.error({ err, consumer: name }, 'event consumer failed to start');
  }
}

/**
 * Waits until the events of several services have settled: no outbox holds a pending row and every
 * consumer has reached the bus head, repeated until the head stops moving (a consumer's handler may emit
 * events that other consumers then handle).
 */
export async function settleEvents(services: readonly ServiceEvents[], timeoutMs = 20_000): Promise<number> {
  return withTimeout(
    (async () => {
      let previous = -1;
      for (;;) {
        const heads = [];
        for (const s of services) heads.push(await s.waitUntilCaughtUp(timeoutMs));
        const pending = await Promise.all(services.map((s) => s.relay.pending()));
        const head = services.length ? await readHead(services[0].stores) : 0;
        if (pending.every((n) => n === 0) && head === previous && heads.every((h) => h === head)) return head;
        previous = head;
      }
    })(),
    timeoutMs,
    `events did not settle within ${timeoutMs} ms`,
  );
}

async function assertTransactions(connection: Connection, stores: EventStores): Promise<void> {
  const session = await connection.startSession();
  try {
    await session.withTransaction(async () => {
      await stores.outbox.findOne({ _id: '' }, { session });
    });
  } catch (err) {
    if ((err as { code?: number }).code === ILLEGAL_OPERATION) {
      throw new Error(
        'MongoDB transactions are unavailable on this deployment, and change events need them (the outbox ' +
          'is written in the same transaction as each change). Use a replica set: docker compose runs one; ' +
          'a single mongod can be started with --replSet rs0 and initiated with rs.initiate(). ' +
          `(${(err as Error).message})`,
        { cause: err },
      );
    }
    throw err;
  } finally {
    await session.endSession();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
