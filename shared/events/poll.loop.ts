/**
 * A background loop that runs one step at a time: again at once while the step reports more work, after
 * `intervalMs` when idle, sooner when nudged, and after a growing back-off (capped) when the step fails.
 * Polling is what guarantees progress; nudges only cut latency.
 */
export interface PollLoopOptions {
  name: string;
  intervalMs: number;
  /** Returns true when it did work and more may be waiting (run again without sleeping). */
  step: () => Promise<boolean>;
  onError: (err: unknown, consecutiveFailures: number) => void;
  /** Longest back-off after failures; default 30 s. */
  maxBackoffMs?: number;
}

export class PollLoop {
  private running = false;
  private current: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nudged = false;
  private failures = 0;
  /** Resolvers waiting for the next step to finish (see `cycle`). */
  private afterStep: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];

  constructor(private readonly options: PollLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.current = this.loop();
  }

  /** Stops after the step in progress (never cuts a step, which may be a transaction, in half). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.current;
    this.current = null;
    for (const w of this.afterStep.splice(0)) w.reject(new Error(`${this.options.name} stopped`));
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Runs the next step now instead of after the interval. */
  nudge(): void {
    this.nudged = true;
    // While failing, the back-off wins: nudges must not turn an outage into a tight retry loop.
    if (this.failures === 0) this.wake?.();
  }

  /** Resolves after the next complete step (nudging it), or rejects with that step's error. */
  cycle(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.afterStep.push({ resolve, reject });
      this.nudge();
    });
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      const waiting = this.afterStep.splice(0);
      let more = false;
      try {
        more = await this.options.step();
        this.failures = 0;
        for (const w of waiting) w.resolve();
      } catch (err) {
        this.failures++;
        this.options.onError(err, this.failures);
        for (const w of waiting) w.reject(err);
      }
      if (!this.running) break;
      if (more && this.failures === 0) continue;
      const delay =
        this.failures > 0
          ? Math.min(this.options.intervalMs * 2 ** this.failures, this.options.maxBackoffMs ?? 30_000)
          : this.options.intervalMs;
      if (!this.nudged || this.failures > 0) await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      this.wake = done;
    });
  }
}
