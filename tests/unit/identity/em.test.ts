import { comparePairs, trainModel } from '../../../subgraphs/marketing/src/identity/fellegi-sunter';
import {
  ComparisonContext,
  comparisonSettings,
  COMPARISON_COUNT,
  NULL_LEVEL,
  prepareForComparison,
  ValueInterner,
} from '../../../subgraphs/marketing/src/identity/comparison';
import { resolveIdentityConfig } from '../../../subgraphs/marketing/src/identity/config';
import { aggregatePatterns, expectationMaximisation } from '../../../subgraphs/marketing/src/identity/em';
import { normalizeProfile } from '../../../subgraphs/marketing/src/identity/normalize';
import { createRandom } from '../../../subgraphs/marketing/src/identity/random';
import { generateSyntheticPeople, truePairsOf } from '../../helpers/identity/synthetic-people';

function draw(random: ReturnType<typeof createRandom>, probabilities: number[]): number {
  let x = random.float();
  for (let l = 0; l < probabilities.length; l++) {
    x -= probabilities[l];
    if (x < 0) return l;
  }
  return probabilities.length - 1;
}

describe('expectation–maximisation', () => {
  it('recovers m and λ of a known mixture, with u fixed', () => {
    const m = [
      [0.85, 0.1, 0.05],
      [0.7, 0.2, 0.1],
      [0.9, 0.1],
    ];
    const u = [
      [0.02, 0.08, 0.9],
      [0.05, 0.15, 0.8],
      [0.01, 0.99],
    ];
    const lambda = 0.2;
    const random = createRandom(5);
    const pairs = 40_000;
    const levels = new Int8Array(pairs * 3);
    for (let p = 0; p < pairs; p++) {
      const source = random.chance(lambda) ? m : u;
      for (let k = 0; k < 3; k++)
        levels[p * 3 + k] = random.chance(0.1) ? NULL_LEVEL : draw(random, source[k]);
    }
    const result = expectationMaximisation({
      patterns: aggregatePatterns(levels, 3, pairs),
      levelCounts: [3, 3, 2],
      u,
      m: [
        [0.6, 0.2, 0.2],
        [0.6, 0.2, 0.2],
        [0.6, 0.4],
      ],
      lambda: 0.5,
      active: [true, true, true],
      maxIterations: 200,
      tolerance: 1e-6,
    });
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(lambda, 1);
    result.m.forEach((row, k) => row.forEach((x, l) => expect(Math.abs(x - m[k][l])).toBeLessThan(0.02)));
    // EM never moves away from a fixed point: the changes shrink towards the end.
    expect(result.deltas[result.deltas.length - 1]).toBeLessThan(result.deltas[0]);
  });

  it('leaves the comparisons a session fixes untouched', () => {
    const levels = Int8Array.from([0, 0, 1, 1, 0, 1]);
    const start = [
      [0.9, 0.1],
      [0.8, 0.2],
    ];
    const result = expectationMaximisation({
      patterns: aggregatePatterns(levels, 2, 3),
      levelCounts: [2, 2],
      u: [
        [0.1, 0.9],
        [0.1, 0.9],
      ],
      m: start,
      lambda: 0.5,
      active: [false, true],
      maxIterations: 10,
      tolerance: 1e-9,
    });
    expect(result.m[0]).toEqual(start[0]);
    expect(result.m[1]).not.toEqual(start[1]);
  });

  it('aggregates identical level vectors', () => {
    const table = aggregatePatterns(Int8Array.from([0, -1, 0, -1, 2, 1]), 2, 3);
    expect(table.size).toBe(2);
    expect(Array.from(table.counts)).toEqual([2, 1]);
    expect(Array.from(table.levels)).toEqual([0, -1, 2, 1]);
  });
});

describe('training on generated people', () => {
  const config = resolveIdentityConfig();
  const data = generateSyntheticPeople({ profiles: 5000, seed: 11 });
  const interner = new ValueInterner();
  const prepared = data.profiles.map((p, i) =>
    prepareForComparison(normalizeProfile(p, config), i, interner),
  );
  const model = trainModel(prepared, config);
  const ctx = new ComparisonContext(comparisonSettings(config));

  /** Level frequencies among the given pairs, per comparison (null levels left out). */
  function frequencies(pairs: [number, number][]): number[][] {
    const levels = comparePairs(
      prepared,
      {
        left: Int32Array.from(pairs, (p) => p[0]),
        right: Int32Array.from(pairs, (p) => p[1]),
        count: pairs.length,
      },
      ctx,
    );
    return model.comparisons.map((c, k) => {
      const counts = new Array<number>(c.levels.length).fill(0);
      for (let p = 0; p < levels.count; p++) {
        const level = levels.levels[p * COMPARISON_COUNT + k];
        if (level !== NULL_LEVEL) counts[level]++;
      }
      const total = counts.reduce((s, x) => s + x, 0);
      return counts.map((x) => x / total);
    });
  }

  const index = new Map(data.profiles.map((p, i) => [p.id, i]));
  const truePairs = truePairsOf(data.profiles).map(([a, b]): [number, number] => [
    index.get(a)!,
    index.get(b)!,
  ]);

  it('converges in every session', () => {
    expect(model.training.sessions).toHaveLength(2);
    for (const session of model.training.sessions) {
      expect(session.pairs).toBeGreaterThan(500);
      expect(session.converged).toBe(true);
    }
  });

  it('recovers m close to the generator’s truth (level frequencies among the true duplicate pairs)', () => {
    const truth = frequencies(truePairs);
    model.comparisons.forEach((c, k) =>
      c.levels.forEach((level, l) => {
        expect({
          comparison: c.name,
          level: level.id,
          error: Math.abs(level.m - truth[k][l]) < 0.05,
        }).toEqual({
          comparison: c.name,
          level: level.id,
          error: true,
        });
      }),
    );
  });

  it('estimates u close to the level frequencies among pairs of different people', () => {
    const random = createRandom(99);
    const others: [number, number][] = [];
    while (others.length < 60_000) {
      const i = random.int(prepared.length);
      const j = random.int(prepared.length);
      if (i !== j && data.profiles[i].personId !== data.profiles[j].personId) others.push([i, j]);
    }
    const truth = frequencies(others);
    model.comparisons.forEach((c, k) =>
      c.levels.forEach((level, l) => {
        const tolerance = Math.max(0.003, truth[k][l] * 0.15);
        expect({
          comparison: c.name,
          level: level.id,
          close: Math.abs(level.u - truth[k][l]) < tolerance,
        }).toEqual({
          comparison: c.name,
          level: level.id,
          close: true,
        });
      }),
    );
  });

  it('estimates the prior close to the true share of duplicate pairs', () => {
    const share = truePairs.length / ((prepared.length * (prepared.length - 1)) / 2);
    expect(model.priorMatchProbability).toBeGreaterThan(share / 2);
    expect(model.priorMatchProbability).toBeLessThan(share * 2);
  });
});
