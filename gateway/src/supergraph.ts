import path from 'node:path';

/** The static supergraph the gateway serves: written by `npm run compose` (scripts/compose.ts), committed. */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '../supergraph/supergraph.graphql');

/**
 * The subgraphs of the supergraph, with the URLs written into the committed supergraph. These are the
 * local defaults; the gateway replaces them at runtime from its config (MARKETING_URL, …), so the same
 * supergraph file serves a laptop, docker compose and a cluster. Every subgraph is its own HTTP service.
 */
export const SUBGRAPH_NAMES = ['marketing', 'sales', 'support', 'insights'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_SUBGRAPH_URLS: Readonly<Record<SubgraphName, string>> = {
  marketing: 'http://localhost:4001/graphql',
  sales: 'http://localhost:4002/graphql',
  support: 'http://localhost:4003/graphql',
  insights: 'http://localhost:4004/graphql',
};

/**
 * The supergraph as @apollo/gateway is allowed to load it: the authorization features' `@link`s lose their
 * `for: SECURITY` purpose (which tells a router "refuse to run unless you enforce this"), because this
 * gateway enforces them itself, before planning (see auth/authorizing-gateway.ts).
 */
export function withoutSecurityPurpose(supergraphSdl: string): string {
  return supergraphSdl.replace(
    /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:requiresScopes|authenticated|policy)\/v[\d.]+"), for: SECURITY\)/g,
    '$1)',
  );
}
