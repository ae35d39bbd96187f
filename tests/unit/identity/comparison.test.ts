import {
  ADDRESS_LEVEL,
  BIRTH_LEVEL,
  NAME_LEVEL,
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

  it('has exact, equivalent, typo, similar, initial and else', () => {
    expect(ids).toEqual(['exact', 'equivalent', 'typo', 'similar', 'initial', 'else']);
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

  it('typo: one edit, a close Jaro–Winkler, or the same sound (keyboard, OCR and phonetic errors)', () => {
    expect(ids[level('Kowalski', 'Kowalsky')]).toBe('typo');
    expect(ids[level('Katarzyna', 'Katarzyan')]).toBe('typo');
    expect(ids[level('Selermore', 'Selermpre')]).toBe('typo'); // keyboard neighbour
    expect(ids[level('Sophie', 'Sofie')]).toBe('typo'); // sounds alike
    expect(ids[level('Stephenson', 'Stevenson')]).toBe('typo'); // sounds alike
  });

  it('similar, initial and else', () => {
    expect(ids[level('Sarah', 'Samantha')]).toBe('similar'); // without the common-name rule (see below)
    expect(ids[level('Bernard', 'Bemard')]).toBe('similar'); // OCR: "rn" read as "m", two edits
    expect(ids[level('Harrington', 'Hanington')]).toBe('similar');
    expect(ids[level('J', 'John')]).toBe('initial');
    expect(ids[level('J', 'Mary')]).toBe('else');
    expect(ids[level('Péter', 'Anna')]).toBe('else');
    expect(ids[level('حسن', 'Reza')]).toBe('else');
  });
});

describe('given names: two different common names are two people, not a typo', () => {
  const ctx = new ComparisonContext({
    ...comparisonSettings(config),
    givenNameCounts: {
      emma: 90,
      ella: 40,
      emms: 3,
      daniel: 70,
      daniela: 12,
      frances: 9,
      francis: 11,
      sara: 30,
      sarah: 80,
      samantha: 25,
    },
  });
  const given = (a: string, b: string) => {
    const x = normalizeNamePart(a)!;
    const y = normalizeNamePart(b)!;
    return ctx.givenLevel(
      1000 + a.length * 31 + a.charCodeAt(0),
      x,
      2000 + b.length * 37 + b.charCodeAt(1),
      y,
    );
  };
  const ids = levelIds('givenName');

  it('twins Emma and Ella, Daniel and Daniela, Francis and Frances: else', () => {
    expect(ids[given('Emma', 'Ella')]).toBe('else');
    expect(ids[given('Daniel', 'Daniela')]).toBe('else');
    expect(ids[given('Francis', 'Frances')]).toBe('else');
    expect(ids[given('Sarah', 'Samantha')]).toBe('else');
  });

  it('spelling variants that sound alike and rare misspellings stay a typo', () => {
    expect(ids[given('Sara', 'Sarah')]).toBe('typo');
    expect(ids[given('Emma', 'Emms')]).toBe('typo'); // 3 Emms against many Emmas: a recurring typo
    expect(ids[given('Emma', 'Emna')]).toBe('typo'); // not a name in the data
  });
});

describe('birth date levels', () => {
  const ids = levelIds('birthDate');

  it('distinguishes exact, partial, transposed, typo, near and else', () => {
    expect(ids).toEqual(['exact', 'partial', 'transposed', 'typo', 'near', 'else']);
    expect(ids[dob('1985-03-12', '1985. 03. 12.')]).toBe('exact');
    expect(ids[dob('1985-03-12', '1985')]).toBe('partial');
    expect(ids[dob('1985-03', '1985-03-12')]).toBe('partial');
    expect(ids[dob('1985-03-12', '1985-12-03')]).toBe('transposed'); // day and month transposed
    expect(ids[dob('1985-03-12', '1985-03-13')]).toBe('typo'); // one digit
    expect(ids[dob('1985-03-12', '1958-03-12')]).toBe('typo'); // two digits swapped
    expect(ids[dob('1985-03-12', '1991-03-12')]).toBe('near'); // only the year differs
    expect(ids[dob('1985-03-12', '1985-03-29')]).toBe('near'); // only the day differs
    expect(ids[dob('1985-03-12', '1990-07-01')]).toBe('else');
    expect(ids[dob('1985-03', '1985-04-12')]).toBe('else');
  });

  it('reads a month above 12 next to a day up to 12 as day and month written the other way round', () => {
    expect(normalizeBirthDate('1985-25-03')?.iso).toBe('1985-03-25');
    expect(normalizeBirthDate('1985-25-13')).toBeNull();
  });
});

describe('address levels', () => {
  const ids = levelIds('address');
  const home = { street: 'Fő utca', houseNumber: '12', city: 'Budapest', postcode: '1011', country: 'HU' };

  it('uses edit distance on postcodes, city names, streets and house numbers', () => {
    expect(ids[addr(home, { street: 'Fő u. 12', postcode: '1011', city: 'Budapest' })]).toBe('exact');
    expect(ids[addr(home, { ...home, houseNumber: '13' })]).toBe('same-street');
    expect(ids[addr(home, { ...home, houseNumber: undefined })]).toBe('same-street');
    expect(ids[addr(home, { ...home, postcode: '1012' })]).toBe('near');
    expect(ids[addr(home, { ...home, postcode: '1101', city: 'Budapset' })]).toBe('near'); // both mistyped
    const kossuth = { ...home, street: 'Kossuth Lajos utca' };
    expect(ids[addr(kossuth, { ...kossuth, street: 'Kosuth Lajos utca' })]).toBe('same-street');
    expect(ids[addr(home, { ...home, street: 'Fő' })]).toBe('exact'); // street type left out
    expect(ids[addr(home, { ...home, street: 'Fő tér' })]).toBe('same-street'); // another street of that name
    expect(ids[addr(home, { ...home, street: undefined })]).toBe('near'); // street missing on one side
    expect(ids[addr(home, { ...home, street: 'Petőfi utca', houseNumber: '3' })]).toBe('same-postcode');
    expect(ids[addr(home, { ...home, street: 'Petőfi utca', houseNumber: '3', postcode: '1052' })]).toBe(
      'same-city',
    );
    // The same street and number in another postcode and city: strangers rarely share both.
    expect(ids[addr(home, { ...home, postcode: '6720', city: 'Szeged' })]).toBe('near');
    expect(ids[addr(home, { street: 'ul. Długa', city: 'Warszawa', country: 'PL' })]).toBe('else');
  });

  it('puts back a postcode and a city typed into each other’s fields', () => {
    expect(normalizeAddress({ city: '2150', postcode: 'Parramatta' })).toMatchObject({
      city: 'parramatta',
      postcode: '2150',
    });
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
    const orientation = comparePair(prep(a, 0), prep(b, 1), ctx, out);
    return { levels: Array.from(out), orientation };
  };

  it('compares given with family when the names were entered the other way round', () => {
    // Names the lexicon does not know, so normalization cannot swap them back itself.
    const a = profile('a', { givenName: 'Quarrington', familyName: 'Zebulon' });
    const b = profile('b', { givenName: 'Zebulon', familyName: 'Quarington' });
    const { levels, orientation } = compare(a, b);
    // Crossed, the worse of the two comparisons takes the given-name slot (it may be the given names).
    expect(orientation).toBe(1);
    expect(levels[GIVEN]).toBe(NAME_LEVEL.typo); // Quarrington ~ Quarington
    expect(levels[FAMILY]).toBe(NAME_LEVEL.exact); // Zebulon = Zebulon
  });

  it('needs no swap when normalization already recognised family-name-first order', () => {
    const a = profile('a', { givenName: 'Kovács', familyName: 'Peti' });
    const b = profile('b', { givenName: 'Peter', familyName: 'Kovacs' });
    const { levels, orientation } = compare(a, b);
    expect(orientation).toBe(0);
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
    expect(first[GIVEN]).toBe(NAME_LEVEL.equivalent);
    expect(first[BIRTH]).toBe(BIRTH_LEVEL.transposed);
    // út and utca: different street types, so not the same street, only a similar one
    expect(first[ADDRESS]).toBe(ADDRESS_LEVEL.sameStreet);
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
