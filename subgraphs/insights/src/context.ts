import { systemClock, type Clock } from '../../../shared/time/clock';

/** What insights resolvers read from the request context. */
export interface InsightsContext {
  /** One clock reading per request, so every customer in a response is judged at the same instant. */
  now: Date;
}

export function createInsightsContext(clock: Clock = systemClock): InsightsContext {
  return { now: clock() };
}
