import { registerEnumType } from 'type-graphql';
import { TOUCHPOINT_CHANNEL_DESCRIPTIONS, TouchpointChannel } from './touchpoint-channel';

/**
 * What the customer timeline shows. Marketing, sales and support each contribute the kinds they own; insights
 * merges them. One enum here so the three contributions and the merged connection cannot drift apart.
 */
export enum TimelineKind {
  TOUCHPOINT = 'TOUCHPOINT',
  SURVEY_ANSWER = 'SURVEY_ANSWER',
  REVIEW = 'REVIEW',
  REFERRAL = 'REFERRAL',
  ORDER_PLACED = 'ORDER_PLACED',
  RETURN = 'RETURN',
  TICKET_OPENED = 'TICKET_OPENED',
  CALL = 'CALL',
  CHAT = 'CHAT',
}

/**
 * Every channel any source records: the touchpoint channels plus the order and ticket channels they lack
 * (calls are PHONE). Built from TouchpointChannel so the two cannot drift apart.
 */
export const TimelineChannel = {
  ...TouchpointChannel,
  MARKETPLACE: 'MARKETPLACE',
  WEB_FORM: 'WEB_FORM',
} as const;
export type TimelineChannel = (typeof TimelineChannel)[keyof typeof TimelineChannel];

/** The subgraph that owns an event. Its order here is the tie-break order of equal timestamps. */
export enum TimelineSource {
  MARKETING = 'MARKETING',
  SALES = 'SALES',
  SUPPORT = 'SUPPORT',
}

/** Which source owns each kind (a source is only asked for its own kinds). */
export const TIMELINE_KIND_SOURCE: Record<TimelineKind, TimelineSource> = {
  [TimelineKind.TOUCHPOINT]: TimelineSource.MARKETING,
  [TimelineKind.SURVEY_ANSWER]: TimelineSource.MARKETING,
  [TimelineKind.REVIEW]: TimelineSource.MARKETING,
  [TimelineKind.REFERRAL]: TimelineSource.MARKETING,
  [TimelineKind.ORDER_PLACED]: TimelineSource.SALES,
  [TimelineKind.RETURN]: TimelineSource.SALES,
  [TimelineKind.TICKET_OPENED]: TimelineSource.SUPPORT,
  [TimelineKind.CALL]: TimelineSource.SUPPORT,
  [TimelineKind.CHAT]: TimelineSource.SUPPORT,
};

registerEnumType(TimelineKind, {
  name: 'TimelineKind',
  description: 'What happened.',
  valuesConfig: {
    TOUCHPOINT: {
      description: 'A touchpoint: a visit, a message sent or opened, an ad click, … (marketing).',
    },
    SURVEY_ANSWER: { description: 'A survey answered, e.g. NPS (marketing).' },
    REVIEW: { description: 'A product or company review written (marketing).' },
    REFERRAL: { description: 'Someone referred by this customer (marketing).' },
    ORDER_PLACED: { description: 'An order placed; the summary gives its status now (sales).' },
    RETURN: { description: 'Items of an order returned and refunded (sales).' },
    TICKET_OPENED: { description: 'A support ticket opened; the summary gives its status now (support).' },
    CALL: { description: 'A support phone call (support).' },
    CHAT: { description: 'A support chat (support).' },
  },
});
registerEnumType(TimelineChannel, {
  name: 'TimelineChannel',
  description: 'Where it happened.',
  valuesConfig: {
    ...TOUCHPOINT_CHANNEL_DESCRIPTIONS,
    MARKETPLACE: { description: 'An order through a marketplace.' },
    WEB_FORM: { description: 'A ticket opened through a web form.' },
  },
});
registerEnumType(TimelineSource, {
  name: 'TimelineSource',
  description: 'The subgraph that owns it.',
  valuesConfig: {
    MARKETING: { description: 'Marketing: touchpoints, surveys, reviews, referrals.' },
    SALES: { description: 'Sales: orders and returns.' },
    SUPPORT: { description: 'Support: tickets, calls and chats.' },
  },
});
