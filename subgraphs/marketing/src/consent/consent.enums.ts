import { registerEnumType } from 'type-graphql';

// Channels and purposes are part of the contract: insights reads them too.
export { ConsentChannel, ConsentPurpose } from '../../../../shared/contract';

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

registerEnumType(ConsentSource, {
  name: 'ConsentSource',
  description: 'Where a consent decision was captured.',
});
