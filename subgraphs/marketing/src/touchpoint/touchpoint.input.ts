import { IsDate, IsEnum, IsOptional, Matches } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PREFIX, idPattern } from '../common/id.validator';
import { IsStorableJsonObject } from '../common/validators';
import { TouchpointChannel, TouchpointType } from './touchpoint.enums';

export const MAX_TOUCHPOINT_BATCH = 1000;

@InputType({ description: 'A touchpoint to record.' })
export class RecordTouchpointInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.customer), { message: 'must look like cus_<24 hex digits>' })
  customerId!: string;

  @Field(() => TouchpointChannel)
  @IsEnum(TouchpointChannel)
  channel!: TouchpointChannel;

  @Field(() => TouchpointType)
  @IsEnum(TouchpointType)
  type!: TouchpointType;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(idPattern(ID_PREFIX.campaign), { message: 'must look like cmp_<24 hex digits>' })
  campaignId?: string | null;

  @Field()
  @IsDate()
  occurredAt!: Date;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsOptional()
  @IsStorableJsonObject()
  properties?: Record<string, unknown> | null;

  @Field(() => String, {
    nullable: true,
    description: 'The sender’s event id; the same id twice is a CONFLICT.',
  })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'must be 1–128 printable ASCII characters without spaces' })
  eventId?: string | null;

  @Field(() => String, { nullable: true, description: 'The reporting system, e.g. `web-sdk`.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1–64 letters, digits, . _ -' })
  source?: string | null;
}
