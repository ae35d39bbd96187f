import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsISO31661Alpha2,
  IsOptional,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PREFIX, idPattern } from '../common/id.validator';
import { ConsentChannel, ConsentPurpose } from '../consent/consent.enums';
import { AgeBand, CustomerGender } from '../customer/customer.enums';
import { SegmentKind } from './segment.enums';

@InputType()
export class SegmentConsentRuleInput {
  @Field(() => ConsentChannel)
  @IsEnum(ConsentChannel)
  channel!: ConsentChannel;

  @Field(() => ConsentPurpose, { defaultValue: ConsentPurpose.MARKETING })
  @IsEnum(ConsentPurpose)
  purpose!: ConsentPurpose;
}

@InputType({ description: 'All given conditions must hold; lists mean "any of".' })
export class SegmentRulesInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @IsISO31661Alpha2({ each: true, message: 'must be ISO 3166-1 alpha-2 country codes such as HU' })
  countries?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Length(1, 100, { each: true })
  cities?: string[] | null;

  @Field(() => [AgeBand], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @IsEnum(AgeBand, { each: true })
  ageBands?: AgeBand[] | null;

  @Field(() => [CustomerGender], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @IsEnum(CustomerGender, { each: true })
  genders?: CustomerGender[] | null;

  @Field(() => [String], { nullable: true, description: 'Primary language subtags, e.g. `hu`.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^[a-z]{2,3}$/i, { each: true, message: 'must be language subtags such as hu or de' })
  languages?: string[] | null;

  @Field(() => [SegmentConsentRuleInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  consents?: SegmentConsentRuleInput[] | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  createdBefore?: Date | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  hasEmail?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  hasPhone?: boolean | null;
}

@InputType()
export class CreateSegmentInput {
  @Field({ description: 'Unique, case-insensitively.' })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => SegmentKind)
  @IsEnum(SegmentKind)
  kind!: SegmentKind;

  @Field(() => SegmentRulesInput, { nullable: true, description: 'Required for RULE segments.' })
  @IsOptional()
  @ValidateNested()
  rules?: SegmentRulesInput | null;
}

@InputType()
export class SegmentMembershipInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.customer), { message: 'must look like cus_<24 hex digits>' })
  customerId!: string;

  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.segment), { message: 'must look like seg_<24 hex digits>' })
  segmentId!: string;
}
