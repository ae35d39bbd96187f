import * as prand from 'pure-rand';

/** A seeded random source (pure-rand's xoroshiro128+), so training samples and synthetic data repeat. */
export interface Random {
  /** Integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** Float in [0, 1). */
  float(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  const rng = prand.xoroshiro128plus(seed);
  const int = (maxExclusive: number): number =>
    maxExclusive <= 1 ? 0 : prand.unsafeUniformIntDistribution(0, maxExclusive - 1, rng);
  const float = (): number => prand.unsafeUniformIntDistribution(0, 0x3fffffff, rng) / 0x40000000;
  return {
    int,
    float,
    chance: (p) => float() < p,
    pick: (items) => items[int(items.length)],
  };
}
