/** Pairwise linkage scores shared by the identity benchmarks: a pair is two record ids, order-free. */
export interface Scores {
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
export const fmt = (x: number): string => x.toFixed(4);

export function scores(predicted: Set<string>, truth: Set<string>): Scores {
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp++;
  const precision = predicted.size ? tp / predicted.size : 1;
  const recall = truth.size ? tp / truth.size : 1;
  return {
    predicted: predicted.size,
    truePositives: tp,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
