import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/**
 * The one seeded random source of the repository: pure-rand's xoroshiro128+ behind a small API with one
 * set of samplers, used by the demo data (scripts/seed), the value-model simulations (tests/helpers) and
 * benches. Nothing here reads the clock or Math.random, so a seed fixes the output. Production code has
 * no randomness but ids.
 */
export interface SeedRandom {
  /** Float in [0, 1) with 53 random bits. */
  float(): number;
  /** Integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** Integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** Float in [min, max). */
  uniform(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** Standard normal × sd + mean (Box–Muller). */
  normal(mean: number, sd: number): number;
  exponential(rate: number): number;
  /** Gamma(shape, rate): mean shape / rate (Marsaglia–Tsang). */
  gamma(shape: number, rate: number): number;
  /** ln of a Gamma(shape, 1) draw: finite even for tiny shapes, whose draws underflow to 0. */
  logGamma(shape: number): number;
  beta(a: number, b: number): number;
  poisson(mean: number): number;
  /** A few distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** An independent stream for a labelled sub-task (e.g. one customer's story). */
  fork(label: string, index?: number): SeedRandom;
}

/** 32-bit FNV-1a over the label, mixed with the seed and index (murmur3 finaliser): a new stream seed. */
export function mixSeed(seed: number, label: string, index = 0): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (index | 0), 0x01000193) ^ Math.imul((index / 0x100000000) | 0, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function createSeedRandom(seed: number): SeedRandom {
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const rng: RandomGenerator = xoroshiro128plus(seed | 0);
  const float = (): number => {
    const a = rng.unsafeNext() >>> 5;
    const b = rng.unsafeNext() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  };
  const int = (maxExclusive: number): number => (maxExclusive <= 1 ? 0 : Math.floor(float() * maxExclusive));
  let spareNormal: number | null = null;
  const standardNormal = (): number => {
    if (spareNormal !== null) {
      const s = spareNormal;
      spareNormal = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = float();
    const v = float();
    const radius = Math.sqrt(-2 * Math.log(u));
    spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
  const logGamma = (shape: number): number => {
    if (!(shape > 0)) throw new RangeError('shape must be positive');
    if (shape < 1) {
      // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k), kept in logs because tiny shapes underflow.
      let u = 0;
      while (u === 0) u = float();
      return logGamma(shape + 1) + Math.log(u) / shape;
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = standardNormal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = float();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v)))
        return Math.log(d * v);
    }
  };
  const gamma = (shape: number, rate: number): number => Math.exp(logGamma(shape)) / rate;
  const self: SeedRandom = {
    float,
    int,
    between: (min, max) => min + int(max - min + 1),
    uniform: (min, max) => min + float() * (max - min),
    chance: (p) => float() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(items.length)];
    },
    weighted: (weights) => {
      const keys = Object.keys(weights) as (keyof typeof weights & string)[];
      let total = 0;
      for (const k of keys) total += Math.max(0, weights[k]);
      let x = float() * total;
      for (const k of keys) {
        x -= Math.max(0, weights[k]);
        if (x < 0) return k;
      }
      return keys[keys.length - 1];
    },
    normal: (mean, sd) => mean + sd * standardNormal(),
    exponential: (rate) => {
      let u = 0;
      while (u === 0) u = float();
      return -Math.log(u) / rate;
    },
    gamma,
    logGamma,
    // X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), in logs so tiny shapes do not give 0 / 0.
    beta: (a, b) => {
      const lx = logGamma(a);
      return 1 / (1 + Math.exp(logGamma(b) - lx));
    },
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal()));
      // Knuth: multiply uniforms until the product drops below e^-mean.
      const limit = Math.exp(-mean);
      let k = 0;
      let p = float();
      while (p > limit) {
        k++;
        p *= float();
      }
      return k;
    },
    sample: (items, count) => {
      const copy = [...items];
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + int(copy.length - i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
    fork: (label, index = 0) => createSeedRandom(mixSeed(seed, label, index)),
  };
  return self;
}
