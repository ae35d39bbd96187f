import type { IncomingHttpHeaders } from 'node:http';
import type { InsightsContext } from './insights/context';
import { pickForwardedHeaders } from './http/forwarded-headers';

/**
 * Per-request gateway context. It is also the context the in-process insights subgraph sees
 * (LocalGraphQLDataSource passes it through), hence `now`.
 */
export interface GatewayContext extends InsightsContext {
  now: Date;
  /** Headers to pass to every subgraph for this request (see http/forwarded-headers.ts). */
  forwardedHeaders: Record<string, string>;
}

export function createGatewayContext(
  headers: IncomingHttpHeaders,
  extraForwarded: readonly string[],
): GatewayContext {
  return { now: new Date(), forwardedHeaders: pickForwardedHeaders(headers, extraForwarded) };
}
