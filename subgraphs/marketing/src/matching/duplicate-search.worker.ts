import { answerFromWorker } from '../../../../shared/worker/run-in-worker';
import { searchDuplicates } from './duplicate-search';

/*
 * Worker-thread entry: the duplicate search over every live profile is tens of seconds of pure CPU at
 * 100,000 profiles, during which the subgraph would otherwise answer nothing.
 */
answerFromWorker(searchDuplicates);
