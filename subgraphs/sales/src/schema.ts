import { buildFederatedSchema } from '../../../shared/federation/build-subgraph-schema';
import { CustomerValueResolver, ValueModelScoresResolver } from './customer-value/value-scores.resolver';
import { ValueModelResolver } from './customer-value/value-model.resolver';
import { resolveCustomerReference } from './customer/customer.reference';
import { CustomerResolver } from './customer/customer.resolver';
import { MoneyResolver } from './money/money.resolver';
import { resolveOrderReference } from './order/order.reference';
import { OrderResolver } from './order/order.resolver';
import { resolveProductReference } from './product/product.reference';
import { ProductResolver } from './product/product.resolver';
import { ReturnResolver } from './return/return.resolver';

/** Builds the sales subgraph schema; needs no database (used by `npm run compose`). */
export function buildSalesSchema() {
  return buildFederatedSchema({
    resolvers: [
      CustomerResolver,
      CustomerValueResolver,
      ValueModelScoresResolver,
      ValueModelResolver,
      OrderResolver,
      ReturnResolver,
      ProductResolver,
      MoneyResolver,
    ],
    referenceResolvers: {
      Customer: { __resolveReference: resolveCustomerReference },
      Order: { __resolveReference: resolveOrderReference },
      Product: { __resolveReference: resolveProductReference },
    },
  });
}
