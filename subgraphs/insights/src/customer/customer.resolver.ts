import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { ContactEligibility } from '../contact/contact-eligibility.type';
import type { InsightsContext } from '../context';
import { Lifecycle } from '../lifecycle/lifecycle.type';
import { computeContact } from '../rules/contact.rules';
import { computeLifecycle } from '../rules/lifecycle.rules';
import { computeCustomerValue } from '../rules/value.rules';
import { CustomerValue } from '../value/customer-value.type';
import { toSignals, type CustomerRepresentation } from './customer.mapper';
import { CONTACT_REQUIRES, LIFECYCLE_REQUIRES, VALUE_REQUIRES } from './customer.requires';
import { Customer } from './customer.type';

/**
 * The cross-domain computed fields. Without a `__resolveReference`, the `_entities` representation the
 * gateway sends (key + @required facts) is the root object, so nothing here touches a database: each
 * field is a pure rule applied to what the gateway handed over.
 */
@Resolver(() => Customer)
export class CustomerInsightsResolver {
  @Directive(`@requires(fields: "${LIFECYCLE_REQUIRES}")`)
  @FieldResolver(() => Lifecycle, {
    nullable: true,
    description: 'Lifecycle stage, since when and why; recomputed on every read, so it moves back too.',
  })
  lifecycle(@Root() customer: CustomerRepresentation, @Ctx() ctx: InsightsContext): Lifecycle {
    return computeLifecycle(toSignals(customer, LIFECYCLE_REQUIRES), ctx.now);
  }

  @Directive(`@requires(fields: "${VALUE_REQUIRES}")`)
  @FieldResolver(() => CustomerValue, {
    nullable: true,
    description:
      'Revenue, frequency, recency, NPS category, a 0–100 value score and its tier; with RFM, expected ' +
      'purchases, P(alive), expected order value and predicted lifetime value from the fitted value model.',
  })
  value(@Root() customer: CustomerRepresentation, @Ctx() ctx: InsightsContext): CustomerValue {
    // The key lets the planner fetch the model-based fields of CustomerValue from sales.
    return {
      customerId: String(customer.id),
      ...computeCustomerValue(toSignals(customer, VALUE_REQUIRES), ctx.now),
    };
  }

  @Directive(`@requires(fields: "${CONTACT_REQUIRES}")`)
  @FieldResolver(() => ContactEligibility, {
    nullable: true,
    description:
      'Whether marketing may contact the customer now, on which channel, at what hour, and why not.',
  })
  contact(@Root() customer: CustomerRepresentation, @Ctx() ctx: InsightsContext): ContactEligibility {
    return computeContact(toSignals(customer, CONTACT_REQUIRES), ctx.now) as ContactEligibility;
  }
}
