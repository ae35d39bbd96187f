import { Directive, Field, ObjectType } from 'type-graphql';
import { ConsentChannel, ConsentPurpose } from '../../../../shared/contract';

/** Marketing's `Consent`, read through @requires only (all fields @external). */
@ObjectType()
export class Consent {
  @Directive('@external')
  @Field(() => ConsentChannel)
  channel!: ConsentChannel;

  @Directive('@external')
  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Directive('@external')
  @Field()
  granted!: boolean;

  @Directive('@external')
  @Field()
  updatedAt!: Date;
}
