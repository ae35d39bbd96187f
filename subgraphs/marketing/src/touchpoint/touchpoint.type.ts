import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { TouchpointChannel, TouchpointType } from './touchpoint.enums';

@ObjectType({ description: 'One interaction of a customer with the brand, on one channel.' })
export class Touchpoint {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => TouchpointChannel)
  channel!: TouchpointChannel;

  @Field(() => TouchpointType)
  type!: TouchpointType;

  @Field(() => ID, { nullable: true })
  campaignId!: string | null;

  @Field()
  occurredAt!: Date;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Free-form details (UTM tags, page, product…).',
  })
  properties!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  eventId!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field({ description: 'When it was recorded here.' })
  recordedAt!: Date;
}

@ObjectType()
export class TouchpointEdge {
  @Field()
  cursor!: string;

  @Field(() => Touchpoint)
  node!: Touchpoint;
}

@ObjectType()
export class TouchpointConnection {
  @Field(() => [TouchpointEdge])
  edges!: TouchpointEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class RecordTouchpointsPayload {
  @Field(() => Int)
  recordedCount!: number;

  @Field(() => [ID], { description: 'Ids of the recorded touchpoints, in input order.' })
  ids!: string[];
}
