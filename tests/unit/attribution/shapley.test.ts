import fc from 'fast-check';
import {
  fitChannelSetRates,
  shapleyShares,
  shapleyValues,
} from '../../../subgraphs/marketing/src/attribution/shapley.logic';

const bits = (mask: number, n: number) => Array.from({ length: n }, (_, i) => (mask >> i) & 1);

describe('exact Shapley values', () => {
  it('glove game: one left glove, two right gloves, a pair is worth 1 → (2/3, 1/6, 1/6)', () => {
    // The textbook glove game (e.g. Osborne & Rubinstein, A Course in Game Theory, 1994, ch. 14).
    const v = (mask: number) => {
      const [left, r1, r2] = bits(mask, 3);
      return left && (r1 || r2) ? 1 : 0;
    };
    const phi = shapleyValues(3, v);
    expect(phi[0]).toBeCloseTo(2 / 3, 12);
    expect(phi[1]).toBeCloseTo(1 / 6, 12);
    expect(phi[2]).toBeCloseTo(1 / 6, 12);
  });

  it('Zhao et al. (2018): with v(S) = conversions of all journeys whose channel set lies in S, φ_j = Σ_{S∋j} R_S / |S|', () => {
    // Their simplified formula: every channel set S with R_S conversions gives each of its |S| channels R_S/|S|.
    // Checked here against exact enumeration on random conversion counts over 5 channels.
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 32, maxLength: 32 }), (r) => {
        r[0] = 0; // no channel, no conversion to share
        const n = 5;
        const v = (mask: number) => {
          let sum = 0;
          for (let t = mask; ; t = (t - 1) & mask) {
            sum += r[t];
            if (t === 0) break;
          }
          return sum;
        };
        const phi = shapleyValues(n, v);
        for (let j = 0; j < n; j++) {
          let simplified = 0;
          for (let s = 1; s < 32; s++)
            if (s & (1 << j)) simplified += r[s] / bits(s, n).reduce((a, b) => a + b, 0);
          expect(phi[j]).toBeCloseTo(simplified, 9);
        }
      }),
    );
  });

  it('satisfies efficiency, symmetry and the dummy axiom on random games', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (w) => {
          // players 0 and 1 are made interchangeable, player 3 a dummy (adds nothing to any coalition)
          const core = (mask: number) => {
            const m = mask & 0b0111;
            const swapped = (m & 0b100) | ((m & 1) << 1) | ((m >> 1) & 1);
            return m === 0 ? 0 : (w[m] + w[swapped]) / 2;
          };
          const phi = shapleyValues(4, core);
          expect(phi.reduce((a, b) => a + b, 0)).toBeCloseTo(core(0b1111) - core(0), 9);
          expect(phi[0]).toBeCloseTo(phi[1], 9);
          expect(phi[3]).toBeCloseTo(0, 12);
        },
      ),
    );
  });

  it('refuses more players than it can enumerate', () => {
    expect(() => shapleyValues(17, () => 0)).toThrow(RangeError);
  });
});

describe('Shapley shares over channel sets (worth = conversion rate of that exact set)', () => {
  it('credits the channel that lifts the conversion rate', () => {
    // AD alone converts 10 %, EMAIL alone 30 %, both together 40 %:
    // φ_AD = ½(0.10 − 0) + ½(0.40 − 0.30) = 0.10, φ_EMAIL = ½(0.30) + ½(0.40 − 0.10) = 0.30 → 25 % / 75 %.
    const rates = fitChannelSetRates([
      { channels: ['AD'], conversions: 10, nulls: 90 },
      { channels: ['EMAIL'], conversions: 30, nulls: 70 },
      { channels: ['EMAIL', 'AD', 'AD'], conversions: 40, nulls: 60 },
    ]);
    const shares = shapleyShares(['AD', 'EMAIL', 'AD'], rates)!;
    expect(shares.AD).toBeCloseTo(0.25, 12);
    expect(shares.EMAIL).toBeCloseTo(0.75, 12);
  });

  it('gives no share to a channel that lowers the rate, and shares equally when no channel adds anything', () => {
    const rates = fitChannelSetRates([
      { channels: ['A'], conversions: 50, nulls: 50 },
      { channels: ['B'], conversions: 0, nulls: 10 },
      { channels: ['A', 'B'], conversions: 10, nulls: 90 },
    ]);
    // φ_A = ½(0.5) + ½(0.1 − 0) = 0.3, φ_B = ½(0) + ½(0.1 − 0.5) = −0.2 → clipped to 0
    expect(shapleyShares(['A', 'B'], rates)).toEqual({ A: 1, B: 0 });
    expect(shapleyShares(['X', 'Y'], rates)).toEqual({ X: 0.5, Y: 0.5 });
    expect(shapleyShares([], rates)).toBeNull();
  });
});
