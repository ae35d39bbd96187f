import { buildFederatedSchema } from '../../../shared/federation/build-subgraph-schema';
import { CustomerInsightsResolver } from './customer/customer.resolver';
import { Customer } from './customer/customer.type';
import { MoneyResolver } from '../../../shared/money/money.resolver';

/** Subgraph name in the supergraph; the gateway serves it in-process under this name. */
export const INSIGHTS_SUBGRAPH = 'insights';

/** Builds the insights subgraph (no database, no network); used by the gateway, `npm run compose` and index.ts. */
export function buildInsightsSchema() {
  // Insights has no Query of its own: Customer is only reachable through `_entities`, so list it explicitly.
  return buildFederatedSchema({
    resolvers: [CustomerInsightsResolver, MoneyResolver],
    orphanedTypes: [Customer],
  });
}
