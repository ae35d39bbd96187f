import { IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PostalAddressInput } from '../customer/customer.input';

@InputType({ description: 'A name as the contact gave it: parts, or one string in either order.' })
export class PersonNameInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  given?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  family?: string | null;

  @Field(() => String, { nullable: true, description: '"Kovács Péter" or "Peter Kovacs".' })
  @IsOptional()
  @Length(1, 200)
  full?: string | null;
}

@InputType({ description: 'What an unknown contact told us; at least one field.' })
export class ResolveIdentityInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Any written form; read in the default region.' })
  @IsOptional()
  @Length(3, 32)
  phone?: string | null;

  @Field(() => PersonNameInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  name?: PersonNameInput | null;

  @Field(() => PostalAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  address?: PostalAddressInput | null;

  @Field(() => String, { nullable: true, description: '`YYYY-MM-DD`, or partial `YYYY-MM` / `YYYY`.' })
  @IsOptional()
  @Matches(/^\d{4}(-\d\d(-\d\d)?)?$/, { message: 'must be YYYY-MM-DD, YYYY-MM or YYYY' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 128)
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(4, 40)
  loyaltyCard?: string | null;

  @Field(() => String, { nullable: true, description: 'Device or cookie id.' })
  @IsOptional()
  @Length(1, 256)
  deviceId?: string | null;
}
