/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL response data is dynamically shaped in these tests */
import { startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

jest.setTimeout(120_000);

/**
 * Merge and unmerge across the whole supergraph: two profiles, each with an order (sales) and a ticket
 * (support); after the merge the survivor shows both orders and both tickets (sales and support follow
 * marketing's `mergedIds` through @requires), the old id resolves to the survivor; unmerge restores.
 */
describe('identity merge through the gateway', () => {
  let gw: SupergraphHarness;
  // A client-declared actor is ignored (even if configured as forwarded): the actor is the token's subject.
  const actor = { 'x-actor-id': 'agent-7' };

  async function ok(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
    const res = await gw.query<any>(query, variables, headers);
    if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  beforeAll(async () => {
    gw = await startSubgraphsAndGateway({ gatewayConfig: { extraForwardedHeaders: ['x-actor-id'] } });
  });
  afterAll(() => gw?.stop());

  const VIEW = /* GraphQL */ `
    query View($id: ID!) {
      customer(id: $id) {
        id
        resolvedFrom
        mergedIds
        emails {
          address
        }
        orders(first: 10) {
          totalCount
          edges {
            node {
              id
            }
          }
        }
        purchaseStats {
          orderCount
          totalRevenue {
            amountMinor
          }
        }
        tickets(first: 10) {
          edges {
            node {
              id
              subject
            }
          }
        }
        supportStats {
          openTickets
        }
        mergeHistory {
          id
          status
          actor
        }
      }
    }
  `;

  it('the survivor shows both histories, the old id resolves to it; unmerge restores both customers', async () => {
    const create = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
    const a = (
      await ok(create, { input: { givenName: 'Zsófia', familyName: 'Tóth', email: 'zsofi@example.hu' } })
    ).createCustomer.id;
    const b = (
      await ok(create, { input: { givenName: 'Zsofia', familyName: 'Toth', email: 'ztoth@shop.example' } })
    ).createCustomer.id;
    await ok(`mutation($input: CreateProductInput!) { createProduct(input: $input) { sku } }`, {
      input: { sku: 'MUG-1', name: 'Mug', category: 'home', priceMinor: 1200, currency: 'EUR' },
    });
    const place = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`;
    const orderA = (
      await ok(place, {
        input: { customerId: a, channel: 'WEB', currency: 'EUR', items: [{ sku: 'MUG-1', quantity: 1 }] },
      })
    ).placeOrder.id;
    const orderB = (
      await ok(place, {
        input: { customerId: b, channel: 'STORE', currency: 'EUR', items: [{ sku: 'MUG-1', quantity: 2 }] },
      })
    ).placeOrder.id;
    const open = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
    const ticketA = (
      await ok(open, {
        input: {
          customerId: a,
          channel: 'EMAIL',
          category: 'QUESTION',
          subject: 'Size?',
          body: 'Which size?',
        },
      })
    ).openTicket.id;
    const ticketB = (
      await ok(open, {
        input: {
          customerId: b,
          channel: 'PHONE',
          category: 'COMPLAINT',
          subject: 'Broken mug',
          body: 'It arrived broken.',
        },
      })
    ).openTicket.id;

    const { mergeCustomers: merge } = await ok(
      `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { id status actor } }`,
      { input: { survivorId: a, mergedIds: [b], reason: 'same person, confirmed on the phone' } },
      actor,
    );
    expect(merge).toMatchObject({ status: 'APPLIED', actor: 'demo-admin' });

    gw.commandCounter.reset();
    const survivor = (await ok(VIEW, { id: a })).customer;
    const counts = gw.commandCounter.counts();
    expect(survivor.mergedIds).toEqual([b]);
    expect(survivor.orders.edges.map((e: any) => e.node.id).sort()).toEqual([orderA, orderB].sort());
    expect(survivor.orders.totalCount).toBe(2);
    expect(survivor.purchaseStats).toEqual({ orderCount: 2, totalRevenue: { amountMinor: 3600 } });
    expect(survivor.tickets.edges.map((e: any) => e.node.id).sort()).toEqual([ticketA, ticketB].sort());
    expect(survivor.supportStats.openTickets).toBe(2);
    expect(survivor.emails.map((e: any) => e.address)).toEqual(['zsofi@example.hu', 'ztoth@shop.example']);
    // Batching holds: merged ids ride along in the same queries (no query per merged id).
    expect(counts.sales).toBeLessThanOrEqual(4);
    expect(counts.support).toBeLessThanOrEqual(3);

    // The old id answers with the survivor, says so, and sees the same orders and tickets.
    const viaOld = (await ok(VIEW, { id: b })).customer;
    expect(viaOld).toMatchObject({ id: a, resolvedFrom: b });
    expect(viaOld.orders.totalCount).toBe(2);
    expect(viaOld.tickets.edges).toHaveLength(2);
    // An order filed under the old id points at the survivor too.
    const order = await ok(
      `query($id: ID!) { order(id: $id) { customer { givenName tickets { edges { node { id } } } } } }`,
      {
        id: orderB,
      },
    );
    expect(order.order.customer.givenName).toBe('Zsófia');
    expect(order.order.customer.tickets.edges).toHaveLength(2);

    const { unmergeCustomer } = await ok(
      `mutation($id: ID!) { unmergeCustomer(mergeId: $id) { status undoneBy } }`,
      { id: merge.id },
      actor,
    );
    expect(unmergeCustomer).toEqual({ status: 'UNDONE', undoneBy: 'demo-admin' });
    const afterA = (await ok(VIEW, { id: a })).customer;
    const afterB = (await ok(VIEW, { id: b })).customer;
    expect(afterA).toMatchObject({
      id: a,
      mergedIds: [],
      resolvedFrom: null,
      purchaseStats: { orderCount: 1 },
    });
    expect(afterA.orders.edges.map((e: any) => e.node.id)).toEqual([orderA]);
    expect(afterA.tickets.edges.map((e: any) => e.node.id)).toEqual([ticketA]);
    expect(afterB).toMatchObject({ id: b, resolvedFrom: null, purchaseStats: { orderCount: 1 } });
    expect(afterB.tickets.edges.map((e: any) => e.node.id)).toEqual([ticketB]);
    expect(afterB.emails.map((e: any) => e.address)).toEqual(['ztoth@shop.example']);
    expect(afterB.mergeHistory).toEqual([{ id: merge.id, status: 'UNDONE', actor: 'demo-admin' }]);
  });
});
