import { AppError } from '../../../shared/errors';
import { encodeCursor } from '../../../shared/graphql/pagination';
import { CampaignStatus as S } from '../../../subgraphs/marketing/src/campaign/campaign.enums';
import { canTransition } from '../../../subgraphs/marketing/src/campaign/campaign.rules';
import { ConsentChannel, ConsentPurpose } from '../../../subgraphs/marketing/src/consent/consent.enums';
import {
  CustomerSort,
  CustomerStatus,
  IdentifierKind,
} from '../../../subgraphs/marketing/src/customer/customer.enums';
import {
  buildCustomerFilter,
  customerAfterFilter,
  identifierFilter,
} from '../../../subgraphs/marketing/src/customer/customer.query';

describe('buildCustomerFilter', () => {
  it('defaults to active profiles', () => {
    expect(buildCustomerFilter(undefined)).toEqual({ status: CustomerStatus.ACTIVE });
  });

  it('combines every filter, with accent-insensitive escaped prefixes', () => {
    const f = buildCustomerFilter({
      search: 'Kovács (a',
      country: 'HU',
      consentGranted: ConsentChannel.SMS,
      consentPurpose: ConsentPurpose.MARKETING,
      householdId: 'hh-1',
      createdAfter: new Date('2024-01-01Z'),
    });
    expect(f).toEqual({
      $and: [
        { status: CustomerStatus.ACTIVE },
        { searchTokens: { $regex: '^kovacs' } },
        { searchTokens: { $regex: '^\\(a' } },
        { 'demographics.country': 'HU' },
        { householdId: 'hh-1' },
        { consents: { $elemMatch: { channel: 'SMS', purpose: 'MARKETING', granted: true } } },
        { createdAt: { $gt: new Date('2024-01-01Z') } },
      ],
    });
  });

  it('refuses an empty date range', () => {
    expect(() =>
      buildCustomerFilter({ createdAfter: new Date('2024-02-01Z'), createdBefore: new Date('2024-01-01Z') }),
    ).toThrow(AppError);
  });
});

describe('customerAfterFilter', () => {
  it('refuses a cursor of another sort order', () => {
    const cursor = encodeCursor(['2024-01-01T00:00:00.000Z', 'cus_1', CustomerSort.CREATED_AT_DESC]);
    expect(() => customerAfterFilter(cursor, CustomerSort.FAMILY_NAME_ASC)).toThrow(/belongs to sort/);
    // toMatchObject: the shared helper may tag operator objects as trusted (a symbol key) for sanitizeFilter.
    expect(customerAfterFilter(cursor, CustomerSort.CREATED_AT_DESC)).toMatchObject({
      $or: [
        { createdAt: { $lt: new Date('2024-01-01Z') } },
        { createdAt: new Date('2024-01-01Z'), _id: { $lt: 'cus_1' } },
      ],
    });
    expect(() => customerAfterFilter('garbage', CustomerSort.CREATED_AT_DESC)).toThrow(AppError);
  });
});

describe('identifierFilter', () => {
  it('targets the indexed path of each kind', () => {
    expect(identifierFilter(IdentifierKind.EMAIL, 'a@b.c')).toEqual({ 'emails.normalized': 'a@b.c' });
    expect(identifierFilter(IdentifierKind.PHONE, '+36301234567')).toEqual({
      'phones.number': '+36301234567',
    });
    expect(identifierFilter(IdentifierKind.SOCIAL_HANDLE, 'INSTAGRAM:jane')).toEqual({
      socialHandles: { $elemMatch: { network: 'INSTAGRAM', normalized: 'jane' } },
    });
    expect(identifierFilter(IdentifierKind.DEVICE_ID, 'abc')).toEqual({
      identifiers: { $elemMatch: { kind: 'DEVICE_ID', normalized: 'abc' } },
    });
  });
});

describe('campaign transitions', () => {
  it('allow the lifecycle and forbid leaving final states', () => {
    expect(canTransition(S.DRAFT, S.ACTIVE)).toBe(true);
    expect(canTransition(S.ACTIVE, S.PAUSED)).toBe(true);
    expect(canTransition(S.PAUSED, S.ACTIVE)).toBe(true);
    expect(canTransition(S.COMPLETED, S.ACTIVE)).toBe(false);
    expect(canTransition(S.ACTIVE, S.DRAFT)).toBe(false);
  });
});
