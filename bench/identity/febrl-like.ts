import type { IdentityProfile } from '../../subgraphs/marketing/src/identity/types';
import { createRandom, type Random } from '../../subgraphs/marketing/src/identity/random';
import {
  FEMALE_GIVEN,
  KEYBOARD_COLUMN,
  KEYBOARD_ROW,
  MALE_GIVEN,
  NICKNAMES,
  OCR_CONFUSIONS,
  PHONETIC_RULES,
  PROPERTY_NAMES,
  STATE_NAMES,
  STREET_NAMES,
  STREET_TYPES,
  SUBURBS,
  SURNAME_SYLLABLES,
  SURNAMES,
} from './febrl-like.data';

/*
 * A benchmark data set shaped like the standard FEBRL/dsgen record-linkage data (Christen's generate.py,
 * Febrl 0.4): person records with given name, surname, street number, street, suburb, postcode, state and
 * date of birth (no email, phone or identifier), originals drawn from Zipf frequency tables, then
 * duplicates made from originals with a fixed budget of modifications per record and per field, each field
 * picked with dsgen's selection probabilities and each modification with that field's probabilities
 * (insert, delete, keyboard substitution, transposition, value swap, word swap, space insert/delete,
 * missing, new value), plus field swaps (given ↔ surname, postcode ↔ suburb, street ↔ property name).
 *
 * On top of dsgen, to make it adversarial rather than convenient for the engine:
 * - OCR confusions, phonetic respellings, nicknames (from the benchmark's own table), transposed day and
 *   month, abbreviated street types, state written out: the errors the issue lists;
 * - households of relatives sharing surname and address: partners, children with plausible age gaps,
 *   twins (same birth date, different given names) and juniors (father's given name, another birth date).
 *   They are different people, so merging them costs precision;
 * - the modification budget makes errors in one field less likely when another took many (not
 *   independent per field, unlike the Fellegi–Sunter assumption), and ids are random, so record order
 *   and ids say nothing about the truth.
 */

export interface FebrlLikeOptions {
  originals: number;
  duplicates: number;
  /** Duplicates of one original, 1..max, drawn from `distribution` (dsgen's max_duplicate_per_record). */
  maxDuplicatesPerOriginal: number;
  maxModificationsPerField: number;
  maxModificationsPerRecord: number;
  distribution: 'uniform' | 'poisson' | 'zipf';
  /** Share of originals created as members of multi-person households (relatives at one address). */
  householdShare: number;
  seed: number;
}

/** dsgen's dataset4 intensity (2 per field, 4 per record) with dataset3's multiple duplicates (Zipf, ≤ 5). */
export const DEFAULT_FEBRL_LIKE: FebrlLikeOptions = {
  originals: 5000,
  duplicates: 5000,
  maxDuplicatesPerOriginal: 5,
  maxModificationsPerField: 2,
  maxModificationsPerRecord: 4,
  distribution: 'zipf',
  householdShare: 0.3,
  seed: 1,
};

type FieldName = 'given' | 'surname' | 'streetNumber' | 'street' | 'suburb' | 'postcode' | 'state' | 'dob';

export type FebrlFields = Partial<Record<FieldName, string>>;

export interface FebrlLikeRecord {
  id: string;
  /** The person the record describes: the truth. */
  personId: number;
  householdId: number;
  original: boolean;
  fields: FebrlFields;
  /** Modifications applied (duplicates), e.g. `given:nickname`, `swap:given-surname`. */
  modifications: string[];
}

export interface FebrlLikeData {
  records: FebrlLikeRecord[];
  profiles: IdentityProfile[];
  /** Pairs of record ids that describe one person. */
  truePairs: [string, string][];
  /** Pairs of records of two different people of one household (relatives): never the same person. */
  relativePairs: [string, string][];
  stats: { persons: number; households: number; duplicatesPerOriginal: Record<number, number> };
}

type Op =
  | 'ins'
  | 'del'
  | 'sub'
  | 'trans'
  | 'valSwap'
  | 'wordSwap'
  | 'spaceIns'
  | 'spaceDel'
  | 'miss'
  | 'newVal'
  | 'ocr'
  | 'phonetic'
  | 'nickname'
  | 'dayMonth'
  | 'abbreviate'
  | 'stateName'
  | 'punctuation';

interface FieldSpec {
  /** dsgen's select_prob: how likely this field is picked for a modification. */
  select: number;
  charRange: 'alpha' | 'digit';
  /** Missing in an original (dsgen uses miss_prob for this too). */
  missingInOriginal: number;
  /** Modification probabilities; they sum to 1. */
  ops: Partial<Record<Op, number>>;
}

/*
 * dsgen's values (generate.py, Febrl 0.4) where dsgen has the field, with their misspelling-table share
 * given to phonetic respellings and a part of each field's mass moved to the added error kinds.
 */
const FIELDS: Record<FieldName, FieldSpec> = {
  given: {
    select: 0.1,
    charRange: 'alpha',
    missingInOriginal: 0.02,
    ops: {
      phonetic: 0.15,
      nickname: 0.15,
      ocr: 0.05,
      ins: 0.05,
      del: 0.12,
      sub: 0.3,
      trans: 0.05,
      valSwap: 0.02,
      wordSwap: 0.02,
      spaceIns: 0.01,
      spaceDel: 0.01,
      miss: 0.02,
      newVal: 0.05,
    },
  },
  surname: {
    select: 0.15,
    charRange: 'alpha',
    missingInOriginal: 0.02,
    ops: {
      phonetic: 0.25,
      ocr: 0.05,
      ins: 0.1,
      del: 0.1,
      sub: 0.3,
      trans: 0.04,
      valSwap: 0.02,
      wordSwap: 0.02,
      spaceIns: 0.01,
      spaceDel: 0.02,
      miss: 0.02,
      punctuation: 0.03,
      newVal: 0.04,
    },
  },
  streetNumber: {
    select: 0.1,
    charRange: 'digit',
    missingInOriginal: 0.02,
    ops: { ins: 0.1, del: 0.15, sub: 0.55, trans: 0.05, valSwap: 0.05, ocr: 0.04, miss: 0.02, newVal: 0.04 },
  },
  street: {
    select: 0.1,
    charRange: 'alpha',
    missingInOriginal: 0.04,
    ops: {
      ins: 0.1,
      del: 0.15,
      sub: 0.45,
      trans: 0.05,
      valSwap: 0.02,
      wordSwap: 0.03,
      spaceIns: 0.02,
      spaceDel: 0.03,
      miss: 0.04,
      abbreviate: 0.1,
      newVal: 0.01,
    },
  },
  suburb: {
    select: 0.1,
    charRange: 'alpha',
    missingInOriginal: 0.01,
    ops: {
      phonetic: 0.3,
      ocr: 0.05,
      ins: 0.1,
      del: 0.15,
      sub: 0.22,
      trans: 0.04,
      valSwap: 0.01,
      wordSwap: 0.02,
      spaceIns: 0.02,
      spaceDel: 0.02,
      miss: 0.01,
      newVal: 0.06,
    },
  },
  postcode: {
    select: 0.05,
    charRange: 'digit',
    missingInOriginal: 0.01,
    ops: { sub: 0.35, trans: 0.55, valSwap: 0.03, ocr: 0.05, miss: 0.01, newVal: 0.01 },
  },
  state: {
    select: 0.05,
    charRange: 'alpha',
    missingInOriginal: 0.1,
    ops: {
      sub: 0.3,
      ins: 0.05,
      del: 0.05,
      trans: 0.02,
      valSwap: 0.03,
      stateName: 0.15,
      miss: 0.2,
      newVal: 0.2,
    },
  },
  dob: {
    select: 0.1,
    charRange: 'digit',
    missingInOriginal: 0.1,
    ops: { sub: 0.4, trans: 0.2, dayMonth: 0.15, ocr: 0.05, valSwap: 0.05, miss: 0.1, newVal: 0.05 },
  },
};

/** dsgen's field_swap_prob, with address_1 ↔ address_2 as "street replaced by a property name". */
const FIELD_SWAPS: readonly { a: FieldName; b: FieldName | 'property'; p: number }[] = [
  { a: 'given', b: 'surname', p: 0.05 },
  { a: 'postcode', b: 'suburb', p: 0.01 },
  { a: 'street', b: 'property', p: 0.02 },
];

/** Zipf-distributed index into a list of n (frequency tables of names and streets are Zipf-like). */
function zipfSampler(n: number, exponent = 1): (r: Random) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, exponent);
    cumulative[i] = total;
  }
  return (r) => {
    const x = r.float() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function weighted<T extends string>(r: Random, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = r.float() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1][0];
}

function gaussian(r: Random): number {
  const u = Math.max(r.float(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.float());
}

/** dsgen's error_position: errors cluster after the middle of the word, rarely at its start. */
function errorPosition(r: Random, s: string, lengthOffset: number): number {
  const max = s.length - 1 + lengthOffset;
  const mid = (s.length + lengthOffset) / 2 + 1;
  return Math.min(Math.max(0, Math.round(mid + gaussian(r))), max);
}

function errorCharacter(r: Random, c: string, range: 'alpha' | 'digit'): string {
  const x = r.float();
  if (x <= 0.4 && KEYBOARD_ROW[c]) return r.pick([...KEYBOARD_ROW[c]]);
  if (range === 'alpha' && x <= 0.7 && KEYBOARD_COLUMN[c]) return r.pick([...KEYBOARD_COLUMN[c]]);
  const pool = (range === 'digit' ? '0123456789' : 'abcdefghijklmnopqrstuvwxyz').replace(c, '');
  return r.pick([...pool]);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function randomDob(r: Random, from: number, to: number): string {
  const start = Date.UTC(from, 0, 1);
  const end = Date.UTC(to, 11, 31);
  const d = new Date(start + Math.floor(r.float() * (end - start)));
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}

function shiftYears(r: Random, dob: string, minYears: number, maxYears: number): string {
  const year = Number(dob.slice(0, 4)) + minYears + r.int(maxYears - minYears + 1);
  return randomDob(r, year, year);
}

class Tables {
  private readonly female = zipfSampler(FEMALE_GIVEN.length, 0.9);
  private readonly male = zipfSampler(MALE_GIVEN.length, 0.9);
  private readonly common = zipfSampler(SURNAMES.length, 1);
  private readonly street = zipfSampler(STREET_NAMES.length, 0.7);
  private readonly suburb = zipfSampler(SUBURBS.length, 0.6);
  private readonly typeWeights = Object.fromEntries(STREET_TYPES.map((t) => [t.full, t.weight]));

  constructor(private readonly r: Random) {}

  given(female: boolean): string {
    return (female ? FEMALE_GIVEN[this.female(this.r)] : MALE_GIVEN[this.male(this.r)]).toLowerCase();
  }

  anyGiven(): string {
    return this.given(this.r.chance(0.5));
  }

  /** Half the surnames from the common list (Zipf), half a long tail of rare generated names. */
  surname(): string {
    if (this.r.chance(0.55)) return SURNAMES[this.common(this.r)].toLowerCase();
    const s = SURNAME_SYLLABLES;
    return `${this.r.pick(s.first)}${this.r.pick(s.middle)}${this.r.pick(s.last)}`.toLowerCase();
  }

  streetName(): string {
    return `${STREET_NAMES[this.street(this.r)]} ${weighted(this.r, this.typeWeights)}`.toLowerCase();
  }

  streetNumber(): string {
    // Most houses are low numbers; dsgen's streetnumber frequencies fall off the same way.
    return String(1 + Math.floor(Math.pow(this.r.float(), 2.2) * 240));
  }

  place(): { suburb: string; postcode: string; state: string } {
    const s = SUBURBS[this.suburb(this.r)];
    return { suburb: s.name.toLowerCase(), postcode: s.postcode, state: s.state.toLowerCase() };
  }

  randomValue(field: FieldName): string {
    switch (field) {
      case 'given':
        return this.anyGiven();
      case 'surname':
        return this.surname();
      case 'streetNumber':
        return this.streetNumber();
      case 'street':
        return this.streetName();
      case 'suburb':
        return this.place().suburb;
      case 'postcode':
        return this.place().postcode;
      case 'state':
        return this.place().state;
      case 'dob':
        return randomDob(this.r, 1935, 2006);
    }
  }
}

interface Person {
  personId: number;
  householdId: number;
  fields: FebrlFields;
}

function makeHouseholds(r: Random, t: Tables, wanted: number, householdShare: number): Person[] {
  const persons: Person[] = [];
  let householdId = 0;
  const add = (h: number, f: Required<FebrlFields>) => {
    const fields: FebrlFields = {};
    for (const [k, v] of Object.entries(f) as [FieldName, string][]) {
      if (!r.chance(FIELDS[k].missingInOriginal)) fields[k] = v;
    }
    persons.push({ personId: persons.length, householdId: h, fields });
  };
  while (persons.length < wanted) {
    const h = householdId++;
    const place = t.place();
    const base = { streetNumber: t.streetNumber(), street: t.streetName(), ...place };
    const surname = t.surname();
    const headFemale = r.chance(0.5);
    const headDob = randomDob(r, 1935, 1988);
    const head = { given: t.given(headFemale), surname, dob: headDob, ...base };
    add(h, head);
    // A household of relatives (2.95 people on average): the share of persons in them ≈ householdShare.
    if (!r.chance(householdShare / (2.95 - 1.95 * householdShare))) continue;
    const size = 2 + weightedIndex(r, [0.45, 0.25, 0.2, 0.1]);
    const used = new Set([head.given]);
    const fresh = (female: boolean): string => {
      for (let i = 0; i < 20; i++) {
        const g = t.given(female);
        if (!used.has(g)) {
          used.add(g);
          return g;
        }
      }
      return t.given(female);
    };
    let children = size - 1;
    if (r.chance(0.75)) {
      children--;
      const partnerSurname = r.chance(0.8) ? surname : t.surname();
      add(h, {
        given: fresh(r.chance(0.9) ? !headFemale : headFemale),
        surname: partnerSurname,
        dob: shiftYears(r, headDob, -8, 8),
        ...base,
      });
    }
    let childDob = shiftYears(r, headDob, 20, 42);
    for (let c = 0; c < children; c++) {
      if (c > 0) childDob = r.chance(0.06) ? childDob : shiftYears(r, childDob, 1, 6); // twins keep the date
      const female = r.chance(0.5);
      // A junior: the son carries his father's given name, nothing but the birth date tells them apart.
      const junior = !female && !headFemale && c === 0 && r.chance(0.08);
      add(h, { given: junior ? head.given : fresh(female), surname, dob: childDob, ...base });
    }
  }
  return persons.slice(0, wanted);
}

function weightedIndex(r: Random, weights: readonly number[]): number {
  let x = r.float() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function duplicateCountWeights(options: FebrlLikeOptions): number[] {
  const max = options.maxDuplicatesPerOriginal;
  return Array.from({ length: max }, (_, i) => {
    const k = i + 1;
    if (options.distribution === 'uniform') return 1;
    if (options.distribution === 'zipf') return 1 / k;
    // Poisson(2) probability of k.
    let f = 1;
    for (let j = 2; j <= k; j++) f *= j;
    return (Math.exp(-2) * Math.pow(2, k)) / f;
  });
}

/** One modification of one field value (dsgen's operations plus the added error kinds). */
function modify(
  r: Random,
  t: Tables,
  field: FieldName,
  value: string | undefined,
  op: Op,
): string | undefined {
  const spec = FIELDS[field];
  if (op === 'newVal') return value === undefined ? t.randomValue(field) : value;
  if (value === undefined) return value;
  switch (op) {
    case 'miss':
      return undefined;
    case 'valSwap':
      return t.randomValue(field);
    case 'ins': {
      const p = errorPosition(r, value, 1);
      const pool = spec.charRange === 'digit' ? '0123456789' : 'abcdefghijklmnopqrstuvwxyz';
      return value.slice(0, p) + r.pick([...pool]) + value.slice(p);
    }
    case 'del': {
      if (value.length < 2) return value;
      const p = errorPosition(r, value, 0);
      return value.slice(0, p) + value.slice(p + 1);
    }
    case 'sub': {
      const p = errorPosition(r, value, 0);
      return value.slice(0, p) + errorCharacter(r, value[p], spec.charRange) + value.slice(p + 1);
    }
    case 'trans': {
      if (value.length < 2) return value;
      const p = errorPosition(r, value, -1);
      return value.slice(0, p) + value[p + 1] + value[p] + value.slice(p + 2);
    }
    case 'wordSwap': {
      const words = value.split(' ');
      if (words.length < 2) return value;
      const i = r.int(words.length - 1);
      [words[i], words[i + 1]] = [words[i + 1], words[i]];
      return words.join(' ');
    }
    case 'spaceIns': {
      if (value.length < 3) return value;
      const p = 1 + r.int(value.length - 2);
      return `${value.slice(0, p)} ${value.slice(p)}`;
    }
    case 'spaceDel':
      return value.includes(' ') ? value.replace(' ', '') : value;
    case 'ocr': {
      const found = OCR_CONFUSIONS.flatMap(([a, b]) => [
        ...(value.includes(a) ? [[a, b]] : []),
        ...(value.includes(b) ? [[b, a]] : []),
      ]);
      if (found.length === 0) return modify(r, t, field, value, 'sub');
      const [from, to] = r.pick(found);
      const at = positionsOf(value, from);
      const p = r.pick(at);
      return value.slice(0, p) + to + value.slice(p + from.length);
    }
    case 'phonetic': {
      const found = PHONETIC_RULES.filter(([a]) => value.includes(a));
      if (found.length === 0) return modify(r, t, field, value, 'sub');
      const [from, to] = r.pick(found);
      const p = r.pick(positionsOf(value, from));
      return value.slice(0, p) + to + value.slice(p + from.length);
    }
    case 'nickname': {
      const key = Object.keys(NICKNAMES).find((n) => n.toLowerCase() === value);
      if (!key) return modify(r, t, field, value, 'phonetic');
      return r.pick(NICKNAMES[key]).toLowerCase();
    }
    case 'dayMonth':
      // dd and mm exchanged (a US-style entry); a day above 12 then makes an impossible date.
      return value.length === 8 ? value.slice(0, 4) + value.slice(6, 8) + value.slice(4, 6) : value;
    case 'abbreviate': {
      const words = value.split(' ');
      const last = words[words.length - 1];
      const type = STREET_TYPES.find((s) => s.full.toLowerCase() === last);
      if (!type || type.abbreviations.length === 0) return modify(r, t, field, value, 'sub');
      words[words.length - 1] = r.pick(type.abbreviations).toLowerCase() + (r.chance(0.3) ? '.' : '');
      return words.join(' ');
    }
    case 'stateName': {
      const full = STATE_NAMES[value.toUpperCase()];
      return full ? full.toLowerCase() : value;
    }
    case 'punctuation':
      if (value.includes("'")) return value.replace("'", r.chance(0.5) ? '' : ' ');
      if (value.includes(' ')) return value.replace(' ', '-');
      if (value.includes('-')) return value.replace('-', ' ');
      return modify(r, t, field, value, 'sub');
  }
}

function positionsOf(s: string, part: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) out.push(i);
  return out;
}

function makeDuplicate(
  r: Random,
  t: Tables,
  original: FebrlFields,
  options: FebrlLikeOptions,
): { fields: FebrlFields; modifications: string[] } {
  const fields: FebrlFields = { ...original };
  const modifications: string[] = [];
  const perField: Record<FieldName, number> = {
    given: 0,
    surname: 0,
    streetNumber: 0,
    street: 0,
    suburb: 0,
    postcode: 0,
    state: 0,
    dob: 0,
  };
  let done = 0;
  const maxRecord = options.maxModificationsPerRecord;
  const maxField = options.maxModificationsPerField;
  if (maxRecord > 1) {
    for (const swap of FIELD_SWAPS) {
      if (!r.chance(swap.p) || done > maxRecord - 2) continue;
      if (swap.b === 'property') {
        if (fields.street === undefined) continue;
        fields.street = r.pick(PROPERTY_NAMES).toLowerCase();
      } else {
        if (fields[swap.a] === undefined || fields[swap.b] === undefined) continue;
        [fields[swap.a], fields[swap.b]] = [fields[swap.b], fields[swap.a]];
        perField[swap.b]++;
      }
      perField[swap.a]++;
      done += 2;
      modifications.push(`swap:${swap.a}-${swap.b}`);
    }
  }
  const selectable = Object.fromEntries(
    (Object.keys(FIELDS) as FieldName[]).map((f) => [f, FIELDS[f].select]),
  ) as Record<FieldName, number>;
  while (done < maxRecord) {
    const open = Object.fromEntries(
      Object.entries(selectable).filter(([f]) => perField[f as FieldName] < maxField),
    ) as Partial<Record<FieldName, number>>;
    if (Object.keys(open).length === 0) break;
    const field = weighted(r, open);
    const count = Math.min(
      maxField === 1 ? 1 : 1 + r.int(maxField),
      maxRecord - done,
      maxField - perField[field],
    );
    for (let m = 0; m < count; m++) {
      const op = weighted(r, FIELDS[field].ops);
      const before = fields[field];
      const after = modify(r, t, field, before, op);
      if (after === undefined) delete fields[field];
      else fields[field] = after;
      if (after !== before) modifications.push(`${field}:${op}`);
    }
    perField[field] += count;
    done += count;
  }
  return { fields, modifications };
}

/** `19850312` → `1985-03-12`; anything else (a digit lost or added) is passed on as written. */
function isoDate(dob: string | undefined): string | undefined {
  if (!dob) return undefined;
  return /^\d{8}$/.test(dob) ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : dob;
}

export function toProfile(record: Pick<FebrlLikeRecord, 'id' | 'fields'>): IdentityProfile {
  const f = record.fields;
  const hasAddress = f.street || f.streetNumber || f.suburb || f.postcode || f.state;
  return {
    id: record.id,
    givenName: f.given,
    familyName: f.surname,
    emails: [],
    phones: [],
    externalIds: [],
    deviceIds: [],
    address: hasAddress
      ? {
          street: f.street,
          houseNumber: f.streetNumber,
          city: f.suburb,
          postcode: f.postcode,
          region: f.state,
          country: 'AU',
        }
      : undefined,
    birthDate: isoDate(f.dob),
  };
}

export function generateFebrlLike(input: Partial<FebrlLikeOptions> = {}): FebrlLikeData {
  const options = { ...DEFAULT_FEBRL_LIKE, ...input };
  const r = createRandom(options.seed);
  const t = new Tables(r);
  const persons = makeHouseholds(r, t, options.originals, options.householdShare);
  const records: FebrlLikeRecord[] = persons.map((p) => ({
    id: '',
    personId: p.personId,
    householdId: p.householdId,
    original: true,
    fields: p.fields,
    modifications: [],
  }));
  const weights = duplicateCountWeights(options);
  const used = new Set<number>();
  const duplicatesPerOriginal: Record<number, number> = {};
  let made = 0;
  while (made < options.duplicates && used.size < persons.length) {
    let p = r.int(persons.length);
    while (used.has(p)) p = r.int(persons.length);
    used.add(p);
    const count = Math.min(1 + weightedIndex(r, weights), options.duplicates - made);
    duplicatesPerOriginal[count] = (duplicatesPerOriginal[count] ?? 0) + 1;
    for (let d = 0; d < count; d++) {
      const dup = makeDuplicate(r, t, persons[p].fields, options);
      records.push({
        id: '',
        personId: p,
        householdId: persons[p].householdId,
        original: false,
        fields: dup.fields,
        modifications: dup.modifications,
      });
      made++;
    }
  }
  // Random ids and a shuffled order: neither may carry the truth.
  for (let i = records.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [records[i], records[j]] = [records[j], records[i]];
  }
  const ids = new Set<string>();
  for (const rec of records) {
    let id: string;
    do id = `rec-${pad(r.int(1e9), 9)}`;
    while (ids.has(id));
    ids.add(id);
    rec.id = id;
  }
  const byId = new Map(records.map((x) => [x.id, x]));
  return {
    records,
    profiles: records.map(toProfile),
    truePairs: pairsWithin(records, (x) => x.personId),
    relativePairs: pairsWithin(records, (x) => x.householdId).filter(
      ([a, b]) => byId.get(a)!.personId !== byId.get(b)!.personId,
    ),
    stats: {
      persons: persons.length,
      households: new Set(persons.map((p) => p.householdId)).size,
      duplicatesPerOriginal,
    },
  };
}

function pairsWithin(
  records: readonly FebrlLikeRecord[],
  groupOf: (r: FebrlLikeRecord) => number,
): [string, string][] {
  const groups = new Map<number, string[]>();
  for (const rec of records) {
    const g = groupOf(rec);
    const list = groups.get(g);
    if (list) list.push(rec.id);
    else groups.set(g, [rec.id]);
  }
  const pairs: [string, string][] = [];
  for (const ids of groups.values()) {
    ids.sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]]);
  }
  return pairs;
}
