import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors/app-error';
import { fitValueModel, type CustomerSummary, type FitValueModelOptions } from '../value-model';

/*
 * Worker-thread entry: fits the value model off the service's event loop (a fit over tens of thousands of
 * customers is seconds of pure CPU, during which the subgraph would otherwise answer nothing).
 */
const { summaries, options } = workerData as { summaries: CustomerSummary[]; options: FitValueModelOptions };
try {
  parentPort!.postMessage({ ok: true, model: fitValueModel(summaries, options) });
} catch (err) {
  const e = err as Error;
  parentPort!.postMessage({
    ok: false,
    error: {
      message: e.message,
      code: err instanceof AppError ? err.code : undefined,
      details: (err as AppError).details,
    },
  });
}
