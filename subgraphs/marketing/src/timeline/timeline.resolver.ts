import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { TimelineSource } from '../../../../shared/contract/timeline';
import { badInput } from '../../../../shared/errors';
import { checkPageSize } from '../../../../shared/graphql/pagination';
import { timelineContribution } from '../../../../shared/timeline/timeline-contribution';
import {
  decodeTimelineCursor,
  encodeTimelineRequest,
  type TimelineRequest,
} from '../../../../shared/timeline/timeline.logic';
import { contributeToTimeline } from '../../../../shared/timeline/timeline.source';
import type { MarketingContext } from '../context';
import { Customer } from '../customer/customer.type';
import { TimelineFilter } from './timeline.input';

export const marketingTimeline = timelineContribution<MarketingContext>('marketingEntries', (request, ctx) =>
  contributeToTimeline(request, TimelineSource.MARKETING, ctx.services.timeline),
);

/** Validates the client's arguments into the request every source answers (the page's entity key). */
export function timelineRequest(
  customer: Pick<Customer, 'id' | 'mergedIds'>,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: TimelineFilter | null | undefined,
): TimelineRequest {
  const n = checkPageSize(first);
  const since = filter?.since ?? null;
  const until = filter?.until ?? null;
  if (since && until && since.getTime() >= until.getTime()) {
    throw badInput('filter.until', 'must be after filter.since');
  }
  return {
    customerId: customer.id,
    customerIds: [customer.id, ...customer.mergedIds.filter((id) => id !== customer.id)],
    first: n,
    after: after ? decodeTimelineCursor(after) : null,
    filter: { kinds: filter?.kinds ?? null, channels: filter?.channels ?? null, since, until },
  };
}

@Resolver(() => Customer)
export class CustomerTimelineResolver {
  @FieldResolver(() => marketingTimeline.TimelinePage, {
    description:
      'Everything that happened with this customer across marketing, sales and support, newest first, in ' +
      'one connection (records of profiles merged into this one included).',
  })
  timeline(
    @Root() customer: Customer,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Events per page, 0–100.' })
    first: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
    after?: string | null,
    @Arg('filter', () => TimelineFilter, { nullable: true, description: 'Only matching events.' })
    filter?: TimelineFilter | null,
  ): { id: string } {
    return { id: encodeTimelineRequest(timelineRequest(customer, first, after, filter)) };
  }
}

// Keeps the contribution resolver reachable for schema.ts next to the Customer field.
export const MarketingTimelineContributionResolver = marketingTimeline.TimelineContributionResolver;
export const { reference: timelinePageReference } = marketingTimeline;
