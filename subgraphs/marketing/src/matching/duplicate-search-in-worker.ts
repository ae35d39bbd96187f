import { runInWorker } from '../../../../shared/worker/run-in-worker';
import type { DuplicateSearchInput, DuplicateSearchOutcome } from './duplicate-search';

/** `searchDuplicates` in a worker thread; the engine's BAD_USER_INPUT errors keep their code and field. */
export function searchDuplicatesInWorker(input: DuplicateSearchInput): Promise<DuplicateSearchOutcome> {
  return runInWorker(require.resolve('./duplicate-search.worker'), input, 'duplicate search');
}
