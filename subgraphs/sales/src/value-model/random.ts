import { xoroshiro128plus } from 'pure-rand';

// Module-level aliases: a global `Math` lookup in a hot loop is ~10x slower inside a vm context (as under Jest).
const { exp, log, sqrt } = Math;

/*
 * Seeded samplers for the simulations: the same seed gives the same histories on every machine.
 * Uniforms come from pure-rand's xoroshiro128+; the distributions are the textbook constructions named below.
 */

export interface Rng {
  /** Uniform on the open interval (0, 1): never exactly 0 or 1, so logs are always finite. */
  uniform(): number;
}

export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const generator = xoroshiro128plus(seed);
  return {
    uniform() {
      // 53 random bits from two 32-bit outputs (27 + 26), centred in their cell.
      const hi = (generator.unsafeNext() >>> 0) >>> 5;
      const lo = (generator.unsafeNext() >>> 0) >>> 6;
      return (hi * 67108864 + lo + 0.5) / 9007199254740992;
    },
  };
}

export function sampleExponential(rng: Rng, rate: number): number {
  return -log(rng.uniform()) / rate;
}

/** Standard normal by the Marsaglia polar method (one value per call; the pair's second value is dropped). */
export function sampleNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.uniform() - 1;
    const v = 2 * rng.uniform() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * sqrt((-2 * log(s)) / s);
  }
}

/**
 * ln of a Gamma(shape, 1) draw, by Marsaglia & Tsang (2000); for shape < 1 the boost
 * G(shape) = G(shape + 1) · U^{1/shape}, kept in logs because tiny shapes give draws that underflow.
 */
export function sampleLogGamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError('shape must be positive');
  if (shape < 1) return sampleLogGamma(rng, shape + 1) + log(rng.uniform()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = sampleNormal(rng);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (log(u) < 0.5 * z * z + d - d * v + d * log(v)) return log(d * v);
  }
}

/** Gamma with the given shape and rate (mean shape / rate). */
export function sampleGamma(rng: Rng, shape: number, rate: number): number {
  return exp(sampleLogGamma(rng, shape)) / rate;
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), evaluated in logs. */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const lx = sampleLogGamma(rng, a);
  const ly = sampleLogGamma(rng, b);
  return 1 / (1 + exp(ly - lx));
}
