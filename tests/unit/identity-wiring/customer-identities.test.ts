import { CustomerIdentities, mergePages, sum } from '../../../shared/federation/customer-identities';
import {
  combineContactStats,
  combineTicketStats,
} from '../../../subgraphs/support/src/customer/support-stats';
import { combineOrderStats, combineReturnStats } from '../../../subgraphs/sales/src/customer/purchase-stats';
import { toIdentityProfile } from '../../../subgraphs/marketing/src/matching/identity-profile.mapper';
import { IdentifierKind } from '../../../subgraphs/marketing/src/customer/customer.enums';

const d = (iso: string) => new Date(iso);

describe('CustomerIdentities (records under merged ids follow the survivor)', () => {
  it('expands ids once and folds per-id results back per customer', async () => {
    const ids = new CustomerIdentities();
    ids.register({ id: 'A', mergedIds: ['B', 'C'] });
    ids.register({ id: 'X', mergedIds: [] });
    expect(ids.expand(['A', 'X', 'B'])).toEqual(['A', 'B', 'C', 'X']);
    const fetched: string[][] = [];
    const out = await ids.perCustomer(
      ['A', 'X', 'Y'],
      async (all) => {
        fetched.push(all);
        return new Map([
          ['A', 1],
          ['C', 5],
          ['X', 2],
        ]);
      },
      sum,
    );
    expect(fetched).toEqual([['A', 'B', 'C', 'X', 'Y']]);
    expect(out).toEqual(
      new Map([
        ['A', 6],
        ['X', 2],
      ]),
    );
  });

  it('grouped hands a row to every customer it belongs to (marketing)', async () => {
    const ids = new CustomerIdentities();
    ids.register({ id: 'A', mergedIds: ['B'] });
    const out = await ids.grouped(
      ['A', 'B'],
      async () => [{ c: 'A' }, { c: 'B' }, { c: 'Z' }],
      (r) => r.c,
    );
    expect(out.get('A')).toEqual([{ c: 'A' }, { c: 'B' }]);
    expect(out.get('B')).toEqual([{ c: 'B' }]);
  });

  it('mergePages keeps newest first with _id tie-break and cuts to the limit', () => {
    const row = (id: string, at: string) => ({ _id: id, at: d(at) });
    const pages = mergePages(
      [
        [row('t2', '2024-01-02'), row('t1', '2024-01-01')],
        [row('t3', '2024-01-02'), row('t0', '2023-12-31')],
      ],
      3,
      (r) => r.at,
    );
    expect(pages.map((r) => r._id)).toEqual(['t3', 't2', 't1']);
  });

  it('combines support stats: counts add up, the latest dates win', () => {
    const row = (open: number, at: string | null, rating: [number, number]) => ({
      _id: 'x',
      openTickets: open,
      openComplaints: open,
      complaintsLast30Days: 1,
      lastContactAt: at ? d(at) : null,
      ratingSum: rating[0],
      ratingCount: rating[1],
      lastNegativeAt: null,
    });
    expect(combineTicketStats([row(1, '2024-01-01', [4, 1]), row(2, '2024-03-01', [2, 1])])).toMatchObject({
      openTickets: 3,
      complaintsLast30Days: 2,
      lastContactAt: d('2024-03-01'),
      ratingSum: 6,
      ratingCount: 2,
      lastNegativeAt: null,
    });
    expect(
      combineContactStats([
        { _id: 'a', lastContactAt: null, lastNegativeAt: d('2024-01-01') },
        { _id: 'b', lastContactAt: d('2024-02-01'), lastNegativeAt: null },
      ]),
    ).toMatchObject({ lastContactAt: d('2024-02-01'), lastNegativeAt: d('2024-01-01') });
  });

  it('combines sales stats: revenue adds up, first order is the earliest, last the latest', () => {
    expect(
      combineOrderStats([
        {
          orderCount: 1,
          baseCurrencyOrderCount: 1,
          netRevenueMinor: 1200,
          firstOrderAt: d('2024-02-01'),
          lastOrderAt: d('2024-02-01'),
        },
        {
          orderCount: 2,
          baseCurrencyOrderCount: 1,
          netRevenueMinor: 2400,
          firstOrderAt: d('2023-01-01'),
          lastOrderAt: d('2024-01-01'),
        },
      ]),
    ).toEqual({
      orderCount: 3,
      baseCurrencyOrderCount: 2,
      netRevenueMinor: 3600,
      firstOrderAt: d('2023-01-01'),
      lastOrderAt: d('2024-02-01'),
    });
    expect(
      combineReturnStats([
        { returnCount: 1, lastReturnAt: d('2024-01-05') },
        { returnCount: 0, lastReturnAt: null },
      ]),
    ).toEqual({ returnCount: 1, lastReturnAt: d('2024-01-05') });
  });
});

describe('identity wiring helpers', () => {
  it('maps a customer document to the engine profile, keeping identifier kinds apart', () => {
    const p = toIdentityProfile({
      _id: 'cus_1',
      givenName: 'Anna',
      emails: [{ address: 'A@x.hu', normalized: 'a@x.hu', primary: true, addedAt: d('2024-01-01') }],
      phones: [],
      identifiers: [
        { kind: IdentifierKind.LOYALTY_CARD, value: 'lc 1', normalized: 'LC1', addedAt: d('2024-01-01') },
        { kind: IdentifierKind.COOKIE_ID, value: 'ck', normalized: 'ck', addedAt: d('2024-01-01') },
      ],
    });
    expect(p).toMatchObject({
      id: 'cus_1',
      emails: ['a@x.hu'],
      externalIds: ['loyalty_card:LC1'],
      deviceIds: ['cookie_id:ck'],
    });
  });
});
