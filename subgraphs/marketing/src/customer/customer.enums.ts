import { registerEnumType } from 'type-graphql';

/** Every way a person can be recognised; `customerByIdentifier` accepts each of them. */
export enum IdentifierKind {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  EXTERNAL_ID = 'EXTERNAL_ID',
  DEVICE_ID = 'DEVICE_ID',
  COOKIE_ID = 'COOKIE_ID',
  LOYALTY_CARD = 'LOYALTY_CARD',
  SOCIAL_HANDLE = 'SOCIAL_HANDLE',
}

/** Kinds kept in `Customer.identifiers` (emails, phones and social handles have their own lists). */
export const STORED_IDENTIFIER_KINDS = [
  IdentifierKind.EXTERNAL_ID,
  IdentifierKind.DEVICE_ID,
  IdentifierKind.COOKIE_ID,
  IdentifierKind.LOYALTY_CARD,
] as const;
export type StoredIdentifierKind = (typeof STORED_IDENTIFIER_KINDS)[number];

/**
 * Identifiers that name one person. Device and cookie ids are not in this list: a family tablet or a shared
 * browser legitimately maps to several profiles.
 */
export const EXCLUSIVE_IDENTIFIER_KINDS: readonly IdentifierKind[] = [
  IdentifierKind.EXTERNAL_ID,
  IdentifierKind.LOYALTY_CARD,
];

export enum PhoneKind {
  MOBILE = 'MOBILE',
  LANDLINE = 'LANDLINE',
  WORK = 'WORK',
}

export enum CustomerStatus {
  ACTIVE = 'ACTIVE',
  /** Merged into another profile (identity resolution); kept so the merge can be undone. */
  MERGED = 'MERGED',
}

export enum CustomerGender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  NON_BINARY = 'NON_BINARY',
  OTHER = 'OTHER',
}

export enum AgeBand {
  UNDER_18 = 'UNDER_18',
  AGE_18_24 = 'AGE_18_24',
  AGE_25_34 = 'AGE_25_34',
  AGE_35_44 = 'AGE_35_44',
  AGE_45_54 = 'AGE_45_54',
  AGE_55_64 = 'AGE_55_64',
  AGE_65_PLUS = 'AGE_65_PLUS',
}

export enum SocialNetwork {
  FACEBOOK = 'FACEBOOK',
  INSTAGRAM = 'INSTAGRAM',
  X = 'X',
  TIKTOK = 'TIKTOK',
  LINKEDIN = 'LINKEDIN',
  YOUTUBE = 'YOUTUBE',
  PINTEREST = 'PINTEREST',
  OTHER = 'OTHER',
}

export enum CustomerSort {
  CREATED_AT_DESC = 'CREATED_AT_DESC',
  CREATED_AT_ASC = 'CREATED_AT_ASC',
  FAMILY_NAME_ASC = 'FAMILY_NAME_ASC',
}

registerEnumType(IdentifierKind, {
  name: 'IdentifierKind',
  description: 'Kinds of identifier a customer can be found by.',
  valuesConfig: {
    SOCIAL_HANDLE: { description: 'Value as `network:handle`, e.g. `instagram:@kovacs.peter`.' },
    DEVICE_ID: { description: 'May be shared by several profiles (a family tablet).' },
    COOKIE_ID: { description: 'May be shared by several profiles (a shared browser).' },
  },
});
registerEnumType(PhoneKind, { name: 'PhoneKind' });
registerEnumType(CustomerStatus, { name: 'CustomerStatus' });
registerEnumType(CustomerGender, { name: 'CustomerGender' });
registerEnumType(AgeBand, { name: 'AgeBand' });
registerEnumType(SocialNetwork, { name: 'SocialNetwork' });
registerEnumType(CustomerSort, { name: 'CustomerSort' });
