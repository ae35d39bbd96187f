import { TimelineSource } from '../../../../shared/contract/timeline';
import { timelineContribution } from '../../../../shared/timeline/timeline-contribution';
import { contributeToTimeline } from '../../../../shared/timeline/timeline.source';
import type { SupportContext } from '../context';

/** Support's tickets, calls and chats on a timeline page (merged by insights). */
export const supportTimeline = timelineContribution<SupportContext>('supportEntries', (request, ctx) =>
  contributeToTimeline(request, TimelineSource.SUPPORT, ctx.services.timeline),
);
