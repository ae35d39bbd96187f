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
  valuesConfig: {
    EMAIL: { description: 'Email.' },
    SMS: { description: 'Text message to a mobile number.' },
    PUSH: { description: 'Push notification from the mobile app.' },
    PHONE: { description: 'A phone call.' },
    POSTAL: { description: 'Letter or catalogue by post.' },
    WHATSAPP: { description: 'WhatsApp message.' },
    IN_APP: { description: 'Message shown inside the app or website while the customer uses it.' },
  },
});
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'What the data or contact is used for.',
  valuesConfig: {
    MARKETING: { description: 'Promotions and offers; the consent insights checks before any contact.' },
    SERVICE: { description: 'Messages about the customer’s own orders, tickets and account.' },
    ANALYTICS: { description: 'Aggregate measurement of how the brand’s channels perform.' },
    PROFILING: { description: 'Personal scoring and segmentation (lifecycle, value, next best action).' },
  },
});
