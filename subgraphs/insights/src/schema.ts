import { buildFederatedSchema } from '../../../shared/federation/build-subgraph-schema';
import { CustomerInsightsResolver } from './customer/customer.resolver';
import { Customer } from './customer/customer.type';
import { MoneyResolver } from '../../../shared/money/money.resolver';
import { TimelinePageResolver } from './timeline/timeline.resolver';
import { TimelinePage } from './timeline/timeline.type';

/** Builds the insights subgraph (no database, no network); used by server.ts and `npm run compose`. */
export function buildInsightsSchema() {
  // Insights has no Query of its own: Customer is only reachable through `_entities`, so list it explicitly.
  return buildFederatedSchema({
    resolvers: [CustomerInsightsResolver, TimelinePageResolver, MoneyResolver],
    orphanedTypes: [Customer, TimelinePage],
  });
}
