import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  NICKNAME_GROUPS,
} from '../../../subgraphs/marketing/src/identity/name-data';
import { createRandom, type Random } from '../../../subgraphs/marketing/src/identity/random';
import {
  CITIES,
  EMAIL_DOMAINS,
  LONG_TAIL_FAMILY_NAMES,
  MOBILES,
  PERSIAN_ROMANISATIONS,
  STREETS,
  WORK_DOMAINS,
  type CityData,
  type Locale,
} from './synthetic-people.data';
import type { IdentityProfile } from '../../../subgraphs/marketing/src/identity/types';

export type { Locale };

/*
 * Seeded generator of synthetic people with known duplicates, for the benchmark, the EM tests and the
 * demo data. People live in households (shared address, family name, often a landline or a tablet);
 * some people have one to three extra profiles, each derived from the person's true attributes with
 * independent errors per field: typos, transpositions, nicknames, dropped diacritics, swapped name order,
 * Persian names in the other script, missing fields, other emails, reformatted phones and addresses.
 * Independence per field is deliberate: it is the Fellegi–Sunter assumption, so the m probabilities EM
 * recovers can be checked against the generator's truth. Shared identifiers over the limits (office
 * switchboards, kiosk devices, info@ mailboxes) are sprinkled in to exercise the sharing limits.
 */

/** Probability of each error in a duplicate profile, applied independently. */
export interface CorruptionRates {
  givenTypo: number;
  familyTypo: number;
  nickname: number;
  dropDiacritics: number;
  swapNameOrder: number;
  fullNameInOneField: number;
  /** Persian names written in the other script (Persian ↔ Latin). */
  switchScript: number;
  /** Arabic keyboard letters (ي, ك) or a ZWNJ/space variant in Persian-script names. */
  arabicKeyboard: number;
  missingGiven: number;
  missingFamily: number;
  missingBirthDate: number;
  partialBirthDate: number;
  transposedBirthDate: number;
  birthDateTypo: number;
  /** The person's email replaced by another (new provider, or work address). */
  otherEmail: number;
  missingEmail: number;
  missingPhone: number;
  otherPhone: number;
  phoneTypo: number;
  missingAddress: number;
  movedAddress: number;
  abbreviatedAddress: number;
  postcodeTypo: number;
  streetTypo: number;
}

export const DEFAULT_CORRUPTION: CorruptionRates = {
  givenTypo: 0.07,
  familyTypo: 0.06,
  nickname: 0.1,
  dropDiacritics: 0.25,
  swapNameOrder: 0.06,
  fullNameInOneField: 0.04,
  switchScript: 0.35,
  arabicKeyboard: 0.25,
  missingGiven: 0.02,
  missingFamily: 0.02,
  missingBirthDate: 0.12,
  partialBirthDate: 0.05,
  transposedBirthDate: 0.03,
  birthDateTypo: 0.04,
  otherEmail: 0.35,
  missingEmail: 0.15,
  missingPhone: 0.18,
  otherPhone: 0.05,
  phoneTypo: 0.04,
  missingAddress: 0.12,
  movedAddress: 0.06,
  abbreviatedAddress: 0.35,
  postcodeTypo: 0.03,
  streetTypo: 0.04,
};

export interface SyntheticOptions {
  /** Number of profiles to generate (duplicates included). */
  profiles: number;
  seed?: number;
  /** Relative weight of each market. Default: hu 0.3, pl 0.3, fa 0.2, en 0.2. */
  locales?: Partial<Record<Locale, number>>;
  /** Share of people with at least one duplicate profile. Default 0.3. */
  duplicateRate?: number;
  corruption?: Partial<CorruptionRates>;
  /** Profile id prefix. Default "p". */
  idPrefix?: string;
}

export interface SyntheticProfile extends IdentityProfile {
  /** The true person: profiles with the same personId are duplicates. */
  personId: string;
  householdId: string;
  locale: Locale;
  /** False for the person's first profile. */
  isDuplicate: boolean;
  /** Errors applied to this profile (empty for first profiles). */
  corruptions: string[];
}

export interface SyntheticDataset {
  profiles: SyntheticProfile[];
  persons: number;
  households: number;
  /** Number of true duplicate pairs (pairs of profiles of one person). */
  truePairs: number;
}

// ---------------------------------------------------------------------------------------------------

interface Address {
  city: CityData;
  postcode: string;
  streetName: string;
  type: [string, string];
  houseNumber: string;
  flat?: string;
}

interface Phone {
  locale: Locale;
  /** National format with trunk prefix, digits and spaces. */
  national: string;
}

interface Person {
  personId: string;
  householdId: string;
  locale: Locale;
  sex: 'male' | 'female';
  given: string;
  family: string;
  /** Persian names: which script the person's own records use. */
  persianScript: 'arabic' | 'latin';
  birthDate?: string;
  email?: string;
  mobile?: Phone;
  landline?: Phone;
  address: Address;
  externalId?: string;
  deviceIds: string[];
  familyEmail?: string;
  extraPhones: Phone[];
  extraEmails: string[];
  extraDevices: string[];
}

const LOCALES: Locale[] = ['hu', 'pl', 'fa', 'en'];

function zipfPicker<T>(items: readonly T[], exponent = 0.9): (r: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, i) => {
    total += 1 / Math.pow(i + 1, exponent);
    cumulative.push(total);
  });
  return (r) => {
    const x = r.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

// Given names: a short list with a flattish Zipf law (the commonest name is a few percent of people).
const givenPickers = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    { male: zipfPicker(GIVEN_NAMES[l].male, 0.6), female: zipfPicker(GIVEN_NAMES[l].female, 0.6) },
  ]),
) as Record<Locale, { male: (r: Random) => string; female: (r: Random) => string }>;
// Family names: half from the common list (Zipf), half from the long tail (uniform).
const familyPickers = Object.fromEntries(
  LOCALES.map((l) => {
    const common = zipfPicker(FAMILY_NAMES[l], 0.8);
    const tail = LONG_TAIL_FAMILY_NAMES[l];
    return [l, (r: Random) => (r.chance(0.5) ? common(r) : r.pick(tail))];
  }),
) as Record<Locale, (r: Random) => string>;

function feminine(locale: Locale, family: string): string {
  if (locale !== 'pl') return family;
  return family.replace(/(sk|ck|dzk)i$/, '$1a');
}

function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L');
}

function romanise(name: string, r: Random, variant: boolean): string {
  const options = PERSIAN_ROMANISATIONS[name];
  if (!options) return name;
  return variant ? r.pick(options) : options[0];
}

function asciiLocal(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

const LATIN_LETTERS = 'abcdefghijklmnoprstuvyz';
const PERSIAN_LETTERS = 'ابپتسجچحخدرزسشصطعفقکگلمنوهی';

/** One typing error: substitution, deletion, doubled letter or two letters swapped. */
function typo(s: string, r: Random): string {
  const chars = [...s];
  if (chars.length < 3) return s + (/[\u0600-\u06ff]/.test(s) ? 'ی' : 'a');
  const i = 1 + r.int(chars.length - 1);
  const letters = /[\u0600-\u06ff]/.test(s) ? PERSIAN_LETTERS : LATIN_LETTERS;
  switch (r.int(4)) {
    case 0: {
      const c = letters[r.int(letters.length)];
      chars[i] =
        chars[i] === chars[i].toUpperCase() && chars[i] !== chars[i].toLowerCase() ? c.toUpperCase() : c;
      break;
    }
    case 1:
      chars.splice(i, 1);
      break;
    case 2:
      chars.splice(i, 0, chars[i]);
      break;
    default: {
      const j = i < chars.length - 1 ? i + 1 : i - 1;
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
  }
  return chars.join('');
}

function randomDigits(r: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(r.int(10));
  return s;
}

function formatPhone(p: Phone, r: Random): string {
  const m = MOBILES[p.locale];
  const national = p.national;
  const compact = national.replace(/\s/g, '');
  const withoutTrunk = m.trunk && compact.startsWith(m.trunk) ? compact.slice(m.trunk.length) : compact;
  switch (r.int(5)) {
    case 0:
      return national;
    case 1:
      return `+${m.callingCode} ${national.startsWith(m.trunk) ? national.slice(m.trunk.length).trim() : national}`;
    case 2:
      return `00${m.callingCode}${withoutTrunk}`;
    case 3:
      return compact.replace(/(\d{3})(?=\d{4})/g, '$1-');
    default:
      return p.locale === 'fa'
        ? compact.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)])
        : `+${m.callingCode}${withoutTrunk}`;
  }
}

function phoneTypo(p: Phone, r: Random): Phone {
  const chars = [...p.national];
  const digitPositions = chars.map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  // Only the subscriber part: the last six digits.
  const candidates = digitPositions.slice(-6);
  const i = r.pick(candidates);
  if (r.chance(0.5)) {
    chars[i] = String((Number(chars[i]) + 1 + r.int(9)) % 10);
  } else {
    const j = candidates[candidates.indexOf(i) + 1] ?? candidates[candidates.indexOf(i) - 1];
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return { locale: p.locale, national: chars.join('') };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function randomBirthDate(r: Random, fromYear: number, toYear: number): string {
  const y = fromYear + r.int(toYear - fromYear + 1);
  const m = 1 + r.int(12);
  return isoDate(y, m, 1 + r.int(daysIn(y, m)));
}

class Generator {
  private readonly r: Random;
  private readonly rates: CorruptionRates;
  private readonly usedEmails = new Set<string>();
  private readonly usedPhones = new Set<string>();
  private readonly localePicker: (r: Random) => Locale;
  private personCount = 0;
  private householdCount = 0;
  private readonly switchboards: Record<Locale, Phone[]>;
  private readonly kiosks: string[];
  private readonly infoEmails: Record<Locale, string[]>;

  constructor(private readonly options: SyntheticOptions) {
    this.r = createRandom(options.seed ?? 1);
    this.rates = { ...DEFAULT_CORRUPTION, ...options.corruption };
    const weights = { hu: 0.3, pl: 0.3, fa: 0.2, en: 0.2, ...options.locales };
    const total = LOCALES.reduce((s, l) => s + (weights[l] ?? 0), 0);
    this.localePicker = (r) => {
      let x = r.float() * total;
      for (const l of LOCALES) {
        x -= weights[l] ?? 0;
        if (x < 0) return l;
      }
      return 'en';
    };
    this.switchboards = Object.fromEntries(
      LOCALES.map((l) => [l, Array.from({ length: 8 }, () => this.landline(l, CITIES[l][0]))]),
    ) as Record<Locale, Phone[]>;
    this.kiosks = Array.from({ length: 10 }, (_, i) => `kiosk-${i}-${randomDigits(this.r, 8)}`);
    this.infoEmails = Object.fromEntries(
      LOCALES.map((l) => [l, WORK_DOMAINS[l].map((d) => `info@${d}`)]),
    ) as Record<Locale, string[]>;
  }

  private uniquePhone(make: () => string): string {
    for (;;) {
      const national = make();
      const key = national.replace(/\D/g, '');
      if (!this.usedPhones.has(key)) {
        this.usedPhones.add(key);
        return national;
      }
    }
  }

  private mobile(locale: Locale): Phone {
    const m = MOBILES[locale];
    return {
      locale,
      national: this.uniquePhone(() => `${this.r.pick(m.prefixes)} ${randomDigits(this.r, m.digits)}`),
    };
  }

  private landline(locale: Locale, city: CityData): Phone {
    return {
      locale,
      national: this.uniquePhone(
        () => `${city.landline.prefix} ${1 + this.r.int(9)}${randomDigits(this.r, city.landline.digits - 1)}`,
      ),
    };
  }

  private address(locale: Locale): Address {
    const r = this.r;
    const city = r.pick(CITIES[locale]);
    const streets = STREETS[locale];
    return {
      city,
      postcode: city.postcode(() => r.float()),
      streetName: r.pick(streets.names),
      type: r.pick(streets.types),
      houseNumber: `${1 + r.int(120)}${r.chance(0.05) ? 'abc'[r.int(3)] : ''}`,
      flat:
        locale === 'pl' || locale === 'hu' ? (r.chance(0.35) ? String(1 + r.int(40)) : undefined) : undefined,
    };
  }

  private latinName(
    p: Pick<Person, 'locale' | 'given' | 'family'>,
    part: 'given' | 'family',
    r: Random,
    variant: boolean,
  ): string {
    const name = p[part];
    return p.locale === 'fa' ? romanise(name, r, variant) : name;
  }

  private email(p: Person, work = false): string {
    const r = this.r;
    const given = asciiLocal(this.latinName(p, 'given', r, false));
    const family = asciiLocal(this.latinName(p, 'family', r, false));
    const year = p.birthDate ? p.birthDate.slice(2, 4) : '';
    const patterns = work
      ? [`${given}.${family}`, `${given[0]}.${family}`, `${family}.${given}`]
      : [
          `${given}.${family}`,
          `${family}.${given}`,
          `${given}${family}`,
          `${given[0]}${family}`,
          `${given}${year}`,
          `${family}${given[0]}`,
        ];
    const domain = work ? r.pick(WORK_DOMAINS[p.locale]) : r.pick(EMAIL_DOMAINS[p.locale]);
    for (;;) {
      let local = r.pick(patterns);
      if (!work || r.chance(0.3)) local += r.chance(0.5) ? randomDigits(r, 2) : '';
      const email = `${local}@${domain}`;
      if (!this.usedEmails.has(email)) {
        this.usedEmails.add(email);
        return email;
      }
      patterns.push(`${given}.${family}${randomDigits(r, 3)}`);
    }
  }

  private person(
    householdId: string,
    locale: Locale,
    sex: 'male' | 'female',
    family: string,
    birthYears: [number, number],
    address: Address,
    given?: string,
  ): Person {
    const r = this.r;
    this.personCount++;
    const p: Person = {
      personId: `person-${this.personCount}`,
      householdId,
      locale,
      sex,
      given: given ?? givenPickers[locale][sex](r),
      family,
      persianScript: r.chance(0.6) ? 'arabic' : 'latin',
      address,
      deviceIds: [],
      extraPhones: [],
      extraEmails: [],
      extraDevices: [],
    };
    if (r.chance(0.92)) p.birthDate = randomBirthDate(r, birthYears[0], birthYears[1]);
    if (r.chance(0.88)) p.email = this.email(p);
    if (r.chance(0.85)) p.mobile = this.mobile(locale);
    if (r.chance(0.3)) p.externalId = `LC${randomDigits(r, 10)}`;
    if (r.chance(0.5)) p.deviceIds.push(`dev-${randomDigits(r, 6)}-${randomDigits(r, 6)}`);
    if (r.chance(0.012)) p.extraPhones.push(r.pick(this.switchboards[locale]));
    if (r.chance(0.005)) p.extraDevices.push(r.pick(this.kiosks));
    if (r.chance(0.004)) p.extraEmails.push(r.pick(this.infoEmails[locale]));
    return p;
  }

  /** One household of one to four people. */
  household(): Person[] {
    const r = this.r;
    this.householdCount++;
    const householdId = `household-${this.householdCount}`;
    const locale = this.localePicker(r);
    const size = r.chance(0.5) ? 1 : r.chance(0.56) ? 2 : r.chance(0.6) ? 3 : 4;
    const address = this.address(locale);
    const family = familyPickers[locale](r);
    const firstSex = r.chance(0.5) ? 'male' : 'female';
    const first = this.person(
      householdId,
      locale,
      firstSex,
      firstSex === 'female' ? feminine(locale, family) : family,
      [1945, 2003],
      address,
    );
    const members = [first];
    if (size >= 2) {
      const sex = firstSex === 'male' ? 'female' : 'male';
      // Spouses: Polish and English wives mostly take the husband's name, Hungarian often, Persian never.
      const takesName = { pl: 0.85, en: 0.8, hu: 0.7, fa: 0 }[locale];
      const partnerFamily = r.chance(takesName) ? family : familyPickers[locale](r);
      const year = Number(first.birthDate?.slice(0, 4) ?? 1975);
      members.push(
        this.person(
          householdId,
          locale,
          sex,
          sex === 'female' ? feminine(locale, partnerFamily) : partnerFamily,
          [year - 6, Math.min(2003, year + 6)],
          address,
        ),
      );
    }
    const parentYear = Number(first.birthDate?.slice(0, 4) ?? 1975);
    const father = members.find((m) => m.sex === 'male');
    for (let c = 2; c < size; c++) {
      const sex = r.chance(0.5) ? 'male' : 'female';
      // A son named after his father: the hardest household case (only the birth date tells them apart).
      const junior = sex === 'male' && father && r.chance(0.05) ? father.given : undefined;
      const childFamily = father ? father.family : family;
      // Apart from a deliberate junior, parents do not give a child a name already in the family.
      let given = junior;
      for (let tries = 0; given === undefined && tries < 20; tries++) {
        const candidate = givenPickers[locale][sex](r);
        if (!members.some((m) => m.given === candidate)) given = candidate;
      }
      members.push(
        this.person(
          householdId,
          locale,
          sex,
          sex === 'female' ? feminine(locale, childFamily) : childFamily,
          [Math.min(2010, parentYear + 20), Math.min(2012, parentYear + 40)],
          address,
          given,
        ),
      );
    }
    if (size >= 2) {
      if (r.chance(0.45)) {
        const landline = this.landline(locale, address.city);
        for (const m of members) if (r.chance(0.75)) m.landline = landline;
      }
      if (r.chance(0.25)) {
        const tablet = `tablet-${randomDigits(r, 10)}`;
        for (const m of members) m.deviceIds.push(tablet);
      }
      if (r.chance(0.04)) {
        const word = { hu: 'csalad', pl: 'rodzina', fa: 'family', en: 'family' }[locale];
        const familyEmail = this.email({ ...first, given: word } as Person);
        for (const m of members) m.familyEmail = familyEmail;
      }
    } else if (r.chance(0.15)) {
      first.landline = this.landline(locale, address.city);
    }
    return members;
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering a person as a profile, cleanly or with errors
  // -------------------------------------------------------------------------------------------------

  private renderAddress(
    a: Address,
    locale: Locale,
    abbreviate: boolean,
    dropDiacritics: boolean,
  ): IdentityProfile['address'] {
    const streets = STREETS[locale];
    const type = abbreviate ? a.type[1] : a.type[0];
    let street = streets.typeFirst ? `${type} ${a.streetName}` : `${a.streetName} ${type}`;
    let houseNumber = a.flat ? `${a.houseNumber}/${a.flat}` : a.houseNumber;
    if (locale === 'fa') houseNumber = `${houseNumber}`;
    if (dropDiacritics) street = stripDiacritics(street);
    const country = { hu: 'HU', pl: 'PL', fa: 'IR', en: 'GB' }[locale];
    // Some people write the number into the street line.
    if (this.r.chance(0.2)) {
      street = locale === 'en' ? `${houseNumber} ${street}` : `${street} ${houseNumber}`;
      houseNumber = '';
    }
    return {
      street,
      houseNumber: houseNumber || undefined,
      city: dropDiacritics ? stripDiacritics(a.city.name) : a.city.name,
      postcode: a.postcode,
      country: this.r.chance(0.8) ? country : undefined,
    };
  }

  private renderNames(
    p: Person,
    corrupt: boolean,
    applied: string[],
  ): { givenName?: string; familyName?: string } {
    const r = this.r;
    const rates = this.rates;
    let given = p.given;
    let family = p.family;
    if (p.locale === 'fa') {
      let script = p.persianScript;
      if (corrupt && r.chance(rates.switchScript)) {
        script = script === 'arabic' ? 'latin' : 'arabic';
        applied.push('switch-script');
      }
      if (script === 'latin') {
        given = romanise(p.given, r, corrupt);
        family = romanise(p.family, r, corrupt);
      } else if (corrupt && r.chance(rates.arabicKeyboard)) {
        given = given
          .replace(/ی/g, 'ي')
          .replace(/ک/g, 'ك')
          .replace(/^محمدرضا$/, 'محمد\u200cرضا');
        family = family.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
        applied.push('arabic-keyboard');
      }
    } else if (corrupt) {
      if (r.chance(rates.nickname)) {
        const group = NICKNAME_GROUPS.find((g) => g[0] === p.given);
        if (group && group.length > 1) {
          given = group[1 + r.int(group.length - 1)];
          applied.push('nickname');
        }
      }
      if (r.chance(rates.dropDiacritics) && stripDiacritics(given + family) !== given + family) {
        given = stripDiacritics(given);
        family = stripDiacritics(family);
        applied.push('drop-diacritics');
      }
    }
    if (corrupt && r.chance(rates.givenTypo)) {
      given = typo(given, r);
      applied.push('given-typo');
    }
    if (corrupt && r.chance(rates.familyTypo)) {
      family = typo(family, r);
      applied.push('family-typo');
    }
    // Hungarian records are often written family name first, in one field.
    if ((p.locale === 'hu' && !corrupt && r.chance(0.1)) || (corrupt && r.chance(rates.fullNameInOneField))) {
      if (corrupt) applied.push('full-name-in-one-field');
      return { givenName: p.locale === 'hu' || r.chance(0.5) ? `${family} ${given}` : `${given} ${family}` };
    }
    if (corrupt && r.chance(rates.swapNameOrder)) {
      [given, family] = [family, given];
      applied.push('swap-name-order');
    }
    const result: { givenName?: string; familyName?: string } = { givenName: given, familyName: family };
    if (corrupt && r.chance(rates.missingGiven)) {
      delete result.givenName;
      applied.push('missing-given');
    } else if (corrupt && r.chance(rates.missingFamily)) {
      delete result.familyName;
      applied.push('missing-family');
    }
    return result;
  }

  private renderBirthDate(p: Person, corrupt: boolean, applied: string[]): string | undefined {
    const r = this.r;
    const rates = this.rates;
    if (!p.birthDate) return corrupt && r.chance(0.03) ? randomBirthDate(r, 1950, 2000) : undefined;
    if (!corrupt) return p.birthDate;
    if (r.chance(rates.missingBirthDate)) {
      applied.push('missing-birth-date');
      return undefined;
    }
    let [y, m, d] = p.birthDate.split('-').map(Number);
    if (r.chance(rates.partialBirthDate)) {
      applied.push('partial-birth-date');
      return r.chance(0.5) ? String(y) : `${y}-${String(m).padStart(2, '0')}`;
    }
    if (r.chance(rates.transposedBirthDate) && d <= 12 && d !== m) {
      [m, d] = [d, m];
      applied.push('transposed-birth-date');
    } else if (r.chance(rates.birthDateTypo)) {
      applied.push('birth-date-typo');
      if (r.chance(0.5))
        d = Math.min(daysIn(y, m), Math.max(1, d + (r.chance(0.5) ? 1 : -1) * (1 + r.int(9))));
      else y = y - (y % 10) + (((y % 10) + 1 + r.int(8)) % 10);
    }
    switch (r.int(6)) {
      case 0:
        return `${y}. ${String(m).padStart(2, '0')}. ${String(d).padStart(2, '0')}.`;
      case 1:
        return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
      default:
        return isoDate(y, m, d);
    }
  }

  render(p: Person, corrupt: boolean): Omit<SyntheticProfile, 'id'> {
    const r = this.r;
    const rates = this.rates;
    const applied: string[] = [];
    const names = this.renderNames(p, corrupt, applied);
    const birthDate = this.renderBirthDate(p, corrupt, applied);

    const emails: string[] = [];
    if (p.email) {
      if (!corrupt) emails.push(p.email);
      else if (r.chance(rates.missingEmail)) applied.push('missing-email');
      else if (r.chance(rates.otherEmail)) {
        emails.push(this.email(p, r.chance(0.4)));
        applied.push('other-email');
      } else emails.push(r.chance(0.2) ? ` ${p.email.replace(/^./, (c) => c.toUpperCase())} ` : p.email);
    } else if (corrupt && r.chance(0.2)) {
      emails.push(this.email(p));
      applied.push('other-email');
    }
    if (p.familyEmail && (!corrupt || r.chance(0.6))) emails.push(p.familyEmail);
    if (!corrupt) emails.push(...p.extraEmails);

    const phones: string[] = [];
    if (p.mobile) {
      if (!corrupt) phones.push(formatPhone(p.mobile, r));
      else if (r.chance(rates.missingPhone)) applied.push('missing-phone');
      else if (r.chance(rates.otherPhone)) {
        phones.push(formatPhone(this.mobile(p.locale), r));
        applied.push('other-phone');
      } else if (r.chance(rates.phoneTypo)) {
        phones.push(formatPhone(phoneTypo(p.mobile, r), r));
        applied.push('phone-typo');
      } else phones.push(formatPhone(p.mobile, r));
    }
    if (p.landline && (!corrupt || r.chance(0.5))) phones.push(formatPhone(p.landline, r));
    if (!corrupt) phones.push(...p.extraPhones.map((x) => formatPhone(x, r)));

    let address: IdentityProfile['address'];
    if (!corrupt) address = this.renderAddress(p.address, p.locale, r.chance(0.3), false);
    else if (r.chance(rates.missingAddress)) applied.push('missing-address');
    else {
      let a = p.address;
      if (r.chance(rates.movedAddress)) {
        a = this.address(p.locale);
        applied.push('moved');
      }
      if (r.chance(rates.postcodeTypo)) {
        a = { ...a, postcode: typo(a.postcode, r).replace(/[a-z]/g, (c) => String(c.charCodeAt(0) % 10)) };
        applied.push('postcode-typo');
      }
      if (r.chance(rates.streetTypo)) {
        a = { ...a, streetName: typo(a.streetName, r) };
        applied.push('street-typo');
      }
      const abbreviate = r.chance(rates.abbreviatedAddress);
      if (abbreviate) applied.push('abbreviated-address');
      address = this.renderAddress(a, p.locale, abbreviate, applied.includes('drop-diacritics'));
    }

    const externalIds = p.externalId && (!corrupt || r.chance(0.4)) ? [p.externalId] : [];
    const deviceIds = p.deviceIds.filter(() => !corrupt || r.chance(0.35));
    if (!corrupt) deviceIds.push(...p.extraDevices);

    return {
      personId: p.personId,
      householdId: p.householdId,
      locale: p.locale,
      isDuplicate: corrupt,
      corruptions: applied,
      ...names,
      emails,
      phones,
      externalIds,
      deviceIds,
      address,
      birthDate,
    };
  }

  generate(): SyntheticDataset {
    const r = this.r;
    const target = this.options.profiles;
    const duplicateRate = this.options.duplicateRate ?? 0.3;
    const drafts: Omit<SyntheticProfile, 'id'>[] = [];
    let households = 0;
    while (drafts.length < target) {
      households++;
      for (const person of this.household()) {
        drafts.push(this.render(person, false));
        if (r.chance(duplicateRate)) {
          const extra = r.chance(0.7) ? 1 : r.chance(0.67) ? 2 : 3;
          for (let k = 0; k < extra; k++) drafts.push(this.render(person, true));
        }
      }
    }
    drafts.length = target;
    // Shuffle so that ids and positions say nothing about who is whom.
    for (let i = drafts.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [drafts[i], drafts[j]] = [drafts[j], drafts[i]];
    }
    const prefix = this.options.idPrefix ?? 'p';
    const width = String(target).length;
    const profiles = drafts.map((d, i) => ({ id: `${prefix}${String(i + 1).padStart(width, '0')}`, ...d }));
    const perPerson = new Map<string, number>();
    for (const p of profiles) perPerson.set(p.personId, (perPerson.get(p.personId) ?? 0) + 1);
    let truePairs = 0;
    for (const c of perPerson.values()) truePairs += (c * (c - 1)) / 2;
    return { profiles, persons: perPerson.size, households, truePairs };
  }
}

/** Synthetic people with known duplicates; the same options and seed always give the same profiles. */
export function generateSyntheticPeople(options: SyntheticOptions): SyntheticDataset {
  if (!Number.isInteger(options.profiles) || options.profiles < 1) {
    throw new RangeError('profiles must be a positive integer');
  }
  return new Generator(options).generate();
}

/** All pairs of profile ids that belong to the same person. */
export function truePairsOf(profiles: readonly SyntheticProfile[]): [string, string][] {
  const byPerson = new Map<string, string[]>();
  for (const p of profiles) {
    const list = byPerson.get(p.personId);
    if (list) list.push(p.id);
    else byPerson.set(p.personId, [p.id]);
  }
  const pairs: [string, string][] = [];
  for (const ids of byPerson.values()) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]]);
  }
  return pairs;
}
