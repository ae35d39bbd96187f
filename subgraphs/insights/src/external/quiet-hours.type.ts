import { Directive, Field, ObjectType } from 'type-graphql';

/** Marketing's `QuietHours`, read through @requires only (all fields @external). */
@ObjectType()
export class QuietHours {
  @Directive('@external')
  @Field()
  start!: string;

  @Directive('@external')
  @Field()
  end!: string;
}
