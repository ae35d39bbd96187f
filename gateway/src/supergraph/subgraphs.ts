/**
 * The subgraphs of the supergraph, with the URLs written into the committed supergraph. These are the
 * local defaults; the gateway replaces them at runtime from its config (MARKETING_URL, …), so the same
 * supergraph file serves a laptop, docker compose and a cluster.
 */
export const SUBGRAPH_NAMES = ['marketing', 'sales', 'support', 'insights'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Subgraphs that run as their own service (insights runs inside the gateway unless INSIGHTS_URL is set). */
export const REMOTE_SUBGRAPHS = ['marketing', 'sales', 'support'] as const;
export type RemoteSubgraphName = (typeof REMOTE_SUBGRAPHS)[number];

export const DEFAULT_SUBGRAPH_URLS: Readonly<Record<SubgraphName, string>> = {
  marketing: 'http://localhost:4001/graphql',
  sales: 'http://localhost:4002/graphql',
  support: 'http://localhost:4003/graphql',
  insights: 'http://localhost:4004/graphql',
};
