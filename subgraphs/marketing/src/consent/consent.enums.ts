import { registerEnumType } from 'type-graphql';

export enum ConsentChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PUSH = 'PUSH',
  PHONE = 'PHONE',
  POSTAL = 'POSTAL',
  WHATSAPP = 'WHATSAPP',
  IN_APP = 'IN_APP',
}

export enum ConsentPurpose {
  MARKETING = 'MARKETING',
  SERVICE = 'SERVICE',
  ANALYTICS = 'ANALYTICS',
  PROFILING = 'PROFILING',
}

/** Where a consent decision was captured; kept because consent must be provable. */
export enum ConsentSource {
  WEB_FORM = 'WEB_FORM',
  APP = 'APP',
  EMAIL_LINK = 'EMAIL_LINK',
  SMS_KEYWORD = 'SMS_KEYWORD',
  AGENT = 'AGENT',
  STORE = 'STORE',
  IMPORT = 'IMPORT',
  API = 'API',
}

registerEnumType(ConsentChannel, {
  name: 'ConsentChannel',
  description: 'A channel a customer may be contacted on.',
});
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'What the data or contact is used for.',
});
registerEnumType(ConsentSource, {
  name: 'ConsentSource',
  description: 'Where a consent decision was captured.',
});
