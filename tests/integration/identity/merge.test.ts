/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
import { ADMIN_REVEALED } from '../../helpers/auth';
import { createCustomer, startMarketing, type Marketing } from '../marketing/marketing-harness';
import type { CustomerDoc } from '../../../subgraphs/marketing/src/customer/customer.model';

jest.setTimeout(60_000);

const MERGE = /* GraphQL */ `
  mutation Merge($input: MergeCustomersInput!) {
    mergeCustomers(input: $input) {
      id
      survivorId
      mergedIds
      status
      method
      reason
      actor
      appliedAt
    }
  }
`;
const UNMERGE = /* GraphQL */ `
  mutation Unmerge($id: ID!) {
    unmergeCustomer(mergeId: $id) {
      id
      status
      undoneAt
      undoneBy
    }
  }
`;
const CUSTOMER = /* GraphQL */ `
  query C($id: ID!) {
    customer(id: $id) {
      id
      status
      resolvedFrom
      mergedIds
      givenName
      familyName
      birthDate
      emails {
        address
        primary
      }
      phones {
        number
      }
      identifiers {
        kind
        value
      }
      fieldSources {
        field
        value
        sourceCustomerId
        mergeId
      }
      mergeHistory {
        id
        status
      }
    }
  }
`;

/** The stored document, exactly (revision and merge stamp included). */
async function stored(m: Marketing, id: string): Promise<Record<string, unknown>> {
  return (await m.models.customers.collection.findOne({ _id: id } as never)) as Record<string, unknown>;
}

describe('mergeCustomers / unmergeCustomer (marketing, real MongoDB)', () => {
  let m: Marketing;
  let a: string;
  let b: string;
  let c: string;

  beforeAll(async () => {
    m = await startMarketing('identity_merge');
    a = await createCustomer(m, {
      givenName: 'Péter',
      familyName: 'Kovács',
      email: 'peter.kovacs@example.hu',
      phones: [{ number: '+36 30 123 4567', kind: 'MOBILE' }],
      language: 'hu-HU',
    });
    b = await createCustomer(m, {
      givenName: 'Peter',
      familyName: 'Kovacs',
      email: 'pkovacs@work.example',
      birthDate: '1984-03-12',
      identifiers: [{ kind: 'LOYALTY_CARD', value: 'LC-1234-5678' }],
      address: { street: 'Fő utca', houseNumber: '12', city: 'Budapest', postcode: '1011', country: 'HU' },
    });
    c = await createCustomer(m, { givenName: 'Anna', familyName: 'Nagy', email: 'anna@example.hu' });
  });
  afterAll(() => m.stop());

  it('merges, resolves old ids to the survivor, and unmerge restores both profiles exactly', async () => {
    const beforeA = await stored(m, a);
    const beforeB = await stored(m, b);

    const { mergeCustomers: merge } = await m.ok(MERGE, {
      input: { survivorId: a, mergedIds: [b], reason: 'same person, confirmed by phone' },
    });
    expect(merge).toMatchObject({ survivorId: a, mergedIds: [b], status: 'APPLIED', method: 'MANUAL' });
    expect(merge.actor).toBe('system');

    const survivor = (await m.ok(CUSTOMER, { id: a })).customer;
    expect(survivor.mergedIds).toEqual([b]);
    expect(survivor.resolvedFrom).toBeNull();
    // Keeps its own values, fills gaps from the merged profile, keeps every identifier.
    expect(survivor.givenName).toBe('Péter');
    expect(survivor.birthDate).toBe('1984-03-12');
    expect(survivor.emails).toEqual([
      { address: 'peter.kovacs@example.hu', primary: true },
      { address: 'pkovacs@work.example', primary: false },
    ]);
    expect(survivor.identifiers).toEqual([{ kind: 'LOYALTY_CARD', value: 'LC-1234-5678' }]);
    expect(survivor.fieldSources).toEqual(
      expect.arrayContaining([
        { field: 'givenName', value: 'Péter', sourceCustomerId: a, mergeId: null },
        { field: 'birthDate', value: '1984-03-12', sourceCustomerId: b, mergeId: merge.id },
        { field: 'emails', value: 'pkovacs@work.example', sourceCustomerId: b, mergeId: merge.id },
      ]),
    );
    expect(survivor.mergeHistory).toEqual([{ id: merge.id, status: 'APPLIED' }]);

    // The old id answers with the survivor, and says so.
    const viaOld = (await m.ok(CUSTOMER, { id: b })).customer;
    expect(viaOld).toMatchObject({ id: a, resolvedFrom: b, status: 'ACTIVE' });
    // Identifiers of the merged-away profile now find the survivor.
    const byEmail = await m.ok(`{ customerByIdentifier(kind: EMAIL, value: "PKovacs@work.example") { id } }`);
    expect(byEmail.customerByIdentifier.id).toBe(a);
    const byCard = await m.ok(`{ customerByIdentifier(kind: LOYALTY_CARD, value: "lc 1234 5678") { id } }`);
    expect(byCard.customerByIdentifier.id).toBe(a);
    const mergedDoc = await m.models.customers.findById(b).lean<CustomerDoc>();
    expect(mergedDoc).toMatchObject({ status: 'MERGED', mergedInto: a, emails: [], identifiers: [] });

    const { unmergeCustomer: undone } = await m.ok(UNMERGE, { id: merge.id });
    expect(undone.status).toBe('UNDONE');
    expect(await stored(m, a)).toEqual(beforeA);
    expect(await stored(m, b)).toEqual(beforeB);
    const back = (await m.ok(CUSTOMER, { id: b })).customer;
    expect(back).toMatchObject({ id: b, resolvedFrom: null, status: 'ACTIVE', mergedIds: [] });
    const byEmailAgain = await m.ok(
      `{ customerByIdentifier(kind: EMAIL, value: "pkovacs@work.example") { id } }`,
    );
    expect(byEmailAgain.customerByIdentifier.id).toBe(b);
    // The record stays, as the audit trail.
    const history = (await m.ok(CUSTOMER, { id: b })).customer.mergeHistory;
    expect(history).toEqual([{ id: merge.id, status: 'UNDONE' }]);

    const again = await m.fails(UNMERGE, { id: merge.id });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_UNDONE' });
  });

  it("the survivor's touchpoints include those recorded under the merged id", async () => {
    const record = `mutation($input: RecordTouchpointInput!) { recordTouchpoint(input: $input) { id } }`;
    const at = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
    const tA = (
      await m.ok(record, { input: { customerId: a, channel: 'WEB', type: 'PAGE_VIEW', occurredAt: at(10) } })
    ).recordTouchpoint.id;
    const tB = (
      await m.ok(record, {
        input: { customerId: b, channel: 'EMAIL', type: 'EMAIL_OPEN', occurredAt: at(5) },
      })
    ).recordTouchpoint.id;
    const page = `query($id: ID!) { customer(id: $id) { touchpoints(first: 10) { totalCount edges { node { id } } } } }`;
    const { mergeCustomers: merge } = await m.ok(MERGE, {
      input: { survivorId: a, mergedIds: [b], reason: 'tp' },
    });
    const merged = (await m.ok(page, { id: a })).customer.touchpoints;
    expect(merged.totalCount).toBe(2);
    expect(merged.edges.map((e: any) => e.node.id)).toEqual([tB, tA]);
    await m.ok(UNMERGE, { id: merge.id });
    expect((await m.ok(page, { id: a })).customer.touchpoints.edges.map((e: any) => e.node.id)).toEqual([tA]);
  });

  it('records the actor of the request and chains merges (older merged ids re-pointed)', async () => {
    const run = async (query: string, variables: Record<string, unknown>) => {
      const res = await m.service.apollo.executeOperation(
        { query, variables },
        { contextValue: { ...m.service.createContext({ actor: 'agent-42' }), auth: ADMIN_REVEALED } },
      );
      if (res.body.kind !== 'single') throw new Error('incremental');
      return JSON.parse(JSON.stringify(res.body.singleResult)) as { data?: any; errors?: any[] };
    };
    const first = await run(MERGE, { input: { survivorId: b, mergedIds: [c], reason: 'test chain' } });
    expect(first.errors).toBeUndefined();
    expect(first.data.mergeCustomers.actor).toBe('agent-42');
    const second = await run(MERGE, { input: { survivorId: a, mergedIds: [b], reason: 'test chain 2' } });
    expect(second.errors).toBeUndefined();

    const survivor = (await m.ok(CUSTOMER, { id: a })).customer;
    expect([...survivor.mergedIds].sort()).toEqual([b, c].sort());
    expect((await m.models.customers.findById(c).lean<CustomerDoc>())?.mergedInto).toBe(a);
    expect((await m.ok(CUSTOMER, { id: c })).customer).toMatchObject({ id: a, resolvedFrom: c });

    // The older merge cannot be undone while the later one stands.
    const blocked = await m.fails(UNMERGE, { id: first.data.mergeCustomers.id });
    expect(blocked.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CHANGED_SINCE_MERGE',
      laterMergeId: second.data.mergeCustomers.id,
    });
    await m.ok(UNMERGE, { id: second.data.mergeCustomers.id });
    expect((await m.models.customers.findById(c).lean<CustomerDoc>())?.mergedInto).toBe(b);
    await m.ok(UNMERGE, { id: first.data.mergeCustomers.id });
    expect((await m.ok(CUSTOMER, { id: c })).customer).toMatchObject({ id: c, status: 'ACTIVE' });
  });

  it('validates ids and refuses merging a merged profile, with stable codes', async () => {
    const bad = await m.fails(MERGE, { input: { survivorId: 'nope', mergedIds: [b], reason: 'x' } });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'survivorId' });
    const self = await m.fails(MERGE, { input: { survivorId: a, mergedIds: [a], reason: 'x' } });
    expect(self.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mergedIds' });
    const missing = await m.fails(MERGE, {
      input: { survivorId: a, mergedIds: ['cus_0123456789abcdef01234567'], reason: 'x' },
    });
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND' });

    const { mergeCustomers: merge } = await m.ok(MERGE, {
      input: { survivorId: a, mergedIds: [b], reason: 'x' },
    });
    const twice = await m.fails(MERGE, { input: { survivorId: c, mergedIds: [b], reason: 'x' } });
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_MERGED', customerId: b });
    const intoMerged = await m.fails(MERGE, { input: { survivorId: b, mergedIds: [c], reason: 'x' } });
    expect(intoMerged.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_MERGED',
      field: 'survivorId',
    });
    await m.ok(UNMERGE, { id: merge.id });
  });

  it('leaves nothing half-merged when a profile changes mid-merge or a write fails', async () => {
    const beforeB = await stored(m, b);
    // Another writer changes the survivor after the merged profile was written.
    const racing = m.service.createContext({
      mergeHook: async (step) => {
        if (step === 'merged-written') {
          await m.models.customers.updateOne({ _id: a }, { $inc: { revision: 1 }, $set: { language: 'en' } });
        }
      },
    });
    const res = await m.service.apollo.executeOperation(
      { query: MERGE, variables: { input: { survivorId: a, mergedIds: [b], reason: 'race' } } },
      { contextValue: { ...racing, auth: ADMIN_REVEALED } },
    );
    const body = res.body.kind === 'single' ? res.body.singleResult : null;
    expect(body?.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONCURRENT_UPDATE' });
    const mergeId = body?.errors?.[0].extensions?.mergeId as string;
    expect(await stored(m, b)).toEqual(beforeB);
    expect((await stored(m, a)).language).toBe('en');
    const record = await m.ok(`query($id: ID!) { merge(id: $id) { status failure } }`, { id: mergeId });
    expect(record.merge.status).toBe('ROLLED_BACK');
    const raced = await stored(m, a);

    // A failure after the merged profile was written: rolled back before the error is returned.
    const failing = m.service.createContext({
      mergeHook: (step) => {
        if (step === 'merged-written') throw new Error('disk full');
      },
    });
    const failed = await m.service.apollo.executeOperation(
      { query: MERGE, variables: { input: { survivorId: a, mergedIds: [b], reason: 'fail' } } },
      { contextValue: { ...failing, auth: ADMIN_REVEALED } },
    );
    expect(failed.body.kind === 'single' && failed.body.singleResult.errors?.length).toBeTruthy();
    expect(await stored(m, a)).toEqual(raced);
    expect(await stored(m, b)).toEqual(beforeB);
  });

  it('recoverInterrupted rolls back a merge whose process died half-way', async () => {
    const beforeA = await stored(m, a);
    const beforeB = await stored(m, b);
    let mergeId = '';
    // The process "dies" after writing the merged profile: the merge never continues or rolls back.
    const dying = m.service.createContext({
      mergeHook: (step, id) => {
        mergeId = id;
        return step === 'merged-written' ? new Promise<void>(() => {}) : undefined;
      },
    });
    void dying.services.merges.merge({ survivorId: a, mergedIds: [b], reason: 'x', actor: 't' });
    for (
      let i = 0;
      i < 100 && (await m.models.customers.findById(b).lean<CustomerDoc>())?.status !== 'MERGED';
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await m.models.merges.findById(mergeId).lean())?.status).toBe('PENDING');
    expect((await m.models.customers.findById(b).lean<CustomerDoc>())?.status).toBe('MERGED');

    const result = await m.service.createContext().services.merges.recoverInterrupted(0);
    expect(result).toEqual({ rolledBack: 1, undone: 0 });
    expect(await stored(m, a)).toEqual(beforeA);
    expect(await stored(m, b)).toEqual(beforeB);
    expect((await m.models.merges.findById(mergeId).lean())?.status).toBe('ROLLED_BACK');
  });
});
