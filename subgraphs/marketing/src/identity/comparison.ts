import type { IdentityConfig } from './config';
import {
  sharesNicknameGroup,
  type NormalizedAddress,
  type NormalizedBirthDate,
  type NormalizedName,
  type NormalizedProfile,
} from './normalize';
import { jaroWinkler, withinOneEdit } from './string-distance';
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

export function comparisonDefinitions(config: IdentityConfig): ComparisonDefinition[] {
  const { jaroWinklerHigh: high, jaroWinklerLow: low } = config.names;
  const nameLevels = (what: string): LevelDefinition[] => [
    { id: 'exact', description: `${what} identical (ignoring case, accents, spacing)` },
    {
      id: 'equivalent',
      description: `${what} equivalent: nickname, same name in another script, or one name part of the other`,
    },
    { id: 'jaro-winkler-high', description: `${what} Jaro–Winkler ≥ ${high}` },
    { id: 'jaro-winkler-low', description: `${what} Jaro–Winkler ≥ ${low}` },
    { id: 'else', description: `${what} different` },
  ];
  return [
    { name: 'givenName', description: 'Given name', levels: nameLevels('given names'), termFrequency: true },
    {
      name: 'familyName',
      description: 'Family name',
      levels: nameLevels('family names'),
      termFrequency: true,
    },
    {
      name: 'birthDate',
      description: 'Birth date',
      termFrequency: false,
      levels: [
        { id: 'exact', description: 'same full birth date' },
        { id: 'partial', description: 'one date partial (year or year-month) and consistent with the other' },
        {
          id: 'near',
          description: 'day and month transposed, or one of day/month/year different, or one digit mistyped',
        },
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
  /** Emails that count as evidence (over-shared ones removed), and their interned ids. */
  emails: string[];
  emailIds: number[];
  /** Personal phones (E.164) that count as evidence. */
  phones: string[];
  address: NormalizedAddress | null;
  birthDate: NormalizedBirthDate | null;
}

/**
 * Interns names and streets to small integers, so that similarity results can be cached per pair of
 * distinct values: 100,000 profiles have a few thousand distinct names, and the same two names meet
 * again and again.
 */
export class ValueInterner {
  private readonly names = new Map<string, number>();
  private readonly streets = new Map<string, number>();
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
  const street = profile.address ? profile.address.streetCore || profile.address.street : '';
  const emails = profile.emails.filter((e) => !isOverShared('email', e));
  return {
    index,
    profile,
    given: profile.given,
    family: profile.family,
    givenId: nameId(profile.given),
    familyId: nameId(profile.family),
    streetId: street ? interner.street(street) : -1,
    emails,
    emailIds: emails.map((e) => interner.email(e)),
    phones: profile.personalPhones.map((p) => p.e164).filter((p) => !isOverShared('phone', p)),
    address: profile.address,
    birthDate: profile.birthDate,
  };
}

// ---------------------------------------------------------------------------------------------------
// Level functions
// ---------------------------------------------------------------------------------------------------

/** Name level 0..4 (exact, equivalent, JW high, JW low, else). */
export function nameLevel(a: NormalizedName, b: NormalizedName, high: number, low: number): number {
  if (a.key === b.key) return 0;
  if (sharesNicknameGroup(a, b)) return 1;
  const aArabic = a.script === 'arabic';
  if (aArabic !== (b.script === 'arabic')) {
    // Different scripts: only the phonetic skeleton can compare them, and it is coarse, so a close
    // skeleton never counts for more than the weakest agreement level.
    if (a.skeleton.length > 0 && a.skeleton === b.skeleton) return 1;
    return a.skeleton.length > 1 && jaroWinkler(a.skeleton, b.skeleton) >= high ? 3 : 4;
  }
  if (a.tokens.length !== b.tokens.length) {
    const [short, long] = a.tokens.length < b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
    if (short.every((t) => long.includes(t))) return 1;
  }
  const jw = jaroWinkler(a.key, b.key);
  if (jw >= high) return 2;
  return jw >= low ? 3 : 4;
}

/** Birth date level 0..3 (exact, partial, near, else). */
export function birthDateLevel(a: NormalizedBirthDate, b: NormalizedBirthDate): number {
  if (a.precision === 'day' && b.precision === 'day') {
    if (a.iso === b.iso) return 0;
    if (a.year === b.year && a.day === b.month && a.month === b.day) return 2;
    const differing = (a.year !== b.year ? 1 : 0) + (a.month !== b.month ? 1 : 0) + (a.day !== b.day ? 1 : 0);
    if (differing === 1) return 2;
    return withinOneEdit(a.iso, b.iso) ? 2 : 3;
  }
  if (a.year !== b.year) return 3;
  if (a.month !== undefined && b.month !== undefined && a.month !== b.month) return 3;
  return 1;
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

/**
 * Address level 0..5 (exact, same street, near, same postcode, same city, else). Street similarity
 * comes from `ctx`'s cache when given.
 */
export function addressLevel(
  a: NormalizedAddress,
  b: NormalizedAddress,
  ctx?: ComparisonContext,
  streetIdA = -1,
  streetIdB = -1,
): number {
  if (a.country && b.country && a.country !== b.country) return 5;
  const bothPostcodes = a.postcode !== '' && b.postcode !== '';
  const bothCities = a.city !== '' && b.city !== '';
  const samePostcode = bothPostcodes && a.postcode === b.postcode;
  const sameCity = bothCities && a.city === b.city;
  const samePlace = samePostcode || (!bothPostcodes && sameCity);
  const nearPlace =
    (bothPostcodes && a.postcode.length === b.postcode.length && withinOneEdit(a.postcode, b.postcode)) ||
    (!bothPostcodes && sameCity);
  const bothStreets = a.street !== '' && b.street !== '';
  // "Długa 5" and "ul. Długa 5" are one street; "Fő utca" and "Fő tér" are two.
  const sameStreet =
    bothStreets &&
    (a.street === b.street ||
      (a.streetCore !== '' &&
        a.streetCore === b.streetCore &&
        (a.street === a.streetCore || b.street === b.streetCore)));
  const bothNumbers = a.houseNumber !== '' && b.houseNumber !== '';
  const sameNumber = bothNumbers && a.houseNumber === b.houseNumber;
  if (samePlace && sameStreet && sameNumber) return 0;
  if (samePlace && sameStreet && (!bothNumbers || withinOneEdit(a.houseNumber, b.houseNumber))) return 1;
  if (!nearPlace && !sameCity && !samePostcode) return 5;
  const streetA = a.streetCore || a.street;
  const streetB = b.streetCore || b.street;
  const similarity =
    ctx && streetIdA >= 0 && streetIdB >= 0
      ? ctx.streetSimilarity(streetIdA, streetA, streetIdB, streetB)
      : jaroWinkler(streetA, streetB);
  const similarStreet = bothStreets && (sameStreet || similarity >= 0.88);
  if (sameNumber && ((sameStreet && nearPlace) || (samePlace && similarStreet))) return 2;
  if (samePostcode || (sameCity && similarStreet)) return 3;
  if (sameCity) return 4;
  return 5;
}

// ---------------------------------------------------------------------------------------------------
// Pair comparison
// ---------------------------------------------------------------------------------------------------

const ALIGNMENT_SCORE = [1, 0.95, 0.85, 0.6, 0];

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
  private readonly nameCache = new PairCache();
  private readonly streetCache = new PairCache(1 << 14);

  constructor(settings: ComparisonSettings) {
    this.jaroWinklerHigh = settings.jaroWinklerHigh;
    this.jaroWinklerLow = settings.jaroWinklerLow;
  }

  nameLevel(idA: number, a: NormalizedName, idB: number, b: NormalizedName): number {
    if (idA === idB) return 0;
    const cached = this.nameCache.get(idA, idB);
    if (cached === cached) return cached;
    const level = nameLevel(a, b, this.jaroWinklerHigh, this.jaroWinklerLow);
    this.nameCache.set(idA, idB, level);
    return level;
  }

  streetSimilarity(idA: number, a: string, idB: number, b: string): number {
    if (idA === idB) return 1;
    const cached = this.streetCache.get(idA, idB);
    if (cached === cached) return cached;
    const sim = jaroWinkler(a, b);
    this.streetCache.set(idA, idB, sim);
    return sim;
  }
}

export interface ComparisonSettings {
  jaroWinklerHigh: number;
  jaroWinklerLow: number;
}

export function comparisonSettings(config: IdentityConfig): ComparisonSettings {
  return { jaroWinklerHigh: config.names.jaroWinklerHigh, jaroWinklerLow: config.names.jaroWinklerLow };
}

/**
 * Fills `out` (length COMPARISON_COUNT) with the level of every comparison for the pair and returns
 * whether the names were compared crosswise: "Kovács Péter" (given "Kovács", family "Péter") against
 * "Péter Kovács" is the same name in family-first order, so given is compared with family.
 */
export function comparePair(
  a: PreparedProfile,
  b: PreparedProfile,
  ctx: ComparisonContext,
  out: Int8Array,
  offset = 0,
): boolean {
  let swapped = false;
  let g = NULL_LEVEL;
  let f = NULL_LEVEL;
  if (a.given && b.given) g = ctx.nameLevel(a.givenId, a.given, b.givenId, b.given);
  if (a.family && b.family) f = ctx.nameLevel(a.familyId, a.family, b.familyId, b.family);
  if (a.given && a.family && b.given && b.family && g + f > 1) {
    const cg = ctx.nameLevel(a.givenId, a.given, b.familyId, b.family);
    const cf = ctx.nameLevel(a.familyId, a.family, b.givenId, b.given);
    if (ALIGNMENT_SCORE[cg] + ALIGNMENT_SCORE[cf] > ALIGNMENT_SCORE[g] + ALIGNMENT_SCORE[f] + 0.05) {
      g = cg;
      f = cf;
      swapped = true;
    }
  }
  out[offset + GIVEN] = g;
  out[offset + FAMILY] = f;
  out[offset + BIRTH] = a.birthDate && b.birthDate ? birthDateLevel(a.birthDate, b.birthDate) : NULL_LEVEL;
  out[offset + EMAIL] =
    a.emailIds.length > 0 && b.emailIds.length > 0 ? emailLevel(a.emailIds, b.emailIds) : NULL_LEVEL;
  out[offset + PHONE] =
    a.phones.length > 0 && b.phones.length > 0 ? phoneLevel(a.phones, b.phones) : NULL_LEVEL;
  out[offset + ADDRESS] =
    a.address && b.address ? addressLevel(a.address, b.address, ctx, a.streetId, b.streetId) : NULL_LEVEL;
  return swapped;
}

function formatAddress(a: NormalizedAddress): string {
  return [a.street, a.houseNumber, a.postcode, a.city, a.country].filter(Boolean).join(', ');
}

/** The values a comparison looked at, for explanations (normalized forms). */
export function comparedValues(
  comparison: number,
  a: PreparedProfile,
  b: PreparedProfile,
  swapped: boolean,
): [string | undefined, string | undefined] {
  switch (comparison) {
    case GIVEN:
      return [a.given?.display, (swapped ? b.family : b.given)?.display];
    case FAMILY:
      return [a.family?.display, (swapped ? b.given : b.family)?.display];
    case BIRTH:
      return [a.birthDate?.iso, b.birthDate?.iso];
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
