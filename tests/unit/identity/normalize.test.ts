import { GMAIL_EMAIL_RULES, resolveIdentityConfig } from '../../../subgraphs/marketing/src/identity/config';
import {
  detectScript,
  foldText,
  householdFamilyKey,
  normalizeAddress,
  normalizeBirthDate,
  normalizeEmail,
  normalizeNamePart,
  normalizePersonName,
  normalizePhone,
  normalizeProfile,
  parseFullName,
  sharesNicknameGroup,
  toAsciiDigits,
} from '../../../subgraphs/marketing/src/identity/normalize';

const name = (raw: string) => {
  const n = normalizeNamePart(raw);
  if (!n) throw new Error(`no name in ${raw}`);
  return n;
};

describe('emails', () => {
  it('trims and lower-cases, and rejects what is not an address', () => {
    expect(normalizeEmail('  Peter.Kovacs@Freemail.HU ')).toBe('peter.kovacs@freemail.hu');
    expect(normalizeEmail('<Anna@Example.com>')).toBe('anna@example.com');
    expect(normalizeEmail('mailto:anna@example.com')).toBe('anna@example.com');
    for (const bad of [
      '',
      'anna',
      'anna@',
      '@example.com',
      'anna@localhost',
      'an na@example.com',
      'a@b@c.com',
    ]) {
      expect(normalizeEmail(bad)).toBeNull();
    }
  });

  it('keeps Gmail dots and +tags unless the provider rules are configured', () => {
    expect(normalizeEmail('peter.kovacs+shop@gmail.com')).toBe('peter.kovacs+shop@gmail.com');
    expect(normalizeEmail('Peter.Kovacs+shop@GoogleMail.com', GMAIL_EMAIL_RULES)).toBe(
      'peterkovacs@gmail.com',
    );
    // Dots matter at other providers even with the Gmail rules on.
    expect(normalizeEmail('peter.kovacs@freemail.hu', GMAIL_EMAIL_RULES)).toBe('peter.kovacs@freemail.hu');
  });
});

describe('phones', () => {
  it('reads national numbers in the given region and gives E.164', () => {
    expect(normalizePhone('06 30 123 4567', 'HU')?.e164).toBe('+36301234567');
    expect(normalizePhone('0036 30 123 4567', 'HU')?.e164).toBe('+36301234567');
    expect(normalizePhone('+36 30 123 4567', 'PL')?.e164).toBe('+36301234567');
    expect(normalizePhone('601-234-567', 'PL')?.e164).toBe('+48601234567');
    expect(normalizePhone('07700 900 123', 'GB')?.e164).toBe('+447700900123');
  });

  it('reads Persian digits', () => {
    expect(toAsciiDigits('۰۹۱۲۳۴۵۶۷۸۹')).toBe('09123456789');
    expect(normalizePhone('۰۹۱۲ ۳۴۵ ۶۷۸۹', 'IR')?.e164).toBe('+989123456789');
  });

  it('tells landlines from mobiles, per the configured landline types', () => {
    expect(normalizePhone('06 1 234 5678', 'HU')?.kind).toBe('landline');
    expect(normalizePhone('06 20 123 4567', 'HU')?.kind).toBe('mobile');
    expect(normalizePhone('021 8888 7777', 'IR')?.kind).toBe('landline');
    // US numbers cannot be told apart: FIXED_LINE_OR_MOBILE is not a landline by default...
    expect(normalizePhone('(201) 555-0123', 'US')?.kind).toBe('other');
    // ...unless configured so.
    expect(normalizePhone('(201) 555-0123', 'US', ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE'])?.kind).toBe(
      'landline',
    );
  });

  it('returns null for text that is no phone number', () => {
    expect(normalizePhone('12', 'HU')).toBeNull();
    expect(normalizePhone('call me', 'HU')).toBeNull();
    expect(normalizePhone('', 'HU')).toBeNull();
  });
});

describe('names', () => {
  it('folds Hungarian diacritics, including ő and ű', () => {
    expect(name('Kovács Péter').key).toBe(name('Kovacs Peter').key);
    expect(name('Szőke Éva').tokens).toEqual(['szoke', 'eva']);
    expect(foldText('Győr Hűvösvölgy')).toBe('gyor huvosvolgy');
  });

  it('folds Polish letters, including ł which NFD does not decompose', () => {
    expect(name('Łukasz Wróbel').tokens).toEqual(['lukasz', 'wrobel']);
    expect(name('Żaneta Kaźmierczak').tokens).toEqual(['zaneta', 'kazmierczak']);
    expect(name('ŁUKASZ').key).toBe('lukasz');
  });

  it('unifies Arabic and Persian letter forms and removes harakat, tatweel and ZWNJ', () => {
    // Arabic yeh and kaf (Arabic keyboard) against the Persian letters.
    expect(name('كريمي').key).toBe(name('کریمی').key);
    expect(name('علي').key).toBe(name('علی').key);
    // Hamza on yeh is written both ways in Rezaei.
    expect(name('رضائی').key).toBe(name('رضایی').key);
    // Harakat (short vowel marks and shadda) and tatweel are decoration.
    expect(name('مُحَمَّد').key).toBe('محمد');
    expect(name('محـــمد').key).toBe('محمد');
    // A compound name with ZWNJ, without it, and with a space meet in the key.
    expect(name('محمد\u200cرضا').key).toBe(name('محمدرضا').key);
    expect(name('محمد رضا').key).toBe(name('محمدرضا').key);
    expect(detectScript(name('محمد رضایی').tokens.join(' '))).toBe('arabic');
  });

  it('gives Persian names and their romanisations the same skeleton', () => {
    const pairs: [string, string][] = [
      ['محمد رضایی', 'Mohammad Rezaei'],
      ['حسینی', 'Hosseini'],
      ['حسینی', 'Hoseini'],
      ['موسوی', 'Mousavi'],
      ['فاطمه', 'Fatemeh'],
      ['قاسمی', 'Ghasemi'],
      ['یوسفی', 'Yousefi'],
      ['آزاده', 'Azadeh'],
      ['داوود', 'Davood'],
    ];
    for (const [persian, latin] of pairs)
      expect([persian, name(persian).skeleton]).toEqual([persian, name(latin).skeleton]);
    // Different names stay apart.
    expect(name('حسن').skeleton).not.toBe(name('Hossein').skeleton);
    expect(name('رضا').skeleton).not.toBe(name('Rezaei').skeleton);
  });

  it('recognises family-name-first order', () => {
    expect(parseFullName('Kovács Péter')).toEqual({
      familyName: 'Kovács',
      givenName: 'Péter',
      order: 'family-first',
    });
    expect(parseFullName('Peter Kovacs')).toEqual({
      givenName: 'Peter',
      familyName: 'Kovacs',
      order: 'given-first',
    });
    expect(parseFullName('Dr. Szőke Éva').order).toBe('family-first');
    const swapped = normalizePersonName('Nowak', 'Katarzyna');
    expect(swapped.order).toBe('family-first');
    expect(swapped.given?.key).toBe('katarzyna');
    expect(swapped.family?.key).toBe('nowak');
    const oneField = normalizePersonName('Szőke Éva');
    expect([oneField.given?.key, oneField.family?.key]).toEqual(['eva', 'szoke']);
  });

  it('drops titles but keeps the name', () => {
    expect(name('Dr. Kovács').key).toBe('kovacs');
    expect(name('Mr').key).toBe('mr');
  });

  it('knows common nicknames', () => {
    expect(sharesNicknameGroup(name('Bill'), name('William'))).toBe(true);
    expect(sharesNicknameGroup(name('Peti'), name('Péter'))).toBe(true);
    expect(sharesNicknameGroup(name('Kasia'), name('Katarzyna'))).toBe(true);
    expect(sharesNicknameGroup(name('Gosia'), name('Małgorzata'))).toBe(true);
    expect(sharesNicknameGroup(name('Bill'), name('Robert'))).toBe(false);
  });

  it('maps family name forms to the household key', () => {
    expect(householdFamilyKey(name('Kowalska'))).toBe('kowalski');
    expect(householdFamilyKey(name('Czarnecka'))).toBe('czarnecki');
    expect(householdFamilyKey(name('Kovácsné'))).toBe('kovacs');
    expect(householdFamilyKey(name('Payne'))).toBe('payne');
  });
});

describe('addresses', () => {
  it('expands street-type abbreviations (utca/u., ulica/ul., Street/St.)', () => {
    const full = normalizeAddress({
      street: 'Fő utca',
      houseNumber: '12/A',
      city: 'Budapest',
      postcode: '1011',
    });
    const short = normalizeAddress({ street: 'Fő u. 12a', city: 'budapest', postcode: '1011' });
    expect(short).toEqual(full);
    expect(full?.street).toBe('fo utca');
    expect(full?.houseNumber).toBe('12A');
    expect(normalizeAddress({ street: 'ul. Długa 5/3', city: 'Warszawa' })?.street).toBe(
      normalizeAddress({ street: 'ulica Długa', houseNumber: '5/3', city: 'Warszawa' })?.street,
    );
    const gb = normalizeAddress({ street: '221B Baker St.', city: 'London', postcode: 'nw1 6xe' });
    expect(gb).toMatchObject({
      street: 'baker street',
      streetCore: 'baker',
      houseNumber: '221B',
      postcode: 'NW16XE',
    });
  });

  it('normalizes postcodes, countries and Persian addresses', () => {
    expect(normalizeAddress({ postcode: '00-950', country: 'Polska' })).toMatchObject({
      postcode: '00950',
      country: 'PL',
    });
    expect(normalizeAddress({ city: 'Szeged', country: 'Magyarország' })?.country).toBe('HU');
    expect(normalizeAddress({ city: 'Leeds', country: 'United Kingdom' })?.country).toBe('GB');
    const tehran = normalizeAddress({
      street: 'خ. ولیعصر پلاک ۱۲',
      city: 'تهران',
      postcode: '۱۲۳۴۵-۶۷۸۹۰',
      country: 'ایران',
    });
    expect(tehran).toMatchObject({
      street: 'خیابان ولیعصر',
      houseNumber: '12',
      postcode: '1234567890',
      country: 'IR',
    });
  });

  it('returns null without street, postcode or city', () => {
    expect(normalizeAddress({ houseNumber: '12', country: 'HU' })).toBeNull();
    expect(normalizeAddress(undefined)).toBeNull();
  });
});

describe('birth dates', () => {
  it('reads ISO, Hungarian and day-first dates, and partial dates', () => {
    expect(normalizeBirthDate('1985-03-12')?.iso).toBe('1985-03-12');
    expect(normalizeBirthDate('1985. 03. 12.')?.iso).toBe('1985-03-12');
    expect(normalizeBirthDate('12.03.1985')?.iso).toBe('1985-03-12');
    expect(normalizeBirthDate('1985-07')).toEqual({
      year: 1985,
      month: 7,
      precision: 'month',
      iso: '1985-07',
    });
    expect(normalizeBirthDate('1985')).toEqual({ year: 1985, precision: 'year', iso: '1985' });
  });

  it('rejects impossible dates', () => {
    expect(normalizeBirthDate('1985-02-30')).toBeNull();
    expect(normalizeBirthDate('1900-02-29')).toBeNull();
    expect(normalizeBirthDate('2000-02-29')?.iso).toBe('2000-02-29');
    expect(normalizeBirthDate('1985-13')).toBeNull();
    expect(normalizeBirthDate('yesterday')).toBeNull();
  });

  it('converts Solar Hijri (Persian calendar) dates', () => {
    // 12 Mordad 1364 = 3 August 1985; 1 Farvardin 1400 = 21 March 2021.
    expect(normalizeBirthDate('۱۳۶۴/۰۵/۱۲')?.iso).toBe('1985-08-03');
    expect(normalizeBirthDate('1400/01/01')?.iso).toBe('2021-03-21');
  });
});

describe('whole profiles', () => {
  it('reads phones in the region of the profile’s own country, and splits landlines off', () => {
    const config = resolveIdentityConfig({ phone: { defaultRegion: 'HU' } });
    const p = normalizeProfile(
      {
        id: 'x',
        givenName: 'Anna',
        familyName: 'Nowak',
        emails: ['ANNA@wp.pl', 'not an email'],
        phones: ['601 234 567', '22 123 45 67'],
        externalIds: [' LC1 '],
        deviceIds: ['ABC-1'],
        address: { city: 'Warszawa', country: 'PL' },
        birthDate: 'soon',
      },
      config,
    );
    expect(p.emails).toEqual(['anna@wp.pl']);
    expect(p.personalPhones.map((x) => x.e164)).toEqual(['+48601234567']);
    expect(p.landlines.map((x) => x.e164)).toEqual(['+48221234567']);
    expect(p.externalIds).toEqual(['LC1']);
    expect(p.deviceIds).toEqual(['abc-1']);
    expect(p.birthDate).toBeNull();
  });
});
