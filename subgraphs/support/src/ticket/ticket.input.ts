import { IsEnum, IsInt, IsNumber, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  TicketCategory,
  TicketChannel,
  TicketMessageAuthor,
  TicketPriority,
  TicketSentiment,
  TicketStatus,
} from './ticket.enums';

export const CUSTOMER_ID = /^cus_[0-9a-f]{24}$/;
export const TICKET_ID = /^tkt_[0-9a-f]{24}$/;
export const ORDER_ID = /^ord_[0-9a-f]{24}$/;
const ID_MESSAGE = (prefix: string) => ({ message: `must be an id like ${prefix}_<24 hex digits>` });

/**
 * Fields every message carries, whether it opens a ticket or is added to one. Subclasses inherit the
 * fields; the base type is never referenced, so it does not appear in the schema.
 */
@InputType('TicketMessageFieldsInput')
abstract class MessageFields {
  @Field({ description: 'Message text, 1–10,000 characters.' })
  @Length(1, 10_000)
  body!: string;

  @Field(() => TicketSentiment, {
    nullable: true,
    description: 'Known sentiment (agent judgement, external NLP); derived by the lexicon rule when omitted.',
  })
  @IsOptional()
  @IsEnum(TicketSentiment)
  sentiment?: TicketSentiment | null;

  @Field(() => Float, { nullable: true, description: 'Known sentiment score in [-1, 1].' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  sentimentScore?: number | null;
}

@InputType({ description: 'A new ticket with its first message.' })
export class OpenTicketInput extends MessageFields {
  @Field(() => ID)
  @Matches(CUSTOMER_ID, ID_MESSAGE('cus'))
  customerId!: string;

  @Field(() => TicketChannel)
  @IsEnum(TicketChannel)
  channel!: TicketChannel;

  @Field(() => TicketCategory)
  @IsEnum(TicketCategory)
  category!: TicketCategory;

  @Field(() => TicketPriority, { nullable: true, description: 'Defaults to NORMAL.' })
  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority | null;

  @Field({ description: 'Short summary, 1–200 characters.' })
  @Length(1, 200)
  subject!: string;

  @Field(() => ID, { nullable: true, description: 'The sales order (`ord_…`) the ticket is about.' })
  @IsOptional()
  @Matches(ORDER_ID, ID_MESSAGE('ord'))
  orderId?: string | null;

  @Field(() => TicketMessageAuthor, {
    nullable: true,
    description: 'Author of the first message; CUSTOMER by default (AGENT when logging a call for them).',
  })
  @IsOptional()
  @IsEnum(TicketMessageAuthor)
  author?: TicketMessageAuthor | null;
}

@InputType({ description: 'A message added to an existing ticket.' })
export class AddTicketMessageInput extends MessageFields {
  @Field(() => ID)
  @Matches(TICKET_ID, ID_MESSAGE('tkt'))
  ticketId!: string;

  @Field(() => TicketMessageAuthor)
  @IsEnum(TicketMessageAuthor)
  author!: TicketMessageAuthor;

  @Field(() => TicketChannel, { nullable: true, description: "Defaults to the ticket's channel." })
  @IsOptional()
  @IsEnum(TicketChannel)
  channel?: TicketChannel | null;
}

@InputType({ description: 'A status change; only transitions allowed by the ticket state machine succeed.' })
export class ChangeTicketStatusInput {
  @Field(() => ID)
  @Matches(TICKET_ID, ID_MESSAGE('tkt'))
  ticketId!: string;

  @Field(() => TicketStatus)
  @IsEnum(TicketStatus)
  status!: TicketStatus;

  @Field(() => String, { nullable: true, description: 'Why; stored as a SYSTEM message on the ticket.' })
  @IsOptional()
  @Length(1, 1000)
  reason?: string | null;
}

@InputType({ description: 'A satisfaction rating for a RESOLVED or CLOSED ticket; one per ticket.' })
export class RateTicketInput {
  @Field(() => ID)
  @Matches(TICKET_ID, ID_MESSAGE('tkt'))
  ticketId!: string;

  @Field(() => Int, { description: '1 (very unhappy) … 5 (very happy).' })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  comment?: string | null;
}

@InputType({ description: "Filters for agents' ticket queues; all given filters must match." })
export class TicketFilterInput {
  @Field(() => TicketStatus, { nullable: true })
  @IsOptional()
  @IsEnum(TicketStatus)
  status?: TicketStatus | null;

  @Field(() => TicketCategory, { nullable: true })
  @IsOptional()
  @IsEnum(TicketCategory)
  category?: TicketCategory | null;

  @Field(() => TicketPriority, { nullable: true })
  @IsOptional()
  @IsEnum(TicketPriority)
  priority?: TicketPriority | null;

  @Field(() => TicketChannel, { nullable: true })
  @IsOptional()
  @IsEnum(TicketChannel)
  channel?: TicketChannel | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(CUSTOMER_ID, ID_MESSAGE('cus'))
  customerId?: string | null;
}
