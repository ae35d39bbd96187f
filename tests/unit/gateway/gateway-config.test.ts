import { loadGatewayConfig } from '../../../gateway/src/config';

describe('gateway configuration', () => {
  it('defaults to port 4000 and the local subgraphs, with Sandbox in development and nothing sent to Apollo', () => {
    const c = loadGatewayConfig({});
    expect(c.port).toBe(4000);
    expect(c.subgraphUrls).toEqual({
      marketing: 'http://localhost:4001/graphql',
      sales: 'http://localhost:4002/graphql',
      support: 'http://localhost:4003/graphql',
      insights: 'http://localhost:4004/graphql',
    });
    expect(c.development).toBe(true);
    expect(c.apollo).toBeUndefined();
    expect(c.apolloTelemetry).toBe(false);
  });

  it('turns Sandbox off in production whatever SANDBOX says', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_JWKS_FILE: '/run/secrets/jwks.json',
      AUTH_ISSUER: 'https://idp.example/',
      SUBGRAPH_SIGNING_SECRET: 's'.repeat(32),
    };
    expect(loadGatewayConfig({ ...production, SANDBOX: 'true' }).development).toBe(false);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL or AUTH_JWKS_FILE/);
    expect(loadGatewayConfig({ SANDBOX: 'false' }).development).toBe(false);
  });

  it('reads subgraph URLs, limits and extra forwarded headers', () => {
    const c = loadGatewayConfig({
      PORT: '8080',
      MARKETING_URL: 'http://marketing:4001/graphql',
      SALES_URL: 'https://sales.internal/graphql',
      SUPPORT_URL: 'http://support:4003/graphql',
      INSIGHTS_URL: 'http://insights:4004/graphql',
      MAX_QUERY_DEPTH: '8',
      FORWARD_HEADERS: 'X-Tenant, x-Feature-Flags',
    });
    expect(c.port).toBe(8080);
    expect(c.subgraphUrls.sales).toBe('https://sales.internal/graphql');
    expect(c.subgraphUrls.insights).toBe('http://insights:4004/graphql');
    expect(c.limits.maxDepth).toBe(8);
    expect(c.extraForwardedHeaders).toEqual(['x-tenant', 'x-feature-flags']);
  });

  it('enables usage reporting only with both APOLLO_KEY and APOLLO_GRAPH_REF', () => {
    expect(loadGatewayConfig({ APOLLO_KEY: 'service:x:y' }).apollo).toBeUndefined();
    expect(loadGatewayConfig({ APOLLO_KEY: 'service:x:y', APOLLO_GRAPH_REF: 'c360@prod' }).apollo).toEqual({
      key: 'service:x:y',
      graphRef: 'c360@prod',
    });
  });

  it('rejects bad values with one message naming each variable', () => {
    expect(() => loadGatewayConfig({ PORT: 'x', SALES_URL: 'ftp://sales', MAX_QUERY_COST: '0' })).toThrow(
      /PORT[\s\S]*SALES_URL: must be an http\(s\) URL[\s\S]*MAX_QUERY_COST/,
    );
  });

  it('gives each subgraph call a budget shorter than the gateway’s, with per-subgraph overrides', () => {
    const d = loadGatewayConfig({});
    expect(d.requestTimeoutMs).toBe(10_000);
    expect(d.subgraphHttp.timeoutMs).toBe(3_000);
    expect(d.breaker).toEqual({ failureThreshold: 5, halfOpenAfterMs: 5_000 });
    expect(d.readinessTimeoutMs).toBe(500);
    const c = loadGatewayConfig({ SUBGRAPH_TIMEOUTS: 'sales:5000, insights:1500' });
    expect(c.subgraphHttp.timeoutsMs).toEqual({ sales: 5_000, insights: 1_500 });
  });

  it('refuses a subgraph budget that is not shorter than the gateway’s', () => {
    expect(() => loadGatewayConfig({ GATEWAY_TIMEOUT_MS: '3000' })).toThrow(
      'SUBGRAPH_TIMEOUT_MS: SUBGRAPH_TIMEOUT_MS: 3000 ms must be shorter than GATEWAY_TIMEOUT_MS (3000 ms)',
    );
    expect(() => loadGatewayConfig({ SUBGRAPH_TIMEOUTS: 'sales:10000' })).toThrow(
      'SUBGRAPH_TIMEOUTS: sales: 10000 ms must be shorter than GATEWAY_TIMEOUT_MS (10000 ms)',
    );
    expect(() => loadGatewayConfig({ SUBGRAPH_TIMEOUTS: 'sales=5000' })).toThrow(
      '"sales=5000" is not name:milliseconds',
    );
  });
});
