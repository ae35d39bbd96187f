import {
  findDuplicates,
  matchCandidates,
  resolveIdentity,
  trainIdentityModel,
  type IdentityModel,
  type IdentityProfile,
} from '../../../subgraphs/marketing/src/identity';
import { constrainAgreement } from '../../../subgraphs/marketing/src/identity/prior-model';
import { createRandom } from '../../../subgraphs/marketing/src/identity/random';
import { generateSyntheticPeople } from '../../helpers/identity/synthetic-people';

/** Every level but the last ("else") of every comparison: agreement levels. */
function agreementLevels(model: IdentityModel) {
  return model.comparisons.flatMap((c) =>
    c.levels.slice(0, -1).map((l) => ({ comparison: c.name, level: l.id, m: l.m, u: l.u })),
  );
}

// A customer base with no duplicates at all: the case where unconstrained EM degenerated.
const clean = generateSyntheticPeople({ profiles: 3000, seed: 5, duplicateRate: 0 }).profiles;
const cleanModel = trainIdentityModel(clean);

describe('scoring cannot go wrong-way', () => {
  it('constrainAgreement raises agreement levels to u, taking the mass from the last level', () => {
    expect(constrainAgreement([0.5, 0.001, 0.499], [0.01, 0.02, 0.97], 1e-7)).toEqual([0.5, 0.02, 1 - 0.52]);
    // No room left for the last level: the excess over u shrinks, the last level keeps the floor.
    const out = constrainAgreement([0.6, 0.4, 0], [0.5, 0.3, 0.2], 0.1);
    expect(out[2]).toBe(0.1);
    expect(out[0]).toBeCloseTo(0.55, 12);
    expect(out[1]).toBeCloseTo(0.35, 12);
  });

  it('clean base (no duplicates): m ≥ u on every agreement level of every comparison', () => {
    const wrongWay = agreementLevels(cleanModel).filter((l) => l.m < l.u);
    expect(wrongWay).toEqual([]);
    const given = cleanModel.comparisons.find((c) => c.name === 'givenName')!.levels[0];
    // The degenerate model had m = 5e-6 here; the prior keeps an exact name strong evidence.
    expect(given.m).toBeGreaterThan(0.5);
  });

  it('base with duplicates: m ≥ u on every agreement level (same city used to be below)', () => {
    const model = trainIdentityModel(generateSyntheticPeople({ profiles: 3000, seed: 8 }).profiles);
    expect(agreementLevels(model).filter((l) => l.m < l.u)).toEqual([]);
    expect(model.training.converged).toBe(true);
    expect(model.training.sessions.every((s) => s.converged && s.iterations < 30)).toBe(true);
  });

  it('clean base: resolveIdentity of an exact copy of an existing profile finds it, certain', () => {
    const complete = clean.filter((p) => p.givenName && p.familyName && p.birthDate && p.address);
    for (const target of [complete[3], complete[700], complete[1500]]) {
      const result = resolveIdentity(
        {
          givenName: target.givenName,
          familyName: target.familyName,
          birthDate: target.birthDate,
          address: target.address,
        },
        clean,
        cleanModel,
      );
      expect(result.match?.customerId).toBe(target.id);
      expect(result.match?.confidence).toBe('certain');
      const copy: IdentityProfile = { ...target, id: 'copy' };
      expect(matchCandidates(copy, [target], cleanModel)[0]).toMatchObject({
        right: target.id,
        decision: 'auto-merge',
      });
    }
  });

  it('clean base: an exact copy without a birth date is only possible (relatives share name and address)', () => {
    const target = clean.find((p) => p.givenName && p.familyName && !p.birthDate && p.address)!;
    const result = resolveIdentity(
      { givenName: target.givenName, familyName: target.familyName, address: target.address },
      clean,
      cleanModel,
    );
    expect(result.match?.customerId).toBe(target.id);
    expect(result.match?.confidence).toBe('possible');
    expect(result.match?.explanation.conflicts).toEqual(['household-evidence-only']);
  });

  it('an exact shared email is never negative evidence; resolveIdentity(email) is certain', () => {
    const email = cleanModel.comparisons.find((c) => c.name === 'email')!.levels[0];
    expect(Math.log2(email.m / email.u)).toBeGreaterThan(0);
    const withEmail = clean.find((p) => p.emails.length > 0)!;
    const result = resolveIdentity({ email: withEmail.emails[0] }, clean, cleanModel);
    expect(result.match?.customerId).toBe(withEmail.id);
    expect(result.match?.confidence).toBe('certain');
    expect(
      result.match!.explanation.contributions.find((c) => c.comparison === 'email')!.matchWeight,
    ).toBeGreaterThan(0);
  });

  it('an exact name, however common, never weighs against a match (term frequency capped at m)', () => {
    const smiths: IdentityProfile[] = Array.from({ length: 60 }, (_, i) => ({
      id: `s${i}`,
      givenName: i % 2 ? 'John' : `Given${i}`,
      familyName: 'Smith',
      emails: [],
      phones: [],
      externalIds: [],
      deviceIds: [],
    }));
    const model = trainIdentityModel(smiths);
    const pair = matchCandidates(smiths[1], [smiths[3]], model)[0];
    const family = pair.explanation.contributions.find((c) => c.comparison === 'familyName')!;
    expect(family.level).toBe('exact');
    expect(family.matchWeight).toBeGreaterThanOrEqual(0);
  });

  it('insertion-order independence: a permuted input gives exactly the same pairs and model', () => {
    const data = generateSyntheticPeople({ profiles: 2500, seed: 31 }).profiles;
    const random = createRandom(99);
    const shuffled = data.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const key = (p: { left: string; right: string }) => [p.left, p.right].sort().join('|');
    const a = findDuplicates(data);
    const b = findDuplicates(shuffled);
    expect(b.autoMerge.pairs.map(key).sort()).toEqual(a.autoMerge.pairs.map(key).sort());
    expect(b.review.map(key).sort()).toEqual(a.review.map(key).sort());
    expect(b.autoMerge.clusters).toEqual(a.autoMerge.clusters);
    expect(b.model.priorMatchProbability).toBe(a.model.priorMatchProbability);
    expect(a.autoMerge.pairs.length).toBeGreaterThan(100);
  });
});
