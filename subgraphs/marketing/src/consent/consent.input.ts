import { IsBoolean, IsDate, IsEnum, IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PREFIX, idPattern } from '../common/id.validator';
import { ConsentChannel, ConsentPurpose, ConsentSource } from './consent.enums';

@InputType({ description: 'One consent decision of a customer.' })
export class SetConsentInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.customer), { message: 'must look like cus_<24 hex digits>' })
  customerId!: string;

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

  @Field(() => Date, {
    nullable: true,
    description:
      'When the customer decided (defaults to now); an older decision never overwrites a newer one.',
  })
  @IsOptional()
  @IsDate()
  occurredAt?: Date | null;
}
