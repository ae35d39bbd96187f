import type { PreparedProfile } from './comparison';

/*
 * Blocking: only pairs that share at least one blocking key are compared, so 100,000 profiles cost a
 * few hundred thousand comparisons instead of 5·10^9. Each rule is chosen so that a typical error in one
 * attribute is caught by a rule on another (a mistyped name still shares its birth date; a new email
 * still shares the name), which is what keeps recall high. Blocks larger than `maxBlockSize` are
 * skipped and reported: a key that common (a placeholder birth date, a very common name) selects
 * nothing useful.
 */

export interface BlockingRule {
  name: string;
  description: string;
  /** Blocking keys of one profile; a profile may have several (one per email) or none. */
  keys(p: PreparedProfile): string[];
}

function nameKeys(
  p: PreparedProfile,
  pick: (n: NonNullable<PreparedProfile['given']>) => string,
): [string, string] | null {
  if (!p.given || !p.family) return null;
  const g = pick(p.given);
  const f = pick(p.family);
  if (!g || !f) return null;
  // Sorted so that swapped name order (family name first) meets the same key.
  return g < f ? [g, f] : [f, g];
}

/** A family name's sound: Double Metaphone for Latin script, the cross-script skeleton otherwise. */
function sound(name: NonNullable<PreparedProfile['given']>): string {
  return name.phonetic || name.skeleton;
}

const initial = (name: NonNullable<PreparedProfile['given']>): string => name.key[0];

export const PREDICTION_BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'email', description: 'same normalized email', keys: (p) => p.emails },
  { name: 'phone', description: 'same personal phone (E.164)', keys: (p) => p.phones },
  {
    name: 'name',
    description: 'same given and family name (any order, accents ignored)',
    keys: (p) => {
      const k = nameKeys(p, (n) => n.key);
      return k ? [k.join('|')] : [];
    },
  },
  {
    name: 'name-skeleton',
    description: 'same phonetic skeleton of both names (other script, romanisation variants)',
    keys: (p) => {
      const k = nameKeys(p, (n) => n.skeleton);
      return k ? [k.join('|')] : [];
    },
  },
  {
    name: 'name-sound',
    description: 'both names sound alike (Double Metaphone), in either order: a typo in each name',
    keys: (p) => {
      const k = nameKeys(p, sound);
      return k ? [k.join('|')] : [];
    },
  },
  {
    name: 'family-sound-initial',
    description: 'family name sounds alike and the same given-name initial, whatever the date and address',
    keys: (p) => (p.family && p.given ? [`${sound(p.family)}|${initial(p.given)}`] : []),
  },
  {
    name: 'birth-date',
    description: 'same full birth date',
    keys: (p) => (p.birthDate?.precision === 'day' ? [p.birthDate.iso] : []),
  },
  {
    name: 'family-sound-birth-year',
    description: 'family name sounds alike (Double Metaphone) and same birth year: a changed given name',
    keys: (p) => (p.family && p.birthDate ? [`${sound(p.family)}|${p.birthDate.year}`] : []),
  },
  {
    name: 'dwelling',
    description: 'same postcode (or city) and house number',
    keys: (p) => {
      const a = p.address;
      if (!a || !a.houseNumberBase || !(a.postcode || a.city)) return [];
      return [`${a.postcode || a.city}|${a.houseNumberBase}`];
    },
  },
  {
    name: 'postcode-initial',
    description: 'same postcode and the same initial of the family (or of the given) name',
    keys: (p) => {
      const postcode = p.address?.postcode;
      if (!postcode) return [];
      const keys: string[] = [];
      if (p.family) keys.push(`${postcode}|f${initial(p.family)}`);
      if (p.given) keys.push(`${postcode}|g${initial(p.given)}`);
      return keys;
    },
  },
  {
    name: 'street-number',
    description: 'street sounds alike and same house number, whatever the postcode or city',
    keys: (p) => {
      const a = p.address;
      return a && a.houseNumberBase && a.streetSound ? [`${a.streetSound}|${a.houseNumberBase}`] : [];
    },
  },
  {
    name: 'family-birth-year',
    description:
      'same family name skeleton, first letter of the given name and birth year (a mistyped or changed given name)',
    keys: (p) =>
      p.family && p.given && p.birthDate
        ? [`${p.family.skeleton}|${p.given.key[0]}|${p.birthDate.year}`]
        : [],
  },
  {
    name: 'given-birth-year',
    description:
      'same given name skeleton, first letter of the family name and birth year (a mistyped family name)',
    keys: (p) =>
      p.given && p.family && p.birthDate
        ? [`${p.given.skeleton}|${p.family.key[0]}|${p.birthDate.year}`]
        : [],
  },
  {
    name: 'name-address-lsh',
    description:
      'MinHash LSH over the letter pairs of names and street and the house number and birth year: records with several errors spread over the fields',
    keys: (p) => lshKeys(p),
  },
];

// ---------------------------------------------------------------------------------------------------
// Locality-sensitive hashing (MinHash) on name and address tokens
// ---------------------------------------------------------------------------------------------------

/** Bands × rows of the MinHash signature: a pair sharing the share s of its tokens meets in some
 *  band with probability 1 − (1 − s^ROWS)^BANDS (0.1 at s = 0.4, 0.6 at s = 0.6, 0.96 at s = 0.75). */
export const LSH_BANDS = 12;
export const LSH_ROWS = 5;

/** 32-bit FNV-1a of a string. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** A fixed family of hash functions (murmur3's finaliser over the token hash xor a per-function seed). */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const LSH_SEEDS = Array.from({ length: LSH_BANDS * LSH_ROWS }, (_, i) => mix(i + 1, 0x9e3779b9));

function bigrams(text: string, out: Set<string>): void {
  const t = text.replace(/\s+/g, '');
  if (t.length === 1) out.add(t);
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
}

/** The token set MinHash summarises: letter pairs of names and street, the house number, birth year. */
/** The prediction rules `names` picks (config `blocking.rules`), in their own order. */
export function blockingRulesNamed(names: readonly string[]): BlockingRule[] {
  return PREDICTION_BLOCKING_RULES.filter((r) => names.includes(r.name));
}

export function lshTokens(p: PreparedProfile): Set<string> {
  const tokens = new Set<string>();
  if (p.given) bigrams(p.given.key, tokens);
  if (p.family) bigrams(p.family.key, tokens);
  if (p.address?.streetCore) bigrams(p.address.streetCore, tokens);
  if (p.address?.houseNumberBase) tokens.add(`#${p.address.houseNumberBase}`);
  if (p.birthDate) tokens.add(`y${p.birthDate.year}`);
  return tokens;
}

function lshKeys(p: PreparedProfile): string[] {
  const tokens = lshTokens(p);
  // Too little to go on: a name alone would meet every namesake.
  if (tokens.size < 6) return [];
  const hashes = Array.from(tokens, hash32);
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let key = `${band}`;
    for (let row = 0; row < LSH_ROWS; row++) {
      const seed = LSH_SEEDS[band * LSH_ROWS + row];
      let min = 0xffffffff;
      for (const h of hashes) {
        const v = mix(h, seed);
        if (v < min) min = v;
      }
      key += `.${min.toString(36)}`;
    }
    keys.push(key);
  }
  return keys;
}

export interface BlockingRuleStats {
  rule: string;
  /** Pairs this rule added that no earlier rule had produced. */
  newPairs: number;
  blocks: number;
  largestBlock: number;
  /** Blocks over maxBlockSize, skipped. */
  oversizedBlocks: number;
}

export interface CandidatePairs {
  left: Int32Array;
  right: Int32Array;
  count: number;
  rules: BlockingRuleStats[];
}

/** Growable list of doubles (pair keys). */
class KeyBuffer {
  keys = new Float64Array(4096);
  count = 0;

  push(key: number): void {
    if (this.count === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.count++] = key;
  }
}

/** Groups profile indexes by key (a profile listed once per distinct key). */
export function buildBlocks(profiles: readonly PreparedProfile[], rule: BlockingRule): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  for (const p of profiles) {
    const keys = rule.keys(p);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (!key || (k > 0 && keys.indexOf(key) < k)) continue;
      const list = blocks.get(key);
      if (list) list.push(p.index);
      else blocks.set(key, [p.index]);
    }
  }
  return blocks;
}

/**
 * Distinct candidate pairs (i < j) of all rules, plus `extra` pairs (e.g. deterministic matches) that
 * must be scored whatever the blocking says. Pairs are collected as numeric keys (pair · 16 + rule) and
 * de-duplicated by one typed-array sort, which is far cheaper than a hash set of millions of pairs; the
 * sort also puts each pair's first rule first, for the per-rule statistics.
 */
export function generateCandidatePairs(
  profiles: readonly PreparedProfile[],
  rules: readonly BlockingRule[],
  maxBlockSize: number,
  extra: Iterable<[number, number]> = [],
): CandidatePairs {
  const n = profiles.length;
  if (rules.length > 15) throw new RangeError('at most 15 blocking rules');
  const buffer = new KeyBuffer();
  const stats: BlockingRuleStats[] = [];
  rules.forEach((rule, r) => {
    const s: BlockingRuleStats = {
      rule: rule.name,
      newPairs: 0,
      blocks: 0,
      largestBlock: 0,
      oversizedBlocks: 0,
    };
    for (const members of buildBlocks(profiles, rule).values()) {
      if (members.length < 2) continue;
      s.blocks++;
      s.largestBlock = Math.max(s.largestBlock, members.length);
      if (members.length > maxBlockSize) {
        s.oversizedBlocks++;
        continue;
      }
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const i = members[x];
          const j = members[y];
          buffer.push((i < j ? i * n + j : j * n + i) * 16 + r);
        }
      }
    }
    stats.push(s);
  });
  const extraStats: BlockingRuleStats = {
    rule: 'deterministic',
    newPairs: 0,
    blocks: 0,
    largestBlock: 0,
    oversizedBlocks: 0,
  };
  for (const [i, j] of extra) if (i !== j) buffer.push((i < j ? i * n + j : j * n + i) * 16 + 15);
  stats.push(extraStats);
  const keys = buffer.keys.subarray(0, buffer.count).sort();
  const left = new Int32Array(keys.length);
  const right = new Int32Array(keys.length);
  let count = 0;
  let previous = -1;
  for (let k = 0; k < keys.length; k++) {
    const pair = Math.floor(keys[k] / 16);
    if (pair === previous) continue;
    previous = pair;
    const rule = keys[k] - pair * 16;
    (rule === 15 ? extraStats : stats[rule]).newPairs++;
    left[count] = Math.floor(pair / n);
    right[count] = pair - left[count] * n;
    count++;
  }
  return { left: left.subarray(0, count), right: right.subarray(0, count), count, rules: stats };
}
