import type { Fetcher } from '@apollo/utils.fetcher';

export interface SubgraphProbe {
  name: string;
  url: string;
  fetcher: Fetcher;
}

export interface ProbeResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * Asks a subgraph `{ __typename }`: the cheapest request that proves its GraphQL endpoint answers. Each
 * subgraph's own /readyz covers its database; the gateway is ready when it can reach every subgraph.
 */
export async function probeSubgraph(probe: SubgraphProbe, timeoutMs: number): Promise<ProbeResult> {
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await probe.fetcher(probe.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'gateway-readiness' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: controller.signal,
    });
    const body = (await res.json().catch(() => null)) as { data?: { __typename?: string } } | null;
    if (!res.ok || body?.data?.__typename !== 'Query') {
      return { ok: false, latencyMs: Date.now() - started, error: `HTTP ${res.status}` };
    }
    return { ok: true, latencyMs: Date.now() - started };
  } catch (err) {
    const message = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : (err as Error).message;
    return { ok: false, latencyMs: Date.now() - started, error: message };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes all subgraphs in parallel; throws (→ 503) naming every unreachable one. */
export async function checkSubgraphs(
  probes: SubgraphProbe[],
  timeoutMs: number,
): Promise<{ subgraphs: Record<string, ProbeResult> }> {
  const results = await Promise.all(
    probes.map(async (p) => [p.name, await probeSubgraph(p, timeoutMs)] as const),
  );
  const subgraphs = Object.fromEntries(results);
  const down = results.filter(([, r]) => !r.ok).map(([name, r]) => `${name} (${r.error})`);
  if (down.length > 0) throw new Error(`Subgraphs unreachable: ${down.join(', ')}`);
  return { subgraphs };
}
