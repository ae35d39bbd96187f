import { Matrix, solve } from 'ml-matrix';

/**
 * First-order Markov chain attribution with removal effects (Anderl, Becker, von Wangenheim & Schumann,
 * "Mapping the customer journey: Lessons learned from graph-based online attribution modeling", IJRM 33(3),
 * 2016, 457–474). States are START, one per channel, and the absorbing CONVERSION and NULL; transition
 * probabilities are the observed transition counts over all journeys, converting and lost. The removal
 * effect of a channel is the relative drop of P(START ⇝ CONVERSION) when the channel is taken out of the
 * graph, i.e. every transition into it leads to NULL instead.
 */

/** A channel sequence with how many journeys followed it to a conversion and how many to nothing. */
export interface ChannelPath {
  channels: readonly string[];
  conversions: number;
  nulls: number;
}

export interface MarkovTransition {
  from: string;
  to: string;
  probability: number;
}

export interface MarkovFit {
  channels: string[];
  /** P(START ⇝ CONVERSION) in the fitted chain. */
  conversionProbability: number;
  /** (P − P without the channel) / P, in [0, 1]; 0 for every channel when nothing converted. */
  removalEffects: Record<string, number>;
  transitions: MarkovTransition[];
  journeys: number;
}

export const START = '(start)';
export const CONVERSION = '(conversion)';
export const NULL = '(null)';

/** Adds a journey's transitions (weight = how many journeys took it) to a sparse count table. */
function countTransitions(paths: Iterable<ChannelPath>) {
  const counts = new Map<string, Map<string, number>>();
  const add = (from: string, to: string, w: number) => {
    if (w <= 0) return;
    let row = counts.get(from);
    if (!row) counts.set(from, (row = new Map()));
    row.set(to, (row.get(to) ?? 0) + w);
  };
  let journeys = 0;
  for (const p of paths) {
    if (p.conversions < 0 || p.nulls < 0) throw new RangeError('path counts must be ≥ 0');
    const total = p.conversions + p.nulls;
    journeys += total;
    let prev = START;
    for (const ch of p.channels) {
      add(prev, ch, total);
      prev = ch;
    }
    add(prev, CONVERSION, p.conversions);
    add(prev, NULL, p.nulls);
  }
  return { counts, journeys };
}

/**
 * Absorption probabilities into CONVERSION from every transient state, by solving (I − Q) x = r.
 * A removed state is made absorbing into NULL (x = 0), which is the same as redirecting every transition
 * into it to NULL.
 */
function conversionFromStart(
  states: readonly string[],
  prob: (from: string, to: string) => number,
  removed: string | null,
): number {
  const n = states.length;
  const a = Matrix.zeros(n, n);
  const r = Matrix.zeros(n, 1);
  states.forEach((from, i) => {
    a.set(i, i, 1);
    if (from === removed) return;
    states.forEach((to, j) => {
      const p = prob(from, to);
      if (p > 0) a.set(i, j, a.get(i, j) - p);
    });
    r.set(i, 0, prob(from, CONVERSION));
  });
  return solve(a, r).get(0, 0);
}

export function fitMarkov(paths: Iterable<ChannelPath>): MarkovFit {
  const { counts, journeys } = countTransitions(paths);
  const channels = [...new Set([...counts.keys(), ...[...counts.values()].flatMap((row) => [...row.keys()])])]
    .filter((s) => s !== START && s !== CONVERSION && s !== NULL)
    .sort();
  const rowTotals = new Map(
    [...counts].map(([from, row]) => [from, [...row.values()].reduce((a, b) => a + b, 0)]),
  );
  const prob = (from: string, to: string) => (counts.get(from)?.get(to) ?? 0) / (rowTotals.get(from) || 1);
  const transitions: MarkovTransition[] = [];
  for (const [from, row] of counts)
    for (const to of row.keys()) transitions.push({ from, to, probability: prob(from, to) });
  transitions.sort((x, y) => (x.from + '\u0000' + x.to < y.from + '\u0000' + y.to ? -1 : 1));

  const states = [START, ...channels];
  const removalEffects: Record<string, number> = {};
  if (journeys === 0) return { channels, conversionProbability: 0, removalEffects, transitions, journeys };
  const base = conversionFromStart(states, prob, null);
  for (const ch of channels) {
    const without = conversionFromStart(states, prob, ch);
    // Removing a state can only lower the absorption probability; max() absorbs solver rounding (≈1e-16).
    removalEffects[ch] = base > 0 ? Math.min(1, Math.max(0, (base - without) / base)) : 0;
  }
  return { channels, conversionProbability: base, removalEffects, transitions, journeys };
}
