import { Registry } from 'prom-client';
import {
  CircuitOpenError,
  createBreakerMetrics,
  SubgraphBreaker,
  SubgraphTimeoutError,
  withTimeout,
} from '../../../gateway/src/http/subgraph-breaker';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
class Down extends Error {}
class ClientMistake extends Error {}

function breaker(settings: Partial<ConstructorParameters<typeof SubgraphBreaker>[1]> = {}) {
  const registry = new Registry();
  const b = new SubgraphBreaker(
    'support',
    { timeoutMs: 200, failureThreshold: 3, halfOpenAfterMs: 60, ...settings },
    { isFailure: (e) => e instanceof Down, metrics: createBreakerMetrics(registry) },
  );
  return { b, registry };
}
const fail = () => Promise.reject(new Down('ECONNREFUSED'));
const ok = () => Promise.resolve('answer');

async function openIt(b: SubgraphBreaker, times = 3) {
  for (let i = 0; i < times; i++) await expect(b.run(fail)).rejects.toBeInstanceOf(Down);
}

/** A call whose outcome the test decides later. */
function pending<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const started = jest.fn();
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const fn = () => {
    started();
    return promise;
  };
  return { fn, resolve, reject, started };
}

describe('SubgraphBreaker', () => {
  it('a hung subgraph holds every request: a call gets no longer than the subgraph budget, and its signal is aborted', async () => {
    const { b } = breaker({ timeoutMs: 40 });
    let signal: AbortSignal | undefined;
    const t0 = Date.now();
    const err = await b
      .run((s) => {
        signal = s;
        return new Promise(() => {});
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SubgraphTimeoutError);
    expect((err as SubgraphTimeoutError).timeoutMs).toBe(40);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(signal?.aborted).toBe(true);
  });

  it('nothing fails fast: after the threshold of consecutive failures calls are refused without reaching the subgraph', async () => {
    const { b } = breaker();
    await openIt(b);
    expect(b.state).toBe('open');
    const fn = jest.fn(ok);
    const err = await b.run(fn).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect((err as CircuitOpenError).retryAfterSeconds).toBe(1);
    expect(fn).not.toHaveBeenCalled();
  });

  it('reports retry-after as the seconds left until the probe', async () => {
    const { b } = breaker({ halfOpenAfterMs: 4_500 });
    await openIt(b);
    expect(b.retryAfterSeconds()).toBe(5);
  });

  it('does not count client errors or successes in between: only consecutive failures open it', async () => {
    const { b } = breaker();
    await openIt(b, 2);
    await expect(b.run(() => Promise.reject(new ClientMistake()))).rejects.toBeInstanceOf(ClientMistake);
    await expect(b.run(ok)).resolves.toBe('answer');
    await openIt(b, 2);
    expect(b.state).toBe('closed');
    await expect(b.run(fail)).rejects.toBeInstanceOf(Down);
    expect(b.state).toBe('open');
  });

  it('lets one probe through once half-open; its success closes the circuit', async () => {
    const { b } = breaker();
    await openIt(b);
    await sleep(80);
    await expect(b.run(ok)).resolves.toBe('answer');
    expect(b.state).toBe('closed');
  });

  it('a failed probe opens the circuit again', async () => {
    const { b } = breaker();
    await openIt(b);
    await sleep(80);
    await expect(b.run(fail)).rejects.toBeInstanceOf(Down);
    expect(b.state).toBe('open');
    await expect(b.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('a half-open probe’s success is not lost when a call arrives while the probe runs: that call fails fast and the circuit closes', async () => {
    const { b } = breaker();
    await openIt(b);
    await sleep(80);
    const probe = pending<string>();
    const probing = b.run(probe.fn);
    expect(probe.started).toHaveBeenCalled();
    expect(b.state).toBe('half-open');

    // Refused at once instead of waiting for the probe (cockatiel alone would queue it behind the probe).
    const during = jest.fn(ok);
    const t0 = Date.now();
    await expect(b.run(during)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(Date.now() - t0).toBeLessThan(50);
    expect(during).not.toHaveBeenCalled();

    probe.resolve('probe answer');
    await expect(probing).resolves.toBe('probe answer');
    expect(b.state).toBe('closed');
    await expect(b.run(ok)).resolves.toBe('answer');
  });

  it('a half-open probe’s success is not lost when a call begun before the circuit opened fails while the probe runs', async () => {
    const { b } = breaker();
    const stale = pending<string>();
    const staleCall = b.run(stale.fn);
    await openIt(b);
    await sleep(80);
    const probe = pending<string>();
    const probing = b.run(probe.fn);

    stale.reject(new Down('late ECONNRESET'));
    await expect(staleCall).rejects.toBeInstanceOf(Down);
    expect(b.state).toBe('half-open'); // cockatiel alone reopens here

    probe.resolve('probe answer');
    await probing;
    expect(b.state).toBe('closed');
  });

  it('a failure begun before the circuit closed again does not count against the closed circuit', async () => {
    const { b } = breaker({ failureThreshold: 1 });
    const stale = pending<string>();
    const staleCall = b.run(stale.fn);
    await expect(b.run(fail)).rejects.toBeInstanceOf(Down);
    await sleep(80);
    await b.run(ok);
    expect(b.state).toBe('closed');
    stale.reject(new Down('late'));
    await expect(staleCall).rejects.toBeInstanceOf(Down);
    expect(b.state).toBe('closed');
  });

  it('does not count a timeout cut short by the request deadline, and never probes with such a budget', async () => {
    const { b } = breaker({ timeoutMs: 200, failureThreshold: 1 });
    const hang = () => new Promise<string>(() => {});
    const err = await b.run(hang, Date.now() + 20).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SubgraphTimeoutError);
    expect((err as SubgraphTimeoutError).byDeadline).toBe(true);
    expect(b.state).toBe('closed');

    await expect(b.run(fail)).rejects.toBeInstanceOf(Down);
    await sleep(80);
    const probe = jest.fn(ok);
    await expect(b.run(probe, Date.now() + 50)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(probe).not.toHaveBeenCalled();
    await expect(b.run(ok, Date.now() + 1_000)).resolves.toBe('answer');
  });

  it('fails at once, uncounted, when the request deadline has passed', async () => {
    const { b } = breaker({ failureThreshold: 1 });
    const fn = jest.fn(ok);
    await expect(b.run(fn, Date.now() - 1)).rejects.toMatchObject({ byDeadline: true, timeoutMs: 0 });
    expect(fn).not.toHaveBeenCalled();
    expect(b.state).toBe('closed');
  });

  it('exports state, transitions and call outcomes as metrics', async () => {
    const { b, registry } = breaker();
    await b.run(ok);
    await openIt(b);
    await b.run(ok).catch(() => {});
    const text = await registry.metrics();
    expect(text).toContain('gateway_subgraph_circuit_state{subgraph="support"} 2');
    expect(text).toContain('gateway_subgraph_circuit_transitions_total{subgraph="support",state="open"} 1');
    expect(text).toContain('gateway_subgraph_calls_total{subgraph="support",outcome="ok"} 1');
    expect(text).toContain('gateway_subgraph_calls_total{subgraph="support",outcome="failure"} 3');
    expect(text).toContain('gateway_subgraph_calls_total{subgraph="support",outcome="rejected"} 1');
  });
});

describe('withTimeout', () => {
  it('returns the outcome when it comes first and leaves the signal alone', async () => {
    let signal: AbortSignal | undefined;
    const v = await withTimeout(
      async (s) => {
        signal = s;
        return 7;
      },
      1_000,
      () => new Error('late'),
    );
    expect(v).toBe(7);
    expect(signal?.aborted).toBe(false);
  });
});
