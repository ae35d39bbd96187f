/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
import { startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

jest.setTimeout(120_000);

/*
 * Issue 12, "Loading is painful": bulk import through the gateway with one outcome per record, national
 * phone formats read in the configured default region, impossible dates rejected per record, retries
 * matching instead of duplicating, and one external id from two sources stored as evidence.
 */
describe('importCustomers through the gateway', () => {
  let gw: SupergraphHarness;

  beforeAll(async () => {
    gw = await startSubgraphsAndGateway({ marketingConfig: { defaultPhoneRegion: 'GB' } });
  });
  afterAll(() => gw?.stop());

  const IMPORT = /* GraphQL */ `
    mutation Import($source: String!, $records: [ImportCustomerRecord!]!) {
      importCustomers(source: $source, records: $records) {
        created
        matched
        rejected
        results {
          index
          externalKey
          outcome
          customerId
          matchedBy
          error {
            field
            code
            message
          }
        }
      }
    }
  `;
  const CUSTOMER = /* GraphQL */ `
    query ($id: ID!) {
      customer(id: $id) {
        givenName
        birthDate
        phones {
          number
        }
        identifiers {
          kind
          value
          source
        }
      }
    }
  `;

  async function importRecords(source: string, records: unknown[]) {
    const res = await gw.query<any>(IMPORT, { source, records });
    expect(res.errors).toBeUndefined();
    return res.data.importCustomers;
  }

  async function customerCount(): Promise<number> {
    const res = await gw.query<any>('{ customers(first: 0) { totalCount } }');
    return res.data.customers.totalCount;
  }

  let ada: string;

  it('one bad record (an impossible birth date) rejects itself with field and code; the others are written', async () => {
    const existing = await gw.query<any>(
      `mutation { createCustomer(input: { givenName: "Grace", email: "grace@example.com" }) { id } }`,
    );
    const grace = existing.data.createCustomer.id;
    const result = await importRecords('crm', [
      {
        externalKey: 'C-1',
        givenName: 'Ada',
        familyName: 'Lovelace',
        phones: ['07498 614280'],
        birthDate: '1985-12-10',
      },
      { externalKey: 'C-2', givenName: 'Alan', familyName: 'Turing', birthDate: '1980-02-30' },
      { externalKey: 'C-3', givenName: 'Grace', familyName: 'Hopper', emails: ['Grace@Example.com'] },
    ]);
    expect(result.created).toBe(1);
    expect(result.matched).toBe(1);
    expect(result.rejected).toBe(1);
    const [first, second, third] = result.results;
    expect(first).toMatchObject({
      index: 0,
      externalKey: 'C-1',
      outcome: 'CREATED',
      matchedBy: null,
      error: null,
    });
    expect(second).toEqual({
      index: 1,
      externalKey: 'C-2',
      outcome: 'REJECTED',
      customerId: null,
      matchedBy: null,
      error: {
        field: 'records[1].birthDate',
        code: 'BAD_USER_INPUT',
        message: 'must be a date between 1900-01-01 and today',
      },
    });
    // Grace's email is already a customer: that is who the record is; nothing is written.
    expect(third).toEqual({
      index: 2,
      externalKey: 'C-3',
      outcome: 'MATCHED',
      customerId: grace,
      matchedBy: 'email',
      error: null,
    });
    ada = first.customerId;
    const stored = await gw.query<any>(CUSTOMER, { id: ada });
    expect(stored.data.customer).toEqual({
      givenName: 'Ada',
      birthDate: '1985-12-10',
      // A national-format number, read in the configured default region (GB).
      phones: [{ number: '+447498614280' }],
      identifiers: [{ kind: 'EXTERNAL_ID', value: 'C-1', source: 'crm' }],
    });
  });

  it('importing the same records again matches them by external key and writes nothing (idempotent)', async () => {
    const before = await customerCount();
    const result = await importRecords('crm', [
      { externalKey: 'C-1', givenName: 'Ada', familyName: 'Lovelace' },
      { externalKey: 'C-2', givenName: 'Alan', familyName: 'Turing', birthDate: '1912-06-23' },
    ]);
    expect(result.results.map((r: any) => [r.outcome, r.matchedBy])).toEqual([
      ['MATCHED', 'externalKey'],
      ['CREATED', null],
    ]);
    expect(result.results[0].customerId).toBe(ada);
    expect(await customerCount()).toBe(before + 1);
    const again = await importRecords('crm', [
      { externalKey: 'C-2', givenName: 'Alan', familyName: 'Turing' },
    ]);
    expect(again.results[0]).toMatchObject({ outcome: 'MATCHED', customerId: result.results[1].customerId });
    expect(await customerCount()).toBe(before + 1);
  });

  it('the same external id from another source is stored, with its source, and is evidence of one person', async () => {
    const result = await importRecords('shop', [
      { externalKey: 'C-1', givenName: 'Ada', familyName: 'Lovelace', birthDate: '1985-12-10' },
    ]);
    expect(result.results[0]).toMatchObject({ outcome: 'CREATED', error: null });
    const shopAda = result.results[0].customerId;
    expect(shopAda).not.toBe(ada);
    const stored = await gw.query<any>(CUSTOMER, { id: shopAda });
    expect(stored.data.customer.identifiers).toEqual([{ kind: 'EXTERNAL_ID', value: 'C-1', source: 'shop' }]);
    const candidates = await gw.query<any>(
      `query ($id: ID!) { matchCandidates(customerId: $id) { customerId decision rules } }`,
      { id: shopAda },
    );
    expect(candidates.errors).toBeUndefined();
    expect(candidates.data.matchCandidates).toEqual([
      { customerId: ada, decision: 'AUTO_MERGE', rules: ['externalId:external_id:C-1'] },
    ]);
    // Paged through the gateway: the second page of one is empty.
    const next = await gw.query<any>(
      `query ($id: ID!) { matchCandidates(customerId: $id, first: 1, offset: 1, minScore: 0) { customerId } }`,
      { id: shopAda },
    );
    expect(next.data.matchCandidates).toEqual([]);
  });

  it('more than 1,000 records is refused as a whole with BAD_USER_INPUT on records, nothing written', async () => {
    const before = await customerCount();
    const records = Array.from({ length: 1001 }, (_, i) => ({ externalKey: `BULK-${i}`, givenName: 'X' }));
    const res = await gw.query<any>(IMPORT, { source: 'crm', records });
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'records' });
    expect(await customerCount()).toBe(before);
  });
});
