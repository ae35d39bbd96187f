import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { TIMELINE_ENTRY_SELECTION } from '../../../../shared/timeline/timeline-entry.type';
import {
  decodeTimelineRequest,
  toTimelineConnection,
  type TimelineConnectionData,
  type TimelineEntryData,
} from '../../../../shared/timeline/timeline.logic';
import { TimelineEdge, TimelinePage } from './timeline.type';

const CONTRIBUTIONS =
  `marketingEntries ${TIMELINE_ENTRY_SELECTION} salesEntries ${TIMELINE_ENTRY_SELECTION} ` +
  `supportEntries ${TIMELINE_ENTRY_SELECTION}`;

/** The page from the three contributions (pure; edges and pageInfo both read it). */
export function timelineConnection(page: TimelinePage): TimelineConnectionData<TimelineEntryData> {
  const request = decodeTimelineRequest(page.id);
  // Representations are JSON: `at` arrives as the ISO string the source serialised.
  const parse = (list: TimelineEntryData[]) => list.map((e) => ({ ...e, at: new Date(e.at) }));
  return toTimelineConnection(request, [
    parse(page.marketingEntries),
    parse(page.salesEntries),
    parse(page.supportEntries),
  ]);
}

@Resolver(() => TimelinePage)
export class TimelinePageResolver {
  @Directive(`@requires(fields: "${CONTRIBUTIONS}")`)
  @FieldResolver(() => [TimelineEdge], { description: 'Newest first; equal times by source, then id.' })
  edges(@Root() page: TimelinePage): TimelineEdge[] {
    return timelineConnection(page).edges.map(({ cursor, node }) => ({
      cursor,
      node: { ...node, order: node.orderId ? { id: node.orderId } : null },
    }));
  }

  @Directive(`@requires(fields: "${CONTRIBUTIONS}")`)
  @FieldResolver(() => PageInfo, { description: 'hasNextPage is exact: some source holds one more event.' })
  pageInfo(@Root() page: TimelinePage): PageInfo {
    return timelineConnection(page).pageInfo;
  }
}
