import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** Support's `SupportStats`, read through @requires only (all fields @external). */
@ObjectType()
export class SupportStats {
  @Directive('@external')
  @Field(() => Int)
  openComplaints!: number;

  @Directive('@external')
  @Field(() => Int)
  complaintsLast30Days!: number;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  lastContactAt!: Date | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  averageSatisfaction!: number | null;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  lastNegativeSentimentAt!: Date | null;
}
