import { resolveIdentityConfig } from '../../../subgraphs/marketing/src/identity/config';
import { normalizeProfile } from '../../../subgraphs/marketing/src/identity/normalize';
import {
  deterministicPairs,
  IdentifierIndex,
  sharedIdentifiers,
} from '../../../subgraphs/marketing/src/identity/rules';
import type { IdentityProfile } from '../../../subgraphs/marketing/src/identity/types';

const config = resolveIdentityConfig({ phone: { defaultRegion: 'HU' } });

function profile(id: string, fields: Partial<IdentityProfile>): IdentityProfile {
  return { id, emails: [], phones: [], externalIds: [], deviceIds: [], ...fields };
}

function pairsOf(profiles: IdentityProfile[], limits = config.identifierLimits) {
  const normalized = profiles.map((p) => normalizeProfile(p, config));
  const result = deterministicPairs(new IdentifierIndex(normalized), limits);
  return {
    pairs: result.pairs.map(([i, j]) => `${profiles[i].id}-${profiles[j].id}`).sort(),
    overShared: result.overShared,
  };
}

describe('deterministic rules', () => {
  it('the same normalized email means the same person', () => {
    const { pairs } = pairsOf([
      profile('a', { emails: ['Anna.Nowak@wp.pl'] }),
      profile('b', { emails: [' anna.nowak@WP.pl'] }),
      profile('c', { emails: ['anna.nowak@onet.pl'] }),
    ]);
    expect(pairs).toEqual(['a-b']);
  });

  it('the same personal phone, in any format, means the same person', () => {
    const { pairs } = pairsOf([
      profile('a', { phones: ['06 30 123 4567'] }),
      profile('b', { phones: ['+36301234567'] }),
      profile('c', { phones: ['0036 30 123 4568'] }),
    ]);
    expect(pairs).toEqual(['a-b']);
  });

  it('the same external id (loyalty card) means the same person', () => {
    const { pairs } = pairsOf([
      profile('a', { externalIds: ['LC0001'] }),
      profile('b', { externalIds: [' LC0001 '] }),
      profile('c', { externalIds: ['LC0002'] }),
    ]);
    expect(pairs).toEqual(['a-b']);
  });

  it('the same device id means the same person while at most two profiles carry it', () => {
    const { pairs } = pairsOf([
      profile('a', { deviceIds: ['DEV-1'] }),
      profile('b', { deviceIds: ['dev-1'] }),
    ]);
    expect(pairs).toEqual(['a-b']);
  });

  it('an identifier carried by more profiles than its limit merges nobody and is reported', () => {
    const family = ['a', 'b', 'c'].map((id) => profile(id, { deviceIds: ['family-tablet'] }));
    const office = ['d', 'e', 'f', 'g'].map((id) => profile(id, { emails: ['info@company.hu'] }));
    const { pairs, overShared } = pairsOf([...family, ...office]);
    expect(pairs).toEqual([]);
    expect(overShared).toEqual([
      { kind: 'email', value: 'info@company.hu', profilesSharing: 4 },
      { kind: 'deviceId', value: 'family-tablet', profilesSharing: 3 },
    ]);
  });

  it('limits are per identifier kind and configurable', () => {
    const family = ['a', 'b', 'c'].map((id) => profile(id, { deviceIds: ['family-tablet'] }));
    expect(pairsOf(family, { ...config.identifierLimits, deviceId: 3 }).pairs).toEqual(['a-b', 'a-c', 'b-c']);
    const sharedEmail = ['a', 'b', 'c'].map((id) => profile(id, { emails: ['home@example.com'] }));
    expect(pairsOf(sharedEmail).pairs).toHaveLength(3); // email limit 3
    expect(pairsOf(sharedEmail, { ...config.identifierLimits, email: 2 }).pairs).toEqual([]);
  });

  it('a shared landline never merges anyone (limit 1): it makes a household', () => {
    const { pairs, overShared } = pairsOf([
      profile('a', { phones: ['06 1 234 5678'] }),
      profile('b', { phones: ['+36 1 234 5678'] }),
    ]);
    expect(pairs).toEqual([]);
    expect(overShared).toEqual([{ kind: 'landline', value: '+3612345678', profilesSharing: 2 }]);
  });

  it('sharedIdentifiers splits what two profiles share by the limits', () => {
    const a = normalizeProfile(
      profile('a', { emails: ['x@y.hu', 'info@company.hu'], deviceIds: ['d1'] }),
      config,
    );
    const b = normalizeProfile(
      profile('b', { emails: ['X@y.hu', 'info@company.hu'], deviceIds: ['d2'] }),
      config,
    );
    const counts: Record<string, number> = { 'x@y.hu': 2, 'info@company.hu': 40 };
    const shared = sharedIdentifiers(a, b, (_kind, value) => counts[value] ?? 1, config.identifierLimits);
    expect(shared.rules).toEqual([{ kind: 'email', value: 'x@y.hu', profilesSharing: 2 }]);
    expect(shared.overShared).toEqual([{ kind: 'email', value: 'info@company.hu', profilesSharing: 40 }]);
  });
});
