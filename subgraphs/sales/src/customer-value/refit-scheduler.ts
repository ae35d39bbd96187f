import type { Logger } from '../../../../shared/logger/logger';
import type { RefitTriggerKind, ValueModelDoc } from './value-model.model';
import type { ValueModelService } from './value-model.service';

export interface RefitSchedule {
  /** Minutes between scheduled refits; 0 = none. */
  refitIntervalMinutes: number;
  /** Imported orders (since the last fit) that trigger a refit; 0 = never. */
  refitAfterImportedOrders: number;
  /** Quiet seconds after the last import batch before that refit runs (a 100k import is 20 batches). */
  refitImportDelaySeconds: number;
}

/**
 * Runs value-model refits one at a time for the whole process (API, schedule and imports share it), on a
 * schedule and after large imports. Timers are unref'd, so they never keep a process alive, and `stop()`
 * clears them. A refit never runs inside a read request: fields read the stored model.
 */
export class RefitCoordinator {
  private chain: Promise<unknown> = Promise.resolve();
  private interval?: NodeJS.Timeout;
  private importTimer?: NodeJS.Timeout;
  private startupTimer?: NodeJS.Timeout;
  private importedSinceFit = 0;
  private stopped = false;

  constructor(
    private readonly service: Pick<ValueModelService, 'refit' | 'current'>,
    private readonly schedule: RefitSchedule,
    private readonly logger?: Logger,
  ) {}

  /** Queues a refit behind any running one and resolves with its stored result. */
  refit(asOf: Date | undefined, trigger: RefitTriggerKind): Promise<ValueModelDoc> {
    const run = this.chain.then(async () => {
      this.importedSinceFit = 0;
      const doc = await this.service.refit(asOf, trigger);
      this.logger?.info(
        { trigger, status: doc.status, customers: doc.customers, durationMs: doc.durationMs },
        'value model refitted',
      );
      return doc;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Makes sure a usable model is stored: refits (and waits) when there is none yet or the last fit produced
   * no parameters, so `Customer.value` has predictions from the first request on (`npm start` after
   * seeding). Returns the current model and whether it was fitted now.
   */
  async ensureFitted(
    trigger: RefitTriggerKind = 'SCHEDULE',
  ): Promise<{ doc: ValueModelDoc; refitted: boolean }> {
    const current = await this.service.current();
    if (current && current.status === 'ok') return { doc: current, refitted: false };
    return { doc: await this.refit(undefined, trigger), refitted: true };
  }

  /**
   * Starts the periodic refit, when configured. A service starting without a model, or with one older than
   * the interval, refits soon (after the import delay, so data loaded right at start-up is included).
   */
  start(): void {
    const minutes = this.schedule.refitIntervalMinutes;
    if (minutes <= 0 || this.interval || this.stopped) return;
    this.interval = setInterval(() => this.background('SCHEDULE'), minutes * 60_000);
    this.interval.unref();
    this.service
      .current()
      .then((doc) => {
        const stale = !doc || Date.now() - doc.fittedAt.getTime() > minutes * 60_000;
        if (!stale || this.stopped) return;
        const timer = setTimeout(
          () => this.background('SCHEDULE'),
          this.schedule.refitImportDelaySeconds * 1000,
        );
        timer.unref();
        this.startupTimer = timer;
      })
      .catch((err) => this.logger?.warn({ err }, 'could not read the current value model'));
  }

  /**
   * Called after each import batch. Once enough orders arrived since the last fit, (re)arms a refit that
   * runs when imports have been quiet for the configured delay. Returns whether a refit is now pending.
   */
  noteImported(count: number): boolean {
    const threshold = this.schedule.refitAfterImportedOrders;
    if (threshold <= 0 || this.stopped) return false;
    this.importedSinceFit += count;
    if (this.importedSinceFit < threshold) return false;
    clearTimeout(this.importTimer);
    this.importTimer = setTimeout(() => {
      this.importTimer = undefined;
      this.background('IMPORT');
    }, this.schedule.refitImportDelaySeconds * 1000);
    this.importTimer.unref();
    return true;
  }

  /** Clears timers and waits for a running refit to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.interval);
    clearTimeout(this.importTimer);
    clearTimeout(this.startupTimer);
    this.interval = undefined;
    this.importTimer = undefined;
    await this.chain;
  }

  private background(trigger: RefitTriggerKind): void {
    if (this.stopped) return;
    this.refit(undefined, trigger).catch((err) =>
      this.logger?.error({ err, trigger }, 'value model refit failed'),
    );
  }
}
