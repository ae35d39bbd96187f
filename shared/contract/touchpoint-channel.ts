import { registerEnumType } from 'type-graphql';

/** Where a touchpoint happened: marketing records it, insights maps the preferred one to a consent channel. */
export enum TouchpointChannel {
  WEB = 'WEB',
  APP = 'APP',
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PUSH = 'PUSH',
  SOCIAL = 'SOCIAL',
  AD = 'AD',
  PHONE = 'PHONE',
  CHAT = 'CHAT',
  STORE = 'STORE',
  POSTAL = 'POSTAL',
  EVENT = 'EVENT',
}

/** Descriptions of the channel values (the timeline's channel enum reuses them). */
export const TOUCHPOINT_CHANNEL_DESCRIPTIONS = {
  WEB: { description: 'The website.' },
  APP: { description: 'The mobile app.' },
  EMAIL: { description: 'An email (sent, opened or clicked).' },
  SMS: { description: 'A text message.' },
  PUSH: { description: 'A push notification.' },
  SOCIAL: { description: 'A social network: a post, a message, a mention.' },
  AD: { description: 'A paid advertisement (display, search, video).' },
  PHONE: { description: 'A phone call.' },
  CHAT: { description: 'A live or bot chat.' },
  STORE: { description: 'A visit to a physical store.' },
  POSTAL: { description: 'A letter or catalogue by post.' },
  EVENT: { description: 'A trade show, webinar or other event.' },
};

registerEnumType(TouchpointChannel, {
  name: 'TouchpointChannel',
  description: 'Where a touchpoint happened.',
  valuesConfig: TOUCHPOINT_CHANNEL_DESCRIPTIONS,
});
