import { IsDate, IsEmail, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PREFIX, idPattern } from '../common/id.validator';

@InputType({ description: 'A referral: the referred person by email, by profile, or both.' })
export class RecordReferralInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.customer), { message: 'must look like cus_<24 hex digits>' })
  referrerId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be a valid email address' })
  @Length(3, 254)
  referredEmail?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(idPattern(ID_PREFIX.customer), { message: 'must look like cus_<24 hex digits>' })
  referredCustomerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  @IsDate()
  referredAt?: Date | null;
}
