import { buildFederatedSchema } from '../../../shared/federation/build-subgraph-schema';
import { resolveCustomerReference } from './customer/customer.reference';
import { CustomerResolver } from './customer/customer.resolver';

/** Builds the marketing subgraph schema; needs no database (used by `npm run compose`). */
export function buildMarketingSchema() {
  return buildFederatedSchema({
    resolvers: [CustomerResolver],
    referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference } },
  });
}
