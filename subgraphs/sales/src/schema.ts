import { buildFederatedSchema } from '../../../shared/federation/build-subgraph-schema';
import { resolveCustomerValueReference } from './customer-value/customer-value.reference';
import { CustomerValuePredictionsResolver } from './customer-value/customer-value.resolver';
import { CustomerValuePredictions } from './customer-value/customer-value.type';
import { CustomerValueResolver, ValueModelScoresResolver } from './customer-value/value-scores.resolver';
import { ValueModelResolver } from './customer-value/value-model.resolver';
import { ValueModelVersionResolver } from './customer-value/value-model-version.resolver';
import { resolveCustomerReference } from './customer/customer.reference';
import { CustomerResolver } from './customer/customer.resolver';
import { MoneyResolver } from '../../../shared/money/money.resolver';
import { resolveOrderReference } from './order/order.reference';
import { OrderResolver } from './order/order.resolver';
import { resolveProductReference } from './product/product.reference';
import { ProductResolver } from './product/product.resolver';
import { ReturnResolver } from './return/return.resolver';
import { salesTimeline } from './timeline/timeline.resolver';

/** Builds the sales subgraph schema; needs no database (used by `npm run compose`). */
export function buildSalesSchema() {
  return buildFederatedSchema({
    resolvers: [
      CustomerResolver,
      CustomerValueResolver,
      CustomerValuePredictionsResolver,
      ValueModelScoresResolver,
      ValueModelResolver,
      ValueModelVersionResolver,
      OrderResolver,
      ReturnResolver,
      ProductResolver,
      salesTimeline.TimelineContributionResolver,
      MoneyResolver,
    ],
    // Only reachable through `_entities` (insights returns CustomerValue; marketing opens TimelinePage).
    orphanedTypes: [CustomerValuePredictions, salesTimeline.TimelinePage],
    referenceResolvers: {
      Customer: { __resolveReference: resolveCustomerReference },
      CustomerValue: { __resolveReference: resolveCustomerValueReference },
      Order: { __resolveReference: resolveOrderReference },
      Product: { __resolveReference: resolveProductReference },
      TimelinePage: salesTimeline.reference,
    },
  });
}
