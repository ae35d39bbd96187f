import { CampaignObjective } from '../campaign/campaign.enums';
import { TouchpointChannel as C, TouchpointType as T } from './touchpoint.enums';

/**
 * Sends and impressions are things *we* did; they say nothing about the customer's interest, so engagement
 * figures (counts, preferred channel and hour) leave them out.
 */
export const OUTBOUND_TYPES: readonly T[] = [
  T.EMAIL_SENT,
  T.SMS_SENT,
  T.PUSH_SENT,
  T.AD_IMPRESSION,
  T.CALL_OUTBOUND,
  T.DIRECT_MAIL_SENT,
];

export const ENGAGED_TYPES: readonly T[] = Object.values(T).filter((t) => !OUTBOUND_TYPES.includes(t));

/** Learning about the product: the lifecycle's "education" stage. */
export const EDUCATION_TYPES: readonly T[] = [T.HELP_ARTICLE_VIEW, T.TUTORIAL_VIEW, T.DEMO, T.WEBINAR];

/** An engaged touchpoint of a campaign with this objective (a how-to email opened) also counts as education. */
export const EDUCATION_OBJECTIVE = CampaignObjective.EDUCATION;

/** Channels a type can occur on; a type not listed here can occur anywhere. */
const CHANNELS_OF_TYPE: Partial<Record<T, readonly C[]>> = {
  [T.EMAIL_SENT]: [C.EMAIL],
  [T.EMAIL_OPEN]: [C.EMAIL],
  [T.EMAIL_CLICK]: [C.EMAIL],
  [T.SMS_SENT]: [C.SMS],
  [T.SMS_CLICK]: [C.SMS],
  [T.SMS_REPLY]: [C.SMS],
  [T.PUSH_SENT]: [C.PUSH],
  [T.PUSH_OPEN]: [C.PUSH],
  [T.AD_IMPRESSION]: [C.AD, C.SOCIAL, C.WEB, C.APP],
  [T.AD_CLICK]: [C.AD, C.SOCIAL, C.WEB, C.APP],
  [T.APP_OPEN]: [C.APP, C.PUSH],
  [T.SOCIAL_MESSAGE]: [C.SOCIAL],
  [T.SOCIAL_ENGAGEMENT]: [C.SOCIAL],
  [T.CALL_INBOUND]: [C.PHONE],
  [T.CALL_OUTBOUND]: [C.PHONE],
  [T.CHAT_MESSAGE]: [C.CHAT, C.SOCIAL, C.APP, C.WEB],
  [T.STORE_VISIT]: [C.STORE],
  [T.DIRECT_MAIL_SENT]: [C.POSTAL],
  [T.EVENT_ATTENDED]: [C.EVENT, C.STORE],
  [T.PAGE_VIEW]: [C.WEB, C.APP],
  [T.PRODUCT_VIEW]: [C.WEB, C.APP, C.STORE],
  [T.SEARCH]: [C.WEB, C.APP],
  [T.ADD_TO_CART]: [C.WEB, C.APP],
  [T.CHECKOUT_STARTED]: [C.WEB, C.APP],
};

/** Why `type` cannot happen on `channel` (an EMAIL_OPEN on SMS), or null when the pair is plausible. */
export function channelTypeProblem(channel: C, type: T): string | null {
  const allowed = CHANNELS_OF_TYPE[type];
  if (!allowed || allowed.includes(channel)) return null;
  return `${type} cannot happen on channel ${channel} (allowed: ${allowed.join(', ')})`;
}
