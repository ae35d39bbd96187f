import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';

/**
 * Engagement figures the insights layer @requires (names fixed by the cross-team contract). Counted over
 * *engaged* touchpoints only: sends and impressions are our actions, not the customer's.
 */
@Directive('@shareable')
@ObjectType({ description: 'How and when the customer engages, aggregated from touchpoints.' })
export class Engagement {
  @Field(() => Date, {
    nullable: true,
    description: 'Earliest of the first engaged touchpoint and profile creation.',
  })
  firstSeenAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Latest engaged touchpoint.' })
  lastTouchpointAt!: Date | null;

  @Field(() => Int)
  touchpointsLast30Days!: number;

  @Field(() => Int)
  touchpointsLast90Days!: number;

  @Field(() => Int, {
    description: 'Help articles, tutorials, demos, webinars, and engaged touchpoints of EDUCATION campaigns.',
  })
  educationTouchpointsLast90Days!: number;

  @Field(() => TouchpointChannel, {
    nullable: true,
    description:
      'Most frequent engaged channel over the last 365 days (all time when none); ties go to the most recent.',
  })
  preferredChannel!: TouchpointChannel | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Most common engagement hour (0–23) in the customer’s time zone (UTC when unknown), same window.',
  })
  preferredHour!: number | null;
}
