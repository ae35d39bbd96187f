import {
  addressLevel,
  birthDateLevel,
  comparePair,
  ComparisonContext,
  comparisonDefinitions,
  comparisonSettings,
  nameLevel,
  NULL_LEVEL,
  PairCache,
  prepareForComparison,
  ValueInterner,
  ADDRESS,
  BIRTH,
  EMAIL,
  FAMILY,
  GIVEN,
  PHONE,
} from '../../../subgraphs/marketing/src/identity/comparison';
import { resolveIdentityConfig } from '../../../subgraphs/marketing/src/identity/config';
import {
  normalizeAddress,
  normalizeBirthDate,
  normalizeNamePart,
  normalizeProfile,
} from '../../../subgraphs/marketing/src/identity/normalize';
import type { IdentityProfile } from '../../../subgraphs/marketing/src/identity/types';

const config = resolveIdentityConfig();
const HIGH = config.names.jaroWinklerHigh;
const LOW = config.names.jaroWinklerLow;

const level = (a: string, b: string) => nameLevel(normalizeNamePart(a)!, normalizeNamePart(b)!, HIGH, LOW);
const dob = (a: string, b: string) => birthDateLevel(normalizeBirthDate(a)!, normalizeBirthDate(b)!);
const addr = (a: Parameters<typeof normalizeAddress>[0], b: Parameters<typeof normalizeAddress>[0]) =>
  addressLevel(normalizeAddress(a)!, normalizeAddress(b)!);

const levelIds = (name: string) =>
  comparisonDefinitions(config)
    .find((c) => c.name === name)!
    .levels.map((l) => l.id);

describe('name levels', () => {
  const ids = levelIds('givenName');

  it('has exact, equivalent, two Jaro–Winkler bands and else', () => {
    expect(ids).toEqual(['exact', 'equivalent', 'jaro-winkler-high', 'jaro-winkler-low', 'else']);
  });

  it('exact ignores case and accents', () => {
    expect(ids[level('Péter', 'PETER')]).toBe('exact');
    expect(ids[level('Łukasz', 'Lukasz')]).toBe('exact');
  });

  it('equivalent: nicknames, the same name in Persian and Latin script, one name part of the other', () => {
    expect(ids[level('Bill', 'William')]).toBe('equivalent');
    expect(ids[level('Kasia', 'Katarzyna')]).toBe('equivalent');
    expect(ids[level('محمد', 'Mohammad')]).toBe('equivalent');
    expect(ids[level('رضایی', 'Rezaee')]).toBe('equivalent');
    expect(ids[level('Anna', 'Anna Mária')]).toBe('equivalent');
  });

  it('typos and transpositions fall into the Jaro–Winkler bands', () => {
    expect(ids[level('Kowalski', 'Kowalsky')]).toBe('jaro-winkler-high');
    expect(ids[level('Katarzyna', 'Katarzyan')]).toBe('jaro-winkler-high');
    expect(ids[level('Sarah', 'Samantha')]).toBe('jaro-winkler-low');
    expect(ids[level('Péter', 'Anna')]).toBe('else');
    expect(ids[level('حسن', 'Reza')]).toBe('else');
  });
});

describe('birth date levels', () => {
  const ids = levelIds('birthDate');

  it('distinguishes exact, partial, near and else', () => {
    expect(ids[dob('1985-03-12', '1985. 03. 12.')]).toBe('exact');
    expect(ids[dob('1985-03-12', '1985')]).toBe('partial');
    expect(ids[dob('1985-03', '1985-03-12')]).toBe('partial');
    expect(ids[dob('1985-03-12', '1985-12-03')]).toBe('near'); // day and month transposed
    expect(ids[dob('1985-03-12', '1958-03-12')]).toBe('near'); // only the year differs
    expect(ids[dob('1985-03-12', '1985-03-21')]).toBe('near'); // only the day differs
    expect(ids[dob('1985-03-12', '1990-07-01')]).toBe('else');
    expect(ids[dob('1985-03', '1985-04-12')]).toBe('else');
  });
});

describe('address levels', () => {
  const ids = levelIds('address');
  const home = { street: 'Fő utca', houseNumber: '12', city: 'Budapest', postcode: '1011', country: 'HU' };

  it('uses edit distance on postcodes and house numbers', () => {
    expect(ids[addr(home, { street: 'Fő u. 12', postcode: '1011', city: 'Budapest' })]).toBe('exact');
    expect(ids[addr(home, { ...home, houseNumber: '13' })]).toBe('same-street');
    expect(ids[addr(home, { ...home, houseNumber: undefined })]).toBe('same-street');
    expect(ids[addr(home, { ...home, postcode: '1012' })]).toBe('near');
    const kossuth = { ...home, street: 'Kossuth Lajos utca' };
    expect(ids[addr(kossuth, { ...kossuth, street: 'Kosuth Lajos utca' })]).toBe('near');
    expect(ids[addr(home, { ...home, street: 'Fő' })]).toBe('exact'); // street type left out
    expect(ids[addr(home, { ...home, street: 'Fő tér' })]).toBe('near'); // another street of that name
    expect(ids[addr(home, { ...home, street: 'Petőfi utca', houseNumber: '3' })]).toBe('same-postcode');
    expect(ids[addr(home, { ...home, street: 'Petőfi utca', postcode: '1052' })]).toBe('same-city');
    expect(ids[addr(home, { street: 'ul. Długa', city: 'Warszawa', country: 'PL' })]).toBe('else');
  });
});

function profile(id: string, fields: Partial<IdentityProfile>): IdentityProfile {
  return { id, emails: [], phones: [], externalIds: [], deviceIds: [], ...fields };
}

describe('comparing a pair', () => {
  const interner = new ValueInterner();
  const ctx = new ComparisonContext(comparisonSettings(config));
  const prep = (p: IdentityProfile, i: number) =>
    prepareForComparison(normalizeProfile(p, config), i, interner);
  const compare = (a: IdentityProfile, b: IdentityProfile) => {
    const out = new Int8Array(6);
    const swapped = comparePair(prep(a, 0), prep(b, 1), ctx, out);
    return { levels: Array.from(out), swapped };
  };

  it('compares given with family when the names were entered the other way round', () => {
    // Names the lexicon does not know, so normalization cannot swap them back itself.
    const a = profile('a', { givenName: 'Quarrington', familyName: 'Zebulon' });
    const b = profile('b', { givenName: 'Zebulon', familyName: 'Quarington' });
    const { levels, swapped } = compare(a, b);
    expect(swapped).toBe(true);
    expect(levels[GIVEN]).toBe(2); // Quarrington ~ Quarington
    expect(levels[FAMILY]).toBe(0); // Zebulon = Zebulon
  });

  it('needs no swap when normalization already recognised family-name-first order', () => {
    const a = profile('a', { givenName: 'Kovács', familyName: 'Peti' });
    const b = profile('b', { givenName: 'Peter', familyName: 'Kovacs' });
    const { levels, swapped } = compare(a, b);
    expect(swapped).toBe(false);
    expect(levels[GIVEN]).toBe(1); // Peti ~ Peter by nickname
    expect(levels[FAMILY]).toBe(0);
  });

  it('marks a missing attribute as the null level', () => {
    const { levels } = compare(profile('a', { givenName: 'Anna' }), profile('b', { familyName: 'Nowak' }));
    expect(levels).toEqual([NULL_LEVEL, NULL_LEVEL, NULL_LEVEL, NULL_LEVEL, NULL_LEVEL, NULL_LEVEL]);
  });

  it('compares emails exactly and phones within one edit', () => {
    const pl = { city: 'Warszawa', country: 'PL' };
    const a = profile('a', { emails: ['anna@wp.pl'], phones: ['601 234 567'], address: pl });
    const same = compare(a, profile('b', { emails: ['ANNA@wp.pl '], phones: ['+48601234567'] })).levels;
    expect([same[EMAIL], same[PHONE]]).toEqual([0, 0]);
    const typo = compare(
      a,
      profile('b', { emails: ['anna.nowak@wp.pl'], phones: ['601 234 576'], address: pl }),
    );
    expect([typo.levels[EMAIL], typo.levels[PHONE]]).toEqual([1, 1]);
    const other = compare(a, profile('b', { emails: ['x@y.pl'], phones: ['501 999 888'], address: pl }));
    expect(other.levels[PHONE]).toBe(2);
  });

  it('gives the same levels with or without the caches', () => {
    const a = profile('a', {
      givenName: 'Zsófia',
      familyName: 'Szabó',
      birthDate: '1990-01-02',
      address: { street: 'Váci út 3', city: 'Budapest' },
    });
    const b = profile('b', {
      givenName: 'Zsofi',
      familyName: 'Szabo',
      birthDate: '1990-02-01',
      address: { street: 'Váci u. 3', city: 'Budapest' },
    });
    const first = compare(a, b).levels;
    const second = compare(a, b).levels; // served from the caches now
    expect(second).toEqual(first);
    expect(first[GIVEN]).toBe(1);
    expect(first[BIRTH]).toBe(2);
    expect(first[ADDRESS]).toBe(2); // út and utca: different street types, so only a near match
  });
});

describe('PairCache', () => {
  it('stores values for unordered pairs and survives growth', () => {
    const cache = new PairCache(4, 1 << 10);
    for (let i = 0; i < 300; i++) cache.set(i, i + 1, i / 10);
    for (let i = 0; i < 300; i++) expect(cache.get(i + 1, i)).toBe(i / 10);
    expect(cache.get(5, 500)).toBeNaN();
  });
});
