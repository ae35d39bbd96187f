import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** Marketing's `Advocacy`, read through @requires only (all fields @external). */
@ObjectType()
export class Advocacy {
  @Directive('@external')
  @Field(() => Int, { nullable: true })
  lastNpsScore!: number | null;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  lastNpsAt!: Date | null;

  @Directive('@external')
  @Field(() => Int)
  referralsCount!: number;

  @Directive('@external')
  @Field(() => Int)
  reviewsCount!: number;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  averageReviewRating!: number | null;
}
