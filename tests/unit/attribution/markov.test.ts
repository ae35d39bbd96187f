import fc from 'fast-check';
import { fitMarkov, type ChannelPath } from '../../../subgraphs/marketing/src/attribution/markov.logic';

const paths = (...rows: [string, number, number][]): ChannelPath[] =>
  rows.map(([p, conversions, nulls]) => ({ channels: p ? p.split('>') : [], conversions, nulls }));

describe('first-order Markov removal effect (Anderl et al. 2016)', () => {
  it('three journeys C1→C2→C3→conversion, C1→null, C2→C3→null: P = 1/3, removal effects 0.5, 1, 1', () => {
    // The three-journey illustration used with Anderl et al.'s removal effect (Bryl, "Marketing
    // Multi-Channel Attribution model with R (part 1: Markov chains concept)", analyzecore.com, 2016):
    // START→C1 2/3, START→C2 1/3, C1→C2 1/2, C1→null 1/2, C2→C3 1, C3→conv 1/2, C3→null 1/2.
    const fit = fitMarkov(paths(['C1>C2>C3', 1, 0], ['C1', 0, 1], ['C2>C3', 0, 1]));
    expect(fit.conversionProbability).toBeCloseTo(1 / 3, 12);
    expect(fit.removalEffects.C1).toBeCloseTo(0.5, 12);
    expect(fit.removalEffects.C2).toBeCloseTo(1, 12);
    expect(fit.removalEffects.C3).toBeCloseTo(1, 12);
    const p = (from: string, to: string) =>
      fit.transitions.find((t) => t.from === from && t.to === to)?.probability;
    expect(p('(start)', 'C1')).toBeCloseTo(2 / 3, 12);
    expect(p('C1', 'C2')).toBeCloseTo(1 / 2, 12);
    expect(p('C3', '(conversion)')).toBeCloseTo(1 / 2, 12);
    expect(fit.journeys).toBe(3);
  });

  it('grouped paths: google ads ×2 conv, mailing conv, ads→mailing conv, ads null → removal effects 0.75 and 0.5', () => {
    // Puzyrov, "Markov Chain Attribution – Simple Explanation of Removal Effect" (2019): P(conv) = 0.8,
    // without ads 0.2, without mailing 0.4; 4 conversions are attributed 2.4 to ads and 1.6 to mailing.
    const fit = fitMarkov(paths(['ads', 2, 0], ['mail', 1, 0], ['ads>mail', 1, 0], ['ads', 0, 1]));
    expect(fit.conversionProbability).toBeCloseTo(0.8, 12);
    expect(fit.removalEffects.ads).toBeCloseTo(0.75, 12);
    expect(fit.removalEffects.mail).toBeCloseTo(0.5, 12);
    const total = fit.removalEffects.ads + fit.removalEffects.mail;
    expect((4 * fit.removalEffects.ads) / total).toBeCloseTo(2.4, 12);
    expect((4 * fit.removalEffects.mail) / total).toBeCloseTo(1.6, 12);
  });

  it('self-loops and repeats do not break the chain: A→A→A converting, A null → P = 1/2, effect 1', () => {
    const fit = fitMarkov(paths(['A>A>A', 1, 0], ['A', 0, 1]));
    expect(fit.conversionProbability).toBeCloseTo(0.5, 12);
    expect(fit.removalEffects.A).toBeCloseTo(1, 12);
  });

  it('no journeys, or none converting: probability 0 and no credit to anyone', () => {
    expect(fitMarkov([])).toMatchObject({ conversionProbability: 0, removalEffects: {}, journeys: 0 });
    const lostOnly = fitMarkov(paths(['A>B', 0, 3]));
    expect(lostOnly.conversionProbability).toBe(0);
    expect(lostOnly.removalEffects).toEqual({ A: 0, B: 0 });
  });

  it('direct conversions (empty path) raise P but leave the ratio of removal effects unchanged', () => {
    const base = fitMarkov(paths(['A>B', 2, 1], ['B', 1, 2]));
    const withDirect = fitMarkov(paths(['A>B', 2, 1], ['B', 1, 2], ['', 5, 0]));
    expect(withDirect.conversionProbability).toBeGreaterThan(base.conversionProbability);
    expect(withDirect.removalEffects.A / withDirect.removalEffects.B).toBeCloseTo(
      base.removalEffects.A / base.removalEffects.B,
      12,
    );
  });

  const channel = fc.constantFrom('A', 'B', 'C', 'D', 'E');
  const pathArb = fc.record({
    channels: fc.array(channel, { minLength: 1, maxLength: 6 }),
    conversions: fc.nat(5),
    nulls: fc.nat(5),
  });

  it('removal effects are in [0, 1] and every channel on a converting path has a positive one', () => {
    fc.assert(
      fc.property(fc.array(pathArb, { minLength: 1, maxLength: 25 }), (ps) => {
        const fit = fitMarkov(ps);
        for (const ch of fit.channels) {
          expect(fit.removalEffects[ch]).toBeGreaterThanOrEqual(0);
          expect(fit.removalEffects[ch]).toBeLessThanOrEqual(1);
        }
        for (const p of ps)
          if (p.conversions > 0)
            for (const ch of p.channels) expect(fit.removalEffects[ch]).toBeGreaterThan(0);
      }),
    );
  });

  it('is symmetric: renaming channels renames the removal effects, and input order does not matter', () => {
    const rename: Record<string, string> = { A: 'E', B: 'D', C: 'C', D: 'B', E: 'A' };
    fc.assert(
      fc.property(fc.array(pathArb, { minLength: 1, maxLength: 20 }), (ps) => {
        const fit = fitMarkov(ps);
        const renamed = fitMarkov(
          ps.map((p) => ({ ...p, channels: p.channels.map((c) => rename[c]) })).reverse(),
        );
        expect(renamed.conversionProbability).toBeCloseTo(fit.conversionProbability, 10);
        for (const ch of fit.channels)
          expect(renamed.removalEffects[rename[ch]]).toBeCloseTo(fit.removalEffects[ch], 10);
      }),
    );
  });
});
