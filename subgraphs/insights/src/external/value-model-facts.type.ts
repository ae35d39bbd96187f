import { Directive, Field, Float, ObjectType } from 'type-graphql';

/** Sales' `ValueModelFacts`, read through @requires only (all fields @external). */
@ObjectType()
export class ValueModelFacts {
  @Directive('@external')
  @Field(() => String, { nullable: true })
  purchaseModel!: string | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  probabilityAlive!: number | null;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  probablyGoneAt!: Date | null;
}
