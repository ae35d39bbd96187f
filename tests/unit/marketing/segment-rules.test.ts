import { Query } from 'mingo';
import { ConsentChannel, ConsentPurpose } from '../../../subgraphs/marketing/src/consent/consent.enums';
import { AgeBand } from '../../../subgraphs/marketing/src/customer/customer.enums';
import type { CustomerDoc } from '../../../subgraphs/marketing/src/customer/customer.model';
import { SegmentKind } from '../../../subgraphs/marketing/src/segment/segment.enums';
import type { SegmentDoc } from '../../../subgraphs/marketing/src/segment/segment.model';
import {
  compileSegmentRules,
  membershipFilter,
  segmentsOf,
} from '../../../subgraphs/marketing/src/segment/segment.rules';

const customer = (over: Partial<CustomerDoc>): CustomerDoc =>
  ({
    _id: 'cus_x',
    emails: [],
    phones: [],
    consents: [],
    segmentIds: [],
    createdAt: new Date('2024-06-01Z'),
    ...over,
  }) as unknown as CustomerDoc;

const segment = (over: Partial<SegmentDoc>): SegmentDoc =>
  ({
    _id: 'seg_1',
    name: 's',
    nameKey: 's',
    kind: SegmentKind.RULE,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...over,
  }) as SegmentDoc;

describe('compileSegmentRules', () => {
  const rules = {
    countries: ['HU', 'PL'],
    ageBands: [AgeBand.AGE_25_34],
    languages: ['hu'],
    consents: [{ channel: ConsentChannel.EMAIL, purpose: ConsentPurpose.MARKETING }],
    createdAfter: new Date('2024-01-01Z'),
    hasEmail: true,
  };
  const matches = (doc: CustomerDoc) =>
    new Query(compileSegmentRules(rules) as Record<string, unknown>).test(doc as never);
  const fit = customer({
    demographics: { country: 'HU', ageBand: AgeBand.AGE_25_34 },
    language: 'hu-HU',
    emails: [{ address: 'a@b.hu', normalized: 'a@b.hu', primary: true, addedAt: new Date() }],
    consents: [{ channel: ConsentChannel.EMAIL, purpose: ConsentPurpose.MARKETING, granted: true } as never],
  });

  it('matches a profile meeting every condition', () => {
    expect(matches(fit)).toBe(true);
  });

  it('fails on any single unmet condition', () => {
    expect(matches({ ...fit, demographics: { country: 'DE', ageBand: AgeBand.AGE_25_34 } })).toBe(false);
    expect(matches({ ...fit, language: 'hun' })).toBe(false);
    expect(matches({ ...fit, consents: [{ ...fit.consents[0], granted: false }] })).toBe(false);
    expect(matches({ ...fit, consents: [{ ...fit.consents[0], purpose: ConsentPurpose.SERVICE }] })).toBe(
      false,
    );
    expect(matches({ ...fit, emails: [] })).toBe(false);
    expect(matches({ ...fit, createdAt: new Date('2023-12-31Z') })).toBe(false);
  });
});

describe('segment membership', () => {
  it('uses stored membership for MANUAL segments and rules for RULE segments', () => {
    const manual = segment({ _id: 'seg_m', kind: SegmentKind.MANUAL });
    const rule = segment({ _id: 'seg_r', rules: { countries: ['HU'] } });
    expect(membershipFilter(manual)).toEqual({ segmentIds: 'seg_m' });
    const doc = customer({ segmentIds: ['seg_m'], demographics: { country: 'HU' } });
    expect(segmentsOf(doc, [manual, rule]).map((s) => s._id)).toEqual(['seg_m', 'seg_r']);
    expect(segmentsOf(customer({ demographics: { country: 'AT' } }), [manual, rule])).toEqual([]);
  });
});
