import {
  buildBlocks,
  generateCandidatePairs,
  PREDICTION_BLOCKING_RULES,
  type BlockingRule,
} from '../../../subgraphs/marketing/src/identity/blocking';
import { prepareForComparison, ValueInterner } from '../../../subgraphs/marketing/src/identity/comparison';
import { BLOCKING_RULE_NAMES, resolveIdentityConfig } from '../../../subgraphs/marketing/src/identity/config';
import { blockingKeys, findDuplicates } from '../../../subgraphs/marketing/src/identity/engine';
import { normalizeProfile } from '../../../subgraphs/marketing/src/identity/normalize';
import { generateSyntheticPeople, truePairsOf } from '../../helpers/identity/synthetic-people';
import type { IdentityProfile } from '../../../subgraphs/marketing/src/identity/types';

const config = resolveIdentityConfig();

function prepare(profiles: IdentityProfile[]) {
  const interner = new ValueInterner();
  return profiles.map((p, i) => prepareForComparison(normalizeProfile(p, config), i, interner));
}

function profile(id: string, fields: Partial<IdentityProfile>): IdentityProfile {
  return { id, emails: [], phones: [], externalIds: [], deviceIds: [], ...fields };
}

const rule = (name: string) => PREDICTION_BLOCKING_RULES.find((r) => r.name === name)!;

describe('blocking keys', () => {
  it('puts swapped name order, dropped accents and Persian script in the same name blocks', () => {
    const prepared = prepare([
      profile('a', { givenName: 'Péter', familyName: 'Kovács' }),
      profile('b', { givenName: 'Kovacs', familyName: 'Peter' }),
      profile('c', { givenName: 'محمد', familyName: 'رضایی' }),
      profile('d', { givenName: 'Mohammad', familyName: 'Rezaei' }),
    ]);
    expect(rule('name').keys(prepared[0])).toEqual(rule('name').keys(prepared[1]));
    expect(rule('name-skeleton').keys(prepared[2])).toEqual(rule('name-skeleton').keys(prepared[3]));
    expect(rule('name').keys(prepared[2])).not.toEqual(rule('name').keys(prepared[3]));
  });

  it('lists a profile once per distinct key', () => {
    const byEmail: BlockingRule = { name: 'email', description: '', keys: (p) => [...p.emails, ...p.emails] };
    const blocks = buildBlocks(
      prepare([profile('a', { emails: ['x@y.hu'] }), profile('b', { emails: ['x@y.hu'] })]),
      byEmail,
    );
    expect(blocks.get('x@y.hu')).toEqual([0, 1]);
  });
});

describe('candidate pairs', () => {
  it('de-duplicates pairs across rules and credits each pair to the first rule that found it', () => {
    const prepared = prepare([
      profile('a', {
        givenName: 'Anna',
        familyName: 'Nowak',
        emails: ['anna@wp.pl'],
        birthDate: '1980-01-02',
      }),
      profile('b', {
        givenName: 'Anna',
        familyName: 'Nowak',
        emails: ['anna@wp.pl'],
        birthDate: '1980-01-02',
      }),
      profile('c', { givenName: 'Ewa', familyName: 'Lis', birthDate: '1980-01-02' }),
    ]);
    const pairs = generateCandidatePairs(prepared, PREDICTION_BLOCKING_RULES, 100);
    const found = Array.from(pairs.left, (l, k) => `${l}-${pairs.right[k]}`);
    expect(found).toEqual(['0-1', '0-2', '1-2']);
    const credit = Object.fromEntries(pairs.rules.map((r) => [r.rule, r.newPairs]));
    expect(credit.email).toBe(1);
    expect(credit.name).toBe(0); // 0-1 was already found by email
    expect(credit['birth-date']).toBe(2);
  });

  it('skips blocks larger than maxBlockSize and reports them', () => {
    const prepared = prepare(
      Array.from({ length: 6 }, (_, i) => profile(`p${i}`, { givenName: `G${i}x`, birthDate: '1970-01-01' })),
    );
    const pairs = generateCandidatePairs(prepared, [rule('birth-date')], 5);
    expect(pairs.count).toBe(0);
    expect(pairs.rules[0]).toMatchObject({ rule: 'birth-date', oversizedBlocks: 1, largestBlock: 6 });
    expect(generateCandidatePairs(prepared, [rule('birth-date')], 6).count).toBe(15);
  });

  it('always includes the extra (deterministic) pairs', () => {
    const prepared = prepare([profile('a', {}), profile('b', {}), profile('c', {})]);
    const pairs = generateCandidatePairs(prepared, PREDICTION_BLOCKING_RULES, 10, [[2, 0]]);
    expect([pairs.count, pairs.left[0], pairs.right[0]]).toEqual([1, 0, 2]);
  });

  it('reduces comparisons by orders of magnitude and still finds the true duplicates', () => {
    const data = generateSyntheticPeople({ profiles: 8000, seed: 3 });
    const prepared = prepare(data.profiles);
    const pairs = generateCandidatePairs(prepared, PREDICTION_BLOCKING_RULES, config.blocking.maxBlockSize);
    const all = (prepared.length * (prepared.length - 1)) / 2;
    expect(pairs.count).toBeLessThan(all / 500);
    const n = prepared.length;
    const candidates = new Set(Array.from(pairs.left, (l, k) => l * n + pairs.right[k]));
    const index = new Map(data.profiles.map((p, i) => [p.id, i]));
    const truth = truePairsOf(data.profiles).map(([a, b]) => {
      const [i, j] = [index.get(a)!, index.get(b)!].sort((x, y) => x - y);
      return i * n + j;
    });
    const found = truth.filter((k) => candidates.has(k)).length;
    expect(found / truth.length).toBeGreaterThan(0.98);
  });
});

describe('blocking rules chosen by configuration (blocking.rules)', () => {
  const people = generateSyntheticPeople({ profiles: 600, seed: 4 }).profiles;

  it('compares only the pairs the chosen rules find, and reports only those rules', () => {
    const onlyBirthDate = findDuplicates(people, {
      blocking: { rules: ['birth-date'] },
      training: { uSampleSize: 2000 },
    });
    const expected = new Set<string>();
    for (const members of buildBlocks(
      prepare([...people].sort((a, b) => (a.id < b.id ? -1 : 1))),
      rule('birth-date'),
    ).values()) {
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++)
          expected.add(`${Math.min(members[x], members[y])}:${Math.max(members[x], members[y])}`);
    }
    // Deterministic pairs (a shared email or phone) are always scored, whatever the blocking.
    expect(onlyBirthDate.stats.candidatePairs).toBe(
      expected.size + onlyBirthDate.stats.blocking.find((b) => b.rule === 'deterministic')!.newPairs,
    );
    expect(onlyBirthDate.stats.blocking.map((b) => b.rule)).toEqual(['birth-date', 'deterministic']);
    expect(findDuplicates(people, { training: { uSampleSize: 2000 } }).stats.candidatePairs).toBeGreaterThan(
      onlyBirthDate.stats.candidatePairs,
    );
  });

  it('real-time keys follow the chosen rules', () => {
    const keys = blockingKeys(
      profile('k', { givenName: 'Anna', familyName: 'Kovács', birthDate: '1986-11-02', emails: ['a@b.hu'] }),
      { blocking: { rules: ['email', 'birth-date'] } },
    );
    expect(keys).toEqual(['birth-date:1986-11-02', 'email:a@b.hu']);
  });

  it('rejects an unknown or empty rule list with BAD_USER_INPUT naming blocking.rules', () => {
    for (const rules of [['zodiac'], []]) {
      expect(() => resolveIdentityConfig({ blocking: { rules } })).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'blocking.rules' } }),
      );
    }
    expect(BLOCKING_RULE_NAMES).toEqual(PREDICTION_BLOCKING_RULES.map((r) => r.name));
  });
});
