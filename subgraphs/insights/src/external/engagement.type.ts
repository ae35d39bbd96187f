import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { TouchpointChannel } from '../../../../shared/contract';

/**
 * Marketing's `Engagement`, as far as insights reads it. Every field is @external: insights receives the
 * values through @requires and never resolves them (marketing owns the type). The enum comes from
 * the contract (shared/contract), which marketing uses too, so the values cannot drift. No descriptions on these
 * external types: the owner's descriptions are the ones that reach the supergraph.
 */
@ObjectType()
export class Engagement {
  @Directive('@external')
  @Field(() => Date, { nullable: true })
  firstSeenAt!: Date | null;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  lastTouchpointAt!: Date | null;

  @Directive('@external')
  @Field(() => Int)
  touchpointsLast30Days!: number;

  @Directive('@external')
  @Field(() => Int)
  touchpointsLast90Days!: number;

  @Directive('@external')
  @Field(() => Int)
  educationTouchpointsLast90Days!: number;

  @Directive('@external')
  @Field(() => TouchpointChannel, { nullable: true })
  preferredChannel!: TouchpointChannel | null;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  preferredHour!: number | null;
}
