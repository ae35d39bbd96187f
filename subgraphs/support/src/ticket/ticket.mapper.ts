import type { TicketDoc, TicketMessageDoc } from './ticket.model';
import type { Ticket, TicketMessage } from './ticket.type';

/** Database document → GraphQL object; the only place that knows both shapes. */
export function toTicket(doc: TicketDoc): Ticket {
  return {
    id: doc._id,
    customerId: doc.customerId,
    channel: doc.channel,
    category: doc.category,
    priority: doc.priority,
    status: doc.status,
    sentiment: doc.sentiment,
    sentimentScore: doc.sentimentScore ?? null,
    sentimentSource: doc.sentimentSource,
    subject: doc.subject,
    orderId: doc.orderId ?? null,
    messages: (doc.messages ?? []).map(toTicketMessage),
    messageCount: doc.messages?.length ?? 0,
    openedAt: doc.openedAt,
    firstResponseAt: doc.firstResponseAt ?? null,
    resolvedAt: doc.resolvedAt ?? null,
    closedAt: doc.closedAt ?? null,
    updatedAt: doc.updatedAt,
    reopenCount: doc.reopenCount ?? 0,
    satisfaction: doc.satisfaction
      ? {
          ticketId: doc._id,
          score: doc.satisfaction.score,
          comment: doc.satisfaction.comment ?? null,
          ratedAt: doc.satisfaction.ratedAt,
        }
      : null,
  };
}

export function toTicketMessage(doc: TicketMessageDoc): TicketMessage {
  return {
    id: doc._id,
    author: doc.author,
    body: doc.body,
    channel: doc.channel,
    at: doc.at,
    sentiment: doc.sentiment ?? null,
    sentimentScore: doc.sentimentScore ?? null,
    sentimentSource: doc.sentimentSource ?? null,
  };
}

/** Sort key of every ticket list (newest first); cursors encode exactly these values. */
export const ticketCursor = (t: Pick<Ticket, 'openedAt' | 'id'>): unknown[] => [t.openedAt, t.id];
