/**
 * `customers(first, after, filter, sort)`: keyset pagination visits every profile exactly once in sort
 * order, totalCount counts the filter, and each filter narrows as documented.
 */
import { createCustomer, startMarketing, type Marketing } from './marketing-harness';

// Jest's project-level testTimeout does not reach hooks; the shared 2-core machine can be slow.
jest.setTimeout(60_000);

let m: Marketing;
const ids: Record<string, string> = {};
let segmentManual: string;
let segmentRule: string;

const LIST = `query($first: Int, $after: String, $filter: CustomerFilter, $sort: CustomerSort! = CREATED_AT_DESC) {
  customers(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id familyName } }
  }
}`;

type Page = {
  customers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; familyName: string | null } }[];
  };
};

async function allPages(filter: Record<string, unknown> | undefined, sort: string, first: number) {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const data: Page = await m.ok<Page>(LIST, { first, after, filter, sort });
    seen.push(...data.customers.edges.map((e) => e.node.id));
    pages++;
    if (!data.customers.pageInfo.hasNextPage) return { seen, pages, total: data.customers.totalCount };
    after = data.customers.pageInfo.endCursor;
  }
}

const names: Array<[string, string | null, string]> = [
  // key, family name, country
  ['kovacs', 'Kovács', 'HU'],
  ['kovari', 'Kővári', 'HU'],
  ['nagy', 'Nagy', 'HU'],
  ['nowak', 'Nowak', 'PL'],
  ['lukasz', 'Łukasiewicz', 'PL'],
  ['abel', 'Ábel', 'HU'],
  ['zeta', 'Zeta', 'DE'],
  ['noname', null, 'DE'],
];

beforeAll(async () => {
  m = await startMarketing('mkt_list');
  for (const [i, [key, familyName, country]] of names.entries()) {
    m.setNow(new Date(Date.UTC(2025, 0, 1 + i)));
    ids[key] = await createCustomer(m, {
      givenName: key === 'noname' ? 'Solo' : 'Test',
      familyName,
      email: `${key}@example.com`,
      demographics: { country },
      householdId: country === 'PL' ? 'hh-pl' : null,
      consents: key.startsWith('kov')
        ? [{ channel: 'SMS', purpose: 'MARKETING', granted: true, source: 'STORE' }]
        : [],
    });
  }
  // Filler profiles so pagination spans many pages.
  for (let i = 0; i < 17; i++) {
    m.setNow(new Date(Date.UTC(2025, 1, 1 + i)));
    ids[`filler${i}`] = await createCustomer(m, {
      givenName: 'Filler',
      familyName: `Filler${String(i).padStart(2, '0')}`,
    });
  }
  const seg = await m.ok(`mutation { a: createSegment(input: { name: "VIP", kind: MANUAL }) { id }
    b: createSegment(input: { name: "Polish", kind: RULE, rules: { countries: ["PL"] } }) { id } }`);
  segmentManual = seg.a.id;
  segmentRule = seg.b.id;
  for (const key of ['nagy', 'zeta']) {
    await m.ok(`mutation($i: SegmentMembershipInput!) { addCustomerToSegment(input: $i) { id } }`, {
      i: { customerId: ids[key], segmentId: segmentManual },
    });
  }
});
afterAll(async () => m.stop());

describe('pagination', () => {
  it('walks every profile exactly once, newest first, across pages', async () => {
    const { seen, pages, total } = await allPages(undefined, 'CREATED_AT_DESC', 4);
    expect(total).toBe(25);
    expect(pages).toBe(7);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe(ids.filler16);
    expect(seen[seen.length - 1]).toBe(ids.kovacs);
  });

  it('oldest first reverses the order', async () => {
    const desc = (await allPages(undefined, 'CREATED_AT_DESC', 10)).seen;
    const asc = (await allPages(undefined, 'CREATED_AT_ASC', 6)).seen;
    expect(asc).toEqual([...desc].reverse());
  });

  it('FAMILY_NAME_ASC sorts accent-insensitively with nameless profiles last', async () => {
    const { seen } = await allPages({ householdId: undefined }, 'FAMILY_NAME_ASC', 3);
    const order = seen.filter(
      (id) => !Object.entries(ids).find(([k, v]) => v === id && k.startsWith('filler')),
    );
    expect(order).toEqual([
      ids.abel,
      ids.kovacs,
      ids.kovari,
      ids.lukasz,
      ids.nagy,
      ids.nowak,
      ids.zeta,
      ids.noname,
    ]);
  });

  it('BAD_USER_INPUT for a page size over 100, a garbage cursor or a cursor of another sort', async () => {
    expect((await m.fails(LIST, { first: 101 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await m.fails(LIST, { after: 'bm9wZQ' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const first = await m.ok<Page>(LIST, { first: 2 });
    const err = await m.fails(LIST, {
      first: 2,
      after: first.customers.pageInfo.endCursor,
      sort: 'FAMILY_NAME_ASC',
    });
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('filters', () => {
  const idsOf = async (filter: Record<string, unknown>) => {
    const { seen, total } = await allPages(filter, 'CREATED_AT_ASC', 100);
    expect(total).toBe(seen.length);
    return seen;
  };

  it('search: accent-insensitive name prefix or email prefix', async () => {
    expect(await idsOf({ search: 'kov' })).toEqual([ids.kovacs, ids.kovari]);
    expect(await idsOf({ search: 'KŐV' })).toEqual([ids.kovacs, ids.kovari]);
    expect(await idsOf({ search: 'lukas' })).toEqual([ids.lukasz]);
    expect(await idsOf({ search: 'nowak@exa' })).toEqual([ids.nowak]);
    expect(await idsOf({ search: 'test kova' })).toEqual([ids.kovacs, ids.kovari]);
    expect(await idsOf({ search: '.*' })).toEqual([]);
  });

  it('country, household, consent, creation window', async () => {
    expect(await idsOf({ country: 'PL' })).toEqual([ids.nowak, ids.lukasz]);
    expect(await idsOf({ householdId: 'hh-pl' })).toEqual([ids.nowak, ids.lukasz]);
    expect(await idsOf({ consentGranted: 'SMS' })).toEqual([ids.kovacs, ids.kovari]);
    expect(await idsOf({ consentGranted: 'SMS', consentPurpose: 'ANALYTICS' })).toEqual([]);
    expect(
      await idsOf({ createdAfter: '2025-01-02T00:00:00.000Z', createdBefore: '2025-01-05T00:00:00.000Z' }),
    ).toEqual([ids.nagy, ids.nowak]);
    expect((await m.fails(LIST, { filter: { country: 'Poland' } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'country',
    });
  });

  it('segment: manual members and rule matches; NOT_FOUND for an unknown segment', async () => {
    expect(await idsOf({ segmentId: segmentManual })).toEqual([ids.nagy, ids.zeta]);
    expect(await idsOf({ segmentId: segmentRule })).toEqual([ids.nowak, ids.lukasz]);
    expect(await idsOf({ segmentId: segmentRule, search: 'now' })).toEqual([ids.nowak]);
    const err = await m.fails(LIST, { filter: { segmentId: 'seg_0123456789abcdef01234567' } });
    expect(err.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('Customer.segments agrees with the segment filter', async () => {
    const { customer } = await m.ok(`query($id: ID!) { customer(id: $id) { segments { name kind } } }`, {
      id: ids.nowak,
    });
    expect(customer.segments).toEqual([{ name: 'Polish', kind: 'RULE' }]);
    const { customer: nagy } = await m.ok(`query($id: ID!) { customer(id: $id) { segments { name } } }`, {
      id: ids.nagy,
    });
    expect(nagy.segments).toEqual([{ name: 'VIP' }]);
  });
});
