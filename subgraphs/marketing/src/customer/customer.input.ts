import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ConsentChannel, ConsentPurpose, ConsentSource } from '../consent/consent.enums';
import { ID_PREFIX, idPattern } from '../common/id.validator';
import { IsClockTime, IsIanaTimeZone, IsLanguageTag, IsPlausibleBirthDate } from '../common/validators';
import {
  AgeBand,
  CustomerGender,
  CustomerStatus,
  IdentifierKind,
  PhoneKind,
  SocialNetwork,
  STORED_IDENTIFIER_KINDS,
} from './customer.enums';

export const PROFILE_LIMITS = { emails: 10, phones: 10, identifiers: 100, socialHandles: 20, consents: 50 };
const COUNTRY_MESSAGE = 'must be an ISO 3166-1 alpha-2 country code such as HU';
const CUSTOMER_ID = { message: 'must look like cus_<24 hex digits>' };

@InputType({ description: 'An email address of the customer.' })
export class EmailInput {
  @Field()
  @IsEmail({}, { message: 'must be a valid email address' })
  @Length(3, 254)
  address!: string;

  @Field({
    defaultValue: false,
    description: 'The address to use by default; the first one when none is marked.',
  })
  @IsBoolean()
  primary!: boolean;
}

@InputType({ description: 'A phone number in any common written form; stored as E.164.' })
export class PhoneInput {
  @Field({ description: 'E.g. `+36 30 123 4567`, or `06 30 123 4567` read in the customer’s country.' })
  @Length(3, 32)
  number!: string;

  @Field(() => PhoneKind, { defaultValue: PhoneKind.MOBILE })
  @IsEnum(PhoneKind)
  kind!: PhoneKind;

  @Field({ defaultValue: false })
  @IsBoolean()
  primary!: boolean;
}

@InputType({ description: 'An id another system or device knows the customer by.' })
export class IdentifierInput {
  @Field(() => IdentifierKind, { description: 'EXTERNAL_ID, DEVICE_ID, COOKIE_ID or LOYALTY_CARD.' })
  @IsIn([...STORED_IDENTIFIER_KINDS], { message: `must be one of ${STORED_IDENTIFIER_KINDS.join(', ')}` })
  kind!: IdentifierKind;

  @Field()
  @Length(1, 256)
  value!: string;

  @Field(() => String, { nullable: true, description: 'The issuing system, e.g. `shopify` or `pos`.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1–64 letters, digits, . _ -' })
  source?: string | null;
}

@InputType()
export class SocialHandleInput {
  @Field(() => SocialNetwork)
  @IsEnum(SocialNetwork)
  network!: SocialNetwork;

  @Field({ description: 'With or without the leading @.' })
  @Length(1, 101)
  handle!: string;
}

@InputType()
export class DemographicsInput {
  @Field(() => AgeBand, { nullable: true })
  @IsOptional()
  @IsEnum(AgeBand)
  ageBand?: AgeBand | null;

  @Field(() => CustomerGender, { nullable: true, description: 'Only when the customer chose to tell.' })
  @IsOptional()
  @IsEnum(CustomerGender)
  gender?: CustomerGender | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. `HU`.' })
  @IsOptional()
  @IsISO31661Alpha2({ message: COUNTRY_MESSAGE })
  country?: string | null;
}

@InputType()
export class PostalAddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  street?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20)
  houseNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{1,18}[A-Za-z0-9]$/, {
    message: 'must be 3–20 letters, digits, spaces or dashes',
  })
  postcode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO31661Alpha2({ message: COUNTRY_MESSAGE })
  country?: string | null;
}

@InputType({ description: 'Hours in the customer’s time zone when no marketing message may be sent.' })
export class QuietHoursInput {
  @Field({ description: '`HH:MM`; a start after the end spans midnight (22:00–07:00).' })
  @IsClockTime()
  start!: string;

  @Field()
  @IsClockTime()
  end!: string;
}

@InputType()
export class InitialConsentInput {
  @Field(() => ConsentChannel)
  @IsEnum(ConsentChannel)
  channel!: ConsentChannel;

  @Field(() => ConsentPurpose)
  @IsEnum(ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field()
  @IsBoolean()
  granted!: boolean;

  @Field(() => ConsentSource)
  @IsEnum(ConsentSource)
  source!: ConsentSource;
}

/** Profile fields shared by create and update; on update an omitted field is kept and `null` clears it. */
@InputType({ description: 'Profile fields shared by create and update.' })
export abstract class ProfileFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  familyName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Defaults to the names in the order the language uses.',
  })
  @IsOptional()
  @Length(1, 200)
  displayName?: string | null;

  @Field(() => [EmailInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(PROFILE_LIMITS.emails)
  @ValidateNested({ each: true })
  emails?: EmailInput[] | null;

  @Field(() => [PhoneInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(PROFILE_LIMITS.phones)
  @ValidateNested({ each: true })
  phones?: PhoneInput[] | null;

  @Field(() => [SocialHandleInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(PROFILE_LIMITS.socialHandles)
  @ValidateNested({ each: true })
  socialHandles?: SocialHandleInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1–64 letters, digits, _ or -' })
  householdId?: string | null;

  @Field(() => DemographicsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  demographics?: DemographicsInput | null;

  @Field(() => PostalAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  address?: PostalAddressInput | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Calendar date `YYYY-MM-DD`.' })
  @IsOptional()
  @IsPlausibleBirthDate()
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 tag, e.g. `hu-HU`.' })
  @IsOptional()
  @IsLanguageTag()
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. `Europe/Budapest`.' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string | null;

  @Field(() => QuietHoursInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  quietHours?: QuietHoursInput | null;
}

@InputType({ description: 'A new customer profile.' })
export class CreateCustomerInput extends ProfileFieldsInput {
  @Field(() => String, { nullable: true, description: 'Shorthand for one primary email.' })
  @IsOptional()
  @IsEmail({}, { message: 'must be a valid email address' })
  @Length(3, 254)
  email?: string | null;

  @Field(() => [IdentifierInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(PROFILE_LIMITS.identifiers)
  @ValidateNested({ each: true })
  identifiers?: IdentifierInput[] | null;

  @Field(() => [InitialConsentInput], { nullable: true, description: 'Consents captured at sign-up.' })
  @IsOptional()
  @ArrayMaxSize(PROFILE_LIMITS.consents)
  @ValidateNested({ each: true })
  consents?: InitialConsentInput[] | null;
}

@InputType({
  description: 'Changes to a profile: omitted fields are kept, `null` clears, lists are replaced.',
})
export class UpdateCustomerInput extends ProfileFieldsInput {}

@InputType()
export class AddIdentifierInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.customer), CUSTOMER_ID)
  customerId!: string;

  @Field(() => IdentifierKind)
  @IsEnum(IdentifierKind)
  kind!: IdentifierKind;

  @Field({ description: 'For SOCIAL_HANDLE: `network:handle`.' })
  @Length(1, 256)
  value!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1–64 letters, digits, . _ -' })
  source?: string | null;

  @Field({ defaultValue: false, description: 'For EMAIL and PHONE: make it the primary one.' })
  @IsBoolean()
  primary!: boolean;

  @Field(() => PhoneKind, { defaultValue: PhoneKind.MOBILE, description: 'For PHONE only.' })
  @IsEnum(PhoneKind)
  phoneKind!: PhoneKind;
}

@InputType({ description: 'Filters of `customers`; all given filters must match.' })
export class CustomerFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Prefix of a name word or of an email address, accent-insensitive (`kov` finds Kovács).',
  })
  @IsOptional()
  @Length(1, 100)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Demographic country, ISO 3166-1 alpha-2.' })
  @IsOptional()
  @IsISO31661Alpha2({ message: COUNTRY_MESSAGE })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'Members of this segment (manual or rule-based).' })
  @IsOptional()
  @Matches(idPattern(ID_PREFIX.segment), { message: 'must look like seg_<24 hex digits>' })
  segmentId?: string | null;

  @Field(() => ConsentChannel, { nullable: true, description: 'Only customers who granted this channel…' })
  @IsOptional()
  @IsEnum(ConsentChannel)
  consentGranted?: ConsentChannel | null;

  @Field(() => ConsentPurpose, { defaultValue: ConsentPurpose.MARKETING, description: '…for this purpose.' })
  @IsEnum(ConsentPurpose)
  consentPurpose!: ConsentPurpose;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  createdBefore?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1–64 letters, digits, _ or -' })
  householdId?: string | null;

  @Field(() => CustomerStatus, { defaultValue: CustomerStatus.ACTIVE })
  @IsEnum(CustomerStatus)
  status!: CustomerStatus;
}
