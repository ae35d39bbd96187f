import type { CostWeights } from '../../shared/server/query-cost';

/**
 * What the gateway's cost limit charges (shared/server/query-cost.ts), set from `npm run bench:query-cost`
 * on the 5,000 demo customers: a stored object is 1 unit and a scalar 0 (14 scalars per customer took as
 * long as the id alone). `lifecycle`, `value` and `contact` are computed by insights from facts the gateway
 * first gathers from the other subgraphs: a page of the README's example selection took 29× as long as a
 * page of ids, and with these three at 20 units both cost the same 0.36 ms per unit. The example then costs
 * 88 per customer: a page of 100 is 8,800, under the default MAX_QUERY_COST of 20,000.
 */
export const GATEWAY_COST_WEIGHTS: CostWeights = {
  object: 1,
  scalar: 0,
  fields: { 'Customer.lifecycle': 20, 'Customer.value': 20, 'Customer.contact': 20 },
};
