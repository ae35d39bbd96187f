import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { Money } from '../../../../shared/money/money.type';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';
import { CampaignObjective, CampaignStatus } from './campaign.enums';

@ObjectType({ description: 'A marketing campaign touchpoints can be attributed to.' })
export class Campaign {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => TouchpointChannel)
  channel!: TouchpointChannel;

  @Field(() => CampaignObjective)
  objective!: CampaignObjective;

  @Field(() => CampaignStatus)
  status!: CampaignStatus;

  @Field(() => Date, { nullable: true })
  startsAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt!: Date | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Money, { nullable: true, description: 'What the campaign cost, when known (for ROAS).' })
  cost!: Money | null;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class CampaignEdge {
  @Field()
  cursor!: string;

  @Field(() => Campaign)
  node!: Campaign;
}

@ObjectType()
export class CampaignConnection {
  @Field(() => [CampaignEdge])
  edges!: CampaignEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
