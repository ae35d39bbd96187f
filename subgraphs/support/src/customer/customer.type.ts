import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/**
 * Support's view of the customer entity: marketing owns the profile, this subgraph only contributes
 * support fields (`tickets`, `supportStats`, `interactions`, via CustomerResolver) keyed by `id`.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person the company has a relationship with.' })
export class Customer {
  @Field(() => ID)
  id!: string;

  /** Owned by marketing: ids merged into this customer, so their tickets and calls count as its own. */
  @Directive('@external')
  @Field(() => [ID])
  mergedIds?: string[];
}

/** Names and types are part of the cross-team contract: the insights layer @requires them. */
@ObjectType({ description: "Summary of a customer's support history, for agents and the insights layer." })
export class SupportStats {
  @Field(() => Int, { description: 'Tickets in OPEN, PENDING or ON_HOLD.' })
  openTickets!: number;

  @Field(() => Int, { description: 'Open tickets of category COMPLAINT.' })
  openComplaints!: number;

  @Field(() => Int, { description: 'COMPLAINT tickets opened in the last 30 days (any status).' })
  complaintsLast30Days!: number;

  @Field(() => Date, {
    nullable: true,
    description:
      'Latest contact with support: a ticket opened, or a customer or agent message, call or chat.',
  })
  lastContactAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean satisfaction rating (1–5, two decimals) over rated tickets; null when none is rated.',
  })
  averageSatisfaction!: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Latest message (or interaction) with NEGATIVE sentiment.',
  })
  lastNegativeSentimentAt!: Date | null;
}
