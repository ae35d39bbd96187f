import type { IdentityConfig } from './config';
import type { NormalizedProfile } from './normalize';
import type { DeterministicEvidence, IdentifierKind } from './types';

/*
 * Deterministic rules: the same normalized email, personal phone, external id or device id means the
 * same person — unless the identifier is shared by more profiles than its kind's limit. Then it is a
 * family tablet, an office switchboard or a shared mailbox, and it merges nobody automatically (it is
 * not even evidence for the probabilistic model). Landlines have a limit of 1 by default: a shared
 * landline makes a household, not a person.
 */

export interface IdentifierValue {
  kind: IdentifierKind;
  value: string;
}

/** Every identifier of a normalized profile, with its kind. */
export function identifiersOf(p: NormalizedProfile): IdentifierValue[] {
  return [
    ...p.emails.map((value) => ({ kind: 'email' as const, value })),
    ...p.personalPhones.map((ph) => ({ kind: 'phone' as const, value: ph.e164 })),
    ...p.landlines.map((ph) => ({ kind: 'landline' as const, value: ph.e164 })),
    ...p.externalIds.map((value) => ({ kind: 'externalId' as const, value })),
    ...p.deviceIds.map((value) => ({ kind: 'deviceId' as const, value })),
  ];
}

const keyOf = (kind: IdentifierKind, value: string): string => `${kind}\u0000${value}`;

const KINDS: readonly IdentifierKind[] = ['email', 'phone', 'landline', 'externalId', 'deviceId'];

/** Which profiles carry each identifier (one map per kind, so lookups build no keys). */
export class IdentifierIndex {
  private readonly holders: Record<IdentifierKind, Map<string, number[]>> = {
    email: new Map(),
    phone: new Map(),
    landline: new Map(),
    externalId: new Map(),
    deviceId: new Map(),
  };

  constructor(profiles: readonly NormalizedProfile[]) {
    profiles.forEach((p, index) => {
      for (const e of p.emails) this.add('email', e, index);
      for (const ph of p.personalPhones) this.add('phone', ph.e164, index);
      for (const ph of p.landlines) this.add('landline', ph.e164, index);
      for (const x of p.externalIds) this.add('externalId', x, index);
      for (const d of p.deviceIds) this.add('deviceId', d, index);
    });
  }

  private add(kind: IdentifierKind, value: string, index: number): void {
    const map = this.holders[kind];
    const list = map.get(value);
    if (!list) map.set(value, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  }

  /** Indexes of the profiles that carry the identifier. */
  profilesWith(kind: IdentifierKind, value: string): readonly number[] {
    return this.holders[kind].get(value) ?? [];
  }

  count(kind: IdentifierKind, value: string): number {
    return this.holders[kind].get(value)?.length ?? 0;
  }

  *entries(): IterableIterator<{ kind: IdentifierKind; value: string; profiles: readonly number[] }> {
    for (const kind of KINDS) {
      for (const [value, profiles] of this.holders[kind]) yield { kind, value, profiles };
    }
  }
}

/** An identifier may merge automatically only while it is carried by at most `limit` profiles. */
export function withinSharingLimit(
  kind: IdentifierKind,
  profilesSharing: number,
  limits: IdentityConfig['identifierLimits'],
): boolean {
  return profilesSharing <= limits[kind];
}

export interface SharedIdentifiers {
  /** Shared identifiers within their sharing limit: each one alone makes the pair the same person. */
  rules: DeterministicEvidence[];
  /** Shared identifiers over their limit: they prove nothing. */
  overShared: DeterministicEvidence[];
}

/** The identifiers two profiles share, split by the sharing limits. */
export function sharedIdentifiers(
  a: NormalizedProfile,
  b: NormalizedProfile,
  countOf: (kind: IdentifierKind, value: string) => number,
  limits: IdentityConfig['identifierLimits'],
): SharedIdentifiers {
  const theirs = new Set(identifiersOf(b).map((x) => keyOf(x.kind, x.value)));
  const result: SharedIdentifiers = { rules: [], overShared: [] };
  for (const { kind, value } of identifiersOf(a)) {
    if (!theirs.has(keyOf(kind, value))) continue;
    const profilesSharing = Math.max(2, countOf(kind, value));
    const evidence = { kind, value, profilesSharing };
    if (withinSharingLimit(kind, profilesSharing, limits)) result.rules.push(evidence);
    else result.overShared.push(evidence);
  }
  return result;
}

export interface DeterministicPairs {
  /** Pairs (i < j) sharing at least one identifier within its limit. */
  pairs: [number, number][];
  /** Identifiers over their limit, with how many profiles carry them, largest first. */
  overShared: DeterministicEvidence[];
}

/** All pairs the deterministic rules join, and the identifiers the sharing limits switched off. */
export function deterministicPairs(
  index: IdentifierIndex,
  limits: IdentityConfig['identifierLimits'],
): DeterministicPairs {
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  const overShared: DeterministicEvidence[] = [];
  for (const { kind, value, profiles } of index.entries()) {
    if (profiles.length < 2) continue;
    if (!withinSharingLimit(kind, profiles.length, limits)) {
      overShared.push({ kind, value, profilesSharing: profiles.length });
      continue;
    }
    for (let x = 0; x < profiles.length; x++) {
      for (let y = x + 1; y < profiles.length; y++) {
        const i = Math.min(profiles[x], profiles[y]);
        const j = Math.max(profiles[x], profiles[y]);
        const key = `${i},${j}`;
        if (!seen.has(key)) {
          seen.add(key);
          pairs.push([i, j]);
        }
      }
    }
  }
  overShared.sort((p, q) => q.profilesSharing - p.profilesSharing || p.value.localeCompare(q.value));
  return { pairs, overShared };
}
