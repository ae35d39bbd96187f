import type { BgnbdParams, WeightedHistory } from '../../../subgraphs/sales/src/value-model/bgnbd';

/** Histories shared by the (M)BG/NBD tests: CDNOW-sized ones, edge cases and one that underflows naively. */
export const HISTORIES: WeightedHistory[] = [
  { x: 0, tx: 0, T: 38.86 },
  { x: 0, tx: 0, T: 0 },
  { x: 1, tx: 1.71, T: 38.86 },
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 3, tx: 0.5, T: 0.7 },
  { x: 20, tx: 35, T: 38 },
  // Thousands of days and hundreds of purchases: the direct product form underflows (≈ e^−1555).
  { x: 500, tx: 4000, T: 5000 },
];

/** A second parameter set with a > 1 and b < 1, away from the CDNOW corner. */
export const OTHER: BgnbdParams = { r: 2.1, alpha: 15, a: 3.2, b: 0.6 };

export const toLog = (p: BgnbdParams) => [p.r, p.alpha, p.a, p.b].map(Math.log);
export const fromLog = (v: readonly number[]): BgnbdParams => ({
  r: Math.exp(v[0]),
  alpha: Math.exp(v[1]),
  a: Math.exp(v[2]),
  b: Math.exp(v[3]),
});

export function meanAndSe(values: number[]): { mean: number; se: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}
