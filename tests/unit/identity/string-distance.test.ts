import fc from 'fast-check';
import {
  jaro,
  jaroWinkler,
  osaDistance,
  withinOneEdit,
} from '../../../subgraphs/marketing/src/identity/string-distance';

describe('Jaro–Winkler', () => {
  it('matches the textbook examples (Winkler 1990)', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
  });

  it('is 1 for equal strings, 0 for nothing in common or an empty side', () => {
    expect(jaroWinkler('kovacs', 'kovacs')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('handles strings longer than 31 characters (array path) by the same formula', () => {
    const a = 'abcdefghij'.repeat(4);
    const b = `${a.slice(0, 39)}X`;
    // 39 matches of 40, no transpositions: (39/40 + 39/40 + 1) / 3, plus the 4-character prefix bonus.
    const expectedJaro = (39 / 40 + 39 / 40 + 1) / 3;
    expect(jaro(a, b)).toBeCloseTo(expectedJaro, 12);
    expect(jaroWinkler(a, b)).toBeCloseTo(expectedJaro + 0.4 * (1 - expectedJaro), 12);
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const x = jaroWinkler(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(x, 12);
      }),
    );
  });
});

describe('optimal string alignment distance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps as one edit each', () => {
    expect(osaDistance('1051', '1051')).toBe(0);
    expect(osaDistance('1051', '1052')).toBe(1);
    expect(osaDistance('1051', '1501')).toBe(1);
    expect(osaDistance('1051', '105')).toBe(1);
    expect(osaDistance('kitten', 'sitting')).toBe(3);
    // OSA, not full Damerau: a swapped pair cannot be edited again.
    expect(osaDistance('ca', 'abc')).toBe(3);
  });

  it('withinOneEdit agrees with osaDistance <= 1', () => {
    const digits = fc.string({ unit: fc.constantFrom('1', '2', '3'), maxLength: 7 });
    fc.assert(
      fc.property(digits, digits, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});
