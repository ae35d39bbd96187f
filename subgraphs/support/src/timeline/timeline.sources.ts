import { TimelineChannel, TimelineKind, TimelineSource } from '../../../../shared/contract/timeline';
import { channelMatch, wantsKind, type TimelineEntryData } from '../../../../shared/timeline/timeline.logic';
import { timelineCollection, type TimelineReader } from '../../../../shared/timeline/timeline.source';
import { SupportInteractionKind } from '../interaction/interaction.enums';
import type { InteractionDoc } from '../interaction/interaction.model';
import type { SupportModels } from '../models';
import { TicketChannel } from '../ticket/ticket.enums';
import type { TicketDoc } from '../ticket/ticket.model';

const source = TimelineSource.SUPPORT;

/** The channel of a call or chat on the timeline. */
const INTERACTION_CHANNEL: Record<SupportInteractionKind, TimelineChannel> = {
  [SupportInteractionKind.CALL]: TimelineChannel.PHONE,
  [SupportInteractionKind.CHAT]: TimelineChannel.CHAT,
};

const INTERACTION_KIND: Record<SupportInteractionKind, TimelineKind> = {
  [SupportInteractionKind.CALL]: TimelineKind.CALL,
  [SupportInteractionKind.CHAT]: TimelineKind.CHAT,
};

// The ticket's subject and messages are free text a customer wrote: the summary names codes only.
export function ticketEntry(doc: TicketDoc): TimelineEntryData {
  return {
    id: `ticket:${doc._id}`,
    at: doc.openedAt,
    kind: TimelineKind.TICKET_OPENED,
    channel: TimelineChannel[doc.channel],
    summary: `${doc.category} ticket opened (${doc.priority}, now ${doc.status})`,
    source,
    subjectId: doc._id,
    orderId: doc.orderId ?? null,
  };
}

export function interactionEntry(doc: InteractionDoc): TimelineEntryData {
  const minutes = doc.durationSeconds != null ? `, ${Math.round(doc.durationSeconds / 60)} min` : '';
  return {
    id: `interaction:${doc._id}`,
    at: doc.startedAt,
    kind: INTERACTION_KIND[doc.kind],
    channel: INTERACTION_CHANNEL[doc.kind],
    summary: `${doc.direction} ${doc.kind} ${doc.outcome}${minutes}`,
    source,
    subjectId: doc._id,
    orderId: null,
  };
}

/** Support's collections on the timeline (each read through its customer/time index). */
export function supportTimelineCollections(models: SupportModels): TimelineReader[] {
  return [
    timelineCollection({
      model: models.tickets,
      prefix: 'ticket',
      customerField: 'customerId',
      timeField: 'openedAt',
      kinds: [TimelineKind.TICKET_OPENED],
      match: (filter) => channelMatch(filter, Object.values(TicketChannel)),
      toEntry: ticketEntry,
    }),
    timelineCollection({
      model: models.interactions,
      prefix: 'interaction',
      customerField: 'customerId',
      timeField: 'startedAt',
      kinds: [TimelineKind.CALL, TimelineKind.CHAT],
      match: (filter) => {
        const kinds = Object.values(SupportInteractionKind).filter(
          (k) =>
            wantsKind(filter, INTERACTION_KIND[k]) &&
            (!filter.channels || filter.channels.includes(INTERACTION_CHANNEL[k])),
        );
        if (!kinds.length) return null;
        return kinds.length === Object.values(SupportInteractionKind).length ? {} : { kind: { $in: kinds } };
      },
      toEntry: interactionEntry,
    }),
  ];
}
