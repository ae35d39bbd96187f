import { runInWorker } from '../../../../shared/worker/run-in-worker';
import type { CustomerSummary, FitValueModelOptions, ValueModel } from '../value-model';

/** Runs `fitValueModel` in a worker thread and resolves with its result (domain errors keep their code). */
export function fitValueModelInWorker(
  summaries: readonly CustomerSummary[],
  options: FitValueModelOptions,
): Promise<ValueModel> {
  return runInWorker<ValueModel>(
    require.resolve('./value-model.worker'),
    { summaries, options },
    'value-model fit',
  );
}
