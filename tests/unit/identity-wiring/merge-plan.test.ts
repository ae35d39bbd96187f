import {
  CustomerStatus,
  IdentifierKind,
  PhoneKind,
} from '../../../subgraphs/marketing/src/customer/customer.enums';
import type { CustomerDoc } from '../../../subgraphs/marketing/src/customer/customer.model';
import {
  ConsentChannel,
  ConsentPurpose,
  ConsentSource,
} from '../../../subgraphs/marketing/src/consent/consent.enums';
import { isRestored, planMerge, restoredDoc } from '../../../subgraphs/marketing/src/merge/merge.plan';

const t = (iso: string) => new Date(iso);

function profile(id: string, over: Partial<CustomerDoc> = {}): CustomerDoc {
  return {
    _id: id,
    status: CustomerStatus.ACTIVE,
    emails: [],
    phones: [],
    identifiers: [],
    socialHandles: [],
    consents: [],
    consentHistory: [],
    segmentIds: [],
    exclusiveKeys: [],
    nameKey: '',
    searchTokens: [],
    revision: 3,
    createdAt: t('2024-01-01T00:00:00Z'),
    updatedAt: t('2024-01-01T00:00:00Z'),
    ...over,
  };
}

const email = (address: string, primary: boolean) => ({
  address,
  normalized: address.toLowerCase(),
  primary,
  addedAt: t('2024-01-01T00:00:00Z'),
});

const survivor = profile('cus_a', {
  givenName: 'Péter',
  familyName: 'Kovács',
  emails: [email('peter@example.hu', true)],
  phones: [
    { number: '+36301234567', kind: PhoneKind.MOBILE, primary: true, addedAt: t('2024-01-01T00:00:00Z') },
  ],
  consents: [
    {
      channel: ConsentChannel.EMAIL,
      purpose: ConsentPurpose.MARKETING,
      granted: true,
      source: ConsentSource.WEB_FORM,
      updatedAt: t('2024-02-01T00:00:00Z'),
    },
  ],
  segmentIds: ['seg_1'],
});
const other = profile('cus_b', {
  givenName: 'Peter',
  birthDate: '1980-05-01',
  emails: [email('P.Kovacs@Shop.example', true)],
  phones: [
    { number: '+36301234567', kind: PhoneKind.MOBILE, primary: true, addedAt: t('2024-03-01T00:00:00Z') },
  ],
  identifiers: [
    {
      kind: IdentifierKind.LOYALTY_CARD,
      value: 'LC 1',
      normalized: 'LC1',
      addedAt: t('2024-03-01T00:00:00Z'),
    },
  ],
  consents: [
    {
      channel: ConsentChannel.EMAIL,
      purpose: ConsentPurpose.MARKETING,
      granted: false,
      source: ConsentSource.WEB_FORM,
      updatedAt: t('2024-05-01T00:00:00Z'),
    },
  ],
  segmentIds: ['seg_1', 'seg_2'],
  mergedIds: ['cus_c'],
  createdAt: t('2023-06-01T00:00:00Z'),
  revision: 7,
});
const older = profile('cus_c', { status: CustomerStatus.MERGED, mergedInto: 'cus_b', revision: 2 });

describe('planMerge', () => {
  const now = t('2025-01-01T00:00:00Z');
  const plan = planMerge({ mergeId: 'mrg_1', now, survivor, merged: [other], repointed: [older] });

  it('keeps the survivor’s values, fills gaps from the merged profile, and keeps every identifier', () => {
    expect(plan.survivor.givenName).toBe('Péter');
    expect(plan.survivor.birthDate).toBe('1980-05-01');
    expect(plan.survivor.emails.map((e) => [e.address, e.primary])).toEqual([
      ['peter@example.hu', true],
      ['P.Kovacs@Shop.example', false],
    ]);
    // The same phone on both is kept once.
    expect(plan.survivor.phones).toHaveLength(1);
    expect(plan.survivor.identifiers.map((i) => i.normalized)).toEqual(['LC1']);
    expect(plan.survivor.exclusiveKeys).toEqual(['LOYALTY_CARD:LC1']);
    expect(plan.survivor.segmentIds).toEqual(['seg_1', 'seg_2']);
    expect(plan.survivor.createdAt).toEqual(t('2023-06-01T00:00:00Z'));
    expect(plan.survivor.blockingKeys?.length).toBeGreaterThan(0);
  });

  it('takes the most recent consent decision of any profile', () => {
    expect(plan.survivor.consents).toEqual([expect.objectContaining({ granted: false })]);
  });

  it('collects merged ids transitively and re-points older merged profiles', () => {
    expect(plan.survivor.mergedIds).toEqual(['cus_b', 'cus_c']);
    expect(plan.repointed[0]).toMatchObject({ _id: 'cus_c', mergedInto: 'cus_a', revision: 3 });
  });

  it('records where each value came from', () => {
    const src = (field: string, value: string) =>
      plan.survivor.fieldSources?.find((f) => f.field === field && f.value === value);
    expect(src('givenName', 'Péter')).toEqual({
      field: 'givenName',
      value: 'Péter',
      sourceCustomerId: 'cus_a',
    });
    expect(src('birthDate', '1980-05-01')).toEqual({
      field: 'birthDate',
      value: '1980-05-01',
      sourceCustomerId: 'cus_b',
      mergeId: 'mrg_1',
    });
    expect(src('identifiers', 'LOYALTY_CARD:LC 1')?.sourceCustomerId).toBe('cus_b');
    expect(src('consents', 'EMAIL/MARKETING:denied')?.sourceCustomerId).toBe('cus_b');
  });

  it('keeps the origin recorded by an earlier merge when the value moves again', () => {
    const earlier = {
      ...other,
      fieldSources: [
        { field: 'birthDate', value: '1980-05-01', sourceCustomerId: 'cus_c', mergeId: 'mrg_0' },
      ],
    };
    const again = planMerge({ mergeId: 'mrg_2', now, survivor, merged: [earlier], repointed: [] });
    expect(again.survivor.fieldSources?.find((f) => f.field === 'birthDate')).toEqual({
      field: 'birthDate',
      value: '1980-05-01',
      sourceCustomerId: 'cus_c',
      mergeId: 'mrg_0',
    });
  });

  it('marks merged profiles MERGED, strips their identifiers and stamps every write', () => {
    const [m] = plan.merged;
    expect(m).toMatchObject({
      status: 'MERGED',
      mergedInto: 'cus_a',
      emails: [],
      identifiers: [],
      revision: 8,
    });
    expect(m.exclusiveKeys).toEqual([]);
    expect(m.mergedIds).toBeUndefined();
    for (const d of [plan.survivor, m, plan.repointed[0]]) {
      expect(d.lastMergeOp).toBe('mrg_1:apply');
      expect(d.updatedAt).toEqual(now);
    }
    expect(plan.survivor.revision).toBe(4);
  });

  it('does not modify its inputs, and restores snapshots exactly', () => {
    expect(survivor.emails).toHaveLength(1);
    expect(other.status).toBe('ACTIVE');
    const restored = restoredDoc(other);
    expect(restored).toEqual(other);
    expect(restored).not.toBe(other);
    expect(isRestored(restored, other)).toBe(true);
    expect(isRestored(plan.merged[0], other)).toBe(false);
  });
});
