import { buildFederatedSchema } from '../../../shared/federation/build-subgraph-schema';
import { resolveCustomerReference } from './customer/customer.reference';
import { CustomerResolver } from './customer/customer.resolver';
import {
  SupportInteractionConnectionResolver,
  SupportInteractionResolver,
} from './interaction/interaction.resolver';
import { TicketConnectionResolver, TicketResolver } from './ticket/ticket.resolver';

/** Builds the support subgraph schema; needs no database (used by `npm run compose`). */
export function buildSupportSchema() {
  return buildFederatedSchema({
    resolvers: [
      CustomerResolver,
      TicketResolver,
      TicketConnectionResolver,
      SupportInteractionResolver,
      SupportInteractionConnectionResolver,
    ],
    referenceResolvers: { Customer: { __resolveReference: resolveCustomerReference } },
  });
}
