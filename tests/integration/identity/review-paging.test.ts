/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
import { createCustomer, startMarketing, type Marketing } from '../marketing/marketing-harness';

jest.setTimeout(120_000);

/*
 * Issue 12: "review pairs beyond the first 100 cannot be paged; matchCandidates hides everything below
 * 0.5, so nobody can choose a threshold from data". Pages come by offset, and minScore lists what lies
 * below the thresholds.
 */
describe('paging review pairs and candidates, with minScore (marketing, real MongoDB)', () => {
  let m: Marketing;
  let olivia: string;
  let oscar: string;

  beforeAll(async () => {
    m = await startMarketing('identity_paging');
    // Six pairs with the same name at the same address and nothing personal: each goes to review.
    const names = [
      'Ágnes Balogh',
      'Bence Fekete',
      'Csilla Varga',
      'Dániel Török',
      'Eszter Papp',
      'Ferenc Kiss',
    ];
    for (const [i, name] of names.entries()) {
      const [givenName, familyName] = name.split(' ');
      const address = {
        street: 'Petőfi utca',
        houseNumber: String(10 + i),
        city: 'Szeged',
        postcode: '6720',
        country: 'HU',
      };
      await createCustomer(m, { givenName, familyName, address });
      await createCustomer(m, { givenName, familyName, address });
    }
    olivia = await createCustomer(m, {
      givenName: 'Olivia',
      familyName: 'Harrington',
      birthDate: '1983-04-09',
    });
    // Shares a blocking key with Olivia (family name sound and initial), but is someone else.
    oscar = await createCustomer(m, {
      givenName: 'Oscar',
      familyName: 'Harrington',
      birthDate: '1951-11-30',
    });
  });
  afterAll(() => m.stop());

  async function finishedJob() {
    const { findDuplicates } = await m.ok(`mutation { findDuplicates { id } }`);
    for (let i = 0; i < 300; i++) {
      const { identityJob } = await m.ok(`query($id: ID!) { identityJob(id: $id) { status reviewTotal } }`, {
        id: findDuplicates.id,
      });
      if (identityJob.status !== 'RUNNING') return identityJob;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('job did not finish');
  }

  const PAGE = `query($first: Int!, $offset: Int!, $minScore: Float) {
    duplicateReviewList(first: $first, offset: $offset, minScore: $minScore) { leftId rightId probability }
  }`;
  const key = (p: any) => [p.leftId, p.rightId].sort().join('|');

  it('review pairs page by offset: disjoint pages, together the whole list, then an empty page', async () => {
    const job = await finishedJob();
    expect(job.status).toBe('SUCCEEDED');
    expect(job.reviewTotal).toBe(6);
    const all = (await m.ok(PAGE, { first: 100, offset: 0 })).duplicateReviewList;
    expect(all).toHaveLength(6);
    const pages = [];
    for (const offset of [0, 2, 4, 6])
      pages.push((await m.ok(PAGE, { first: 2, offset })).duplicateReviewList);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 0]);
    expect(pages.flat().map(key)).toEqual(all.map(key));
  });

  it('minScore keeps only the pairs at or above it', async () => {
    const all = (await m.ok(PAGE, { first: 100, offset: 0 })).duplicateReviewList;
    const cut = all[2].probability;
    const above = (await m.ok(PAGE, { first: 100, offset: 0, minScore: cut })).duplicateReviewList;
    expect(above.map(key)).toEqual(all.filter((p: any) => p.probability >= cut).map(key));
    expect((await m.ok(PAGE, { first: 100, offset: 0, minScore: 1 })).duplicateReviewList).toEqual([]);
  });

  it('matchCandidates with minScore lists a candidate below the review threshold, with decision NONE', async () => {
    const Q = `query($id: ID!, $minScore: Float) {
      matchCandidates(customerId: $id, minScore: $minScore) { customerId probability decision }
    }`;
    expect((await m.ok(Q, { id: olivia })).matchCandidates).toEqual([]);
    const low = (await m.ok(Q, { id: olivia, minScore: 0 })).matchCandidates;
    expect(low).toHaveLength(1);
    expect(low[0].customerId).toBe(oscar);
    expect(low[0].decision).toBe('NONE');
    expect(low[0].probability).toBeLessThan(0.5);
  });

  it.each([
    ['minScore', { minScore: 1.5 }],
    ['offset', { offset: -1 }],
  ])('a bad %s is BAD_USER_INPUT naming it', async (field, args) => {
    const res = await m.gql(
      `query($id: ID!, $minScore: Float, $offset: Int) {
      matchCandidates(customerId: $id, minScore: $minScore, offset: $offset) { customerId }
    }`,
      { id: olivia, offset: 0, ...args },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
