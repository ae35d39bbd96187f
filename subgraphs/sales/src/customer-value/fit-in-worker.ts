import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors/app-error';
import type { ErrorCode } from '../../../../shared/errors/error-codes';
import type { CustomerSummary, FitValueModelOptions, ValueModel } from '../value-model';

/**
 * Runs `fitValueModel` in a worker thread and resolves with its result (domain errors keep their code).
 * The worker loads the TypeScript sources through @swc-node/register, like `npm start` does, so the
 * same path works from source, under jest, and from compiled JavaScript.
 */
export function fitValueModelInWorker(
  summaries: readonly CustomerSummary[],
  options: FitValueModelOptions,
): Promise<ValueModel> {
  const entry = require.resolve('./value-model.worker');
  const loader = entry.endsWith('.ts') ? "require('@swc-node/register');" : '';
  return new Promise((resolve, reject) => {
    const worker = new Worker(`${loader} require(${JSON.stringify(entry)});`, {
      eval: true,
      execArgv: [],
      workerData: { summaries, options },
    });
    let settled = false;
    worker.once(
      'message',
      (msg: {
        ok: boolean;
        model?: ValueModel;
        error?: { message: string; code?: ErrorCode; details?: Record<string, unknown> };
      }) => {
        settled = true;
        if (msg.ok) resolve(msg.model!);
        else if (msg.error?.code)
          reject(new AppError(msg.error.code, msg.error.message, msg.error.details ?? {}));
        else reject(new Error(`value-model fit failed: ${msg.error?.message}`));
      },
    );
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`value-model worker exited with code ${code} before answering`));
    });
  });
}
