import type { IncomingHttpHeaders } from 'node:http';
import { pickForwardedHeaders } from './http/forwarded-headers';

/** Per-request gateway context: only what it forwards to the subgraphs (it holds no business logic). */
export interface GatewayContext {
  /** Headers to pass to every subgraph for this request (see http/forwarded-headers.ts). */
  forwardedHeaders: Record<string, string>;
}

export function createGatewayContext(
  headers: IncomingHttpHeaders,
  extraForwarded: readonly string[],
): GatewayContext {
  return { forwardedHeaders: pickForwardedHeaders(headers, extraForwarded) };
}
