import { normalizePhone } from '../../../subgraphs/marketing/src/identity/normalize';
import { generateSyntheticPeople, truePairsOf } from '../../helpers/identity/synthetic-people';

describe('synthetic people', () => {
  const data = generateSyntheticPeople({ profiles: 3000, seed: 4 });

  it('is deterministic for a seed, and another seed gives other people', () => {
    expect(generateSyntheticPeople({ profiles: 3000, seed: 4 })).toEqual(data);
    const other = generateSyntheticPeople({ profiles: 3000, seed: 5 });
    expect(other.profiles.map((p) => p.givenName)).not.toEqual(data.profiles.map((p) => p.givenName));
  });

  it('generates exactly the number of profiles asked for, with unique ids', () => {
    expect(data.profiles).toHaveLength(3000);
    expect(new Set(data.profiles.map((p) => p.id)).size).toBe(3000);
    expect(() => generateSyntheticPeople({ profiles: 0 })).toThrow(RangeError);
  });

  it('contains known duplicates with the errors applied recorded', () => {
    expect(data.truePairs).toBe(truePairsOf(data.profiles).length);
    expect(data.truePairs).toBeGreaterThan(300);
    const duplicates = data.profiles.filter((p) => p.isDuplicate);
    expect(duplicates.length).toBeGreaterThan(500);
    expect(data.profiles.filter((p) => !p.isDuplicate).every((p) => p.corruptions.length === 0)).toBe(true);
    const errors = new Set(duplicates.flatMap((p) => p.corruptions));
    for (const e of [
      'given-typo',
      'family-typo',
      'nickname',
      'drop-diacritics',
      'swap-name-order',
      'switch-script',
      'missing-birth-date',
      'transposed-birth-date',
      'other-email',
      'phone-typo',
      'moved',
      'abbreviated-address',
    ]) {
      expect(errors).toContain(e);
    }
  });

  it('covers Hungarian, Polish, Persian (in both scripts) and English names', () => {
    const locales = new Set(data.profiles.map((p) => p.locale));
    expect([...locales].sort()).toEqual(['en', 'fa', 'hu', 'pl']);
    const persian = data.profiles.filter((p) => p.locale === 'fa');
    expect(persian.some((p) => /[\u0600-\u06ff]/.test(p.familyName ?? p.givenName ?? ''))).toBe(true);
    expect(persian.some((p) => /^[A-Za-z ]+$/.test(p.familyName ?? ''))).toBe(true);
    expect(data.profiles.some((p) => /[őűŐŰ]/.test(`${p.givenName} ${p.familyName}`))).toBe(true);
    expect(data.profiles.some((p) => /[łŁżŻ]/.test(`${p.givenName} ${p.familyName}`))).toBe(true);
  });

  it('writes phone numbers libphonenumber accepts, in varied formats', () => {
    const phones = data.profiles
      .filter((p) => !p.isDuplicate)
      .flatMap((p) => p.phones.map((ph) => [ph, p] as const));
    const region = { hu: 'HU', pl: 'PL', fa: 'IR', en: 'GB' } as const;
    const parsed = phones.map(([ph, p]) => normalizePhone(ph, region[p.locale]));
    expect(parsed.filter((x) => x?.valid).length / parsed.length).toBeGreaterThan(0.99);
    expect(new Set(phones.map(([ph]) => ph.slice(0, 2))).size).toBeGreaterThan(5);
  });

  it('puts people in households sharing an address and, often, a landline', () => {
    const region = { hu: 'HU', pl: 'PL', fa: 'IR', en: 'GB' } as const;
    const byHousehold = new Map<string, typeof data.profiles>();
    for (const p of data.profiles)
      byHousehold.set(p.householdId, [...(byHousehold.get(p.householdId) ?? []), p]);
    const multi = [...byHousehold.values()].filter(
      (members) => new Set(members.map((m) => m.personId)).size > 1,
    );
    expect(multi.length).toBeGreaterThan(300);
    const withLandline = multi.filter((members) => {
      const owners = new Map<string, Set<string>>();
      for (const m of members) {
        for (const raw of m.phones) {
          const phone = normalizePhone(raw, region[m.locale]);
          if (phone?.kind === 'landline')
            owners.set(phone.e164, (owners.get(phone.e164) ?? new Set()).add(m.personId));
        }
      }
      return [...owners.values()].some((persons) => persons.size > 1);
    });
    expect(withLandline.length / multi.length).toBeGreaterThan(0.2);
  });
});
