import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { TicketSentiment, TicketSentimentSource } from '../ticket/ticket.enums';
import {
  SupportInteractionDirection,
  SupportInteractionKind,
  SupportInteractionOutcome,
} from './interaction.enums';

@ObjectType({ description: 'A phone call or live chat between a customer and the support team.' })
export class SupportInteraction {
  @Field(() => ID)
  id!: string;

  /** Resolved as entity references by SupportInteractionResolver. */
  customerId!: string;
  ticketId!: string | null;

  @Field(() => SupportInteractionKind)
  kind!: SupportInteractionKind;

  @Field(() => SupportInteractionDirection)
  direction!: SupportInteractionDirection;

  @Field(() => SupportInteractionOutcome)
  outcome!: SupportInteractionOutcome;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'endedAt − startedAt in whole seconds.' })
  durationSeconds!: number | null;

  @Field(() => String, { nullable: true, description: 'Id of the agent in the contact-centre system.' })
  agentId!: string | null;

  @Field(() => String, { nullable: true, description: "The agent's summary." })
  summary!: string | null;

  @Field(() => TicketSentiment, {
    nullable: true,
    description: "The customer's mood, when the caller recorded it.",
  })
  sentiment!: TicketSentiment | null;

  @Field(() => Float, { nullable: true })
  sentimentScore!: number | null;

  @Field(() => TicketSentimentSource, { nullable: true })
  sentimentSource!: TicketSentimentSource | null;
}

@ObjectType()
export class SupportInteractionEdge {
  @Field()
  cursor!: string;

  @Field(() => SupportInteraction)
  node!: SupportInteraction;
}

@ObjectType({ description: 'A page of calls and chats, newest first (Relay connection).' })
export class SupportInteractionConnection {
  @Field(() => [SupportInteractionEdge])
  edges!: SupportInteractionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Lazily counted by SupportInteractionConnectionResolver.totalCount. */
  count!: () => Promise<number>;
}
