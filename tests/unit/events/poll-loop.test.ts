import { PollLoop } from '../../../shared/events/poll.loop';

const noError = () => {
  throw new Error('unexpected step failure');
};

describe('PollLoop', () => {
  it('runs again at once while the step reports more work, then waits for the interval', async () => {
    const runs: number[] = [];
    let remaining = 3;
    let idle!: () => void;
    const reachedIdle = new Promise<void>((r) => (idle = r));
    const loop = new PollLoop({
      name: 't',
      intervalMs: 60_000,
      step: async () => {
        runs.push(remaining);
        if (remaining === 0) idle();
        return remaining-- > 0;
      },
      onError: noError,
    });
    loop.start();
    await reachedIdle;
    await new Promise((r) => setTimeout(r, 20));
    await loop.stop();
    // 3 → 2 → 1 → 0 (no more work): four steps back to back, then it sleeps a minute (stopped first).
    expect(runs).toEqual([3, 2, 1, 0]);
  });

  it('a nudge cuts the idle wait short', async () => {
    let steps = 0;
    const loop = new PollLoop({
      name: 't',
      intervalMs: 60_000,
      step: async () => {
        steps++;
        return false;
      },
      onError: noError,
    });
    loop.start();
    await loop.cycle();
    const before = steps;
    await loop.cycle(); // nudges; without the nudge this would wait 60 s and time the test out
    expect(steps).toBe(before + 1);
    await loop.stop();
  });

  it('reports failures, backs off, and the waiting cycle sees the error', async () => {
    const failures: number[] = [];
    let attempt = 0;
    const loop = new PollLoop({
      name: 't',
      intervalMs: 5,
      step: async () => {
        attempt++;
        if (attempt <= 2) throw new Error(`boom ${attempt}`);
        return false;
      },
      onError: (_err, n) => failures.push(n),
    });
    const first = loop.cycle();
    loop.start();
    await expect(first).rejects.toThrow('boom 1');
    // Back-off is 5·2 then 5·4 ms; the third step succeeds.
    while (attempt < 3) await new Promise((r) => setTimeout(r, 5));
    await loop.cycle();
    expect(failures).toEqual([1, 2]);
    await loop.stop();
  });

  it('stop waits for the step in progress and rejects cycles still waiting', async () => {
    let release!: () => void;
    let finished = false;
    const loop = new PollLoop({
      name: 't',
      intervalMs: 60_000,
      step: () =>
        new Promise<boolean>((resolve) => {
          release = () => {
            finished = true;
            resolve(false);
          };
        }),
      onError: noError,
    });
    loop.start();
    await new Promise((r) => setImmediate(r));
    const stopping = loop.stop();
    const late = loop.cycle();
    release();
    await stopping;
    expect(finished).toBe(true);
    await expect(late).rejects.toThrow('stopped');
    expect(loop.isRunning).toBe(false);
  });
});
