import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { TimelineEntry } from './timeline-entry.type';
import { decodeTimelineRequest, type TimelineEntryData, type TimelineRequest } from './timeline.logic';

/** The entity key of a timeline page: `id` encodes the whole request (timeline.logic.ts). */
export interface TimelinePageKey {
  id: string;
}

/**
 * Builds a source subgraph's part of the `TimelinePage` entity: the key and one @inaccessible list field
 * (`marketingEntries`, `salesEntries`, `supportEntries`) that insights @requires to merge the page. The
 * gateway sends every page of a request in one `_entities` call.
 */
export function timelineContribution<Context>(
  fieldName: string,
  contribute: (request: TimelineRequest, ctx: Context) => Promise<TimelineEntryData[]>,
) {
  @Directive('@key(fields: "id")')
  @ObjectType('TimelinePage', { description: "One page of a customer's timeline." })
  class TimelinePage implements TimelinePageKey {
    @Directive('@inaccessible')
    @Field(() => ID)
    id!: string;
  }

  @Resolver(() => TimelinePage)
  class TimelineContributionResolver {
    @Directive('@inaccessible')
    @FieldResolver(() => [TimelineEntry], {
      name: fieldName,
      description: "This source's first + 1 entries after the page's cursor, newest first.",
    })
    async entries(@Root() page: TimelinePage, @Ctx() ctx: Context): Promise<TimelineEntryData[]> {
      return contribute(decodeTimelineRequest(page.id), ctx);
    }
  }

  return {
    TimelinePage,
    TimelineContributionResolver,
    reference: {
      __resolveReference: (reference: TimelinePageKey): TimelinePageKey => ({ id: reference.id }),
    },
  };
}
