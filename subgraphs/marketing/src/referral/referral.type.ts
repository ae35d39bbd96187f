import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person this customer referred.' })
export class Referral {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  referredEmail!: string | null;

  @Field(() => ID, { nullable: true, description: 'The referred person’s profile, when they have one.' })
  referredCustomerId!: string | null;

  @Field()
  referredAt!: Date;
}
