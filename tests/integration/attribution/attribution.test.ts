/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
/**
 * Attribution in the marketing subgraph: orders arrive as sales' events would deliver them (the handler
 * bodies of AttributionService), each recomputes that person's credits (incremental path), the batch
 * refits Markov/Shapley, and Order.attribution, Campaign.performance and attributionReport read the store.
 */
import { jest } from '@jest/globals';
import { createCustomer, startMarketing, type Marketing } from '../marketing/marketing-harness';

jest.setTimeout(60_000);

const NOW = new Date('2025-06-30T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
let m: Marketing;
let alice: string;
let bob: string;
let mailCampaign: string;
let adCampaign: string;

const ATTRIBUTION = `query($id: ID!, $model: AttributionModel!) {
  _entities(representations: [{ __typename: "Order", id: $id }]) {
    ... on Order { attribution(model: $model) { model netRevenue { amountMinor currency } credits { touchpointId channel campaignId share amount { amountMinor } } } }
  }
}`;
const REPORT = `query($model: AttributionModel!, $groupBy: AttributionGroupBy!) {
  attributionReport(model: $model, from: "2025-01-01T00:00:00Z", to: "2025-07-01T00:00:00Z", groupBy: $groupBy) {
    rows { key revenue { amountMinor currency } attributedConversions orders }
    fit { journeys removalEffects { channel removalEffect } }
  }
}`;

async function touch(customerId: string, channel: string, type: string, at: Date, campaignId?: string) {
  const r = await m.ok(`mutation($i: RecordTouchpointInput!) { recordTouchpoint(input: $i) { id } }`, {
    i: { customerId, channel, type, occurredAt: at.toISOString(), ...(campaignId ? { campaignId } : {}) },
  });
  return r.recordTouchpoint.id as string;
}

const attribution = () => m.service.createContext().services.attribution;
const place = (orderId: string, customerId: string, at: Date, totalMinor: number) =>
  attribution().recordOrderPlaced({
    orderId,
    orderNumber: orderId.toUpperCase(),
    customerId,
    placedAt: at,
    status: 'PAID',
    currency: 'EUR',
    totalMinor,
  });

let t: Record<string, string>;

beforeAll(async () => {
  m = await startMarketing('mkt_attribution', { now: NOW });
  alice = await createCustomer(m, { givenName: 'Alice', email: 'alice@example.com' });
  bob = await createCustomer(m, { givenName: 'Bob', email: 'bob@example.com' });
  const c1 = await m.ok(
    `mutation { createCampaign(input: { name: "June mail", channel: EMAIL, objective: CONVERSION, status: ACTIVE }) { id } }`,
  );
  const c2 = await m.ok(
    `mutation { createCampaign(input: { name: "June ads", channel: AD, objective: ACQUISITION, status: ACTIVE }) { id } }`,
  );
  mailCampaign = c1.createCampaign.id;
  adCampaign = c2.createCampaign.id;
  await m.ok(
    `mutation($i: SetCampaignCostInput!) { setCampaignCost(input: $i) { cost { amountMinor currency } } }`,
    {
      i: { campaignId: mailCampaign, costMinor: 5000, currency: 'EUR' },
    },
  );
  t = {
    oldAd: await touch(alice, 'AD', 'AD_CLICK', daysAgo(60), adCampaign),
    ad: await touch(alice, 'AD', 'AD_CLICK', daysAgo(20), adCampaign),
    mail: await touch(alice, 'EMAIL', 'EMAIL_CLICK', daysAgo(10), mailCampaign),
    web: await touch(alice, 'WEB', 'PAGE_VIEW', daysAgo(5)),
    bobAd: await touch(bob, 'AD', 'AD_CLICK', daysAgo(50), adCampaign),
  };
});
afterAll(async () => m.stop());

describe('attribution', () => {
  it('an order event credits the touchpoints of its 30-day window under each rule-based model', async () => {
    await place('ord_a1', alice, daysAgo(4), 10_000);
    const get = async (model: string) =>
      (await m.ok(ATTRIBUTION, { id: 'ord_a1', model }))._entities[0].attribution;
    const last = await get('LAST_TOUCH');
    expect(last.netRevenue).toEqual({ amountMinor: 10_000, currency: 'EUR' });
    expect(last.credits).toEqual([
      { touchpointId: t.web, channel: 'WEB', campaignId: null, share: 1, amount: { amountMinor: 10_000 } },
    ]);
    const lnd = await get('LAST_NON_DIRECT');
    expect(lnd.credits.map((c: any) => [c.touchpointId, c.amount.amountMinor])).toEqual([[t.mail, 10_000]]);
    const linear = await get('LINEAR');
    // the 60-day-old ad click is outside the window
    expect(linear.credits.map((c: any) => [c.touchpointId, c.amount.amountMinor])).toEqual([
      [t.ad, 3334],
      [t.mail, 3333],
      [t.web, 3333],
    ]);
    const position = await get('POSITION_BASED');
    expect(position.credits.map((c: any) => c.amount.amountMinor)).toEqual([4000, 2000, 4000]);
    // Before any batch there is no fit: the data-driven models share linearly.
    expect((await get('MARKOV')).credits.map((c: any) => c.amount.amountMinor)).toEqual([3334, 3333, 3333]);
  });

  it('a return lowers the revenue shared out; a full return or a cancellation removes the order', async () => {
    await attribution().recordReturn('ord_a1', 2_000);
    const after = (await m.ok(ATTRIBUTION, { id: 'ord_a1', model: 'LAST_NON_DIRECT' }))._entities[0]
      .attribution;
    expect(after.netRevenue.amountMinor).toBe(8_000);
    expect(after.credits[0].amount.amountMinor).toBe(8_000);
    await place('ord_b1', bob, daysAgo(1), 5_000); // Bob's only touchpoint is 49 days before: unattributed
    const bobOrder = (await m.ok(ATTRIBUTION, { id: 'ord_b1', model: 'FIRST_TOUCH' }))._entities[0]
      .attribution;
    expect(bobOrder.credits).toEqual([
      { touchpointId: null, channel: null, campaignId: null, share: 1, amount: { amountMinor: 5_000 } },
    ]);
    await attribution().recordStatusChange('ord_b1', 'CANCELLED');
    expect(
      (await m.ok(ATTRIBUTION, { id: 'ord_b1', model: 'FIRST_TOUCH' }))._entities[0].attribution,
    ).toBeNull();
  });

  it('the batch fits Markov on all journeys; reports and campaign performance read the stored credits', async () => {
    const run = await m.ok(`mutation { runAttribution { orders journeys } }`);
    // journeys: Alice's converting one, her stale 60-day ad click, Bob's lost ad click
    expect(run.runAttribution).toEqual({ orders: 1, journeys: 3 });
    const report = (await m.ok(REPORT, { model: 'LAST_NON_DIRECT', groupBy: 'CHANNEL' })).attributionReport;
    expect(report.rows).toEqual([
      { key: 'EMAIL', revenue: { amountMinor: 8_000, currency: 'EUR' }, attributedConversions: 1, orders: 1 },
    ]);
    const markov = (await m.ok(REPORT, { model: 'MARKOV', groupBy: 'CAMPAIGN' })).attributionReport;
    const total = markov.rows.reduce((n: number, r: any) => n + r.revenue.amountMinor, 0);
    expect(total).toBe(8_000);
    expect(markov.rows.map((r: any) => r.key).sort()).toEqual([adCampaign, mailCampaign, null].sort());
    // AD sits on two lost paths and one converting one; EMAIL and WEB only on the converting one.
    const re = Object.fromEntries(markov.fit.removalEffects.map((r: any) => [r.channel, r.removalEffect]));
    expect(re).toEqual({ AD: 1, EMAIL: 1, WEB: 1 });

    const campaigns = await m.ok(
      `{ campaigns(first: 10) { edges { node { id cost { amountMinor } performance(model: LAST_NON_DIRECT, from: "2025-06-01T00:00:00Z", to: "2025-07-01T00:00:00Z") { orders attributedConversions revenue { amountMinor currency } roas } } } } }`,
    );
    const byId = Object.fromEntries(campaigns.campaigns.edges.map((e: any) => [e.node.id, e.node]));
    expect(byId[mailCampaign].performance).toEqual({
      orders: 1,
      attributedConversions: 1,
      revenue: [{ amountMinor: 8_000, currency: 'EUR' }],
      roas: 1.6,
    });
    expect(byId[adCampaign].performance).toEqual({
      orders: 0,
      attributedConversions: 0,
      revenue: [],
      roas: null,
    });
  });

  it('refuses an empty or inverted period', async () => {
    const err = await m.fails(
      `{ attributionReport(model: LINEAR, from: "2025-06-01T00:00:00Z", to: "2025-06-01T00:00:00Z") { rows { key } } }`,
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
