import { groupHouseholds } from '../../../subgraphs/marketing/src/identity/household';
import type { IdentityProfile } from '../../../subgraphs/marketing/src/identity/types';

function profile(id: string, fields: Partial<IdentityProfile>): IdentityProfile {
  return { id, emails: [], phones: [], externalIds: [], deviceIds: [], ...fields };
}

const flat = { street: 'ul. Długa', houseNumber: '5/3', city: 'Warszawa', postcode: '00-950', country: 'PL' };

describe('households', () => {
  it('groups the same dwelling and family name, the wife’s form of the name included', () => {
    const result = groupHouseholds([
      profile('jan', { givenName: 'Jan', familyName: 'Kowalski', address: flat }),
      profile('anna', {
        givenName: 'Anna',
        familyName: 'Kowalska',
        address: { ...flat, street: 'ulica Długa' },
      }),
      profile('lodger', { givenName: 'Piotr', familyName: 'Nowak', address: flat }),
      profile('cousin', { givenName: 'Ewa', familyName: 'Kowalska', address: { ...flat, houseNumber: '7' } }),
    ]);
    expect(result.households).toHaveLength(1);
    expect(result.households[0]).toMatchObject({
      members: ['anna', 'jan'],
      size: 2,
      reasons: ['address-and-family-name'],
    });
    expect(result.householdOf).toEqual({ anna: result.households[0].id, jan: result.households[0].id });
  });

  it('groups Hungarian married names (Kovácsné) with the family', () => {
    const home = { street: 'Fő u. 12', city: 'Budapest', postcode: '1011' };
    const result = groupHouseholds([
      profile('p', { givenName: 'Péter', familyName: 'Kovács', address: home }),
      profile('e', { givenName: 'Éva', familyName: 'Kovácsné', address: { ...home, street: 'Fő utca 12' } }),
    ]);
    expect(result.households.map((h) => h.members)).toEqual([['e', 'p']]);
  });

  it('a shared landline joins a household even across family names, mobiles do not', () => {
    const result = groupHouseholds([
      profile('a', {
        familyName: 'Rezaei',
        phones: ['021 8888 7777'],
        address: { country: 'IR', city: 'تهران' },
      }),
      profile('b', {
        familyName: 'Karimi',
        phones: ['+98 21 8888 7777'],
        address: { country: 'IR', city: 'تهران' },
      }),
      profile('c', {
        familyName: 'Ahmadi',
        phones: ['0912 345 6789'],
        address: { country: 'IR', city: 'تهران' },
      }),
      profile('d', {
        familyName: 'Ahmadi',
        phones: ['+98 912 345 6789'],
        address: { country: 'IR', city: 'تهران' },
      }),
    ]);
    expect(result.households).toHaveLength(1);
    expect(result.households[0]).toMatchObject({ members: ['a', 'b'], reasons: ['shared-landline'] });
  });

  it('ignores a switchboard landline carried by more profiles than household.maxLandlineSharing', () => {
    const staff = Array.from({ length: 7 }, (_, i) =>
      profile(`s${i}`, { familyName: `N${i}`, phones: ['06 1 555 0000'] }),
    );
    const result = groupHouseholds(staff);
    expect(result.households).toEqual([]);
    expect(result.stats.switchboardLandlines).toBe(1);
    expect(groupHouseholds(staff, { household: { maxLandlineSharing: 7 } }).households).toHaveLength(1);
  });

  it('gives the same household ids for the same members, whatever the input order, and merges nobody', () => {
    const people = [
      profile('jan', { givenName: 'Jan', familyName: 'Kowalski', address: flat }),
      profile('anna', { givenName: 'Anna', familyName: 'Kowalska', address: flat }),
      profile('ola', { givenName: 'Ola', familyName: 'Kowalska', address: flat }),
    ];
    const first = groupHouseholds(people);
    const second = groupHouseholds([...people].reverse());
    expect(second).toEqual(first);
    expect(first.households[0].id).toMatch(/^hh_[0-9a-z]+$/);
    expect(first.households[0].members).toEqual(['anna', 'jan', 'ola']);
    const other = groupHouseholds(people.slice(0, 2));
    expect(other.households[0].id).not.toBe(first.households[0].id);
  });
});

describe('households are computed over people, not profiles', () => {
  const home = { street: 'Fő utca', houseNumber: '12', city: 'Budapest', postcode: '1011', country: 'HU' };

  it('households grouped before duplicates are merged: two profiles of one person are no household', () => {
    const profiles = [
      profile('peter-shop', { givenName: 'Péter', familyName: 'Kovács', address: home }),
      profile('peter-crm', { givenName: 'Peter', familyName: 'Kovacs', address: home }),
    ];
    expect(groupHouseholds(profiles).households).toHaveLength(1);
    expect(groupHouseholds(profiles, {}, [['peter-shop', 'peter-crm']]).households).toEqual([]);
  });

  it('a person counts once towards size limits, and all their profiles join their household', () => {
    const profiles = [
      profile('peter-shop', { givenName: 'Péter', familyName: 'Kovács', address: home }),
      profile('peter-old', {
        givenName: 'Peter',
        familyName: 'Kovacs',
        address: { ...home, street: 'Petőfi utca', houseNumber: '3' },
      }),
      profile('anna', { givenName: 'Anna', familyName: 'Kovács', address: home }),
      profile('peter-crm', { givenName: 'Peter', familyName: 'Kovács', address: home }),
    ];
    // Three profiles at the address, but two people: within a two-member limit.
    const result = groupHouseholds(profiles, { household: { maxMembers: 2 } }, [
      ['peter-shop', 'peter-crm', 'peter-old'],
    ]);
    expect(result.households).toHaveLength(1);
    expect(result.households[0]).toMatchObject({
      members: ['anna', 'peter-crm', 'peter-old', 'peter-shop'],
      size: 4,
      persons: 2,
    });
    // Counted as profiles, the same address group is over the limit and forms no household.
    expect(groupHouseholds(profiles, { household: { maxMembers: 2 } }).households).toEqual([]);
  });
});
