import { answerFromWorker } from '../../../../shared/worker/run-in-worker';
import { fitValueModel, type CustomerSummary, type FitValueModelOptions } from '../value-model';

/*
 * Worker-thread entry: fits the value model off the service's event loop (a fit over tens of thousands of
 * customers is seconds of pure CPU, during which the subgraph would otherwise answer nothing).
 */
answerFromWorker((input: { summaries: CustomerSummary[]; options: FitValueModelOptions }) =>
  fitValueModel(input.summaries, input.options),
);
