import { Field, ID, ObjectType } from 'type-graphql';
import { ConsentChannel, ConsentPurpose } from '../consent/consent.enums';
import { AgeBand, CustomerGender } from '../customer/customer.enums';
import { SegmentKind } from './segment.enums';

@ObjectType()
export class SegmentConsentRule {
  @Field(() => ConsentChannel)
  channel!: ConsentChannel;

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;
}

@ObjectType({ description: 'Conditions a profile must all meet to be in a RULE segment.' })
export class SegmentRulesType {
  @Field(() => [String], { nullable: true })
  countries!: string[] | null;

  @Field(() => [String], { nullable: true })
  cities!: string[] | null;

  @Field(() => [AgeBand], { nullable: true })
  ageBands!: AgeBand[] | null;

  @Field(() => [CustomerGender], { nullable: true })
  genders!: CustomerGender[] | null;

  @Field(() => [String], { nullable: true })
  languages!: string[] | null;

  @Field(() => [SegmentConsentRule], { nullable: true })
  consents!: SegmentConsentRule[] | null;

  @Field(() => Date, { nullable: true })
  createdAfter!: Date | null;

  @Field(() => Date, { nullable: true })
  createdBefore!: Date | null;

  @Field(() => Boolean, { nullable: true })
  hasEmail!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  hasPhone!: boolean | null;
}

@ObjectType({ description: 'An audience: explicit members (MANUAL) or everyone matching rules (RULE).' })
export class Segment {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => SegmentKind)
  kind!: SegmentKind;

  @Field(() => SegmentRulesType, { nullable: true })
  rules!: SegmentRulesType | null;

  @Field()
  createdAt!: Date;
}
