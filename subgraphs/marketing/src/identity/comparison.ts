import type { IdentityConfig } from './config';
import {
  isKnownGivenName,
  sharesNicknameGroup,
  type NormalizedAddress,
  type NormalizedBirthDate,
  type NormalizedName,
  type NormalizedProfile,
} from './normalize';
import { jaroWinkler, osaDistance, withinOneEdit } from './string-distance';
import type { ComparisonName } from './types';

/*
 * Comparison levels, as in Splink: each attribute of a pair falls into exactly one level, from the
 * strongest agreement to "else". A missing value on either side is the null level (-1): it says
 * nothing, so it contributes no weight. The Fellegi–Sunter model learns how often each level occurs
 * among true matches (m) and among non-matches (u).
 */

export interface LevelDefinition {
  id: string;
  description: string;
}

export interface ComparisonDefinition {
  name: ComparisonName;
  description: string;
  /** Non-null levels, strongest first; the last is always "else". */
  levels: LevelDefinition[];
  /** Exact matches are weighted by the value's frequency (rare names say more than common ones). */
  termFrequency: boolean;
}

export const NULL_LEVEL = -1;

/** Comparison indexes into a level vector. */
export const GIVEN = 0;
export const FAMILY = 1;
export const BIRTH = 2;
export const EMAIL = 3;
export const PHONE = 4;
export const ADDRESS = 5;
export const COMPARISON_COUNT = 6;

/** Name levels (given and family name), strongest first. */
export const NAME_LEVEL = { exact: 0, equivalent: 1, typo: 2, similar: 3, initial: 4, else: 5 } as const;
/** Birth date levels, strongest first. */
export const BIRTH_LEVEL = {
  exact: 0,
  partial: 1,
  transposed: 2,
  typo: 3,
  near: 4,
  else: 5,
} as const;

export function comparisonDefinitions(config: IdentityConfig): ComparisonDefinition[] {
  const { jaroWinklerHigh: high, jaroWinklerLow: low } = config.names;
  const nameLevels = (what: string, distinct: string): LevelDefinition[] => [
    { id: 'exact', description: `${what} identical (ignoring case, accents, spacing)` },
    {
      id: 'equivalent',
      description: `${what} equivalent: nickname, same name in another script, or one name part of the other`,
    },
    {
      id: 'typo',
      description: `${what} one edit apart, Jaro–Winkler ≥ ${high}, or sounding alike (Double Metaphone) with Jaro–Winkler ≥ ${low}`,
    },
    { id: 'similar', description: `${what} Jaro–Winkler ≥ ${low} or two edits apart${distinct}` },
    { id: 'initial', description: `one of the ${what} is an initial, the other starts with it` },
    { id: 'else', description: `${what} different` },
  ];
  return [
    {
      name: 'givenName',
      description: 'Given name',
      levels: nameLevels('given names', ' (two different common names, e.g. Emma and Ella, are else)'),
      termFrequency: true,
    },
    {
      name: 'familyName',
      description: 'Family name',
      levels: nameLevels('family names', ''),
      termFrequency: true,
    },
    {
      name: 'birthDate',
      description: 'Birth date',
      termFrequency: false,
      levels: [
        { id: 'exact', description: 'same full birth date' },
        { id: 'partial', description: 'one date partial (year or year-month) and consistent with the other' },
        { id: 'transposed', description: 'day and month transposed' },
        { id: 'typo', description: 'one digit mistyped, or two adjacent digits swapped' },
        { id: 'near', description: 'two of year, month and day equal, or two digits mistyped or swapped' },
        { id: 'else', description: 'different birth dates' },
      ],
    },
    {
      name: 'email',
      description: 'Email',
      termFrequency: false,
      // No "similar local part" level: local parts are built from names (peter.kovacs85), so they agree
      // whenever names agree, and counting them again double-counts the name evidence.
      levels: [
        { id: 'exact', description: 'a normalized email in common' },
        { id: 'else', description: 'no email in common' },
      ],
    },
    {
      name: 'phone',
      description: 'Personal phone',
      termFrequency: false,
      levels: [
        { id: 'exact', description: 'a personal phone number in common (E.164)' },
        { id: 'one-edit', description: 'phone numbers one digit apart (mistyped or two digits swapped)' },
        { id: 'else', description: 'different phone numbers' },
      ],
    },
    {
      name: 'address',
      description: 'Postal address',
      termFrequency: false,
      levels: [
        { id: 'exact', description: 'same street, house number and postcode (or city)' },
        {
          id: 'same-street',
          description: 'same street and postcode (or city); house number missing or one edit apart',
        },
        {
          id: 'near',
          description: 'street or postcode mistyped (Jaro–Winkler ≥ 0.88 / one edit), number equal',
        },
        { id: 'same-postcode', description: 'same postcode, or same city and a similar street' },
        { id: 'same-city', description: 'same city only' },
        { id: 'else', description: 'different addresses' },
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Prepared profiles: normalized values laid out for fast pairwise comparison
// ---------------------------------------------------------------------------------------------------

export interface PreparedProfile {
  index: number;
  profile: NormalizedProfile;
  given: NormalizedName | null;
  family: NormalizedName | null;
  /** Interned ids of the names and street (-1 when absent), for the similarity caches. */
  givenId: number;
  familyId: number;
  streetId: number;
  cityId: number;
  /** Emails that count as evidence (over-shared ones removed), and their interned ids. */
  emails: string[];
  emailIds: number[];
  /** Personal phones (E.164) that count as evidence. */
  phones: string[];
  address: NormalizedAddress | null;
  birthDate: NormalizedBirthDate | null;
  /** YYYYMMDD, also of an impossible date (see NormalizedProfile.birthDigits); "" when unknown. */
  birthDigits: string;
}

/**
 * Interns names and streets to small integers, so that similarity results can be cached per pair of
 * distinct values: 100,000 profiles have a few thousand distinct names, and the same two names meet
 * again and again.
 */
export class ValueInterner {
  private readonly names = new Map<string, number>();
  private readonly streets = new Map<string, number>();
  private readonly cities = new Map<string, number>();
  private readonly emails = new Map<string, number>();

  private static id(map: Map<string, number>, value: string): number {
    let id = map.get(value);
    if (id === undefined) {
      id = map.size;
      map.set(value, id);
    }
    return id;
  }

  /** Names are interned by their token key: "Anna Maria" and "anna-maria" are one value. */
  name(n: NormalizedName): number {
    return ValueInterner.id(this.names, n.tokens.length === 1 ? n.tokens[0] : n.tokens.join(' '));
  }

  street(s: string): number {
    return ValueInterner.id(this.streets, s);
  }

  city(c: string): number {
    return ValueInterner.id(this.cities, c);
  }

  email(e: string): number {
    return ValueInterner.id(this.emails, e);
  }
}

/**
 * @param isOverShared identifiers carried by more profiles than their limit are no evidence at all:
 *   an office's info@ address must not make its staff look alike.
 */
export function prepareForComparison(
  profile: NormalizedProfile,
  index: number,
  interner: ValueInterner,
  isOverShared: (kind: 'email' | 'phone', value: string) => boolean = () => false,
): PreparedProfile {
  const nameId = (n: NormalizedName | null): number => (n ? interner.name(n) : -1);
  const street = profile.address?.street ?? '';
  const emails = profile.emails.filter((e) => !isOverShared('email', e));
  return {
    index,
    profile,
    given: profile.given,
    family: profile.family,
    givenId: nameId(profile.given),
    familyId: nameId(profile.family),
    streetId: street ? interner.street(street) : -1,
    cityId: profile.address?.city ? interner.city(profile.address.city) : -1,
    emails,
    emailIds: emails.map((e) => interner.email(e)),
    phones: profile.personalPhones.map((p) => p.e164).filter((p) => !isOverShared('phone', p)),
    address: profile.address,
    birthDate: profile.birthDate,
    birthDigits: profile.birthDigits,
  };
}

// ---------------------------------------------------------------------------------------------------
// Level functions
// ---------------------------------------------------------------------------------------------------

/**
 * Name level (NAME_LEVEL): exact, equivalent (nickname, other script, one name part of the other), typo,
 * similar, initial, else. Typo-aware on purpose: a mistyped, misheard or OCR-misread name is evidence for
 * the same person, only weaker than an exact one.
 */
export function nameLevel(a: NormalizedName, b: NormalizedName, high: number, low: number): number {
  if (a.key === b.key) return NAME_LEVEL.exact;
  if (sharesNicknameGroup(a, b)) return NAME_LEVEL.equivalent;
  const aArabic = a.script === 'arabic';
  if (aArabic !== (b.script === 'arabic')) {
    // Different scripts: only the phonetic skeleton can compare them, and it is coarse, so a close
    // skeleton never counts for more than the similar level.
    if (a.skeleton.length > 0 && a.skeleton === b.skeleton) return NAME_LEVEL.equivalent;
    return a.skeleton.length > 1 && jaroWinkler(a.skeleton, b.skeleton) >= high
      ? NAME_LEVEL.similar
      : NAME_LEVEL.else;
  }
  if (a.tokens.length !== b.tokens.length) {
    const [short, long] = a.tokens.length < b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
    if (short.every((t) => long.includes(t))) return NAME_LEVEL.equivalent;
  }
  if (a.key.length === 1 || b.key.length === 1) {
    return a.key[0] === b.key[0] ? NAME_LEVEL.initial : NAME_LEVEL.else;
  }
  const jw = jaroWinkler(a.key, b.key);
  if (jw >= high || withinOneEdit(a.key, b.key)) return NAME_LEVEL.typo;
  if (jw >= low && a.phonetic !== '' && a.phonetic === b.phonetic) return NAME_LEVEL.typo;
  if (jw >= low) return NAME_LEVEL.similar;
  if (Math.min(a.key.length, b.key.length) >= 5 && osaDistance(a.key, b.key) <= 2) return NAME_LEVEL.similar;
  return NAME_LEVEL.else;
}

/** Birth date level (BIRTH_LEVEL): exact, partial, transposed, typo, near, else. */
export function birthDateLevel(a: NormalizedBirthDate, b: NormalizedBirthDate): number {
  if (a.precision === 'day' && b.precision === 'day') {
    if (a.iso === b.iso) return BIRTH_LEVEL.exact;
    if (a.year === b.year && a.day === b.month && a.month === b.day) return BIRTH_LEVEL.transposed;
    if (withinOneEdit(a.iso, b.iso)) return BIRTH_LEVEL.typo;
    const equal = (a.year === b.year ? 1 : 0) + (a.month === b.month ? 1 : 0) + (a.day === b.day ? 1 : 0);
    return equal === 2 || osaDistance(a.iso, b.iso) <= 2 ? BIRTH_LEVEL.near : BIRTH_LEVEL.else;
  }
  if (a.year !== b.year) return BIRTH_LEVEL.else;
  if (a.month !== undefined && b.month !== undefined && a.month !== b.month) return BIRTH_LEVEL.else;
  return BIRTH_LEVEL.partial;
}

/**
 * Level of two birth dates of which at least one is impossible (month 13, day 42): a mistyped date one
 * or two digits from the other is evidence; anything further says nothing (the date is unreliable).
 */
function impossibleDateLevel(a: string, b: string): number {
  const d = osaDistance(a, b);
  return d <= 1 ? BIRTH_LEVEL.typo : d <= 2 ? BIRTH_LEVEL.near : NULL_LEVEL;
}

/** Email level 0..1 (exact, else), on interned ids. */
function emailLevel(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return 0;
  return 1;
}

/** Phone level 0..2 (exact, one edit, else). */
function phoneLevel(a: string[], b: string[]): number {
  let best = 2;
  for (const x of a) {
    for (const y of b) {
      if (x === y) return 0;
      if (best > 1 && x.length === y.length && withinOneEdit(x, y)) best = 1;
    }
  }
  return best;
}

/** Address levels, strongest first. */
export const ADDRESS_LEVEL = {
  exact: 0,
  sameStreet: 1,
  near: 2,
  samePostcode: 3,
  sameCity: 4,
  else: 5,
} as const;

const enum Place {
  Same,
  Near,
  Differ,
}

/** Similarity of two streets: the better of their cores ("bush") and their full forms ("bush terrace"). */
export function streetSimilarity(a: NormalizedAddress, b: NormalizedAddress): number {
  const core = jaroWinkler(a.streetCore || a.street, b.streetCore || b.street);
  return core >= 0.999 ? core : Math.max(core, jaroWinkler(a.street, b.street));
}

/**
 * Address level (ADDRESS_LEVEL) from three parts, each typo-tolerant: the place (postcode, else city;
 * near when the postcode is one edit away or the city name is mistyped), the street (same, or similar
 * at Jaro–Winkler ≥ 0.88) and the house number (same, or one edit). Street similarity comes from `ctx`'s
 * cache when given.
 */
export function addressLevel(
  a: NormalizedAddress,
  b: NormalizedAddress,
  ctx?: ComparisonContext,
  streetIdA = -1,
  streetIdB = -1,
  cityIdA = -1,
  cityIdB = -1,
): number {
  if (a.country && b.country && a.country !== b.country) return ADDRESS_LEVEL.else;
  const bothPostcodes = a.postcode !== '' && b.postcode !== '';
  const bothCities = a.city !== '' && b.city !== '';
  const samePostcode = bothPostcodes && a.postcode === b.postcode;
  const sameCity = bothCities && a.city === b.city;
  const nearCity =
    bothCities &&
    (sameCity ||
      (ctx && cityIdA >= 0 && cityIdB >= 0
        ? ctx.placeSimilarity(cityIdA, a.city, cityIdB, b.city)
        : jaroWinkler(a.city, b.city)) >= NEAR_CITY_SIMILARITY);
  const nearPostcode =
    bothPostcodes && a.postcode.length === b.postcode.length && withinOneEdit(a.postcode, b.postcode);
  const place =
    samePostcode || (!bothPostcodes && sameCity)
      ? Place.Same
      : nearPostcode || nearCity
        ? Place.Near
        : Place.Differ;
  const bothStreets = a.street !== '' && b.street !== '';
  // "Długa 5" and "ul. Długa 5" are one street; "Fő utca" and "Fő tér" are two.
  const sameStreet =
    bothStreets &&
    (a.street === b.street ||
      (a.streetCore !== '' &&
        a.streetCore === b.streetCore &&
        (a.street === a.streetCore || b.street === b.streetCore)));
  const similarStreet =
    sameStreet ||
    (bothStreets &&
      (ctx && streetIdA >= 0 && streetIdB >= 0
        ? ctx.streetSimilarity(streetIdA, a, streetIdB, b)
        : streetSimilarity(a, b)) >= 0.88);
  const bothNumbers = a.houseNumber !== '' && b.houseNumber !== '';
  const sameNumber = bothNumbers && a.houseNumber === b.houseNumber;
  const nearNumber = !bothNumbers || sameNumber || withinOneEdit(a.houseNumber, b.houseNumber);
  if (place === Place.Same) {
    if (sameStreet && sameNumber) return ADDRESS_LEVEL.exact;
    if ((sameStreet && nearNumber) || (similarStreet && sameNumber)) return ADDRESS_LEVEL.sameStreet;
    // A street missing on one side with the same number may well be the same dwelling.
    if ((similarStreet || !bothStreets) && (similarStreet ? nearNumber : sameNumber))
      return ADDRESS_LEVEL.near;
    return ADDRESS_LEVEL.samePostcode;
  }
  // Same street and number in a mistyped or missing place, or even a wrong one: strangers rarely share
  // a street name and a house number.
  if (similarStreet && sameNumber) return ADDRESS_LEVEL.near;
  if (place === Place.Near) {
    if (similarStreet && nearNumber && bothStreets) return ADDRESS_LEVEL.near;
    if (similarStreet || sameNumber) return ADDRESS_LEVEL.samePostcode;
    return ADDRESS_LEVEL.sameCity;
  }
  return ADDRESS_LEVEL.else;
}

/** Jaro–Winkler of two city names at or above which they are one city mistyped. */
const NEAR_CITY_SIMILARITY = 0.9;

// ---------------------------------------------------------------------------------------------------
// Pair comparison
// ---------------------------------------------------------------------------------------------------

const ALIGNMENT_SCORE = [1, 0.95, 0.85, 0.6, 0.3, 0];

/**
 * Open-addressing hash map from an unordered pair of small non-negative integers to a number, in typed
 * arrays: no allocation per lookup, unlike a Map keyed by numbers above 2^31. When full it starts over
 * (it is only a cache).
 */
export class PairCache {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Float64Array;
  private size = 0;
  private mask: number;

  constructor(
    initialCapacity = 1 << 16,
    private readonly maxCapacity = 1 << 22,
  ) {
    this.keysA = new Int32Array(initialCapacity).fill(-1);
    this.keysB = new Int32Array(initialCapacity);
    this.values = new Float64Array(initialCapacity);
    this.mask = initialCapacity - 1;
  }

  private slot(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0;
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.keysA[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The cached value, or NaN. */
  get(x: number, y: number): number {
    const a = x < y ? x : y;
    const b = x < y ? y : x;
    const i = this.slot(a, b);
    return this.keysA[i] === -1 ? NaN : this.values[i];
  }

  set(x: number, y: number, value: number): void {
    const a = x < y ? x : y;
    const b = x < y ? y : x;
    if ((this.size + 1) * 2 > this.keysA.length) this.grow();
    const i = this.slot(a, b);
    if (this.keysA[i] === -1) this.size++;
    this.keysA[i] = a;
    this.keysB[i] = b;
    this.values[i] = value;
  }

  private grow(): void {
    const oldA = this.keysA;
    const oldB = this.keysB;
    const oldV = this.values;
    const capacity = oldA.length < this.maxCapacity ? oldA.length * 2 : oldA.length;
    this.keysA = new Int32Array(capacity).fill(-1);
    this.keysB = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    if (capacity === oldA.length) return; // at the limit: start over
    for (let i = 0; i < oldA.length; i++) {
      if (oldA[i] === -1) continue;
      const j = this.slot(oldA[i], oldB[i]);
      this.keysA[j] = oldA[i];
      this.keysB[j] = oldB[i];
      this.values[j] = oldV[i];
      this.size++;
    }
  }
}

/** Settings and caches for comparing many pairs; create one per run (or per request). */
export class ComparisonContext {
  readonly jaroWinklerHigh: number;
  readonly jaroWinklerLow: number;
  private readonly givenCounts: Readonly<Record<string, number>>;
  private readonly commonCount: number;
  private readonly nameCache = new PairCache();
  private readonly givenCache = new PairCache();
  private readonly streetCache = new PairCache(1 << 14);
  private readonly placeCache = new PairCache(1 << 14);

  constructor(settings: ComparisonSettings) {
    this.jaroWinklerHigh = settings.jaroWinklerHigh;
    this.jaroWinklerLow = settings.jaroWinklerLow;
    this.givenCounts = settings.givenNameCounts ?? {};
    this.commonCount = settings.commonNameMinCount ?? 1;
  }

  nameLevel(idA: number, a: NormalizedName, idB: number, b: NormalizedName): number {
    if (idA === idB) return NAME_LEVEL.exact;
    const cached = this.nameCache.get(idA, idB);
    if (cached === cached) return cached;
    const level = nameLevel(a, b, this.jaroWinklerHigh, this.jaroWinklerLow);
    this.nameCache.set(idA, idB, level);
    return level;
  }

  /**
   * The name level of two given names, where two different common names are never a typo of each other:
   * twins Emma and Ella, or Daniel and Daniela, are two people, however close the spelling.
   */
  givenLevel(idA: number, a: NormalizedName, idB: number, b: NormalizedName): number {
    if (idA === idB) return NAME_LEVEL.exact;
    const cached = this.givenCache.get(idA, idB);
    if (cached === cached) return cached;
    let level = this.nameLevel(idA, a, idB, b);
    if ((level === NAME_LEVEL.typo || level === NAME_LEVEL.similar) && this.distinctGivenNames(a, b)) {
      level = NAME_LEVEL.else;
    }
    this.givenCache.set(idA, idB, level);
    return level;
  }

  /** How common a given name is: its count in the data, and at least common when in the lexicon. */
  private givenCount(key: string): number {
    const n = this.givenCounts[key] ?? 0;
    return isKnownGivenName(key) ? Math.max(n, this.commonCount) : n;
  }

  /**
   * Both are common given names, and they are not spellings of one name: they sound different (Emma,
   * Ella), or one is the other's feminine or masculine form (Daniel, Daniela; Francis, Frances), which
   * sound alike. Spelling variants that sound alike (Sara, Sarah; Steven, Stephen) stay a typo, and so
   * does a frequent misspelling of a much more frequent name ("Emms" for Emma).
   */
  distinctGivenNames(a: NormalizedName, b: NormalizedName): boolean {
    const ca = this.givenCount(a.key);
    const cb = this.givenCount(b.key);
    if (Math.min(ca, cb) < this.commonCount) return false;
    if (Math.min(ca, cb) < DISTINCT_NAME_MIN_SHARE * Math.max(ca, cb)) return false;
    return a.phonetic !== b.phonetic || genderedForms(a.key, b.key);
  }

  streetSimilarity(idA: number, a: NormalizedAddress, idB: number, b: NormalizedAddress): number {
    if (idA === idB) return 1;
    const cached = this.streetCache.get(idA, idB);
    if (cached === cached) return cached;
    const sim = streetSimilarity(a, b);
    this.streetCache.set(idA, idB, sim);
    return sim;
  }

  /** Jaro–Winkler of two city names, cached by interned id. */
  placeSimilarity(idA: number, a: string, idB: number, b: string): number {
    if (idA === idB) return 1;
    const cached = this.placeCache.get(idA, idB);
    if (cached === cached) return cached;
    const sim = jaroWinkler(a, b);
    this.placeCache.set(idA, idB, sim);
    return sim;
  }
}

/**
 * The rarer of two common names must be at least this share of the other to count as a name of its
 * own: a typo of a frequent name recurs (Emma → Emms), but far less often than the name.
 */
const DISTINCT_NAME_MIN_SHARE = 0.05;

/** Endings that make a feminine form of a name (Daniel → Daniela, Louis → Louise, Paul → Pauline). */
const FEMININE_ENDINGS = ['a', 'e', 'le', 'ne', 'ine', 'ina', 'ia', 'ette', 'elle'];

/**
 * True when one name is the other with a feminine ending, or the two differ only in a vowel of their
 * last two letters (Francis / Frances, Carlo / Carla, Daniele / Daniela).
 */
export function genderedForms(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.startsWith(short) && FEMININE_ENDINGS.includes(long.slice(short.length))) return true;
  if (x.length !== y.length || x.length < 3) return false;
  const n = x.length;
  for (let i = 0; i < n - 2; i++) if (x[i] !== y[i]) return false;
  const vowel = (c: string) => 'aeiouy'.includes(c);
  for (let i = n - 2; i < n; i++) if (x[i] !== y[i] && !(vowel(x[i]) || vowel(y[i]))) return false;
  return true;
}

export interface ComparisonSettings {
  jaroWinklerHigh: number;
  jaroWinklerLow: number;
  /**
   * How many profiles of the data the model was trained on carry each given name (names at or above
   * `commonNameMinCount` only): two different common names are two people, not a typo (see
   * ComparisonContext.givenLevel).
   */
  givenNameCounts: Record<string, number>;
  commonNameMinCount: number;
}

/** Settings for comparing: the config's bands, and the given-name counts of `profiles` when given. */
export function comparisonSettings(
  config: IdentityConfig,
  profiles: readonly PreparedProfile[] = [],
): ComparisonSettings {
  const min = config.names.commonNameMinCount;
  const counts = new Map<string, number>();
  for (const p of profiles) if (p.given) counts.set(p.given.key, (counts.get(p.given.key) ?? 0) + 1);
  const givenNameCounts: Record<string, number> = {};
  for (const [key, n] of [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (n >= min) givenNameCounts[key] = n;
  }
  return {
    jaroWinklerHigh: config.names.jaroWinklerHigh,
    jaroWinklerLow: config.names.jaroWinklerLow,
    givenNameCounts,
    commonNameMinCount: min,
  };
}

/**
 * How the names of a pair were lined up: straight (given with given), or crossed because one side has
 * them in family-first order ("Kovács Péter" in the given-name field). Crossed, it cannot be told which
 * of the two comparisons is between given names, so the worse of the two is reported as the given name
 * (a relative at one address differs in the given name; the pair must keep that conflict):
 * 1 = the given-name slot compares a.given with b.family, 2 = a.family with b.given.
 */
export type NameOrientation = 0 | 1 | 2;

/**
 * Fills `out` (length COMPARISON_COUNT) with the level of every comparison for the pair and returns how
 * the names were lined up (NameOrientation).
 */
export function comparePair(
  a: PreparedProfile,
  b: PreparedProfile,
  ctx: ComparisonContext,
  out: Int8Array,
  offset = 0,
): NameOrientation {
  let orientation: NameOrientation = 0;
  let g = NULL_LEVEL;
  let f = NULL_LEVEL;
  if (a.given && b.given) g = ctx.givenLevel(a.givenId, a.given, b.givenId, b.given);
  if (a.family && b.family) f = ctx.nameLevel(a.familyId, a.family, b.familyId, b.family);
  if (a.given && a.family && b.given && b.family && g + f > 1) {
    // Either crossed comparison may be the one between given names: both get the given-name rules.
    const gf = ctx.givenLevel(a.givenId, a.given, b.familyId, b.family);
    const fg = ctx.givenLevel(a.familyId, a.family, b.givenId, b.given);
    if (ALIGNMENT_SCORE[gf] + ALIGNMENT_SCORE[fg] > ALIGNMENT_SCORE[g] + ALIGNMENT_SCORE[f] + 0.05) {
      orientation = gf >= fg ? 1 : 2;
      g = Math.max(gf, fg);
      f = Math.min(gf, fg);
    }
  }
  out[offset + GIVEN] = g;
  out[offset + FAMILY] = f;
  out[offset + BIRTH] =
    a.birthDate && b.birthDate
      ? birthDateLevel(a.birthDate, b.birthDate)
      : a.birthDigits && b.birthDigits
        ? impossibleDateLevel(a.birthDigits, b.birthDigits)
        : NULL_LEVEL;
  out[offset + EMAIL] =
    a.emailIds.length > 0 && b.emailIds.length > 0 ? emailLevel(a.emailIds, b.emailIds) : NULL_LEVEL;
  out[offset + PHONE] =
    a.phones.length > 0 && b.phones.length > 0 ? phoneLevel(a.phones, b.phones) : NULL_LEVEL;
  out[offset + ADDRESS] =
    a.address && b.address
      ? addressLevel(a.address, b.address, ctx, a.streetId, b.streetId, a.cityId, b.cityId)
      : NULL_LEVEL;
  return orientation;
}

function formatAddress(a: NormalizedAddress): string {
  return [a.street, a.houseNumber, a.postcode, a.city, a.country].filter(Boolean).join(', ');
}

/** The values a comparison looked at, for explanations (normalized forms). */
export function comparedValues(
  comparison: number,
  a: PreparedProfile,
  b: PreparedProfile,
  orientation: NameOrientation,
): [string | undefined, string | undefined] {
  switch (comparison) {
    case GIVEN:
      if (orientation === 1) return [a.given?.display, b.family?.display];
      if (orientation === 2) return [a.family?.display, b.given?.display];
      return [a.given?.display, b.given?.display];
    case FAMILY:
      if (orientation === 1) return [a.family?.display, b.given?.display];
      if (orientation === 2) return [a.given?.display, b.family?.display];
      return [a.family?.display, b.family?.display];
    case BIRTH:
      return [
        a.birthDate?.iso ?? (a.birthDigits || undefined),
        b.birthDate?.iso ?? (b.birthDigits || undefined),
      ];
    case EMAIL: {
      const common = a.emails.find((e) => b.emails.includes(e));
      return [common ?? a.emails.join(' '), common ?? b.emails.join(' ')];
    }
    case PHONE: {
      const common = a.phones.find((p) => b.phones.includes(p));
      return [common ?? a.phones.join(' '), common ?? b.phones.join(' ')];
    }
    default:
      return [
        a.address ? formatAddress(a.address) : undefined,
        b.address ? formatAddress(b.address) : undefined,
      ];
  }
}
