import { Directive, Field, ObjectType } from 'type-graphql';
import { ConsentChannel, ConsentPurpose, ConsentSource } from './consent.enums';

/** @shareable: the insights layer declares the same value type for the fields it @requires. */
@Directive('@shareable')
@ObjectType({ description: 'The customer’s current decision for one channel and purpose.' })
export class Consent {
  @Field(() => ConsentChannel)
  channel!: ConsentChannel;

  @Field(() => ConsentPurpose)
  purpose!: ConsentPurpose;

  @Field()
  granted!: boolean;

  @Field({ description: 'When the customer made this decision.' })
  updatedAt!: Date;

  @Field(() => ConsentSource, { description: 'Where the decision was captured.' })
  source!: ConsentSource;
}
