import { buildFederatedSchema } from '../../../shared/federation/build-subgraph-schema';
import { resolveCustomerReference } from './customer/customer.reference';
import { CustomerResolver } from './customer/customer.resolver';
import {
  SupportInteractionConnectionResolver,
  SupportInteractionResolver,
} from './interaction/interaction.resolver';
import { TicketConnectionResolver, TicketResolver } from './ticket/ticket.resolver';
import { supportTimeline } from './timeline/timeline.resolver';

/** Builds the support subgraph schema; needs no database (used by `npm run compose`). */
export function buildSupportSchema() {
  return buildFederatedSchema({
    resolvers: [
      CustomerResolver,
      TicketResolver,
      TicketConnectionResolver,
      SupportInteractionResolver,
      SupportInteractionConnectionResolver,
      supportTimeline.TimelineContributionResolver,
    ],
    // Only reachable through `_entities` (marketing opens the page), so listed explicitly.
    orphanedTypes: [supportTimeline.TimelinePage],
    referenceResolvers: {
      Customer: { __resolveReference: resolveCustomerReference },
      TimelinePage: supportTimeline.reference,
    },
  });
}
