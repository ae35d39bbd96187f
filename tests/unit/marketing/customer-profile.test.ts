import { AppError } from '../../../shared/errors';
import {
  CustomerStatus,
  IdentifierKind,
  PhoneKind,
} from '../../../subgraphs/marketing/src/customer/customer.enums';
import {
  CreateCustomerInput,
  UpdateCustomerInput,
} from '../../../subgraphs/marketing/src/customer/customer.input';
import type { CustomerDoc } from '../../../subgraphs/marketing/src/customer/customer.model';
import {
  buildEmails,
  buildPhones,
  profileFromCreate,
  profileUpdate,
} from '../../../subgraphs/marketing/src/customer/customer.profile';

const NOW = new Date('2025-06-01T10:00:00Z');
const ctx = { now: NOW, defaultPhoneRegion: 'DE' };

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).details.field;
  }
  throw new Error('expected an error');
};

const create = (fields: Partial<CreateCustomerInput>) => Object.assign(new CreateCustomerInput(), fields);

describe('buildEmails', () => {
  it('stores the normalized key next to the address as typed and marks the first as primary', () => {
    expect(
      buildEmails(
        [
          { address: ' Anna@Example.com', primary: false },
          { address: 'b@x.io', primary: false },
        ],
        'emails',
        NOW,
      ),
    ).toEqual([
      { address: 'Anna@Example.com', normalized: 'anna@example.com', primary: true, addedAt: NOW },
      { address: 'b@x.io', normalized: 'b@x.io', primary: false, addedAt: NOW },
    ]);
  });

  it('names the offending entry for duplicates and double primaries', () => {
    expect(
      fieldOf(() =>
        buildEmails(
          [
            { address: 'a@x.io', primary: false },
            { address: 'A@X.io ', primary: false },
          ],
          'emails',
          NOW,
        ),
      ),
    ).toBe('emails.1.address');
    expect(
      fieldOf(() =>
        buildEmails(
          [
            { address: 'a@x.io', primary: true },
            { address: 'b@x.io', primary: true },
          ],
          'emails',
          NOW,
        ),
      ),
    ).toBe('emails');
  });

  it('keeps when an address was first added across updates', () => {
    const earlier = new Date('2020-01-01Z');
    const [kept, added] = buildEmails(
      [
        { address: 'a@x.io', primary: true },
        { address: 'c@x.io', primary: false },
      ],
      'emails',
      NOW,
      [{ address: 'A@x.io', normalized: 'a@x.io', primary: true, addedAt: earlier }],
    );
    expect(kept.addedAt).toBe(earlier);
    expect(added.addedAt).toBe(NOW);
  });
});

describe('buildPhones', () => {
  it('stores E.164 read in the given region and names bad entries', () => {
    expect(
      buildPhones(
        [{ number: '0170 1234567', kind: PhoneKind.MOBILE, primary: false }],
        'phones',
        NOW,
        'DE',
      )[0],
    ).toMatchObject({
      number: '+491701234567',
      primary: true,
    });
    expect(
      fieldOf(() =>
        buildPhones(
          [
            { number: '+36 30 123 4567', kind: PhoneKind.MOBILE, primary: false },
            { number: '12', kind: PhoneKind.WORK, primary: false },
          ],
          'phones',
          NOW,
          'HU',
        ),
      ),
    ).toBe('phones.1.number');
  });
});

describe('profileFromCreate', () => {
  it('reads national phone numbers in the profile’s own country before the configured default', () => {
    const p = profileFromCreate(
      create({
        givenName: 'Péter',
        familyName: 'Kovács',
        email: 'Peter@Example.com',
        phones: [{ number: '06 30 123 4567', kind: PhoneKind.MOBILE, primary: true }],
        address: { country: 'HU', city: 'Budapest' },
        timeZone: 'europe/budapest',
        identifiers: [{ kind: IdentifierKind.LOYALTY_CARD, value: 'ab 1234 5678' }],
      }),
      ctx,
    );
    expect(p.phones[0].number).toBe('+36301234567');
    expect(p.emails).toEqual([
      { address: 'Peter@Example.com', normalized: 'peter@example.com', primary: true, addedAt: NOW },
    ]);
    expect(p.timeZone).toBe('Europe/Budapest');
    expect(p.status).toBe(CustomerStatus.ACTIVE);
    expect(p.exclusiveKeys).toEqual(['LOYALTY_CARD:AB12345678']);
    expect(p.searchTokens).toEqual(expect.arrayContaining(['peter', 'kovacs', 'peter@example.com']));
    expect(p.address).toEqual({ country: 'HU', city: 'Budapest' });
  });

  it('refuses kinds that have their own lists in identifiers, naming the entry', () => {
    expect(
      fieldOf(() =>
        profileFromCreate(create({ identifiers: [{ kind: IdentifierKind.EMAIL, value: 'a@b.c' }] }), ctx),
      ),
    ).toBe('identifiers.0.kind');
  });

  it('device ids are not exclusive: they produce no uniqueness key', () => {
    const p = profileFromCreate(
      create({ identifiers: [{ kind: IdentifierKind.DEVICE_ID, value: 'TABLET-1' }] }),
      ctx,
    );
    expect(p.identifiers[0].normalized).toBe('tablet-1');
    expect(p.exclusiveKeys).toEqual([]);
  });

  it('refuses the same consent twice', () => {
    const consent = { channel: 'EMAIL', purpose: 'MARKETING', granted: true, source: 'WEB_FORM' } as never;
    expect(fieldOf(() => profileFromCreate(create({ consents: [consent, consent] }), ctx))).toBe(
      'consents.1',
    );
  });
});

describe('profileUpdate', () => {
  const doc = {
    _id: 'cus_000000000000000000000001',
    ...profileFromCreate(
      create({
        givenName: 'Anna',
        familyName: 'Nowak',
        email: 'anna@x.pl',
        address: { country: 'PL', city: 'Kraków' },
      }),
      ctx,
    ),
    createdAt: NOW,
    updatedAt: NOW,
  } as CustomerDoc;
  const update = (fields: Partial<UpdateCustomerInput>) =>
    profileUpdate(doc, Object.assign(new UpdateCustomerInput(), fields), ctx);

  it('keeps omitted fields, clears null ones and recomputes derived keys', () => {
    const { set, unset } = update({ familyName: 'Kowalska', address: null });
    expect(set.familyName).toBe('Kowalska');
    expect(unset).toEqual(['address']);
    expect(set.givenName).toBeUndefined();
    expect(set.searchTokens).toEqual(expect.arrayContaining(['anna', 'kowalska', 'anna@x.pl']));
    expect(set.searchTokens).not.toContain('nowak');
  });

  it('reads new phones in the updated country', () => {
    const { set } = update({
      address: { country: 'HU' },
      phones: [{ number: '06301234567', kind: PhoneKind.MOBILE, primary: true }],
    });
    expect(set.phones?.[0].number).toBe('+36301234567');
  });
});
