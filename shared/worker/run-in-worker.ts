import { parentPort, Worker, workerData } from 'node:worker_threads';
import { AppError } from '../errors/app-error';
import type { ErrorCode } from '../errors/error-codes';

type WorkerAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; error: { message: string; code?: ErrorCode; details?: Record<string, unknown> } };

/**
 * Runs CPU-bound pure code off the service's event loop: starts the worker entry file `entry` (an absolute
 * path, from `require.resolve`) with `input` as its workerData and resolves with what it answers through
 * `answerFromWorker`; an AppError thrown there is rethrown here with its code. A TypeScript entry is
 * loaded through @swc-node/register, like `npm start` does, so the same call works from source, under
 * jest and from compiled JavaScript. Input and answer cross by structured clone: plain data only.
 */
export function runInWorker<T>(entry: string, input: unknown, label: string): Promise<T> {
  const loader = entry.endsWith('.ts') ? "require('@swc-node/register');" : '';
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(`${loader} require(${JSON.stringify(entry)});`, {
      eval: true,
      execArgv: [],
      workerData: input,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.once('message', (msg: WorkerAnswer<T>) =>
      settle(() => {
        if (msg.ok) resolve(msg.value);
        else if (msg.error.code) reject(new AppError(msg.error.code, msg.error.message, msg.error.details));
        else reject(new Error(`${label} failed: ${msg.error.message}`));
      }),
    );
    worker.once('messageerror', (err) => settle(() => reject(err)));
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`${label} worker exited with code ${code} before answering`))),
    );
  });
}

/**
 * The worker side of `runInWorker`: computes the answer from the workerData and posts it. Errors travel
 * as data, so a domain error keeps its code and details.
 */
export function answerFromWorker<I, T>(compute: (input: I) => T): void {
  let answer: WorkerAnswer<T>;
  try {
    answer = { ok: true, value: compute(workerData as I) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    answer = {
      ok: false,
      error: {
        message: e.message,
        code: err instanceof AppError ? err.code : undefined,
        details: err instanceof AppError ? err.details : undefined,
      },
    };
  }
  parentPort!.postMessage(answer);
}
