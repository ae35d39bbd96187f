import { RefitCoordinator } from '../../../subgraphs/sales/src/customer-value/refit-scheduler';
import type {
  RefitTriggerKind,
  ValueModelDoc,
} from '../../../subgraphs/sales/src/customer-value/value-model.model';

/** A stand-in for ValueModelService that records refits (no database in unit tests). */
function fakeService(current: Partial<ValueModelDoc> | null = null) {
  const calls: RefitTriggerKind[] = [];
  let running = 0;
  let maxConcurrent = 0;
  return {
    calls,
    get maxConcurrent() {
      return maxConcurrent;
    },
    current: async () => current as ValueModelDoc | null,
    refit: async (_asOf: Date | undefined, trigger: RefitTriggerKind) => {
      running++;
      maxConcurrent = Math.max(maxConcurrent, running);
      await new Promise((r) => setImmediate(r));
      running--;
      calls.push(trigger);
      return { trigger, fittedAt: new Date() } as ValueModelDoc;
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

describe('RefitCoordinator', () => {
  afterEach(() => jest.useRealTimers());

  it('runs refits one at a time, in call order', async () => {
    const svc = fakeService();
    const c = new RefitCoordinator(svc, {
      refitIntervalMinutes: 0,
      refitAfterImportedOrders: 0,
      refitImportDelaySeconds: 0,
    });
    const results = await Promise.all([
      c.refit(undefined, 'API'),
      c.refit(undefined, 'SCHEDULE'),
      c.refit(undefined, 'API'),
    ]);
    expect(results.map((r) => r.trigger)).toEqual(['API', 'SCHEDULE', 'API']);
    expect(svc.maxConcurrent).toBe(1);
  });

  it('ensureFitted refits and waits only when no usable model is stored', async () => {
    const none = fakeService(null);
    const idle = { refitIntervalMinutes: 0, refitAfterImportedOrders: 0, refitImportDelaySeconds: 0 };
    await expect(new RefitCoordinator(none, idle).ensureFitted()).resolves.toMatchObject({
      refitted: true,
      doc: { trigger: 'SCHEDULE' },
    });
    expect(none.calls).toEqual(['SCHEDULE']);

    const empty = fakeService({ status: 'insufficient-data' });
    await expect(new RefitCoordinator(empty, idle).ensureFitted('API')).resolves.toMatchObject({
      refitted: true,
    });
    expect(empty.calls).toEqual(['API']);

    const fitted = fakeService({ status: 'ok', trigger: 'IMPORT' });
    await expect(new RefitCoordinator(fitted, idle).ensureFitted()).resolves.toEqual({
      refitted: false,
      doc: { status: 'ok', trigger: 'IMPORT' },
    });
    expect(fitted.calls).toEqual([]);
  });

  it('keeps working after a failed refit', async () => {
    const svc = fakeService();
    const c = new RefitCoordinator(
      { ...svc, refit: jest.fn().mockRejectedValueOnce(new Error('boom')).mockImplementation(svc.refit) },
      { refitIntervalMinutes: 0, refitAfterImportedOrders: 0, refitImportDelaySeconds: 0 },
    );
    await expect(c.refit(undefined, 'API')).rejects.toThrow('boom');
    await expect(c.refit(undefined, 'API')).resolves.toMatchObject({ trigger: 'API' });
  });

  it('refits once after large imports have been quiet for the delay', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const svc = fakeService();
    const c = new RefitCoordinator(svc, {
      refitIntervalMinutes: 0,
      refitAfterImportedOrders: 1000,
      refitImportDelaySeconds: 30,
    });
    expect(c.noteImported(400)).toBe(false);
    expect(c.noteImported(700)).toBe(true);
    jest.advanceTimersByTime(20_000);
    expect(c.noteImported(5000)).toBe(true); // re-arms the quiet period
    jest.advanceTimersByTime(20_000);
    await flush();
    expect(svc.calls).toEqual([]);
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(svc.calls).toEqual(['IMPORT']);
    // The counter restarts with the fit.
    expect(c.noteImported(999)).toBe(false);
    await c.stop();
  });

  it('never triggers on imports when disabled', () => {
    const c = new RefitCoordinator(fakeService(), {
      refitIntervalMinutes: 0,
      refitAfterImportedOrders: 0,
      refitImportDelaySeconds: 0,
    });
    expect(c.noteImported(1_000_000)).toBe(false);
  });

  it('refits on the schedule, and soon after start when there is no model yet', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const svc = fakeService(null);
    const c = new RefitCoordinator(svc, {
      refitIntervalMinutes: 60,
      refitAfterImportedOrders: 0,
      refitImportDelaySeconds: 5,
    });
    c.start();
    await flush();
    jest.advanceTimersByTime(5_000);
    await flush();
    expect(svc.calls).toEqual(['SCHEDULE']);
    jest.advanceTimersByTime(60 * 60_000);
    await flush();
    expect(svc.calls).toEqual(['SCHEDULE', 'SCHEDULE']);
    await c.stop();
    jest.advanceTimersByTime(10 * 60 * 60_000);
    await flush();
    expect(svc.calls).toHaveLength(2);
  });

  it('does not refit at start when the stored model is fresh', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const svc = fakeService({ fittedAt: new Date() });
    const c = new RefitCoordinator(svc, {
      refitIntervalMinutes: 60,
      refitAfterImportedOrders: 0,
      refitImportDelaySeconds: 5,
    });
    c.start();
    await flush();
    jest.advanceTimersByTime(30 * 60_000);
    await flush();
    expect(svc.calls).toEqual([]);
    await c.stop();
  });
});
