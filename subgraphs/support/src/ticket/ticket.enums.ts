import { registerEnumType } from 'type-graphql';

/** Lifecycle of a ticket; transitions are decided by `ticket-status.machine.ts` only. */
export enum TicketStatus {
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  ON_HOLD = 'ON_HOLD',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

/** Where the customer reached us. Calls and chats are tickets on the PHONE / CHAT channels. */
export enum TicketChannel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  CHAT = 'CHAT',
  WEB_FORM = 'WEB_FORM',
  SOCIAL = 'SOCIAL',
  SMS = 'SMS',
  APP = 'APP',
  STORE = 'STORE',
}

export enum TicketCategory {
  COMPLAINT = 'COMPLAINT',
  QUESTION = 'QUESTION',
  RETURN = 'RETURN',
  TECHNICAL = 'TECHNICAL',
  BILLING = 'BILLING',
}

export enum TicketPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

export enum TicketSentiment {
  NEGATIVE = 'NEGATIVE',
  NEUTRAL = 'NEUTRAL',
  POSITIVE = 'POSITIVE',
}

/** Who decided a sentiment: the caller (agent, external NLP) or this service's lexicon rule. */
export enum TicketSentimentSource {
  CALLER = 'CALLER',
  LEXICON = 'LEXICON',
}

export enum TicketMessageAuthor {
  CUSTOMER = 'CUSTOMER',
  AGENT = 'AGENT',
  SYSTEM = 'SYSTEM',
}

registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'OPEN → PENDING / ON_HOLD → RESOLVED → CLOSED; a RESOLVED ticket may be reopened.',
  valuesConfig: {
    OPEN: { description: 'Waiting for the support team.' },
    PENDING: { description: 'Waiting for the customer.' },
    ON_HOLD: { description: 'Waiting for a third party (carrier, warehouse, engineering).' },
    RESOLVED: { description: 'Answered or fixed; may be reopened or rated.' },
    CLOSED: { description: 'Final; no further messages or status changes.' },
  },
});
registerEnumType(TicketChannel, {
  name: 'TicketChannel',
  description: 'Channel a ticket or message came through.',
  valuesConfig: {
    EMAIL: { description: 'An email to the support address.' },
    PHONE: { description: 'A phone call (see also `interactions`).' },
    CHAT: { description: 'A live or bot chat (see also `interactions`).' },
    WEB_FORM: { description: 'The contact form on the website.' },
    SOCIAL: { description: 'A message or post on a social network.' },
    SMS: { description: 'A text message.' },
    APP: { description: 'The help section of the mobile app.' },
    STORE: { description: 'At a store’s counter.' },
  },
});
registerEnumType(TicketCategory, {
  name: 'TicketCategory',
  description: 'What the ticket is about.',
  valuesConfig: {
    COMPLAINT: {
      description:
        'The customer is unhappy with us; while open it counts in `openComplaints` and blocks marketing contact.',
    },
    QUESTION: { description: 'A question about a product, an order or the account.' },
    RETURN: { description: 'About sending items back or a refund.' },
    TECHNICAL: { description: 'Something does not work (product, app, website).' },
    BILLING: { description: 'Invoices, payments and charges.' },
  },
});
registerEnumType(TicketPriority, {
  name: 'TicketPriority',
  description: 'How urgently the ticket needs handling.',
  valuesConfig: {
    LOW: { description: 'Whenever there is time.' },
    NORMAL: { description: 'In turn.' },
    HIGH: { description: 'Before the normal ones.' },
    URGENT: { description: 'At once.' },
  },
});
registerEnumType(TicketSentiment, {
  name: 'TicketSentiment',
  description: 'How the customer feels.',
  valuesConfig: {
    NEGATIVE: { description: 'Unhappy, angry or disappointed.' },
    NEUTRAL: { description: 'Neither unhappy nor pleased.' },
    POSITIVE: { description: 'Pleased or grateful.' },
  },
});
registerEnumType(TicketSentimentSource, {
  name: 'TicketSentimentSource',
  description: 'Whether a sentiment was given by the caller or derived by the lexicon rule.',
  valuesConfig: {
    CALLER: { description: 'Given with the ticket or message (an agent, an external NLP service).' },
    LEXICON: { description: 'Derived by this service’s word-list rule from the messages.' },
  },
});
registerEnumType(TicketMessageAuthor, {
  name: 'TicketMessageAuthor',
  description: 'Who wrote a ticket message.',
  valuesConfig: {
    CUSTOMER: { description: 'The customer.' },
    AGENT: { description: 'A support agent.' },
    SYSTEM: { description: 'A note recorded by the service (e.g. why a status changed); not contact.' },
  },
});

/** Statuses in which a ticket still needs work; they count as "open" in `SupportStats`. */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  TicketStatus.OPEN,
  TicketStatus.PENDING,
  TicketStatus.ON_HOLD,
];
