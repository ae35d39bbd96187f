import { registerEnumType } from 'type-graphql';

/** A channel a customer may be contacted on: marketing records consent per channel, insights picks one. */
export enum ConsentChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PUSH = 'PUSH',
  PHONE = 'PHONE',
  POSTAL = 'POSTAL',
  WHATSAPP = 'WHATSAPP',
  IN_APP = 'IN_APP',
}

/** What data or contact is used for; insights reads MARKETING consent to decide whether to contact. */
export enum ConsentPurpose {
  MARKETING = 'MARKETING',
  SERVICE = 'SERVICE',
  ANALYTICS = 'ANALYTICS',
  PROFILING = 'PROFILING',
}

registerEnumType(ConsentChannel, {
  name: 'ConsentChannel',
  description: 'A channel a customer may be contacted on.',
});
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'What the data or contact is used for.',
});
