import { IsDate, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsCurrencyCode } from '../../../../shared/money/currency.validator';
import { ID_PREFIX, idPattern } from '../common/id.validator';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';
import { CampaignObjective, CampaignStatus } from './campaign.enums';

@InputType()
export class CreateCampaignInput {
  @Field({ description: 'Unique, case-insensitively.' })
  @Length(1, 200)
  name!: string;

  @Field(() => TouchpointChannel)
  @IsEnum(TouchpointChannel)
  channel!: TouchpointChannel;

  @Field(() => CampaignObjective)
  @IsEnum(CampaignObjective)
  objective!: CampaignObjective;

  @Field(() => CampaignStatus, {
    defaultValue: CampaignStatus.DRAFT,
    description: 'DRAFT, SCHEDULED or ACTIVE.',
  })
  @IsEnum(CampaignStatus)
  status!: CampaignStatus;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;
}

@InputType()
export class CampaignFilter {
  @Field(() => CampaignStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CampaignStatus)
  status?: CampaignStatus | null;

  @Field(() => TouchpointChannel, { nullable: true })
  @IsOptional()
  @IsEnum(TouchpointChannel)
  channel?: TouchpointChannel | null;

  @Field(() => CampaignObjective, { nullable: true })
  @IsOptional()
  @IsEnum(CampaignObjective)
  objective?: CampaignObjective | null;
}

@InputType()
export class SetCampaignStatusInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.campaign), { message: 'must look like cmp_<24 hex digits>' })
  campaignId!: string;

  @Field(() => CampaignStatus)
  @IsEnum(CampaignStatus)
  status!: CampaignStatus;
}

@InputType()
export class SetCampaignCostInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.campaign), { message: 'must look like cmp_<24 hex digits>' })
  campaignId!: string;

  @Field(() => Int, { description: 'Integer minor units of `currency`.' })
  @IsInt()
  @Min(0)
  @Max(2147483647)
  costMinor!: number;

  @Field()
  @IsCurrencyCode()
  currency!: string;
}
