import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Logger } from '../../../shared/logger/logger';

export type CircuitStateName = 'closed' | 'open' | 'half-open';

const STATE_NAMES: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  // Never used here (nothing isolates a breaker by hand); reported as open.
  [CircuitState.Isolated]: 'open',
};
const STATE_VALUES: Record<CircuitStateName, number> = { closed: 0, 'half-open': 1, open: 2 };

/** The breaker refused the call without contacting the subgraph. */
export class CircuitOpenError extends Error {
  constructor(
    readonly subgraph: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`circuit to ${subgraph} is open`);
    this.name = 'CircuitOpenError';
  }
}

/** The subgraph did not answer within the time it was given. */
export class SubgraphTimeoutError extends Error {
  constructor(
    readonly subgraph: string,
    readonly timeoutMs: number,
    /** The request's own time budget ran out first (not the subgraph's fault: not counted). */
    readonly byDeadline: boolean,
  ) {
    super(`${subgraph} did not answer within ${timeoutMs} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

/** Carries a failure through cockatiel with the circuit epoch the call started in. */
class CallFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly epoch: number,
    readonly counts: boolean,
  ) {
    super('subgraph call failed');
  }
}

export interface BreakerSettings {
  /** Time one call to this subgraph may take; shorter than the gateway's own budget. */
  timeoutMs: number;
  /** Consecutive failures (network errors, 5xx, timeouts) that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before one probe call is let through. */
  halfOpenAfterMs: number;
}

export interface BreakerMetrics {
  state: Gauge<'subgraph'>;
  transitions: Counter<'subgraph' | 'state'>;
  calls: Counter<'subgraph' | 'outcome'>;
  duration: Histogram<'subgraph'>;
}

/** Prometheus series of every breaker, registered once per gateway. */
export function createBreakerMetrics(registry: Registry): BreakerMetrics {
  return {
    state: new Gauge({
      name: 'gateway_subgraph_circuit_state',
      help: 'Circuit state per subgraph: 0 closed, 1 half-open (probing), 2 open.',
      labelNames: ['subgraph'],
      registers: [registry],
    }),
    transitions: new Counter({
      name: 'gateway_subgraph_circuit_transitions_total',
      help: 'Circuit state changes per subgraph, by the state entered.',
      labelNames: ['subgraph', 'state'],
      registers: [registry],
    }),
    calls: new Counter({
      name: 'gateway_subgraph_calls_total',
      help: 'Subgraph calls by outcome: ok, failure (counted by the breaker), timeout, rejected (circuit open), other (a client error or a failure not counted).',
      labelNames: ['subgraph', 'outcome'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'gateway_subgraph_call_duration_seconds',
      help: 'Time of subgraph calls that reached the subgraph (rejected calls excluded).',
      labelNames: ['subgraph'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

/**
 * One subgraph's timeout and circuit breaker (cockatiel's CircuitBreakerPolicy with a consecutive-failure
 * breaker). Two of cockatiel's behaviours are corrected around it:
 *
 * - While the half-open probe runs, cockatiel makes every other call wait for the probe's outcome — up to
 *   the full timeout when the subgraph hangs. Here they are refused at once, like calls on an open circuit.
 * - A call started before the circuit opened may fail late, while the probe runs; cockatiel then reopens
 *   the circuit and the probe's success is lost (the circuit stays open though the subgraph is back).
 *   Each call remembers the circuit epoch it started in, and only failures of the current epoch count.
 */
export class SubgraphBreaker {
  private readonly policy: CircuitBreakerPolicy;
  /**
   * Incremented when the circuit opens or closes (not on half-open: the probe starts while it is open and
   * must count). Failures of calls begun in an earlier epoch are not counted.
   */
  private epoch = 0;
  private openedAt = 0;

  constructor(
    readonly subgraph: string,
    readonly settings: BreakerSettings,
    private readonly deps: {
      /** Which errors of a call mean the subgraph is failing (network errors, HTTP 5xx). */
      isFailure: (err: unknown) => boolean;
      metrics?: BreakerMetrics;
      logger?: Logger;
    },
  ) {
    this.policy = circuitBreaker(
      handleWhen((err) => err instanceof CallFailure && err.counts && err.epoch === this.epoch),
      {
        halfOpenAfter: settings.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(settings.failureThreshold),
      },
    );
    deps.metrics?.state.set({ subgraph }, 0);
    this.policy.onStateChange((state) => this.changed(state));
  }

  get state(): CircuitStateName {
    return STATE_NAMES[this.policy.state];
  }

  /** Seconds until the circuit lets a probe through (1 while one is running or when closed). */
  retryAfterSeconds(): number {
    if (this.policy.state !== CircuitState.Open) return 1;
    const left = this.openedAt + this.settings.halfOpenAfterMs - this.now();
    return Math.max(1, Math.ceil(left / 1000));
  }

  /**
   * Runs one call with the subgraph's timeout (or less, when `deadline` — the end of the request's own
   * budget, epoch ms — is nearer) through the breaker. `fn` gets a signal aborted on timeout.
   * Throws CircuitOpenError without calling `fn` when the circuit is open or a probe is running.
   */
  async run<T>(fn: (signal: AbortSignal) => Promise<T>, deadline?: number): Promise<T> {
    const { timeoutMs } = this.settings;
    const budget = Math.min(timeoutMs, deadline === undefined ? Infinity : deadline - this.now());
    const state = this.policy.state;
    // Fail fast while a probe runs; and never probe with a budget cut short by the request's deadline
    // (a timeout then would say nothing about the subgraph).
    if (state === CircuitState.HalfOpen || (state === CircuitState.Open && budget < timeoutMs)) {
      return this.reject();
    }
    if (budget <= 0) {
      this.count('timeout');
      throw new SubgraphTimeoutError(this.subgraph, 0, true);
    }
    const epoch = this.epoch;
    const started = this.now();
    try {
      const result = await this.policy.execute(async () => {
        try {
          return await withTimeout(
            fn,
            budget,
            () => new SubgraphTimeoutError(this.subgraph, budget, budget < timeoutMs),
          );
        } catch (err) {
          const counts = err instanceof SubgraphTimeoutError ? !err.byDeadline : this.deps.isFailure(err);
          throw new CallFailure(err, epoch, counts);
        }
      });
      this.observe(started, 'ok');
      return result;
    } catch (err) {
      if (err instanceof BrokenCircuitError) return this.reject();
      if (!(err instanceof CallFailure)) throw err;
      const outcome =
        err.reason instanceof SubgraphTimeoutError ? 'timeout' : err.counts ? 'failure' : 'other';
      this.observe(started, outcome);
      throw err.reason;
    }
  }

  private reject(): never {
    this.count('rejected');
    throw new CircuitOpenError(this.subgraph, this.retryAfterSeconds());
  }

  private changed(state: CircuitState): void {
    if (state !== CircuitState.HalfOpen) this.epoch += 1;
    const name = STATE_NAMES[state];
    if (state === CircuitState.Open) this.openedAt = this.now();
    this.deps.metrics?.state.set({ subgraph: this.subgraph }, STATE_VALUES[name]);
    this.deps.metrics?.transitions.inc({ subgraph: this.subgraph, state: name });
    const log = { subgraph: this.subgraph, circuit: name };
    if (state === CircuitState.Open) {
      const last = this.policy.lastFailure;
      const cause = last && 'error' in last ? (last.error as CallFailure).reason : undefined;
      this.deps.logger?.warn(
        { ...log, err: cause, retryAfterMs: this.settings.halfOpenAfterMs },
        `circuit to ${this.subgraph} opened: calls fail fast`,
      );
    } else if (state === CircuitState.HalfOpen) {
      this.deps.logger?.info(log, `circuit to ${this.subgraph} half-open: probing with one call`);
    } else {
      this.deps.logger?.info(log, `circuit to ${this.subgraph} closed: ${this.subgraph} answers again`);
    }
  }

  private observe(started: number, outcome: string): void {
    this.deps.metrics?.duration.observe({ subgraph: this.subgraph }, (this.now() - started) / 1000);
    this.count(outcome);
  }

  private count(outcome: string): void {
    this.deps.metrics?.calls.inc({ subgraph: this.subgraph, outcome });
  }

  /** cockatiel times the open period with Date.now(); so does everything here. */
  private now(): number {
    return Date.now();
  }
}

/**
 * Settles with `fn`'s outcome or, after `ms`, aborts `fn`'s signal and rejects with `timeoutError()` —
 * whether or not `fn` honours the signal.
 */
export async function withTimeout<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  ms: number,
  timeoutError: () => Error,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(timeoutError());
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
