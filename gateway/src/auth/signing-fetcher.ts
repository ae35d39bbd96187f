import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { SIGNATURE_HEADERS, signatureHeaders } from '../../../shared/auth/request-signing';

/**
 * Signs every subgraph request the gateway sends, over the exact bytes it sends: method, path, a fresh
 * timestamp and nonce, the body and the principal header set by the data source (see
 * forwarding-data-source.ts). A request without a principal (schema loading, health checks) is signed
 * as the gateway itself, so subgraphs never serve an unsigned request.
 */
export function signingFetcher(fetcher: Fetcher, secret: string, gatewayPrincipal: string): Fetcher {
  return (url: string, init?: FetcherRequestInit) => {
    const headers = { ...(init?.headers as Record<string, string> | undefined) };
    const principal = headers[SIGNATURE_HEADERS.principal] ?? gatewayPrincipal;
    const body = typeof init?.body === 'string' ? init.body : '';
    const { pathname, search } = new URL(url);
    Object.assign(
      headers,
      signatureHeaders(secret, { method: init?.method ?? 'GET', path: pathname + search, body }, principal),
    );
    return fetcher(url, { ...init, headers });
  };
}
