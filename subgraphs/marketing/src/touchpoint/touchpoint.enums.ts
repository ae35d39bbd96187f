import { registerEnumType } from 'type-graphql';

// The channel is part of the contract: insights maps the preferred one to a consent channel.
export { TouchpointChannel } from '../../../../shared/contract';

export enum TouchpointType {
  PAGE_VIEW = 'PAGE_VIEW',
  PRODUCT_VIEW = 'PRODUCT_VIEW',
  SEARCH = 'SEARCH',
  ADD_TO_CART = 'ADD_TO_CART',
  CHECKOUT_STARTED = 'CHECKOUT_STARTED',
  FORM_SUBMIT = 'FORM_SUBMIT',
  REVIEW_READ = 'REVIEW_READ',
  HELP_ARTICLE_VIEW = 'HELP_ARTICLE_VIEW',
  TUTORIAL_VIEW = 'TUTORIAL_VIEW',
  DEMO = 'DEMO',
  WEBINAR = 'WEBINAR',
  EMAIL_SENT = 'EMAIL_SENT',
  EMAIL_OPEN = 'EMAIL_OPEN',
  EMAIL_CLICK = 'EMAIL_CLICK',
  SMS_SENT = 'SMS_SENT',
  SMS_CLICK = 'SMS_CLICK',
  SMS_REPLY = 'SMS_REPLY',
  PUSH_SENT = 'PUSH_SENT',
  PUSH_OPEN = 'PUSH_OPEN',
  AD_IMPRESSION = 'AD_IMPRESSION',
  AD_CLICK = 'AD_CLICK',
  APP_OPEN = 'APP_OPEN',
  SOCIAL_MESSAGE = 'SOCIAL_MESSAGE',
  SOCIAL_ENGAGEMENT = 'SOCIAL_ENGAGEMENT',
  CALL_INBOUND = 'CALL_INBOUND',
  CALL_OUTBOUND = 'CALL_OUTBOUND',
  CHAT_MESSAGE = 'CHAT_MESSAGE',
  STORE_VISIT = 'STORE_VISIT',
  DIRECT_MAIL_SENT = 'DIRECT_MAIL_SENT',
  EVENT_ATTENDED = 'EVENT_ATTENDED',
}

registerEnumType(TouchpointType, { name: 'TouchpointType', description: 'What happened at a touchpoint.' });
