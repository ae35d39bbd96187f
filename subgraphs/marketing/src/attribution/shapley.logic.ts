import type { ChannelPath } from './markov.logic';

/**
 * Shapley values (Shapley 1953) by exact enumeration of coalitions: player i gets
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)).
 * Coalitions are bit masks over the n players; `value(mask)` is the worth v. Exponential in n, so callers
 * keep n to the distinct channels of one path (at most the 12 touchpoint channels: 4,096 coalitions).
 */
export const MAX_SHAPLEY_PLAYERS = 16;

export function shapleyValues(n: number, value: (mask: number) => number): number[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SHAPLEY_PLAYERS) {
    throw new RangeError(`Shapley values need 0…${MAX_SHAPLEY_PLAYERS} players, got ${n}`);
  }
  const size = 1 << n;
  const worth = new Float64Array(size);
  for (let mask = 0; mask < size; mask++) worth[mask] = value(mask);
  const factorial = [1];
  for (let k = 1; k <= n; k++) factorial[k] = factorial[k - 1] * k;
  const popcount = (m: number) => {
    let c = 0;
    for (let x = m; x; x &= x - 1) c++;
    return c;
  };
  const phi = new Array<number>(n).fill(0);
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    const weight = (factorial[s] * factorial[n - s - 1]) / factorial[n];
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) continue;
      phi[i] += weight * (worth[mask | (1 << i)] - worth[mask]);
    }
  }
  return phi;
}

/** Journeys and conversions per distinct channel set (order and repeats ignored). */
export interface ChannelSetRates {
  bySet: Map<string, { journeys: number; conversions: number }>;
}

export const channelSetKey = (channels: Iterable<string>): string => [...new Set(channels)].sort().join('|');

/** Counts, for every channel set seen, how many journeys had exactly that set and how many converted. */
export function fitChannelSetRates(paths: Iterable<ChannelPath>): ChannelSetRates {
  const bySet = new Map<string, { journeys: number; conversions: number }>();
  for (const p of paths) {
    const key = channelSetKey(p.channels);
    const row = bySet.get(key) ?? { journeys: 0, conversions: 0 };
    row.journeys += p.conversions + p.nulls;
    row.conversions += p.conversions;
    bySet.set(key, row);
  }
  return { bySet };
}

/**
 * Share of each channel in a converting path (distinct channels, summing to 1) as its Shapley value in
 * the game whose worth v(S) is the conversion rate of journeys that touched exactly the channels S — the
 * incremental conversion probability a channel adds to the others, averaged over the orders in which it
 * could join them. A set never observed is worth 0, and so is the empty set (people with no touchpoint and
 * no order are not observed). Channels with a negative Shapley value (worth falls when they join) get no
 * share; when no channel has a positive value the path is shared equally. Null when the path is empty.
 */
export function shapleyShares(
  channels: readonly string[],
  rates: ChannelSetRates,
): Record<string, number> | null {
  const players = [...new Set(channels)].sort();
  if (players.length === 0) return null;
  const rateOf = (mask: number) => {
    if (mask === 0) return 0;
    const row = rates.bySet.get(players.filter((_, i) => mask & (1 << i)).join('|'));
    return row && row.journeys > 0 ? row.conversions / row.journeys : 0;
  };
  const phi = shapleyValues(players.length, rateOf).map((x) => Math.max(0, x));
  const total = phi.reduce((a, b) => a + b, 0);
  return Object.fromEntries(players.map((ch, i) => [ch, total > 0 ? phi[i] / total : 1 / players.length]));
}
