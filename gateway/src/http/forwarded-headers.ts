import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Request headers the gateway passes on to every subgraph: language, correlation and W3C trace context.
 * Identity is not forwarded: subgraphs get the verified principal in the gateway's signed header. Hop-by-hop and body headers (host, content-length, connection…) are
 * the gateway's own business, and cookies stay at the edge: subgraphs authenticate with `authorization`.
 */
export const FORWARDED_HEADERS: readonly string[] = [
  'accept-language',
  'x-request-id',
  'x-correlation-id',
  'traceparent',
  'tracestate',
  'baggage',
  'apollographql-client-name',
  'apollographql-client-version',
];

/** Never forwarded, even if configured: they describe the gateway's own connection, or carry sessions. */
export const NEVER_FORWARDED: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  // Identity comes only from the verified token, signed by the gateway: a caller's bearer token, actor or
  // role claims are never passed on, whatever FORWARD_HEADERS says.
  'authorization',
  'x-actor-id',
  'x-role',
  'x-roles',
  'x-user-role',
  'x-c360-signature',
  'x-c360-timestamp',
  'x-c360-nonce',
  'x-c360-principal',
]);

/**
 * Picks the headers to forward from an incoming request. Every request gets an `x-request-id` (the
 * client's, or a new one) so the gateway's and subgraphs' logs can be joined.
 */
export function pickForwardedHeaders(
  incoming: IncomingHttpHeaders,
  extra: readonly string[] = [],
  newId: () => string = randomUUID,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...FORWARDED_HEADERS, ...extra]) {
    const key = name.toLowerCase();
    if (NEVER_FORWARDED.has(key)) continue;
    const value = incoming[key];
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (!out['x-request-id']) out['x-request-id'] = newId();
  return out;
}
