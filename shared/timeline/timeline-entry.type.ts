import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { TimelineChannel, TimelineKind, TimelineSource } from '../contract/timeline';
import type { TimelineEntryData } from './timeline.logic';

/**
 * One event as marketing, sales or support contributes it to a timeline page; insights merges the three
 * lists into the public `TimelineEvent` connection. Identical in the four subgraphs, hence @shareable.
 */
@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType({ description: "One source's event for a timeline page (internal: insights merges them)." })
export class TimelineEntry implements TimelineEntryData {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field(() => TimelineKind)
  kind!: TimelineKind;

  @Field(() => TimelineChannel, { nullable: true })
  channel!: TimelineChannel | null;

  @Field()
  summary!: string;

  @Field(() => TimelineSource)
  source!: TimelineSource;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => ID, { nullable: true })
  orderId!: string | null;
}

/** The selection insights @requires of each contribution (every field of TimelineEntry). */
export const TIMELINE_ENTRY_SELECTION = '{ id at kind channel summary source subjectId orderId }';
