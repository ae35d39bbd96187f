import type { mongo } from 'mongoose';
import type { Logger } from '../logger/logger';
import type { BusEvent, DomainEvent, EventType } from '../contract/events';
import { readHead, toEvent, type EventStores } from './bus.model';
import type { Emit, EventOutbox } from './outbox.service';
import { PollLoop } from './poll.loop';

/** What a handler gets besides the event: the transaction it runs in and an emitter for follow-up events. */
export interface HandlerContext {
  /** Pass it to every write: the writes, the emitted events and the consumer's position commit together. */
  session: mongo.ClientSession;
  emit: Emit;
}

/** An event of one of the subscribed types, with its bus position. */
export type ConsumedEvent<T extends EventType> = { [K in T]: DomainEvent<K> & { seq: number } }[T];

export interface SubscribeOptions<T extends EventType> {
  /** Unique within the service; names the stored position (`event_positions._id`). Never rename lightly. */
  name: string;
  types: readonly T[];
  /**
   * Must be idempotent on `event.id`: delivery is at-least-once for anything it does outside `session`
   * (HTTP calls, other databases). Writes made through `session` happen exactly once.
   */
  handler: (event: ConsumedEvent<T>, ctx: HandlerContext) => Promise<void>;
  /** Where a consumer with no stored position starts: the whole history (default) or the current head. */
  startAt?: 'beginning' | 'head';
  batchSize?: number;
}

export interface EventConsumerDeps {
  stores: EventStores;
  outbox: EventOutbox;
  clock: () => Date;
  logger: Logger;
  intervalMs: number;
}

/**
 * One subscription: reads bus events with seq above its position, in seq order, and runs the handler for
 * each in a transaction in the consumer's OWN database that also advances the stored position, so a
 * handled event is never handled again there — across restarts and across replicas of the service (the
 * position document serialises them). A failing handler is retried (with back-off) and blocks the events
 * after it: per-consumer order is never broken.
 */
export class EventConsumer<T extends EventType = EventType> {
  readonly name: string;
  private readonly loop: PollLoop;
  private position = -1;
  /** The bus head seen at the last step (lag = head − position). */
  private head = 0;
  handledTotal = 0;
  failuresTotal = 0;

  constructor(
    private readonly options: SubscribeOptions<T>,
    private readonly deps: EventConsumerDeps,
  ) {
    this.name = options.name;
    this.loop = new PollLoop({
      name: `consumer ${options.name}`,
      intervalMs: deps.intervalMs,
      step: () => this.step(),
      onError: (err, failures) => {
        this.failuresTotal++;
        deps.logger.error({ err, consumer: options.name, failures }, 'event consumer failed; retrying');
      },
    });
  }

  get lag(): number {
    return Math.max(0, this.head - Math.max(this.position, 0));
  }

  get currentPosition(): number {
    return this.position;
  }

  async start(): Promise<void> {
    await this.loadPosition();
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  nudge(): void {
    this.loop.nudge();
  }

  /** Resolves once the consumer's position has reached `seq` (nudging it along). */
  async waitFor(seq: number): Promise<void> {
    while (this.position < seq) {
      if (this.loop.isRunning) await this.loop.cycle();
      else if (!(await this.step())) break;
    }
  }

  private async loadPosition(): Promise<void> {
    if (this.position >= 0) return;
    const start = this.options.startAt === 'head' ? await readHead(this.deps.stores) : 0;
    await this.deps.stores.positions.updateOne(
      { _id: this.options.name },
      { $setOnInsert: { seq: start, updatedAt: this.deps.clock() } },
      { upsert: true },
    );
    const doc = await this.deps.stores.positions.findOne({ _id: this.options.name });
    this.position = doc?.seq ?? start;
  }

  /** Handles up to one batch; true when a full batch was read (more may be waiting). */
  async step(): Promise<boolean> {
    await this.loadPosition();
    const { busEvents, positions } = this.deps.stores;
    // Read the head first: every seq up to it is committed (see OutboxRelay), so after scanning up to it
    // the consumer may move its position there even if no event in between was of its types.
    const head = await readHead(this.deps.stores);
    this.head = Math.max(this.head, head);
    if (head <= this.position) return false;
    const batchSize = this.options.batchSize ?? 100;
    const docs = await busEvents
      .find(
        { seq: { $gt: this.position, $lte: head }, type: { $in: [...this.options.types] } },
        { sort: { seq: 1 }, limit: batchSize },
      )
      .toArray();
    for (const doc of docs) {
      await this.handle({ ...toEvent(doc), seq: doc.seq } as BusEvent as ConsumedEvent<T>);
    }
    if (docs.length === batchSize) return true;
    await positions.updateOne(
      { _id: this.options.name, seq: { $lt: head } },
      { $set: { seq: head, updatedAt: this.deps.clock() } },
    );
    this.position = Math.max(this.position, head);
    return false;
  }

  private async handle(event: ConsumedEvent<T>): Promise<void> {
    let handled = false;
    await this.deps.outbox.runInTransaction(async (session, emit) => {
      handled = false;
      // Claiming the seq in the transaction makes the handler's writes and the position one atomic step,
      // and makes a second replica of this consumer skip an event the first one has handled.
      const claim = await this.deps.stores.positions.updateOne(
        { _id: this.options.name, seq: { $lt: event.seq } },
        { $set: { seq: event.seq, updatedAt: this.deps.clock() } },
        { session },
      );
      if (claim.modifiedCount === 0) return;
      await this.options.handler(event, { session, emit });
      handled = true;
    });
    this.position = Math.max(this.position, event.seq);
    if (handled) this.handledTotal++;
  }
}
