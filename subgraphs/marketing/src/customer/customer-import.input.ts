import { ArrayMaxSize, IsEmail, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsPlausibleBirthDate } from '../common/validators';
import { IdentifierInput, PostalAddressInput, PROFILE_LIMITS } from './customer.input';

/**
 * One record of `importCustomers`. Values are plain strings (the birth date too, not the LocalDate
 * scalar): a scalar error would reject the whole call, while a record's bad value must reject only that
 * record, with its field and code.
 */
@InputType({ description: 'One customer record from another system.' })
export class ImportCustomerRecord {
  @Field({
    description: 'The record’s id in the source system: importing it again matches, never duplicates.',
  })
  @Length(1, 256)
  externalKey!: string;

  @Field(() => String, { nullable: true, description: 'Given (first) name.' })
  @IsOptional()
  @Length(1, 100)
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name (surname).' })
  @IsOptional()
  @Length(1, 100)
  familyName?: string | null;

  @Field(() => [String], { nullable: true, description: 'The first is the primary address.' })
  @IsOptional()
  @ArrayMaxSize(PROFILE_LIMITS.emails)
  @IsEmail({}, { each: true, message: 'must be a valid email address' })
  emails?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Any common written form; numbers without a country code are read in the address’s country, else ' +
      'in MARKETING_DEFAULT_PHONE_REGION.',
  })
  @IsOptional()
  @ArrayMaxSize(PROFILE_LIMITS.phones)
  @Length(3, 32, { each: true })
  phones?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: '`YYYY-MM-DD`; an impossible date rejects the record.',
  })
  @IsOptional()
  @IsPlausibleBirthDate()
  birthDate?: string | null;

  @Field(() => PostalAddressInput, { nullable: true, description: 'Postal address.' })
  @IsOptional()
  @ValidateNested()
  address?: PostalAddressInput | null;

  @Field(() => [IdentifierInput], {
    nullable: true,
    description: 'More ids; without a source they count as the import’s source.',
  })
  @IsOptional()
  @ArrayMaxSize(PROFILE_LIMITS.identifiers - 1)
  @ValidateNested({ each: true })
  identifiers?: IdentifierInput[] | null;
}
