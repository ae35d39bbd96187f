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

registerEnumType(TouchpointChannel, {
  name: 'TouchpointChannel',
  description: 'Where a touchpoint happened.',
});
