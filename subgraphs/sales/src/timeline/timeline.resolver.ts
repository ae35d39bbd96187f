import { TimelineSource } from '../../../../shared/contract/timeline';
import { timelineContribution } from '../../../../shared/timeline/timeline-contribution';
import { contributeToTimeline } from '../../../../shared/timeline/timeline.source';
import type { SalesContext } from '../context';

/** Sales' orders and returns on a timeline page (merged by insights). */
export const salesTimeline = timelineContribution<SalesContext>('salesEntries', (request, ctx) =>
  contributeToTimeline(request, TimelineSource.SALES, ctx.services.timeline),
);
