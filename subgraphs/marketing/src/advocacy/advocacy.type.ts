import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** Willingness to recommend, as the insights layer @requires it (names fixed by the cross-team contract). */
@Directive('@shareable')
@ObjectType({ description: 'How much the customer recommends us: NPS, referrals, reviews.' })
export class Advocacy {
  @Field(() => Int, { nullable: true, description: 'The latest NPS answer, 0–10.' })
  lastNpsScore!: number | null;

  @Field(() => Date, { nullable: true })
  lastNpsAt!: Date | null;

  @Field(() => Int)
  referralsCount!: number;

  @Field(() => Int)
  reviewsCount!: number;

  @Field(() => Float, { nullable: true, description: '1–5, rounded to two decimals; null without reviews.' })
  averageReviewRating!: number | null;
}
