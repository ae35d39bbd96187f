import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { TimelineChannel, TimelineKind, TimelineSource } from '../../../../shared/contract/timeline';
import { TimelineEntry } from '../../../../shared/timeline/timeline-entry.type';

/** Sales' Order entity, referenced by id from events about an order (sales resolves its fields). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Order')
export class OrderReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: 'Something that happened with a customer, in any subgraph.' })
export class TimelineEvent {
  @Field(() => ID, { description: 'Unique within its source: `<kind of record>:<record id>`.' })
  id!: string;

  @Field({ description: 'When it happened.' })
  at!: Date;

  @Field(() => TimelineKind, { description: 'What happened.' })
  kind!: TimelineKind;

  @Field(() => TimelineChannel, { nullable: true, description: 'Null for reviews, referrals and returns.' })
  channel!: TimelineChannel | null;

  @Field({ description: 'One line, codes and amounts only (no names, contact data or free text).' })
  summary!: string;

  @Field(() => TimelineSource, { description: 'The subgraph that owns the record.' })
  source!: TimelineSource;

  @Field(() => ID, {
    description: 'The record behind the event (touchpoint, survey answer, order, ticket, …).',
  })
  subjectId!: string;

  @Field(() => OrderReference, {
    nullable: true,
    description: 'The order it is about (orders, returns, tickets).',
  })
  order!: OrderReference | null;
}

@ObjectType({ description: 'One event of a timeline page with its cursor.' })
export class TimelineEdge {
  @Field({ description: 'Opaque; (at, source, id) of the event.' })
  cursor!: string;

  @Field(() => TimelineEvent, { description: 'The event.' })
  node!: TimelineEvent;
}

/**
 * A timeline page as insights sees it: marketing opens it (Customer.timeline), the three sources each
 * contribute their entries (@external here), and insights merges them into the connection.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "One page of a customer's timeline." })
export class TimelinePage {
  @Directive('@inaccessible')
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => [TimelineEntry])
  marketingEntries!: TimelineEntry[];

  @Directive('@external')
  @Field(() => [TimelineEntry])
  salesEntries!: TimelineEntry[];

  @Directive('@external')
  @Field(() => [TimelineEntry])
  supportEntries!: TimelineEntry[];
}
