import { createSeedRandom, type SeedRandom } from '../../../scripts/seed/random';
import type { BgnbdParams, PurchaseModelKind } from '../../../subgraphs/sales/src/value-model/bgnbd';
import type { GammaGammaParams } from '../../../subgraphs/sales/src/value-model/gamma-gamma';

/*
 * Histories drawn from the models' own generative processes, for validation (recover known parameters) and
 * benchmarks. Times are in the model's time unit; money in major currency units.
 */

export interface SimulatedCustomer {
  /** Purchase times from the first purchase (always 0) on, ascending. */
  purchaseTimes: number[];
  /** Value of each purchase, same order; empty when no spend model was given. */
  spends: number[];
  x: number;
  tx: number;
  T: number;
  /** Mean of the repeat purchases' values (0 when x = 0 or without a spend model). */
  monetaryValue: number;
  /** The latent draws, for tests that need the truth. */
  latent: { lambda: number; p: number; nu: number | null; alive: boolean };
}

export interface SimulationOptions {
  customers: number;
  seed: number;
  bgnbd: BgnbdParams;
  /** The drop-out story: BG/NBD (default) or MBG/NBD, where the first purchase is a drop-out chance too. */
  model?: PurchaseModelKind;
  gammaGamma?: GammaGammaParams;
  /** Observation length T per customer, uniform in [min, max] (a cohort acquired over max − min). */
  observation: { min: number; max: number };
}

/**
 * One customer of the BG/NBD story: first purchase at 0; while alive, exponential gaps with rate λ; after each
 * repeat purchase (MBG/NBD: after the first purchase too) a drop-out with probability p; nothing is observed
 * after T.
 */
export function simulateCustomer(
  rng: SeedRandom,
  options: Omit<SimulationOptions, 'customers' | 'seed'>,
): SimulatedCustomer {
  const { r, alpha, a, b } = options.bgnbd;
  const { min, max } = options.observation;
  const T = min + (max - min) * rng.float();
  const lambda = rng.gamma(r, alpha);
  const p = rng.beta(a, b);
  const times = [0];
  let t = 0;
  // The MBG/NBD draw comes first and only then, so BG/NBD simulations keep their random sequence.
  let alive = options.model === 'MBG_NBD' ? !(rng.float() < p) : true;
  while (alive) {
    t += rng.exponential(lambda);
    if (t > T) break;
    times.push(t);
    if (rng.float() < p) {
      alive = false;
      break;
    }
  }
  let nu: number | null = null;
  const spends: number[] = [];
  if (options.gammaGamma) {
    const { p: shape, q, v } = options.gammaGamma;
    nu = rng.gamma(q, v);
    for (let i = 0; i < times.length; i += 1) spends.push(rng.gamma(shape, nu));
  }
  const x = times.length - 1;
  const repeatSpend = spends.slice(1);
  return {
    purchaseTimes: times,
    spends,
    x,
    tx: times[x],
    T,
    monetaryValue: repeatSpend.length > 0 ? repeatSpend.reduce((s, z) => s + z, 0) / repeatSpend.length : 0,
    latent: { lambda, p, nu, alive },
  };
}

export function simulateCustomers(options: SimulationOptions): SimulatedCustomer[] {
  if (!(Number.isInteger(options.customers) && options.customers >= 0)) {
    throw new RangeError('customers must be a non-negative integer');
  }
  if (!(options.observation.min >= 0 && options.observation.max >= options.observation.min)) {
    throw new RangeError('observation must satisfy 0 ≤ min ≤ max');
  }
  const rng = createSeedRandom(options.seed);
  return Array.from({ length: options.customers }, () => simulateCustomer(rng, options));
}

const DAY_MS = 86_400_000;

/**
 * The customer's purchases as orders placed before `asOf` (model time unit = days): the first purchase lands
 * T days before asOf. Amounts are rounded to minor units.
 */
export function toOrders(
  customer: SimulatedCustomer,
  asOf: Date,
  options: { currencyExponent?: number } = {},
): Array<{ placedAt: Date; totalMinor: number }> {
  const scale = 10 ** (options.currencyExponent ?? 2);
  const start = asOf.getTime() - customer.T * DAY_MS;
  return customer.purchaseTimes.map((t, i) => ({
    placedAt: new Date(Math.min(asOf.getTime(), Math.round(start + t * DAY_MS))),
    totalMinor: Math.round((customer.spends[i] ?? 0) * scale),
  }));
}
