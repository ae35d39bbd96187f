import type { Fetcher } from '@apollo/utils.fetcher';
import type { CircuitStateName } from './http/subgraph-breaker';

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
 * subgraph's own /readyz covers its database.
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

export interface SubgraphReadiness extends ProbeResult {
  /** The subgraph's circuit: `open` while calls to it fail fast. */
  circuit: CircuitStateName;
}

/**
 * The gateway's readiness: it can serve as long as it runs, because a subgraph that is down costs only
 * the fields it owns (partial responses), and every gateway replica sees the same subgraphs — failing
 * readiness would take them all out of the load balancer at once. So /readyz stays 200 and reports
 * `degraded`, naming each subgraph that does not answer or whose circuit is open. Subgraphs are probed
 * in parallel, except those with an open circuit (already known down; not loaded further).
 */
export async function gatewayReadiness(
  probes: SubgraphProbe[],
  circuitOf: (name: string) => CircuitStateName,
  timeoutMs: number,
): Promise<{
  status: 'ready' | 'degraded';
  degraded: string[];
  subgraphs: Record<string, SubgraphReadiness>;
}> {
  const results = await Promise.all(
    probes.map(async (p): Promise<[string, SubgraphReadiness]> => {
      const circuit = circuitOf(p.name);
      if (circuit === 'open') return [p.name, { ok: false, latencyMs: 0, error: 'circuit open', circuit }];
      return [p.name, { ...(await probeSubgraph(p, timeoutMs)), circuit }];
    }),
  );
  const degraded = results.filter(([, r]) => !r.ok).map(([name]) => name);
  return {
    status: degraded.length > 0 ? 'degraded' : 'ready',
    degraded,
    subgraphs: Object.fromEntries(results),
  };
}
