/**
 * When to try a failed delivery again: exponential back-off with full jitter (AWS Architecture Blog,
 * "Exponential Backoff And Jitter"): attempt n waits a uniform random time in [0, min(cap, base·2^(n−1))],
 * so many receivers failing together do not retry in lock-step. After `maxAttempts` the delivery is dead.
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 5_000, capMs: 6 * 3600_000, maxAttempts: 12 };

/** Delay before the next attempt after `attempts` failed ones, or null when the delivery is dead. */
export function nextRetryDelay(attempts: number, policy: RetryPolicy, random: () => number): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}
