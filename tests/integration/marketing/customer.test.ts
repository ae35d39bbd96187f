/**
 * The profile and identity graph over real mongoose: create, read, update, identifiers and consent,
 * with the error codes clients switch on (BAD_USER_INPUT naming the field, CONFLICT, NOT_FOUND).
 */
import { CustomerStatus } from '../../../subgraphs/marketing/src/customer/customer.enums';
import { CREATE, createCustomer, startMarketing, type Marketing } from './marketing-harness';

// Jest's project-level testTimeout does not reach hooks; the shared 2-core machine can be slow.
jest.setTimeout(60_000);

let m: Marketing;
beforeAll(async () => {
  m = await startMarketing('mkt_customer');
});
afterAll(async () => m.stop());

const BY_ID = `query($id: ID!) { customer(id: $id) { id displayName email phones { number } identifiers { kind value } status } }`;
const BY_IDENTIFIER = `query($kind: IdentifierKind!, $value: String!) { customerByIdentifier(kind: $kind, value: $value) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) { id givenName familyName displayName emails { address primary } address { city country } timeZone }
}`;
const ADD_IDENTIFIER = `mutation($input: AddIdentifierInput!) {
  addIdentifier(input: $input) { id emails { address primary } phones { number primary } identifiers { kind value } socialHandles { network handle } }
}`;
const SET_CONSENT = `mutation($input: SetConsentInput!) { setConsent(input: $input) { consents { channel purpose granted source updatedAt } } }`;

describe('createCustomer', () => {
  it('stores a full profile with normalized contact points', async () => {
    const { createCustomer: c } = await m.ok(CREATE, {
      input: {
        givenName: 'Péter',
        familyName: 'Kovács',
        email: 'Peter.Kovacs@Example.HU',
        phones: [
          { number: '06 30 123 4567', kind: 'MOBILE' },
          { number: '+36 1 234 5678', kind: 'LANDLINE' },
        ],
        identifiers: [
          { kind: 'EXTERNAL_ID', value: 'shop-991', source: 'shopify' },
          { kind: 'LOYALTY_CARD', value: '4000 1234 5678' },
        ],
        socialHandles: [{ network: 'INSTAGRAM', handle: '@kovacs.peter' }],
        householdId: 'hh-kovacs',
        demographics: { ageBand: 'AGE_35_44', city: 'Budapest', country: 'HU' },
        address: { street: 'Fő utca', houseNumber: '12', city: 'Budapest', postcode: '1011', country: 'HU' },
        birthDate: '1985-04-12',
        language: 'hu-HU',
        timeZone: 'europe/budapest',
        quietHours: { start: '21:00', end: '08:00' },
        consents: [{ channel: 'EMAIL', purpose: 'MARKETING', granted: true, source: 'WEB_FORM' }],
      },
    });
    expect(c.id).toMatch(/^cus_[0-9a-f]{24}$/);
    expect(c).toMatchObject({
      displayName: 'Kovács Péter',
      email: 'Peter.Kovacs@Example.HU',
      emails: [{ address: 'Peter.Kovacs@Example.HU', primary: true }],
      phones: [
        { number: '+36301234567', kind: 'MOBILE', primary: true },
        { number: '+3612345678', kind: 'LANDLINE', primary: false },
      ],
      identifiers: [
        { kind: 'EXTERNAL_ID', value: 'shop-991', source: 'shopify' },
        { kind: 'LOYALTY_CARD', value: '4000 1234 5678', source: null },
      ],
      socialHandles: [{ network: 'INSTAGRAM', handle: 'kovacs.peter' }],
      address: {
        street: 'Fő utca',
        houseNumber: '12',
        city: 'Budapest',
        postcode: '1011',
        region: null,
        country: 'HU',
      },
      birthDate: '1985-04-12',
      timeZone: 'Europe/Budapest',
      quietHours: { start: '21:00', end: '08:00' },
      consents: [{ channel: 'EMAIL', purpose: 'MARKETING', granted: true, source: 'WEB_FORM' }],
      status: 'ACTIVE',
    });
    const { customer } = await m.ok(BY_ID, { id: c.id });
    expect(customer).toMatchObject({
      id: c.id,
      phones: [{ number: '+36301234567' }, { number: '+3612345678' }],
    });
  });

  it('CONFLICT for an email another profile holds, whatever its case; nothing is stored', async () => {
    await createCustomer(m, { email: 'taken@example.com' });
    const before = await m.models.customers.countDocuments();
    const err = await m.fails(CREATE, { input: { email: 'TAKEN@Example.com' } });
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'emails' });
    expect(await m.models.customers.countDocuments()).toBe(before);
  });

  it('CONFLICT for a loyalty card or external id on another profile; device ids may be shared', async () => {
    await createCustomer(m, {
      identifiers: [
        { kind: 'LOYALTY_CARD', value: 'LC-777-001' },
        { kind: 'DEVICE_ID', value: 'TABLET-FAMILY' },
      ],
    });
    const err = await m.fails(CREATE, {
      input: { identifiers: [{ kind: 'LOYALTY_CARD', value: 'lc 777 001' }] },
    });
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'identifiers', kind: 'LOYALTY_CARD' });
    await createCustomer(m, { identifiers: [{ kind: 'DEVICE_ID', value: 'tablet-family' }] });
    const { customersByIdentifier } = await m.ok(
      `{ customersByIdentifier(kind: DEVICE_ID, value: "Tablet-Family") { id } }`,
    );
    expect(customersByIdentifier).toHaveLength(2);
  });

  it('BAD_USER_INPUT naming the field for invalid values', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        {
          phones: [
            { number: '+36 30 123 4567', kind: 'MOBILE' },
            { number: '123', kind: 'MOBILE' },
          ],
        },
        'phones.1.number',
      ],
      [{ email: 'not-an-email' }, 'email'],
      [{ timeZone: 'Europe/Atlantis' }, 'timeZone'],
      [{ timeZone: '+02:00' }, 'timeZone'],
      [{ birthDate: '1850-01-01' }, 'birthDate'],
      [{ demographics: { country: 'Hungary' } }, 'demographics.country'],
      [{ identifiers: [{ kind: 'EMAIL', value: 'a@b.hu' }] }, 'identifiers[0].kind'],
      [{ givenName: 'x'.repeat(101) }, 'givenName'],
      [
        {
          emails: [
            { address: 'a@x.hu', primary: true },
            { address: 'b@x.hu', primary: true },
          ],
        },
        'emails',
      ],
      [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
    ];
    for (const [input, field] of cases) {
      const err = await m.fails(CREATE, { input });
      expect({ input, extensions: err.extensions }).toMatchObject({
        input,
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
  });
});

describe('indexes', () => {
  it('enforce email and loyalty-card uniqueness in the database itself; profiles without them never collide', async () => {
    const base = { nameKey: 'x', searchTokens: [], revision: 0, status: CustomerStatus.ACTIVE };
    const now = new Date();
    const email = { address: 'raw@example.com', normalized: 'raw@example.com', primary: true, addedAt: now };
    await m.models.customers.create({ ...base, emails: [email] });
    await expect(m.models.customers.create({ ...base, emails: [email] })).rejects.toMatchObject({
      code: 11000,
    });
    await m.models.customers.create({ ...base, exclusiveKeys: ['LOYALTY_CARD:RAW1'] });
    await expect(
      m.models.customers.create({ ...base, exclusiveKeys: ['LOYALTY_CARD:RAW1'] }),
    ).rejects.toMatchObject({ code: 11000 });
    // Empty emails / identifiers are excluded from the unique indexes (partial), so these all coexist.
    await m.models.customers.create([{ ...base }, { ...base }, { ...base }]);
  });
});

describe('reading', () => {
  it('customer(id): BAD_USER_INPUT for a malformed id, null for an unknown one', async () => {
    expect((await m.fails(BY_ID, { id: 'cus_123' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect((await m.ok(BY_ID, { id: 'cus_0123456789abcdef01234567' })).customer).toBeNull();
  });

  it('customerByIdentifier normalizes every kind before looking up', async () => {
    const id = await createCustomer(m, {
      email: 'Lookup@Example.com',
      phones: [{ number: '+36 20 555 0101', kind: 'MOBILE' }],
      identifiers: [
        { kind: 'EXTERNAL_ID', value: 'crm-42' },
        { kind: 'DEVICE_ID', value: 'AAAA-BBBB' },
        { kind: 'COOKIE_ID', value: 'GA1.1.42' },
        { kind: 'LOYALTY_CARD', value: '9000 0000 0042' },
      ],
      socialHandles: [{ network: 'X', handle: '@LookupUser' }],
    });
    const lookups: Array<[string, string]> = [
      ['EMAIL', '  lookup@EXAMPLE.com'],
      ['PHONE', '06 20 555 0101'],
      ['PHONE', '+36-20-555-0101'],
      ['EXTERNAL_ID', ' crm-42 '],
      ['DEVICE_ID', 'aaaa-bbbb'],
      ['COOKIE_ID', 'GA1.1.42'],
      ['LOYALTY_CARD', '9000-0000-0042'],
      ['SOCIAL_HANDLE', 'twitter:lookupuser'],
    ];
    for (const [kind, value] of lookups) {
      const { customerByIdentifier } = await m.ok(BY_IDENTIFIER, { kind, value });
      expect({ kind, value, found: customerByIdentifier?.id }).toEqual({ kind, value, found: id });
    }
    // Exact ids stay exact: a different case is another external id.
    expect(
      (await m.ok(BY_IDENTIFIER, { kind: 'EXTERNAL_ID', value: 'CRM-42' })).customerByIdentifier,
    ).toBeNull();
    expect((await m.fails(BY_IDENTIFIER, { kind: 'PHONE', value: 'call me' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'value',
    });
  });
});

describe('updateCustomer', () => {
  it('keeps omitted fields, clears null ones, replaces lists', async () => {
    const id = await createCustomer(m, {
      givenName: 'Anna',
      familyName: 'Nowak',
      email: 'anna.nowak@example.pl',
      address: { city: 'Kraków', country: 'PL' },
      timeZone: 'Europe/Warsaw',
    });
    const { updateCustomer } = await m.ok(UPDATE, {
      id,
      input: {
        familyName: 'Kowalska',
        address: null,
        emails: [{ address: 'anna.k@example.pl', primary: true }, { address: 'anna.nowak@example.pl' }],
      },
    });
    expect(updateCustomer).toEqual({
      id,
      givenName: 'Anna',
      familyName: 'Kowalska',
      displayName: 'Anna Kowalska',
      emails: [
        { address: 'anna.k@example.pl', primary: true },
        { address: 'anna.nowak@example.pl', primary: false },
      ],
      address: null,
      timeZone: 'Europe/Warsaw',
    });
    // The search keys follow the new name.
    const { customers } = await m.ok(`{ customers(filter: { search: "kowal" }) { edges { node { id } } } }`);
    expect(customers.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
  });

  it('NOT_FOUND for an unknown id, CONFLICT for another profile’s email (profile unchanged)', async () => {
    const err = await m.fails(UPDATE, { id: 'cus_0123456789abcdef01234567', input: { givenName: 'X' } });
    expect(err.extensions).toMatchObject({ code: 'NOT_FOUND' });
    await createCustomer(m, { email: 'owner@example.com' });
    const id = await createCustomer(m, { givenName: 'Eve', email: 'eve@example.com' });
    const conflictErr = await m.fails(UPDATE, {
      id,
      input: { givenName: 'Evelyn', emails: [{ address: 'OWNER@example.com' }] },
    });
    expect(conflictErr.extensions).toMatchObject({ code: 'CONFLICT', field: 'emails' });
    expect((await m.ok(BY_ID, { id })).customer).toMatchObject({
      displayName: 'Eve',
      email: 'eve@example.com',
    });
  });
});

describe('addIdentifier', () => {
  it('adds each kind, is idempotent, and switches the primary email on request', async () => {
    const id = await createCustomer(m, { email: 'first@example.com', address: { country: 'HU' } });
    const add = (kind: string, value: string, primary = false) =>
      m.ok(ADD_IDENTIFIER, { input: { customerId: id, kind, value, primary } });
    await add('PHONE', '06 70 111 2233');
    await add('DEVICE_ID', 'IDFA-1');
    await add('SOCIAL_HANDLE', 'tiktok:@first');
    await add('EMAIL', 'second@example.com', true);
    const { addIdentifier: c } = await add('DEVICE_ID', 'idfa-1'); // same id, other case: no duplicate
    expect(c).toEqual({
      id,
      emails: [
        { address: 'first@example.com', primary: false },
        { address: 'second@example.com', primary: true },
      ],
      phones: [{ number: '+36701112233', primary: true }],
      identifiers: [{ kind: 'DEVICE_ID', value: 'IDFA-1' }],
      socialHandles: [{ network: 'TIKTOK', handle: 'first' }],
    });
    const { customerByIdentifier } = await m.ok(BY_IDENTIFIER, {
      kind: 'EMAIL',
      value: 'SECOND@example.com',
    });
    expect(customerByIdentifier.id).toBe(id);
  });

  it('CONFLICT for an external id of another profile; NOT_FOUND for an unknown customer', async () => {
    await createCustomer(m, { identifiers: [{ kind: 'EXTERNAL_ID', value: 'erp-1' }] });
    const id = await createCustomer(m, {});
    const err = await m.fails(ADD_IDENTIFIER, {
      input: { customerId: id, kind: 'EXTERNAL_ID', value: 'erp-1' },
    });
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'identifiers' });
    const missing = await m.fails(ADD_IDENTIFIER, {
      input: { customerId: 'cus_0123456789abcdef01234567', kind: 'DEVICE_ID', value: 'x1' },
    });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await m.fails(ADD_IDENTIFIER, {
      input: { customerId: 'nope', kind: 'DEVICE_ID', value: 'x1' },
    });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
  });
});

describe('setConsent', () => {
  it('records decisions per channel and purpose; a late older decision does not win', async () => {
    const id = await createCustomer(m, {});
    const set = (channel: string, granted: boolean, occurredAt: string, purpose = 'MARKETING') =>
      m.ok(SET_CONSENT, { input: { customerId: id, channel, purpose, granted, source: 'APP', occurredAt } });
    await set('SMS', true, '2025-03-01T10:00:00.000Z');
    await set('SMS', false, '2025-01-01T10:00:00.000Z');
    const { setConsent } = await set('EMAIL', true, '2025-02-01T10:00:00.000Z', 'ANALYTICS');
    expect(setConsent.consents).toEqual([
      {
        channel: 'SMS',
        purpose: 'MARKETING',
        granted: true,
        source: 'APP',
        updatedAt: '2025-03-01T10:00:00.000Z',
      },
      {
        channel: 'EMAIL',
        purpose: 'ANALYTICS',
        granted: true,
        source: 'APP',
        updatedAt: '2025-02-01T10:00:00.000Z',
      },
    ]);
    const stored = await m.models.customers.findById(id).lean();
    expect(stored?.consentHistory).toHaveLength(3);
    const err = await m.fails(SET_CONSENT, {
      input: {
        customerId: id,
        channel: 'SMS',
        purpose: 'MARKETING',
        granted: true,
        source: 'APP',
        occurredAt: '2999-01-01T00:00:00Z',
      },
    });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurredAt' });
  });
});
