import { resolveIdentityConfig, type IdentityConfig, type IdentityConfigInput } from './config';
import { addressKey, householdFamilyKey, normalizeProfile, type NormalizedProfile } from './normalize';
import type { IdentityProfile } from './types';

/*
 * Households group profiles without merging them. Two rules, both deterministic:
 *  - same dwelling (normalized street, house number, postcode or city, country) and same family name
 *    (its household form: Kowalska joins the Kowalskis, Kovácsné the Kovácses);
 *  - a shared landline, unless so many profiles carry it that it is a switchboard.
 * Groups joined by either rule are merged transitively. Household ids are a hash of the sorted member
 * ids, so the same input gives the same ids on every run and on every machine.
 */

export interface Household {
  id: string;
  /** Member profile ids, sorted. */
  members: string[];
  size: number;
  /** Distinct people among the members (profiles of one person count once). */
  persons: number;
  /** Which rules joined the members. */
  reasons: ('address-and-family-name' | 'shared-landline')[];
}

export interface HouseholdResult {
  households: Household[];
  /** Profile id → household id, for profiles that belong to a household of two or more. */
  householdOf: Record<string, string>;
  stats: {
    profiles: number;
    households: number;
    profilesInHouseholds: number;
    /** Landlines ignored because more than household.maxLandlineSharing profiles carry them. */
    switchboardLandlines: number;
    /** Address + family groups ignored because larger than household.maxMembers. */
    oversizedGroups: number;
  };
}

/** Disjoint sets over 0..n-1 with path compression; the smaller index becomes the root. */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }

  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) {
      const next = this.parent[i];
      this.parent[i] = root;
      i = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** FNV-1a, 53 bits, as base 36: short, stable ids without a crypto dependency in pure code. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return ((h2 & 0x1fffff) * 0x100000000 + h1).toString(36);
}

/**
 * Household grouping of normalized profiles. `samePerson` lists groups of profile ids known to be one
 * person (duplicates not merged yet): they count once towards a household's size and limits, two
 * profiles of one person are no household, and a person belongs to one household with all profiles.
 */
export function groupNormalizedHouseholds(
  profiles: readonly NormalizedProfile[],
  config: IdentityConfig,
  samePerson: readonly (readonly string[])[] = [],
): HouseholdResult {
  const uf = new UnionFind(profiles.length);
  const persons = new UnionFind(profiles.length);
  const indexOf = new Map(profiles.map((p, i) => [p.id, i]));
  for (const group of samePerson) {
    const members = group.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
    for (const m of members.slice(1)) persons.union(members[0], m);
  }
  const personCount = (members: readonly number[]) => new Set(members.map((m) => persons.find(m))).size;
  const groups = new Map<string, number[]>();
  const add = (key: string, i: number): void => {
    const list = groups.get(key);
    if (!list) groups.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  profiles.forEach((p, i) => {
    const dwelling = addressKey(p.address);
    if (dwelling && p.family) add(`a\u0000${dwelling}\u0000${householdFamilyKey(p.family)}`, i);
    for (const phone of p.landlines) add(`l\u0000${phone.e164}`, i);
  });
  const reasonsOf = new Map<number, Set<Household['reasons'][number]>>();
  let switchboardLandlines = 0;
  let oversizedGroups = 0;
  for (const [key, members] of groups) {
    const people = personCount(members);
    if (people < 2) continue;
    const landline = key.startsWith('l');
    if (landline && people > config.household.maxLandlineSharing) {
      switchboardLandlines++;
      continue;
    }
    if (!landline && people > config.household.maxMembers) {
      oversizedGroups++;
      continue;
    }
    for (const m of members.slice(1)) uf.union(members[0], m);
    for (const m of members) {
      const set = reasonsOf.get(m) ?? new Set();
      set.add(landline ? 'shared-landline' : 'address-and-family-name');
      reasonsOf.set(m, set);
    }
  }
  // A person's other profiles (an old address) join the household the person is in.
  const housed = new Set([...reasonsOf.keys()].map((i) => persons.find(i)));
  profiles.forEach((_, i) => {
    const person = persons.find(i);
    if (housed.has(person)) uf.union(i, person);
  });
  const byRoot = new Map<number, number[]>();
  profiles.forEach((_, i) => {
    const root = uf.find(i);
    const list = byRoot.get(root);
    if (list) list.push(i);
    else byRoot.set(root, [i]);
  });
  const households: Household[] = [];
  const householdOf: Record<string, string> = {};
  for (const members of byRoot.values()) {
    const people = personCount(members);
    if (people < 2) continue;
    const ids = members.map((i) => profiles[i].id).sort();
    const reasons = new Set<Household['reasons'][number]>();
    for (const m of members) for (const r of reasonsOf.get(m) ?? []) reasons.add(r);
    const id = `hh_${stableHash(ids.join('\u0000'))}`;
    households.push({ id, members: ids, size: ids.length, persons: people, reasons: [...reasons].sort() });
    for (const memberId of ids) householdOf[memberId] = id;
  }
  households.sort((a, b) => (a.members[0] < b.members[0] ? -1 : a.members[0] > b.members[0] ? 1 : 0));
  return {
    households,
    householdOf,
    stats: {
      profiles: profiles.length,
      households: households.length,
      profilesInHouseholds: Object.keys(householdOf).length,
      switchboardLandlines,
      oversizedGroups,
    },
  };
}

/**
 * Groups profiles into households (two or more people) without merging them; `samePerson` are the
 * duplicate clusters found so far (see groupNormalizedHouseholds).
 */
export function groupHouseholds(
  profiles: readonly IdentityProfile[],
  configInput: IdentityConfigInput = {},
  samePerson: readonly (readonly string[])[] = [],
): HouseholdResult {
  const config = resolveIdentityConfig(configInput);
  return groupNormalizedHouseholds(
    profiles.map((p) => normalizeProfile(p, config)),
    config,
    samePerson,
  );
}
