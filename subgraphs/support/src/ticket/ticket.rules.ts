import { analyzeSentiment, labelForScore } from './sentiment.lexicon';
import { TicketMessageAuthor, TicketSentiment, TicketSentimentSource } from './ticket.enums';
import {
  planStatusChange,
  statusAfterMessage,
  type StatusPatch,
  type TicketStatusState,
} from './ticket-status.machine';

export interface MessageSentiment {
  sentiment: TicketSentiment;
  sentimentScore: number | null;
  sentimentSource: TicketSentimentSource;
}

/**
 * Sentiment of one message. A caller-given label (or score) wins, whatever the author: an agent logging a
 * call may record that the customer was upset. Otherwise only CUSTOMER messages are scored by the
 * lexicon rule, since an agent's or the system's wording says nothing about how the customer feels.
 */
export function messageSentiment(message: {
  author: TicketMessageAuthor;
  body: string;
  sentiment?: TicketSentiment | null;
  sentimentScore?: number | null;
}): MessageSentiment | null {
  const score = message.sentimentScore ?? null;
  if (message.sentiment) {
    return {
      sentiment: message.sentiment,
      sentimentScore: score,
      sentimentSource: TicketSentimentSource.CALLER,
    };
  }
  if (score !== null) {
    return {
      sentiment: labelForScore(score),
      sentimentScore: score,
      sentimentSource: TicketSentimentSource.CALLER,
    };
  }
  if (message.author !== TicketMessageAuthor.CUSTOMER) return null;
  const derived = analyzeSentiment(message.body);
  return {
    sentiment: derived.label,
    sentimentScore: derived.score,
    sentimentSource: TicketSentimentSource.LEXICON,
  };
}

/** The ticket fields a new message changes. */
export interface MessagePlan {
  status: StatusPatch | null;
  /** The ticket's sentiment follows its latest message that carries one: how the customer feels now. */
  sentiment: MessageSentiment | null;
  firstResponseAt: Date | null;
  lastContactAt: Date | null;
  lastNegativeAt: Date | null;
}

/**
 * What adding a message does to a ticket, decided without I/O:
 * - status: see `statusAfterMessage` (a customer reply to PENDING/RESOLVED reopens the queue item);
 * - firstResponseAt: the first AGENT message;
 * - lastContactAt: any CUSTOMER or AGENT message (SYSTEM notes are not contact);
 * - lastNegativeAt: a message whose sentiment is NEGATIVE.
 */
export function planNewMessage(
  ticket: TicketStatusState & { firstResponseAt?: Date | null },
  message: { author: TicketMessageAuthor; at: Date },
  sentiment: MessageSentiment | null,
): MessagePlan {
  const next = statusAfterMessage(ticket.status, message.author);
  return {
    status: next === ticket.status ? null : planStatusChange(ticket, next, message.at),
    sentiment,
    firstResponseAt:
      message.author === TicketMessageAuthor.AGENT && !ticket.firstResponseAt ? message.at : null,
    lastContactAt: message.author === TicketMessageAuthor.SYSTEM ? null : message.at,
    lastNegativeAt: sentiment?.sentiment === TicketSentiment.NEGATIVE ? message.at : null,
  };
}

/** Sentiment of a ticket that has no scored message yet (e.g. opened by an agent). */
export const NO_SENTIMENT: MessageSentiment = {
  sentiment: TicketSentiment.NEUTRAL,
  sentimentScore: null,
  sentimentSource: TicketSentimentSource.LEXICON,
};
