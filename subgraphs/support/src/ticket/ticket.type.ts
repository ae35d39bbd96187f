import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import {
  TicketCategory,
  TicketChannel,
  TicketMessageAuthor,
  TicketPriority,
  TicketSentiment,
  TicketSentimentSource,
  TicketStatus,
} from './ticket.enums';

@ObjectType({ description: 'One message of a ticket conversation (mail, chat line, call note…).' })
export class TicketMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => TicketMessageAuthor)
  author!: TicketMessageAuthor;

  @Field()
  body!: string;

  @Field(() => TicketChannel)
  channel!: TicketChannel;

  @Field()
  at!: Date;

  @Field(() => TicketSentiment, {
    nullable: true,
    description:
      'Given by the caller, or derived from CUSTOMER messages by the lexicon rule; null otherwise.',
  })
  sentiment!: TicketSentiment | null;

  @Field(() => Float, { nullable: true, description: 'Sentiment score in [-1, 1] when known.' })
  sentimentScore!: number | null;

  @Field(() => TicketSentimentSource, { nullable: true })
  sentimentSource!: TicketSentimentSource | null;
}

@ObjectType({
  description: 'A satisfaction rating a customer gave a resolved or closed ticket (at most one).',
})
export class SatisfactionRating {
  @Field(() => ID)
  ticketId!: string;

  @Field(() => Int, { description: '1 (very unhappy) … 5 (very happy).' })
  score!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  ratedAt!: Date;
}

@ObjectType({ description: 'A support case: a question, complaint, return or problem a customer raised.' })
export class Ticket {
  @Field(() => ID)
  id!: string;

  /** Resolved by TicketResolver.customer as an entity reference; kept here for resolvers only. */
  customerId!: string;

  @Field(() => TicketChannel, {
    description: 'Channel the ticket was opened on (calls: PHONE, chats: CHAT).',
  })
  channel!: TicketChannel;

  @Field(() => TicketCategory)
  category!: TicketCategory;

  @Field(() => TicketPriority)
  priority!: TicketPriority;

  @Field(() => TicketStatus)
  status!: TicketStatus;

  @Field(() => TicketSentiment, { description: 'Sentiment of the latest message that carries one.' })
  sentiment!: TicketSentiment;

  @Field(() => Float, { nullable: true, description: 'Score in [-1, 1] behind `sentiment`, when known.' })
  sentimentScore!: number | null;

  @Field(() => TicketSentimentSource)
  sentimentSource!: TicketSentimentSource;

  @Field()
  subject!: string;

  @Field(() => ID, { nullable: true, description: 'The sales order this ticket is about (`ord_…`), if any.' })
  orderId!: string | null;

  @Field(() => [TicketMessage], { description: 'The conversation, oldest first.' })
  messages!: TicketMessage[];

  @Field(() => Int)
  messageCount!: number;

  @Field()
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'First AGENT message.' })
  firstResponseAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the ticket became RESOLVED; cleared on reopen.' })
  resolvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field()
  updatedAt!: Date;

  @Field(() => Int, { description: 'How often the ticket went from RESOLVED back to OPEN.' })
  reopenCount!: number;

  @Field(() => SatisfactionRating, { nullable: true })
  satisfaction!: SatisfactionRating | null;
}

@ObjectType()
export class TicketEdge {
  @Field()
  cursor!: string;

  @Field(() => Ticket)
  node!: Ticket;
}

/** `totalCount` is resolved lazily (TicketConnectionResolver): the count query runs only when asked for. */
@ObjectType({ description: 'A page of tickets, newest first (Relay connection).' })
export class TicketConnection {
  @Field(() => [TicketEdge])
  edges!: TicketEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  count!: () => Promise<number>;
}
