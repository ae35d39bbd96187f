import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { seededId } from '../../shared/ids/ids';
import { AgeBand, CustomerGender, PhoneKind } from '../../subgraphs/marketing/src/customer/customer.enums';
import {
  emailLocalPart,
  feminineFamilyName,
  NAMES,
  PERSIAN_NAMES,
  stripDiacritics,
  type Locale,
  type PersianName,
} from './names.data';
import {
  COUNTRIES,
  EMAIL_DOMAINS,
  languageTag,
  RESIDENCE,
  WORK_DOMAINS,
  type CityData,
  type CountryCode,
} from './places.data';
import type { SeedRandom } from './random';
import type { AddressPlan, ProfilePlan } from './types';

/*
 * The people behind the profiles: households of one to four adults sharing an address, a family name and
 * often a landline, and a small share of people who were registered twice by different systems (the
 * deliberate duplicates the identity engine should find). A person is rendered into one ProfilePlan, and a
 * duplicate into another with independent errors: typo, nickname, dropped diacritics, swapped name order,
 * the other script (Persian), another email, a missing field — usually keeping the mobile number.
 */

/** Market mix of the demo brand. */
export const LOCALE_WEIGHTS: Readonly<Record<Locale, number>> = {
  hu: 0.28,
  pl: 0.22,
  de: 0.18,
  en: 0.17,
  fa: 0.15,
};

export interface PeopleOptions {
  /** Number of profiles, duplicates included. */
  profiles: number;
  asOf: Date;
  /** Mixed into every id so two seeds never share ids. */
  salt: number;
  /** Share of people registered twice (a few of them three times). */
  duplicateRate: number;
}

interface Name {
  /** As the person writes it (Persian script for most people in Iran). */
  native: string;
  /** Usual Latin spelling, then other romanisations. */
  latin: readonly string[];
}

interface Person {
  personKey: string;
  householdKey?: string;
  locale: Locale;
  country: CountryCode;
  city: CityData;
  sex: 'male' | 'female';
  given: Name;
  family: Name;
  /** Persian speakers in Iran mostly write their names in Persian script. */
  nativeScript: boolean;
  birthDate?: string;
  email?: string;
  mobile?: string;
  landline?: string;
  address?: AddressPlan;
}

/** Head-heavy pick: real name frequencies are Zipf-like, so "Nagy" and "Kovács" repeat, as they do. */
function zipfPick<T>(rng: SeedRandom, items: readonly T[]): T {
  const i = Math.floor(items.length * Math.pow(rng.float(), 1.6));
  return items[Math.min(i, items.length - 1)];
}

const latinName = (value: string): Name => ({ native: value, latin: [value] });
const persianName = (p: PersianName): Name => ({ native: p.fa, latin: p.latin });

function pickGiven(rng: SeedRandom, locale: Locale, sex: 'male' | 'female'): Name {
  if (locale === 'fa') return persianName(zipfPick(rng, PERSIAN_NAMES[sex]));
  return latinName(zipfPick(rng, NAMES[locale][sex]));
}

function pickFamily(rng: SeedRandom, locale: Locale): Name {
  if (locale === 'fa') return persianName(zipfPick(rng, PERSIAN_NAMES.family));
  return latinName(zipfPick(rng, NAMES[locale].family));
}

function asFeminine(locale: Locale, family: Name): Name {
  const native = feminineFamilyName(locale, family.native);
  return { native, latin: family.latin.map((l) => feminineFamilyName(locale, l)) };
}

function weightedCountry(rng: SeedRandom, locale: Locale): CountryCode {
  return rng.weighted(RESIDENCE[locale] as Record<CountryCode, number>);
}

function digits(rng: SeedRandom, n: number, firstFrom = 0): string {
  let s = String(firstFrom + rng.int(10 - firstFrom));
  while (s.length < n) s += String(rng.int(10));
  return s;
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function birthDateIn(rng: SeedRandom, fromYear: number, toYear: number): string {
  const y = rng.between(fromYear, toYear);
  const m = rng.between(1, 12);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return isoDate(y, m, rng.between(1, days));
}

export function ageBandOf(birthDate: string, asOf: Date): AgeBand | undefined {
  const [y, m, d] = birthDate.split('-').map(Number);
  let age = asOf.getUTCFullYear() - y;
  if (asOf.getUTCMonth() + 1 < m || (asOf.getUTCMonth() + 1 === m && asOf.getUTCDate() < d)) age--;
  if (age < 18) return AgeBand.UNDER_18;
  if (age < 25) return AgeBand.AGE_18_24;
  if (age < 35) return AgeBand.AGE_25_34;
  if (age < 45) return AgeBand.AGE_35_44;
  if (age < 55) return AgeBand.AGE_45_54;
  if (age < 65) return AgeBand.AGE_55_64;
  return AgeBand.AGE_65_PLUS;
}

/** Local part for an email; German umlauts become ae/oe/ue as Germans type them. */
export function emailWord(locale: Locale, value: string): string {
  const v =
    locale === 'de'
      ? value
          .replace(/ä/g, 'ae')
          .replace(/ö/g, 'oe')
          .replace(/ü/g, 'ue')
          .replace(/Ä/g, 'Ae')
          .replace(/Ö/g, 'Oe')
          .replace(/Ü/g, 'Ue')
      : value;
  return emailLocalPart(v);
}

type PhoneType = 'mobile' | 'landline';

class PeopleGenerator {
  private readonly usedEmails = new Set<string>();
  private readonly usedPhones = new Set<string>();
  private personCount = 0;
  private householdCount = 0;

  constructor(
    private readonly rng: SeedRandom,
    private readonly options: PeopleOptions,
  ) {}

  /** A valid, unused E.164 number; libphonenumber decides validity and type, so look-ups find it again. */
  phone(country: CountryCode, type: PhoneType, city?: CityData): string {
    const data = COUNTRIES[country];
    for (let attempt = 0; attempt < 200; attempt++) {
      let national: string;
      if (type === 'mobile') {
        const m = this.rng.pick(data.mobile);
        // North American exchange codes never start with 0 or 1.
        national = m.prefix + digits(this.rng, m.digits, data.callingCode === '1' ? 2 : 0);
      } else {
        const c = city ?? this.rng.pick(data.cities);
        national = c.landline.area + digits(this.rng, c.landline.digits, 2);
      }
      const e164 = `+${data.callingCode}${national}`;
      if (this.usedPhones.has(e164)) continue;
      const parsed = parsePhoneNumberFromString(e164);
      if (!parsed?.isValid()) continue;
      const kind = parsed.getType();
      const wanted = !data.distinctLandlines
        ? 'FIXED_LINE_OR_MOBILE'
        : type === 'mobile'
          ? 'MOBILE'
          : 'FIXED_LINE';
      if (kind !== wanted) continue;
      this.usedPhones.add(e164);
      return e164;
    }
    throw new Error(`could not make a valid ${type} number for ${country}`);
  }

  /** A new, unused email address built from the person's Latin name. */
  email(
    p: Pick<Person, 'locale' | 'country' | 'given' | 'family' | 'birthDate'>,
    kind: 'personal' | 'work' | 'other',
  ): string {
    const r = this.rng;
    const given = emailWord(p.locale, kind === 'other' ? r.pick(p.given.latin) : p.given.latin[0]) || 'user';
    const family = emailWord(p.locale, p.family.latin[0]) || 'mail';
    const year = p.birthDate ? p.birthDate.slice(2, 4) : String(r.between(70, 99));
    const patterns =
      kind === 'work'
        ? [`${given}.${family}`, `${given[0]}.${family}`, `${family}`]
        : [
            `${given}.${family}`,
            `${family}.${given}`,
            `${given}${family}`,
            `${given[0]}${family}`,
            `${given}${year}`,
            `${family}.${given[0]}`,
            `${given}_${family}`,
          ];
    const domains = kind === 'work' ? WORK_DOMAINS : EMAIL_DOMAINS[p.country];
    for (let attempt = 0; ; attempt++) {
      let local = r.pick(patterns);
      if (attempt > 0 || r.chance(0.25)) local += String(r.between(1, attempt > 3 ? 9999 : 99));
      const address = `${local}@${r.pick(domains)}`;
      if (!this.usedEmails.has(address)) {
        this.usedEmails.add(address);
        return address;
      }
    }
  }

  private address(country: CountryCode, city: CityData): AddressPlan {
    const r = this.rng;
    const style = COUNTRIES[country].streets;
    const name = r.pick(style.names);
    let street = name;
    if (style.order === 'name-type') street = `${name} ${r.pick(style.types)[0]}`;
    if (style.order === 'type-name') street = `${r.pick(style.types)[1]} ${name}`;
    const flat =
      (country === 'HU' || country === 'PL' || country === 'AT') && r.chance(0.4)
        ? `/${r.between(1, 40)}`
        : '';
    return {
      street,
      houseNumber: `${r.between(1, 140)}${r.chance(0.04) ? 'abc'[r.int(3)] : ''}${flat}`,
      city: city.name,
      postcode: city.postcode(() => r.float()),
      region: city.region,
      country,
    };
  }

  private person(
    householdKey: string | undefined,
    locale: Locale,
    country: CountryCode,
    city: CityData,
    sex: 'male' | 'female',
    family: Name,
    birthYears: [number, number],
    address: AddressPlan | undefined,
  ): Person {
    const r = this.rng;
    this.personCount++;
    const p: Person = {
      personKey: `person-${this.personCount}`,
      householdKey,
      locale,
      country,
      city,
      sex,
      given: pickGiven(r, locale, sex),
      family: sex === 'female' ? asFeminine(locale, family) : family,
      nativeScript: locale === 'fa' && country === 'IR' && r.chance(0.65),
      address,
    };
    if (r.chance(0.9)) p.birthDate = birthDateIn(r, birthYears[0], birthYears[1]);
    if (r.chance(0.93)) p.email = this.email(p, 'personal');
    if (r.chance(0.88)) p.mobile = this.phone(country, 'mobile');
    return p;
  }

  /** One household: one to four adults at one address; partners mostly share the family name. */
  household(): Person[] {
    const r = this.rng;
    const locale = r.weighted(LOCALE_WEIGHTS);
    const country = weightedCountry(r, locale);
    const city = r.pick(COUNTRIES[country].cities);
    const size = r.chance(0.84) ? 1 : r.chance(0.7) ? 2 : r.chance(0.7) ? 3 : 4;
    const householdKey = size > 1 ? `household-${++this.householdCount}` : undefined;
    const address = r.chance(size > 1 ? 1 : 0.85) ? this.address(country, city) : undefined;
    const asOfYear = this.options.asOf.getUTCFullYear();
    const family = pickFamily(r, locale);
    const firstSex = r.chance(0.5) ? 'male' : 'female';
    const first = this.person(
      householdKey,
      locale,
      country,
      city,
      firstSex,
      family,
      [asOfYear - 80, asOfYear - 19],
      address,
    );
    const members = [first];
    const firstYear = Number(first.birthDate?.slice(0, 4) ?? asOfYear - 45);
    if (size >= 2) {
      const sex = firstSex === 'male' ? 'female' : 'male';
      // Partners take the family name at roughly these rates; Persian wives keep their own.
      const takes = { hu: 0.7, pl: 0.85, de: 0.75, en: 0.8, fa: 0 }[locale];
      const partnerFamily = r.chance(takes) ? family : pickFamily(r, locale);
      members.push(
        this.person(
          householdKey,
          locale,
          country,
          city,
          sex,
          partnerFamily,
          [firstYear - 6, Math.min(asOfYear - 19, firstYear + 6)],
          address,
        ),
      );
    }
    for (let c = 2; c < size; c++) {
      const sex = r.chance(0.5) ? 'male' : 'female';
      const childYears: [number, number] = [
        Math.min(asOfYear - 19, firstYear + 20),
        Math.min(asOfYear - 18, firstYear + 36),
      ];
      members.push(this.person(householdKey, locale, country, city, sex, family, childYears, address));
    }
    // A shared landline only where libphonenumber can tell it is one (not in the North American plan):
    // elsewhere a shared number would look like a personal phone and merge the family.
    if (COUNTRIES[country].distinctLandlines && (size > 1 ? r.chance(0.55) : r.chance(0.12))) {
      const landline = this.phone(country, 'landline', city);
      for (const m of members) if (size === 1 || r.chance(0.85)) m.landline = landline;
    }
    return members;
  }

  // -------------------------------------------------------------------------------------------------

  private base(p: Person, customerId: string): ProfilePlan {
    const r = this.rng;
    const placeholder = new Date(0); // set by the story (when the profile was created)
    return {
      customerId,
      personKey: p.personKey,
      corruptions: [],
      householdKey: p.householdKey,
      locale: p.locale,
      country: p.country,
      language: languageTag(p.locale, p.country),
      timeZone: p.city.timeZone,
      sex: p.sex,
      emails: [],
      phones: [],
      identifiers: [],
      socialHandles: [],
      birthDate: p.birthDate,
      ageBand: p.birthDate ? ageBandOf(p.birthDate, this.options.asOf) : undefined,
      gender: r.chance(0.7) ? (p.sex === 'female' ? CustomerGender.FEMALE : CustomerGender.MALE) : undefined,
      quietHours: r.chance(0.2)
        ? r.pick([
            { start: '22:00', end: '07:00' },
            { start: '21:00', end: '08:00' },
          ])
        : undefined,
      consents: [],
      segmentKeys: [],
      createdAt: placeholder,
    };
  }

  original(p: Person, customerId: string): ProfilePlan {
    const profile = this.base(p, customerId);
    profile.givenName = p.nativeScript ? p.given.native : p.given.latin[0];
    profile.familyName = p.nativeScript ? p.family.native : p.family.latin[0];
    if (p.email) profile.emails.push({ address: p.email, primary: true, addedAt: profile.createdAt });
    if (p.mobile)
      profile.phones.push({
        number: p.mobile,
        kind: PhoneKind.MOBILE,
        primary: true,
        addedAt: profile.createdAt,
      });
    if (p.landline) {
      profile.phones.push({
        number: p.landline,
        kind: PhoneKind.LANDLINE,
        primary: !p.mobile,
        addedAt: profile.createdAt,
      });
    }
    if (p.address) profile.address = { ...p.address };
    return profile;
  }

  /** The same person as registered by another system, with independent errors per field. */
  duplicate(p: Person, customerId: string, originalId: string): ProfilePlan {
    const r = this.rng;
    const profile = this.base(p, customerId);
    profile.duplicateOf = originalId;
    const applied = profile.corruptions;
    let given = p.nativeScript ? p.given.native : p.given.latin[0];
    let family = p.nativeScript ? p.family.native : p.family.latin[0];

    if (p.locale === 'fa' && r.chance(0.5)) {
      // The other script, and possibly another romanisation.
      const toLatin = p.nativeScript;
      given = toLatin ? r.pick(p.given.latin) : p.given.native;
      family = toLatin ? r.pick(p.family.latin) : p.family.native;
      applied.push('other-script');
    } else if (p.locale !== 'fa') {
      const nicknames = NAMES[p.locale].nicknames[given];
      if (nicknames && r.chance(0.25)) {
        given = r.pick(nicknames);
        applied.push('nickname');
      }
      if (r.chance(0.35) && stripDiacritics(given + family) !== given + family) {
        given = stripDiacritics(given);
        family = stripDiacritics(family);
        applied.push('dropped-diacritics');
      }
    }
    if (r.chance(0.22)) {
      if (r.chance(0.5)) given = typo(r, given);
      else family = typo(r, family);
      applied.push('typo');
    }
    if (r.chance(0.1)) {
      if (p.locale === 'hu') {
        // Hungarian order, written into one field by a form that has only "name".
        profile.givenName = `${family} ${given}`;
        applied.push('family-name-first');
      } else {
        profile.givenName = family;
        profile.familyName = given;
        applied.push('swapped-name-order');
      }
    } else {
      profile.givenName = given;
      profile.familyName = family;
    }

    // Emails are unique per profile, so a duplicate never repeats the original's address.
    if (r.chance(0.7)) {
      profile.emails.push({
        address: this.email(p, r.chance(0.3) ? 'work' : 'other'),
        primary: true,
        addedAt: profile.createdAt,
      });
      applied.push('other-email');
    } else applied.push('no-email');

    if (p.mobile && r.chance(0.75)) {
      profile.phones.push({
        number: p.mobile,
        kind: PhoneKind.MOBILE,
        primary: true,
        addedAt: profile.createdAt,
      });
      applied.push('same-phone');
    } else if (r.chance(0.3)) {
      profile.phones.push({
        number: this.phone(p.country, 'mobile'),
        kind: PhoneKind.MOBILE,
        primary: true,
        addedAt: profile.createdAt,
      });
      applied.push('other-phone');
    } else applied.push('no-phone');
    if (p.landline && r.chance(0.3)) {
      profile.phones.push({
        number: p.landline,
        kind: PhoneKind.LANDLINE,
        primary: profile.phones.length === 0,
        addedAt: profile.createdAt,
      });
    }

    if (p.address && r.chance(0.85)) {
      profile.address = { ...p.address };
      if (r.chance(0.3)) {
        profile.address.street = abbreviateStreet(profile.address.street);
        applied.push('abbreviated-street');
      }
      if (applied.includes('dropped-diacritics')) {
        profile.address.street = stripDiacritics(profile.address.street);
        profile.address.city = stripDiacritics(profile.address.city);
      }
    } else if (p.address) applied.push('no-address');

    if (p.birthDate && r.chance(0.2)) {
      delete profile.birthDate;
      delete profile.ageBand;
      applied.push('no-birth-date');
    }
    return profile;
  }
}

/** One keyboard slip: a swapped pair, a dropped or a doubled letter (never the first letter). */
export function typo(rng: SeedRandom, value: string): string {
  const chars = [...value];
  if (chars.length < 4) return value + chars[chars.length - 1];
  const i = rng.between(1, chars.length - 2);
  switch (rng.int(3)) {
    case 0:
      [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
      break;
    case 1:
      chars.splice(i, 1);
      break;
    default:
      chars.splice(i, 0, chars[i]);
  }
  const out = chars.join('');
  return out === value ? value + chars[chars.length - 1] : out;
}

const STREET_ABBREVIATIONS: readonly [RegExp, string][] = [
  [/ utca$/, ' u.'],
  [/ körút$/, ' krt.'],
  [/straße$/, 'str.'],
  [/ Straße$/, ' Str.'],
  [/ Street$/, ' St'],
  [/ Road$/, ' Rd'],
  [/ Avenue$/, ' Ave'],
  [/ Lane$/, ' Ln'],
  [/ Boulevard$/, ' Blvd'],
  [/^ul\. /, ''],
];

export function abbreviateStreet(street: string): string {
  for (const [pattern, replacement] of STREET_ABBREVIATIONS)
    if (pattern.test(street)) return street.replace(pattern, replacement);
  return street;
}

export interface GeneratedPeople {
  profiles: ProfilePlan[];
  persons: number;
  households: number;
}

/**
 * Profiles for `options.profiles` customers: originals in household order, each duplicate right after its
 * original (the story gives it a later creation date). Ids are `seededId('cus', n, salt)`.
 */
export function generatePeople(rng: SeedRandom, options: PeopleOptions): GeneratedPeople {
  const gen = new PeopleGenerator(rng, options);
  const profiles: ProfilePlan[] = [];
  const persons = new Set<string>();
  const households = new Set<string>();
  const nextId = () => seededId('cus', profiles.length + 1, options.salt);
  while (profiles.length < options.profiles) {
    for (const person of gen.household()) {
      if (profiles.length >= options.profiles) break;
      const original = gen.original(person, nextId());
      profiles.push(original);
      persons.add(person.personKey);
      if (person.householdKey) households.add(person.householdKey);
      if (rng.chance(options.duplicateRate)) {
        const copies = rng.chance(0.85) ? 1 : 2;
        for (let k = 0; k < copies && profiles.length < options.profiles; k++) {
          profiles.push(gen.duplicate(person, nextId(), original.customerId));
        }
      }
    }
  }
  // Households are counted only where two or more members made it into the data.
  const members = new Map<string, number>();
  for (const p of profiles)
    if (p.householdKey && !p.duplicateOf) members.set(p.householdKey, (members.get(p.householdKey) ?? 0) + 1);
  return { profiles, persons: persons.size, households: [...members.values()].filter((n) => n > 1).length };
}
