import doubleMetaphone from 'double-metaphone';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { DEFAULT_IDENTITY_CONFIG, type IdentityConfig } from './config';
import {
  COUNTRY_ALIASES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  NAME_TITLES,
  NICKNAME_GROUPS,
  PERSIAN_GIVEN_ROMANISED,
  STREET_TYPES,
} from './name-data';
import type { IdentityProfile, PostalAddressInput } from './types';

/*
 * Normalization of every identifier and matching attribute. Each function is total: bad data gives
 * `null` (the profile simply lacks that attribute), never an exception, because stored customer data is
 * messy and one odd phone number must not stop a deduplication run. Callers that need to reject input
 * (the resolveIdentity API) check for `null` themselves.
 */

// ---------------------------------------------------------------------------------------------------
// Text folding
// ---------------------------------------------------------------------------------------------------

/** Latin letters that NFD does not decompose (Polish ł is a letter of its own, not l + a mark). */
const LATIN_SPECIAL: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ŀ: 'l',
};
const LATIN_SPECIAL_RE = /[łđøßæœıðþħŀ]/g;

/** Arabic-script letters with a Persian twin (keyboard layouts differ) and the Persian form we keep. */
const ARABIC_UNIFY: Record<string, string> = {
  ي: 'ی', // Arabic yeh
  ى: 'ی', // alef maksura
  ك: 'ک', // Arabic kaf
  ة: 'ه', // teh marbuta
  ۀ: 'ه', // heh with yeh above (NFKD leaves some fonts' variants)
  ٱ: 'ا', // alef wasla
};
const ARABIC_UNIFY_RE = /[يىكةۀٱ]/g;
const TATWEEL_RE = /\u0640/g;
/** ZWNJ joins the parts of a Persian compound name ("محمد‌رضا"); bidi marks are invisible noise. */
const INVISIBLE_RE = /\u200c|\u200d|[\u200e\u200f\u061c\u00ad\ufeff]/g;
const COMBINING_MARKS_RE = /\p{M}+/gu;
const PRINTABLE_ASCII_RE = /^[\x20-\x7e]*$/;
const ARABIC_LETTER_RE = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/;
const LATIN_LETTER_RE = /[a-z]/;

/** Persian (U+06F0…) and Arabic-Indic (U+0660…) digits to ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * Accent- and case-insensitive form of any text: compatibility decomposition, combining marks removed
 * (Latin diacritics, Arabic harakat, hamza and madda), Latin letters without a decomposition mapped by
 * hand, Arabic/Persian letter variants unified, tatweel and invisible joiners removed, digits in ASCII.
 */
export function foldText(text: string): string {
  // Fast path for plain ASCII (most postcodes, house numbers, emails): nothing to decompose or unify.
  if (PRINTABLE_ASCII_RE.test(text)) return text.toLowerCase();
  return toAsciiDigits(
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(COMBINING_MARKS_RE, '')
      .replace(LATIN_SPECIAL_RE, (c) => LATIN_SPECIAL[c])
      .replace(ARABIC_UNIFY_RE, (c) => ARABIC_UNIFY[c])
      .replace(TATWEEL_RE, '')
      .replace(INVISIBLE_RE, ''),
  );
}

export type Script = 'latin' | 'arabic' | 'mixed' | 'other';

/** Script of already-folded text. */
export function detectScript(folded: string): Script {
  const arabic = ARABIC_LETTER_RE.test(folded);
  const latin = LATIN_LETTER_RE.test(folded);
  if (arabic && latin) return 'mixed';
  if (arabic) return 'arabic';
  if (latin) return 'latin';
  return 'other';
}

/** Tokens of folded text: letters and digits, split at spaces, hyphens and punctuation. */
function tokenize(folded: string): string[] {
  return folded
    .replace(/['’ʼ`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

// ---------------------------------------------------------------------------------------------------
// Cross-script name skeleton
// ---------------------------------------------------------------------------------------------------

/*
 * Persian script writes consonants and long vowels only; romanisations add short vowels in many
 * spellings (Hosseini, Hoseini; Rezaei, Rezaee, Rezai; Mousavi, Musavi). The skeleton keeps what both
 * writings share: consonants merged by sound (Persian ث/س/ص are all "s", ذ/ز/ض/ظ all "z", غ/ق both
 * "gh"), a marker for an initial vowel, long "i"/"u" vowels inside the word, and the class of the final
 * vowel. "محمد رضایی" and "Mohammad Rezaei" both give "mhmd rzI".
 *
 * Evaluated alternatives: `transliteration` (CJS) maps Persian ک to "kh" and ض to "D" (Arabic values),
 * so Persian names do not meet their romanisations; `any-ascii` maps well but is ESM-only, which this
 * CommonJS codebase and its jest setup cannot load. Hence this small, Persian-oriented table.
 */
const PERSIAN_CONSONANTS: Record<string, string> = {
  ب: 'b',
  پ: 'p',
  ت: 't',
  ط: 't',
  ث: 's',
  س: 's',
  ص: 's',
  ج: 'j',
  چ: 'C',
  ح: 'h',
  خ: 'X',
  د: 'd',
  ذ: 'z',
  ز: 'z',
  ض: 'z',
  ظ: 'z',
  ر: 'r',
  ژ: 'J',
  ش: 'S',
  غ: 'Q',
  ق: 'Q',
  ف: 'f',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
};
/** Letters that write vowels (or a glottal stop romanisations drop). */
const PERSIAN_VOWELS = new Set(['ا', 'و', 'ی', 'ع', 'ء']);

type VowelClass = 'i' | 'u' | 'a' | 'e' | 'o' | '';

function classifyRun(run: string, final: boolean, persian: boolean): string {
  let cls: VowelClass = '';
  if (persian) {
    if (run.includes('ی')) cls = 'i';
    else if (run.includes('و')) cls = 'u';
    else if (final && run.endsWith('ه')) cls = run.includes('ا') ? 'a' : 'e';
    else if (final && run.includes('ا')) cls = 'a';
  } else {
    if (/[iy]/.test(run) || run.includes('ee')) cls = 'i';
    else if (/[uv]/.test(run) || run.includes('oo')) cls = 'u';
    else if (final) {
      const last = run.replace(/h$/, '').slice(-1);
      cls = last === 'a' ? 'a' : last === 'e' ? 'e' : last === 'o' ? 'o' : '';
    }
  }
  if (cls === '') return '';
  if (!final) return cls === 'i' ? 'Y' : cls === 'u' ? 'U' : '';
  return cls.toUpperCase();
}

function collapseDoubles(s: string): string {
  let out = '';
  for (const c of s) if (out[out.length - 1] !== c || c === 'Y' || c === 'U') out += c;
  return out;
}

function latinTokenSkeleton(token: string): string {
  const s = token
    .replace(/[^a-z]/g, '')
    .replace(/sh/g, 'S')
    .replace(/ch/g, 'C')
    .replace(/kh/g, 'X')
    .replace(/zh/g, 'J')
    .replace(/gh|q/g, 'Q')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/dh/g, 'z')
    .replace(/ck|c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v');
  if (s.length === 0) return '';
  const isVowel = (i: number): boolean => {
    const c = s[i];
    if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return true;
    if (i === 0) return false; // initial y and v are consonants (Yousefi, Vahid)
    if (c === 'y') return true;
    // v between vowels or at the end is the Persian و romanised (Mousavi, Javad, Davood)
    if (c === 'v') return i === s.length - 1 || 'aeiouy'.includes(s[i + 1] ?? '');
    // a final h after a vowel is the silent Persian ه (Fatemeh, Azadeh)
    if (c === 'h') return i === s.length - 1 && 'aeiou'.includes(s[i - 1]);
    return false;
  };
  let out = '';
  let i = 0;
  if (isVowel(0)) {
    out = 'V';
    while (i < s.length && isVowel(i)) i++;
  }
  while (i < s.length) {
    if (isVowel(i)) {
      let j = i;
      while (j < s.length && isVowel(j)) j++;
      out += classifyRun(s.slice(i, j), j === s.length, false);
      i = j;
    } else {
      out += s[i];
      i++;
    }
  }
  return collapseDoubles(out);
}

function persianTokenSkeleton(token: string): string {
  const chars = [...token].filter((c) => PERSIAN_CONSONANTS[c] !== undefined || PERSIAN_VOWELS.has(c));
  if (chars.length === 0) return '';
  const n = chars.length;
  // ه is a vowel only at the end of a word (Fatemeh فاطمه), a consonant elsewhere (Mehdi مهدی).
  const isVowel = (i: number): boolean => {
    const c = chars[i];
    if (c === 'ه') return i === n - 1 && i > 0;
    if (i === 0 && (c === 'و' || c === 'ی')) return false;
    return PERSIAN_VOWELS.has(c);
  };
  let out = '';
  let i = 0;
  if (isVowel(0)) {
    out = 'V';
    while (i < n && isVowel(i)) i++;
  }
  while (i < n) {
    if (isVowel(i)) {
      let j = i;
      while (j < n && isVowel(j)) j++;
      out += classifyRun(chars.slice(i, j).join(''), j === n, true);
      i = j;
    } else {
      const c = chars[i];
      out += i === 0 && c === 'و' ? 'v' : i === 0 && c === 'ی' ? 'y' : PERSIAN_CONSONANTS[c];
      i++;
    }
  }
  return collapseDoubles(out);
}

/** Phonetic skeleton of one folded token, comparable across Latin and Persian script. */
export function tokenSkeleton(foldedToken: string): string {
  return ARABIC_LETTER_RE.test(foldedToken)
    ? persianTokenSkeleton(foldedToken)
    : latinTokenSkeleton(foldedToken);
}

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

export interface NormalizedName {
  /** The name as entered, trimmed. */
  display: string;
  script: Script;
  /** Folded tokens without titles. */
  tokens: string[];
  /** Tokens joined without separator: "Anna-Maria", "Anna Maria" and "AnnaMaria" meet here. */
  key: string;
  /** Cross-script phonetic key of the tokens, joined without separator. */
  skeleton: string;
  /** Indexes into NICKNAME_GROUPS of every token. */
  nicknameGroups: number[];
  /**
   * Double Metaphone primary code of the Latin-script key ("" for other scripts): names that sound alike
   * (Thompson, Thomson; Sophie, Sofie) share it, for comparison levels and phonetic blocking.
   */
  phonetic: string;
}

const TITLES = new Set(NAME_TITLES.map((t) => foldText(t)));

function compactKey(text: string): string {
  return tokenize(foldText(text)).join('');
}

const NICKNAME_INDEX: Map<string, number[]> = (() => {
  const index = new Map<string, number[]>();
  NICKNAME_GROUPS.forEach((group, g) => {
    for (const name of group) {
      const key = compactKey(name);
      const list = index.get(key) ?? [];
      if (!list.includes(g)) list.push(g);
      index.set(key, list);
    }
  });
  return index;
})();

const KNOWN_GIVEN = new Set<string>([
  ...Object.values(GIVEN_NAMES).flatMap((l) => [...l.male, ...l.female].map(compactKey)),
  ...PERSIAN_GIVEN_ROMANISED.map(compactKey),
  ...NICKNAME_GROUPS.flat().map(compactKey),
]);
const KNOWN_FAMILY = new Set<string>(Object.values(FAMILY_NAMES).flatMap((l) => l.map(compactKey)));

/** True when the key (folded) is a common given name in one of the supported markets. */
export function isKnownGivenName(key: string): boolean {
  return KNOWN_GIVEN.has(key);
}

/** True when the key (folded) is a common family name in one of the supported markets. */
export function isKnownFamilyName(key: string): boolean {
  return KNOWN_FAMILY.has(key) || KNOWN_FAMILY.has(masculineFamilyForm(key));
}

const nameCache = new Map<string, NormalizedName | null>();

/** One name field (given or family), or null when it has no letters. The result is shared: do not mutate. */
export function normalizeNamePart(raw: string | undefined | null): NormalizedName | null {
  if (raw === undefined || raw === null) return null;
  const cached = nameCache.get(raw);
  if (cached !== undefined) return cached;
  const result = normalizeNameUncached(raw);
  // Names repeat a lot (a few thousand distinct ones per 100,000 profiles); bounded all the same.
  if (nameCache.size > 100_000) nameCache.clear();
  nameCache.set(raw, result);
  return result;
}

/** Double Metaphone primary code of a folded Latin-script word; "" for anything else. */
function soundOf(key: string): string {
  return /^[a-z]+$/.test(key) ? doubleMetaphone(key)[0] : '';
}

function normalizeNameUncached(raw: string): NormalizedName | null {
  const display = raw.trim().replace(/\s+/g, ' ');
  const folded = foldText(display);
  let tokens = tokenize(folded);
  const withoutTitles = tokens.filter((t) => !TITLES.has(t));
  if (withoutTitles.length > 0) tokens = withoutTitles;
  tokens = tokens.filter((t) => /\p{L}/u.test(t));
  if (tokens.length === 0) return null;
  const groups = new Set<number>();
  for (const t of tokens) for (const g of NICKNAME_INDEX.get(t) ?? []) groups.add(g);
  const whole = NICKNAME_INDEX.get(tokens.join(''));
  if (whole) for (const g of whole) groups.add(g);
  const script = detectScript(tokens.join(' '));
  const key = tokens.join('');
  return {
    display,
    script,
    tokens,
    key: tokens.join(''),
    skeleton: tokens.map(tokenSkeleton).join(''),
    nicknameGroups: [...groups],
    phonetic: soundOf(key),
  };
}

export type NameOrder = 'given-first' | 'family-first' | 'unknown';

/**
 * Splits a full name written in one field. Hungarian (and East Asian) order puts the family name first
 * ("Kovács Péter"); we recognise it when the last token is a known given name and the first is not.
 */
export function parseFullName(full: string): { givenName?: string; familyName?: string; order: NameOrder } {
  const parts = full
    .trim()
    .split(/\s+/)
    .filter((p) => compactKey(p).length > 0 && !TITLES.has(compactKey(p)));
  if (parts.length === 0) return { order: 'unknown' };
  if (parts.length === 1) return { givenName: parts[0], order: 'unknown' };
  const first = compactKey(parts[0]);
  const last = compactKey(parts[parts.length - 1]);
  const firstGiven = isKnownGivenName(first);
  const lastGiven = isKnownGivenName(last);
  const firstFamily = isKnownFamilyName(first);
  const lastFamily = isKnownFamilyName(last);
  if ((lastGiven && !firstGiven) || (firstFamily && !lastFamily && !firstGiven)) {
    return { familyName: parts[0], givenName: parts.slice(1).join(' '), order: 'family-first' };
  }
  return {
    givenName: parts.slice(0, -1).join(' '),
    familyName: parts[parts.length - 1],
    order: firstGiven || lastFamily ? 'given-first' : 'unknown',
  };
}

export interface NormalizedPersonName {
  given: NormalizedName | null;
  family: NormalizedName | null;
  /** family-first when the input had the names the other way round (or in one field, family first). */
  order: NameOrder;
}

/**
 * Given and family name, with the order recognised: a full name in one field is split, and a family
 * name typed into the given-name field (and vice versa) is swapped back when both are recognisable.
 */
export function normalizePersonName(givenName?: string, familyName?: string): NormalizedPersonName {
  let given = normalizeNamePart(givenName);
  let family = normalizeNamePart(familyName);
  if (given && !family && given.tokens.length > 1) {
    const parsed = parseFullName(given.display);
    return {
      given: normalizeNamePart(parsed.givenName),
      family: normalizeNamePart(parsed.familyName),
      order: parsed.order,
    };
  }
  if (family && !given && family.tokens.length > 1) {
    const parsed = parseFullName(family.display);
    return {
      given: normalizeNamePart(parsed.givenName),
      family: normalizeNamePart(parsed.familyName),
      order: parsed.order,
    };
  }
  if (given && family) {
    const swapped =
      isKnownFamilyName(given.key) &&
      isKnownGivenName(family.key) &&
      !isKnownGivenName(given.key) &&
      !isKnownFamilyName(family.key);
    if (swapped) {
      [given, family] = [family, given];
      return { given, family, order: 'family-first' };
    }
  }
  return { given, family, order: 'unknown' };
}

/** True when the two names are forms of one given name (nickname table). */
export function sharesNicknameGroup(a: NormalizedName, b: NormalizedName): boolean {
  for (const g of a.nicknameGroups) if (b.nicknameGroups.includes(g)) return true;
  return false;
}

/** The masculine (family) form of a Polish family name: Kowalska → kowalski, Czarnecka → czarnecki. */
export function masculineFamilyForm(foldedKey: string): string {
  return foldedKey.replace(/(sk|ck|dzk)a$/, '$1i');
}

/**
 * Family-name key for household grouping: a wife's or daughter's form of the family's name maps to the
 * family's (Polish Kowalska → kowalski; Hungarian Kovácsné, "Mrs Kovács", → kovacs).
 */
export function householdFamilyKey(name: NormalizedName): string {
  const display = name.display.normalize('NFC').toLowerCase();
  const key = display.endsWith('né') && name.key.length > 4 ? name.key.slice(0, -2) : name.key;
  return masculineFamilyForm(key);
}

// ---------------------------------------------------------------------------------------------------
// Emails
// ---------------------------------------------------------------------------------------------------

/**
 * Trimmed, lower-cased address; provider rules (Gmail dots, +tags, domain aliases) only when
 * configured. Null when it is not an address.
 */
export function normalizeEmail(
  raw: string | undefined | null,
  rules: IdentityConfig['email'] = DEFAULT_IDENTITY_CONFIG.email,
): string | null {
  if (!raw) return null;
  const s = raw
    .normalize('NFKC')
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1 || /\s/.test(s)) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1).replace(/\.$/, '');
  if (!/^[^@.][^@]*\.[^@]+$/.test(domain) || local.includes('@')) return null;
  domain = rules.domainAliases[domain] ?? domain;
  if (rules.plusTagDomains.includes(domain)) local = local.split('+')[0];
  if (rules.gmailIgnoreDots && domain === 'gmail.com') local = local.replace(/\./g, '');
  if (local.length === 0) return null;
  return `${local}@${domain}`;
}

// ---------------------------------------------------------------------------------------------------
// Phones
// ---------------------------------------------------------------------------------------------------

export interface NormalizedPhone {
  e164: string;
  /** National significant number: what edit distance compares (no country code, no trunk prefix). */
  nationalNumber: string;
  countryCallingCode: string;
  /** landline per config.phone.landlineTypes; mobile; other (VoIP, FIXED_LINE_OR_MOBILE, unknown). */
  kind: 'landline' | 'mobile' | 'other';
  /** libphonenumber's verdict; a possible-but-invalid number is kept (it may be a typo of a real one). */
  valid: boolean;
}

interface ParsedPhone {
  e164: string;
  nationalNumber: string;
  countryCallingCode: string;
  type: string | undefined;
}

const phoneCache = new Map<string, ParsedPhone | null>();

function parsePhone(raw: string, region: string | null): ParsedPhone | null {
  const cacheKey = `${region}\u0000${raw}`;
  const cached = phoneCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const text = toAsciiDigits(raw.normalize('NFKC')).trim();
  let result: ParsedPhone | null = null;
  const parsed = /\d/.test(text)
    ? parsePhoneNumberFromString(text, (region ?? undefined) as CountryCode | undefined)
    : undefined;
  if (parsed && parsed.isPossible()) {
    result = {
      e164: parsed.number,
      nationalNumber: parsed.nationalNumber,
      countryCallingCode: parsed.countryCallingCode,
      type: parsed.getType(),
    };
  }
  // A bounded memo: the same numbers recur across duplicates and households.
  if (phoneCache.size > 20_000) phoneCache.clear();
  phoneCache.set(cacheKey, result);
  return result;
}

/** E.164 via libphonenumber-js; national numbers are read in `region`. Null when not a phone number. */
export function normalizePhone(
  raw: string | undefined | null,
  /** null: only numbers with a country code are read. */
  region: string | null = DEFAULT_IDENTITY_CONFIG.phone.defaultRegion,
  landlineTypes: readonly string[] = DEFAULT_IDENTITY_CONFIG.phone.landlineTypes,
): NormalizedPhone | null {
  if (!raw) return null;
  const parsed = parsePhone(raw, region);
  if (!parsed) return null;
  const { type } = parsed;
  return {
    e164: parsed.e164,
    nationalNumber: parsed.nationalNumber,
    countryCallingCode: parsed.countryCallingCode,
    kind: type && landlineTypes.includes(type) ? 'landline' : type === 'MOBILE' ? 'mobile' : 'other',
    // getType() matches the number against the type patterns; a valid number is one that has a type,
    // so isValid() would only repeat the same matching.
    valid: type !== undefined,
  };
}

// ---------------------------------------------------------------------------------------------------
// Postal addresses
// ---------------------------------------------------------------------------------------------------

export interface NormalizedAddress {
  /** Street name with its type word canonical: "fo utca" for "Fő u.", "ulica dluga" for "ul. Długa". */
  street: string;
  /** Street name without type words, for fuzzy comparison ("dluga"). */
  streetCore: string;
  /** Double Metaphone of the street core (Latin script) or the core itself: streets that sound alike. */
  streetSound: string;
  /** "12A" for "12/a", "12 A", "12a". */
  houseNumber: string;
  /** Leading digits of the house number ("12"). */
  houseNumberBase: string;
  city: string;
  /** Upper case without spaces or hyphens: "00-950" → "00950", "SW1A 1AA" → "SW1A1AA". */
  postcode: string;
  region: string;
  /** ISO 3166-1 alpha-2 when recognised, else the folded text. */
  country: string;
}

function foldPlace(text: string | undefined): string {
  return text ? tokenize(foldText(text)).join(' ') : '';
}

/** ISO alpha-2 code of a country name or code; empty when unknown. */
export function normalizeCountry(raw: string | undefined): string {
  if (!raw) return '';
  const folded = foldPlace(raw);
  const alias = COUNTRY_ALIASES[folded];
  if (alias) return alias;
  return /^[a-z]{2}$/.test(folded) ? folded.toUpperCase() : folded;
}

function normalizeHouseNumber(raw: string): string {
  return foldText(raw)
    .toUpperCase()
    .replace(/^(NO|NR|N)\.?\s*/, '')
    .replace(/[\s.-]+/g, '')
    .replace(/(\d)\/([A-Z])/g, '$1$2')
    .replace(/\/$/, '');
}

/** Street, number, city, postcode, region and country; null when none of street, postcode, city. */
export function normalizeAddress(input: PostalAddressInput | undefined | null): NormalizedAddress | null {
  if (!input) return null;
  let streetText = foldText(input.street ?? '').trim();
  let houseNumber = input.houseNumber ? normalizeHouseNumber(input.houseNumber) : '';
  // "Fő u. 12/a", "12 Baker Street", "... پلاک 12": a number inside the street field is the house number.
  if (!houseNumber) {
    const trailing = /^(.*\D)\s(\d+(?:\s*[/-]?\s*[a-z0-9]{1,3})?)\.?$/u.exec(streetText);
    const leading = /^(\d+[a-z]?)[\s,]+(\D.*)$/u.exec(streetText);
    if (trailing) {
      streetText = trailing[1];
      houseNumber = normalizeHouseNumber(trailing[2]);
    } else if (leading) {
      streetText = leading[2];
      houseNumber = normalizeHouseNumber(leading[1]);
    }
  }
  // Postcode and city typed into each other's fields: a postcode has digits, a city name has none.
  let city = input.city;
  let postcode = input.postcode;
  if (city && postcode && /\d/.test(city) && !/\d/.test(toAsciiDigits(postcode)))
    [city, postcode] = [postcode, city];
  const streetTokens = tokenize(streetText);
  const canonical = streetTokens.map((t) => STREET_TYPES[t] ?? t).filter((t) => t !== 'پلاک');
  const core = streetTokens.filter((t) => STREET_TYPES[t] === undefined);
  const address: NormalizedAddress = {
    street: canonical.join(' '),
    streetCore: core.join(' '),
    streetSound: soundOf(core.join('')),
    houseNumber,
    houseNumberBase: /^\d+/.exec(houseNumber)?.[0] ?? '',
    city: foldPlace(city),
    postcode: postcode
      ? toAsciiDigits(postcode)
          .toUpperCase()
          .replace(/[\s-]+/g, '')
      : '',
    region: foldPlace(input.region),
    country: normalizeCountry(input.country),
  };
  if (!address.street && !address.postcode && !address.city) return null;
  return address;
}

/** One string identifying the dwelling, or null when street, number and a place are not all known. */
export function addressKey(a: NormalizedAddress | null): string | null {
  if (!a || !a.street || !a.houseNumber || (!a.postcode && !a.city)) return null;
  return [a.country, a.postcode || a.city, a.street, a.houseNumber].join('|');
}

// ---------------------------------------------------------------------------------------------------
// Birth dates
// ---------------------------------------------------------------------------------------------------

export interface NormalizedBirthDate {
  year: number;
  month?: number;
  day?: number;
  precision: 'year' | 'month' | 'day';
  /** YYYY, YYYY-MM or YYYY-MM-DD (Gregorian). */
  iso: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const persianFormatter = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** Gregorian date of a Solar Hijri (Persian calendar) date, using ICU's Persian calendar. */
function persianToGregorian(year: number, month: number, day: number): Date | null {
  // 1 Farvardin falls on 20, 21 or 22 March of year + 621.
  for (let d = 19; d <= 23; d++) {
    const candidate = new Date(Date.UTC(year + 621, 2, d));
    const parts = persianFormatter.formatToParts(candidate);
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    if (get('year') === year && get('month') === 1 && get('day') === 1) {
      const offset = (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
      return new Date(candidate.getTime() + offset * 86_400_000);
    }
  }
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Birth dates as YYYY-MM-DD, YYYY-MM or YYYY; also "1985. 03. 12." (Hungarian), "12.03.1985" (day
 * first) and Solar Hijri dates such as "۱۳۶۴/۰۵/۱۲" (years 1300–1420 are read as Persian calendar).
 * Null for anything else or an impossible date.
 */
export function normalizeBirthDate(raw: string | undefined | null): NormalizedBirthDate | null {
  if (!raw) return null;
  const s = toAsciiDigits(raw.normalize('NFKC')).trim().replace(/\.\s*/g, '.').replace(/\.$/, '');
  let year: number;
  let month: number | undefined;
  let day: number | undefined;
  let m = /^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?$/.exec(s);
  if (m) {
    year = Number(m[1]);
    month = m[2] !== undefined ? Number(m[2]) : undefined;
    day = m[3] !== undefined ? Number(m[3]) : undefined;
  } else {
    m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
    if (!m) return null;
    day = Number(m[1]);
    month = Number(m[2]);
    year = Number(m[3]);
  }
  // A month above 12 with a day that could be a month: day and month were written the other way round.
  if (month !== undefined && month > 12 && day !== undefined && day >= 1 && day <= 12) {
    [day, month] = [month, day];
  }
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (year >= 1300 && year <= 1420) {
    if (month === undefined) return birthDate(year + 621, undefined, undefined);
    if (day === undefined) day = 1;
    if (day < 1 || day > (month <= 6 ? 31 : month <= 11 ? 30 : 30)) return null;
    const g = persianToGregorian(year, month, day);
    if (!g) return null;
    const partial = m[3] === undefined && /^\d{4}/.test(s);
    year = g.getUTCFullYear();
    const gm = g.getUTCMonth() + 1;
    if (partial) return birthDate(year, gm, undefined);
    month = gm;
    day = g.getUTCDate();
  }
  if (year < 1850 || year > 2100) return null;
  if (month === undefined) return birthDate(year, undefined, undefined);
  if (day === undefined) return birthDate(year, month, undefined);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return birthDate(year, month, day);
}

/** Always the same object shape (every property set), which keeps the comparison code monomorphic. */
function birthDate(year: number, month: number | undefined, day: number | undefined): NormalizedBirthDate {
  if (month === undefined)
    return { year, month: undefined, day: undefined, precision: 'year', iso: String(year) };
  if (day === undefined)
    return { year, month, day: undefined, precision: 'month', iso: `${year}-${pad(month)}` };
  return { year, month, day, precision: 'day', iso: `${year}-${pad(month)}-${pad(day)}` };
}

// ---------------------------------------------------------------------------------------------------
// Whole profiles
// ---------------------------------------------------------------------------------------------------

export interface NormalizedProfile {
  id: string;
  given: NormalizedName | null;
  family: NormalizedName | null;
  nameOrder: NameOrder;
  emails: string[];
  /** Phones that can identify one person (mobile and other), E.164. */
  personalPhones: NormalizedPhone[];
  /** Phones of a type shared by a household (config.phone.landlineTypes). */
  landlines: NormalizedPhone[];
  externalIds: string[];
  deviceIds: string[];
  address: NormalizedAddress | null;
  birthDate: NormalizedBirthDate | null;
  /**
   * The eight digits of a full birth date (YYYYMMDD), also of one that is impossible as a date
   * (1985-13-42): a mistyped date is still close to the right one, so it is compared digit by digit.
   */
  birthDigits: string;
}

/** YYYYMMDD of a date written year first with two-digit month and day, possible or not; else "". */
export function birthDateDigits(raw: string | undefined | null): string {
  if (!raw) return '';
  const m = /^(\d{4})[-./ ]?(\d{2})[-./ ]?(\d{2})\.?$/.exec(toAsciiDigits(raw.normalize('NFKC')).trim());
  return m ? `${m[1]}${m[2]}${m[3]}` : '';
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniquePhones(phones: NormalizedPhone[]): NormalizedPhone[] {
  const seen = new Set<string>();
  return phones.filter((p) => (seen.has(p.e164) ? false : (seen.add(p.e164), true)));
}

/** Every attribute of a profile normalized; unusable values are dropped. */
export function normalizeProfile(profile: IdentityProfile, config: IdentityConfig): NormalizedProfile {
  const name = normalizePersonName(profile.givenName, profile.familyName);
  const address = normalizeAddress(profile.address);
  const birthDate = normalizeBirthDate(profile.birthDate);
  const country = address?.country;
  const region = country && /^[A-Z]{2}$/.test(country) ? country : config.phone.defaultRegion;
  const phones = uniquePhones(
    (profile.phones ?? [])
      .map((p) => normalizePhone(p, region, config.phone.landlineTypes))
      .filter((p): p is NormalizedPhone => p !== null),
  );
  return {
    id: profile.id,
    given: name.given,
    family: name.family,
    nameOrder: name.order,
    emails: unique(
      (profile.emails ?? []).map((e) => normalizeEmail(e, config.email)).filter((e): e is string => !!e),
    ),
    personalPhones: phones.filter((p) => p.kind !== 'landline'),
    landlines: phones.filter((p) => p.kind === 'landline'),
    externalIds: unique((profile.externalIds ?? []).map((x) => x.normalize('NFKC').trim()).filter(Boolean)),
    deviceIds: unique((profile.deviceIds ?? []).map((x) => x.trim().toLowerCase()).filter(Boolean)),
    address,
    birthDate,
    birthDigits:
      birthDate?.precision === 'day' ? birthDate.iso.replace(/-/g, '') : birthDateDigits(profile.birthDate),
  };
}
