import type { IncomingHttpHeaders } from 'node:http';
import type { RequestAuth } from '../../shared/auth/principal';
import { pickForwardedHeaders } from './http/forwarded-headers';

/** Per-request gateway context: only what it forwards to the subgraphs (it holds no business logic). */
export interface GatewayContext {
  /** Headers to pass to every subgraph for this request (see http/forwarded-headers.ts). */
  forwardedHeaders: Record<string, string>;
  /** When the gateway's time budget for this request ends (epoch ms); subgraph calls get no longer. */
  deadline?: number;
  /** The verified caller (set by the HTTP layer before any GraphQL work). */
  auth?: RequestAuth;
}

export function createGatewayContext(
  headers: IncomingHttpHeaders,
  extraForwarded: readonly string[],
  timeoutMs?: number,
): GatewayContext {
  return {
    forwardedHeaders: pickForwardedHeaders(headers, extraForwarded),
    deadline: timeoutMs === undefined ? undefined : Date.now() + timeoutMs,
  };
}
