import http from 'node:http';
import https from 'node:https';
import type { Fetcher } from '@apollo/utils.fetcher';
import makeFetchHappen from 'make-fetch-happen';

export interface SubgraphFetcherOptions {
  /** Keep-alive sockets per subgraph host. */
  maxSockets: number;
  /** Whole-request timeout in milliseconds. */
  timeoutMs: number;
}

export interface SubgraphFetchers {
  /** The fetcher for one subgraph URL (http or https agent by protocol). */
  forUrl(url: string): Fetcher;
  /** Closes idle keep-alive sockets so the process can exit. */
  destroy(): void;
}

/**
 * The same fetch @apollo/gateway uses by default (make-fetch-happen), but over agents the gateway owns:
 * keep-alive with a bounded pool per subgraph host, no retries (a retried mutation could run twice), and
 * a timeout. Idle sockets live shorter than the subgraphs' keep-alive timeout (65 s in graphql-service)
 * so the gateway never writes to a socket the subgraph is closing.
 */
export function createSubgraphFetchers(opts: SubgraphFetcherOptions): SubgraphFetchers {
  const agentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1_000,
    maxSockets: opts.maxSockets,
    maxFreeSockets: Math.min(opts.maxSockets, 32),
    // Idle socket timeout: below the subgraphs' 65 s keep-alive.
    timeout: 60_000,
    scheduling: 'lifo' as const,
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const base = makeFetchHappen.defaults({ retry: false, timeout: opts.timeoutMs });
  const httpFetch = base.defaults({ agent: httpAgent });
  const httpsFetch = base.defaults({ agent: httpsAgent as unknown as http.Agent });
  return {
    forUrl: (url) => (url.startsWith('https:') ? httpsFetch : httpFetch),
    destroy: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
