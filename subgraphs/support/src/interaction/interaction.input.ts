import { IsDate, IsEnum, IsNumber, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { TicketSentiment } from '../ticket/ticket.enums';
import { CUSTOMER_ID, TICKET_ID } from '../ticket/ticket.input';
import {
  SupportInteractionDirection,
  SupportInteractionKind,
  SupportInteractionOutcome,
} from './interaction.enums';

@InputType({ description: 'A call or chat that happened (logged by the contact-centre system or an agent).' })
export class RecordInteractionInput {
  @Field(() => ID)
  @Matches(CUSTOMER_ID, { message: 'must be an id like cus_<24 hex digits>' })
  customerId!: string;

  @Field(() => SupportInteractionKind)
  @IsEnum(SupportInteractionKind)
  kind!: SupportInteractionKind;

  @Field(() => SupportInteractionDirection, { nullable: true, description: 'Defaults to INBOUND.' })
  @IsOptional()
  @IsEnum(SupportInteractionDirection)
  direction?: SupportInteractionDirection | null;

  @Field(() => SupportInteractionOutcome, { nullable: true, description: 'Defaults to ANSWERED.' })
  @IsOptional()
  @IsEnum(SupportInteractionOutcome)
  outcome?: SupportInteractionOutcome | null;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; may not lie in the future.' })
  @IsOptional()
  @IsDate()
  startedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Not before startedAt, at most 24 hours after it.' })
  @IsOptional()
  @IsDate()
  endedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  agentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000)
  summary?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A ticket of the same customer this call or chat is about.',
  })
  @IsOptional()
  @Matches(TICKET_ID, { message: 'must be an id like tkt_<24 hex digits>' })
  ticketId?: string | null;

  @Field(() => TicketSentiment, { nullable: true })
  @IsOptional()
  @IsEnum(TicketSentiment)
  sentiment?: TicketSentiment | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  sentimentScore?: number | null;
}
