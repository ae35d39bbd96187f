import type { GatewayConfig } from '../../gateway/src/config';

/**
 * Breaker settings for tests that stop a subgraph: a low threshold so a few requests open the circuit, and
 * a half-open delay far longer than the test so the circuit stays open while it asserts.
 */
export const BREAKER_SETTINGS_FOR_TESTS = {
  breaker: { failureThreshold: 3, halfOpenAfterMs: 60_000 },
} satisfies Partial<GatewayConfig>;
