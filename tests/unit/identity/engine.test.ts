import {
  blockingKeys,
  findDuplicates,
  IdentityInputError,
  matchCandidates,
  resolveIdentity,
  resolveIdentityConfig,
  trainIdentityModel,
  type IdentityModel,
  type IdentityProfile,
  type ScoredPair,
} from '../../../subgraphs/marketing/src/identity';
import { generateSyntheticPeople, truePairsOf } from '../../helpers/identity/synthetic-people';

function profile(id: string, fields: Partial<IdentityProfile>): IdentityProfile {
  return { id, emails: [], phones: [], externalIds: [], deviceIds: [], ...fields };
}

const data = generateSyntheticPeople({ profiles: 4000, seed: 21 });
const result = findDuplicates(data.profiles);
const model: IdentityModel = result.model;
const personOf = new Map(data.profiles.map((p) => [p.id, p.personId]));
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const peter = profile('c-peter', {
  givenName: 'Péter',
  familyName: 'Kovács',
  emails: ['peter.kovacs@freemail.hu'],
  phones: ['+36 30 123 4567'],
  address: { street: 'Fő utca', houseNumber: '12', city: 'Budapest', postcode: '1011', country: 'HU' },
  birthDate: '1984-05-17',
});
const anna = profile('c-anna', {
  givenName: 'Anna',
  familyName: 'Kovács',
  emails: ['anna.kovacs@gmail.com'],
  phones: ['+36 20 765 4321'],
  address: { street: 'Fő utca', houseNumber: '12', city: 'Budapest', postcode: '1011', country: 'HU' },
  birthDate: '1986-11-02',
});
const reza = profile('c-reza', {
  givenName: 'محمد',
  familyName: 'رضایی',
  phones: ['0912 345 6789'],
  address: {
    street: 'خیابان ولیعصر',
    houseNumber: '12',
    city: 'تهران',
    postcode: '12345-67890',
    country: 'IR',
  },
  birthDate: '1979-03-21',
});
const customers = [peter, anna, reza];

describe('findDuplicates', () => {
  it('finds the generated duplicates: precise automatic merges, high recall with the review list', () => {
    const truth = new Set(truePairsOf(data.profiles).map(([a, b]) => key(a, b)));
    const auto = result.autoMerge.pairs;
    const correct = auto.filter((p) => personOf.get(p.left) === personOf.get(p.right)).length;
    expect(correct / auto.length).toBeGreaterThan(0.98);
    const found = new Set([...auto, ...result.review].map((p) => key(p.left, p.right)));
    for (const c of result.autoMerge.clusters) {
      for (let i = 0; i < c.members.length; i++) {
        for (let j = i + 1; j < c.members.length; j++) found.add(key(c.members[i], c.members[j]));
      }
    }
    const recalled = [...truth].filter((t) => found.has(t)).length;
    expect(recalled / truth.size).toBeGreaterThan(0.95);
  });

  it('compares far fewer pairs than all of them and reports what it did', () => {
    const s = result.stats;
    expect(s.profiles).toBe(4000);
    expect(s.possiblePairs).toBe((4000 * 3999) / 2);
    expect(s.candidatePairs).toBeLessThan(s.possiblePairs / 200);
    expect(s.blocking.map((b) => b.rule)).toContain('name');
    expect(s.autoMergePairs).toBe(result.autoMerge.pairs.length);
    expect(s.reviewPairs).toBe(result.review.length);
    expect(s.clusters).toBe(result.autoMerge.clusters.length);
    expect(s.trained).toBe(true);
  });

  it('returns clusters whose members are each other’s duplicates, with stable ids', () => {
    for (const c of result.autoMerge.clusters) {
      expect(c.members.length).toBeGreaterThanOrEqual(2);
      expect([...c.members].sort()).toEqual(c.members);
      expect(c.id).toMatch(/^dup_/);
    }
    const again = findDuplicates(data.profiles, {}, { model });
    expect(again.autoMerge.clusters).toEqual(result.autoMerge.clusters);
    expect(again.stats.trained).toBe(false);
  });

  it('trains the same model on its own as inside findDuplicates (deterministic)', () => {
    expect(trainIdentityModel(data.profiles)).toEqual(model);
  });

  it('moves pairs between the lists as the thresholds move', () => {
    const strict = findDuplicates(
      data.profiles,
      { thresholds: { autoMerge: 0.999999, review: 0.9 } },
      { model },
    );
    const loose = findDuplicates(data.profiles, { thresholds: { autoMerge: 0.9, review: 0.05 } }, { model });
    const byScore = (r: typeof result) =>
      r.autoMerge.pairs.filter((p) => p.explanation.rules.length === 0).length;
    expect(byScore(strict)).toBeLessThan(byScore(result));
    expect(byScore(loose)).toBeGreaterThan(byScore(result));
    for (const p of strict.autoMerge.pairs) {
      if (p.explanation.rules.length === 0) expect(p.probability).toBeGreaterThanOrEqual(0.999999);
    }
    // Conflicting pairs that share an identifier reach review whatever their score; the rest by score.
    for (const p of loose.review) {
      if (p.explanation.conflicts.length === 0) expect(p.probability).toBeGreaterThanOrEqual(0.05);
      else expect(p.explanation.rules.length + p.probability).toBeGreaterThan(0);
    }
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', () => {
    const bad = () => findDuplicates([profile('x', {}), profile('x', {})]);
    expect(bad).toThrow(IdentityInputError);
    expect(bad).toThrow(/profiles\[1\]\.id: duplicate profile id x/);
    try {
      findDuplicates([], { thresholds: { autoMerge: 0.5, review: 0.9 } });
    } catch (e) {
      expect((e as IdentityInputError).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'thresholds.review',
      });
    }
    expect(() => resolveIdentityConfig({ identifierLimits: { email: 0 } })).toThrow(/identifierLimits.email/);
  });
});

describe('explanations', () => {
  const pairs: ScoredPair[] = [...result.autoMerge.pairs, ...result.review];

  it('adds up: prior plus the attribute contributions is the match weight, and gives the probability', () => {
    for (const p of pairs.slice(0, 200)) {
      const e = p.explanation;
      const sum = e.priorWeight + e.contributions.reduce((s, c) => s + c.matchWeight, 0);
      expect(sum).toBeCloseTo(p.matchWeight, 8);
      expect(p.probability).toBeCloseTo(1 / (1 + Math.pow(2, -p.matchWeight)), 10);
      expect(e.contributions.map((c) => c.comparison)).toEqual([
        'givenName',
        'familyName',
        'birthDate',
        'email',
        'phone',
        'address',
      ]);
    }
  });

  it('explains each attribute with its level, values, m, u and weight', () => {
    const [scored] = matchCandidates(
      { ...peter, id: 'new', emails: [], phones: [], givenName: 'Peter' },
      [peter],
      model,
    );
    const given = scored.explanation.contributions.find((c) => c.comparison === 'givenName')!;
    expect(given).toMatchObject({
      level: 'exact',
      left: 'Peter',
      right: 'Péter',
      termFrequencyAdjusted: true,
    });
    expect(given.matchWeight).toBeCloseTo(Math.log2(given.m / given.u), 10);
    const email = scored.explanation.contributions.find((c) => c.comparison === 'email')!;
    expect(email).toMatchObject({ level: 'missing', matchWeight: 0, bayesFactor: 1 });
    expect(scored.explanation.reason).toMatch(/Match probability/);
  });

  it('says when the name order was swapped', () => {
    const [scored] = matchCandidates(
      { ...peter, id: 'new', givenName: 'Kovacs', familyName: 'Peter', emails: [], phones: [] },
      [peter],
      model,
    );
    expect(scored.explanation.contributions[0].level).toBe('exact');
    expect(scored.explanation.contributions[1].level).toBe('exact');
    expect(scored.decision).toBe('auto-merge');
  });
});

describe('deterministic rules and safety nets in decisions', () => {
  it('the same email merges automatically, and says so', () => {
    const [scored] = matchCandidates(
      profile('new', { emails: ['Peter.Kovacs@freemail.hu'] }),
      [peter],
      model,
    );
    expect(scored.decision).toBe('auto-merge');
    expect(scored.explanation.rules).toEqual([
      { kind: 'email', value: 'peter.kovacs@freemail.hu', profilesSharing: 2 },
    ]);
    expect(scored.explanation.reason).toMatch(/^Same email peter.kovacs@freemail.hu/);
  });

  it('an identifier over its sharing limit is no evidence', () => {
    const office = profile('new', {
      givenName: 'Zoltán',
      familyName: 'Kiss',
      emails: ['peter.kovacs@freemail.hu'],
    });
    const [scored] = matchCandidates(office, [peter], model, {}, { identifierCount: () => 50 });
    expect(scored.explanation.rules).toEqual([]);
    expect(scored.explanation.overSharedIdentifiers).toEqual([
      { kind: 'email', value: 'peter.kovacs@freemail.hu', profilesSharing: 50 },
    ]);
    expect(scored.decision).toBe('none');
  });

  it('family members sharing an email are not merged but sent to review', () => {
    const sharedEmail = { ...anna, emails: [...anna.emails, 'kovacs.csalad@gmail.com'] };
    const [scored] = matchCandidates(
      { ...peter, id: 'peter-2', emails: ['kovacs.csalad@gmail.com'], phones: [] },
      [sharedEmail],
      model,
    );
    expect(scored.explanation.rules.map((r) => r.kind)).toEqual(['email']);
    expect(scored.explanation.conflicts).toEqual(['given-name', 'birth-date']);
    expect(scored.decision).toBe('review');
  });

  it('relatives at one address with no personal evidence are not merged automatically', () => {
    const sibling = profile('new', { givenName: 'Petra', familyName: 'Kovács', address: peter.address });
    const [scored] = matchCandidates(sibling, [peter], model);
    expect(scored.decision).not.toBe('auto-merge');
    expect(scored.explanation.conflicts.length).toBeGreaterThan(0);
  });
});

describe('resolveIdentity', () => {
  it('finds the customer by a normalized email with certainty', () => {
    const r = resolveIdentity({ email: ' PETER.KOVACS@freemail.hu ' }, customers, model);
    expect(r.match).toMatchObject({ customerId: 'c-peter', confidence: 'certain' });
    expect(r.ambiguous).toBe(false);
  });

  it('finds a Persian customer from a romanised name, phone and birth date', () => {
    const r = resolveIdentity(
      { name: 'Mohammad Rezaei', phone: '+98 912 345 6789', birthDate: '1979-03-21' },
      customers,
      model,
    );
    expect(r.match?.customerId).toBe('c-reza');
    expect(r.match?.explanation.contributions[0]).toMatchObject({
      comparison: 'givenName',
      level: 'equivalent',
    });
  });

  it('reads a full name in Hungarian order', () => {
    const r = resolveIdentity(
      {
        name: 'Kovács Péter',
        birthDate: '1984-05-17',
        address: { street: 'Fő u. 12', city: 'Budapest', postcode: '1011' },
      },
      customers,
      model,
    );
    expect(r.match?.customerId).toBe('c-peter');
    expect(r.alternatives.map((a) => a.customerId)).not.toContain('c-reza');
  });

  it('returns no match when nothing fits', () => {
    const r = resolveIdentity({ name: 'Jane Smith', email: 'jane@example.co.uk' }, customers, model);
    expect(r).toEqual({ match: null, alternatives: [], ambiguous: false });
  });

  it('rejects queries with nothing usable or malformed values', () => {
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as IdentityInputError).extensions;
      }
      return undefined;
    };
    expect(fieldOf(() => resolveIdentity({}, customers, model))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input',
    });
    expect(fieldOf(() => resolveIdentity({ email: 'nope' }, customers, model))?.field).toBe('email');
    expect(fieldOf(() => resolveIdentity({ phone: '12' }, customers, model))?.field).toBe('phone');
    expect(fieldOf(() => resolveIdentity({ birthDate: '1985-02-30' }, customers, model))?.field).toBe(
      'birthDate',
    );
    expect(
      fieldOf(() => resolveIdentity({ email: 'a@b.hu' }, customers, { ...model, version: 1 as 2 }))?.field,
    ).toBe('model');
  });
});

describe('blockingKeys', () => {
  it('gives the keys a database index needs to find candidates, order-independent for names', () => {
    const keys = blockingKeys(peter);
    expect(keys).toContain('email:peter.kovacs@freemail.hu');
    expect(keys).toContain('phone:+36301234567');
    expect(keys).toContain('birth-date:1984-05-17');
    const swapped = blockingKeys({ ...peter, givenName: 'Kovacs', familyName: 'Peter' });
    expect(swapped.filter((k) => k.startsWith('name:'))).toEqual(keys.filter((k) => k.startsWith('name:')));
  });
});
