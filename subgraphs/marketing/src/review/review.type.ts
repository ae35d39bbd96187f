import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A review the customer wrote.' })
export class Review {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1–5 stars.' })
  rating!: number;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => ID, { nullable: true, description: 'The product reviewed; null for a review of the brand.' })
  productId!: string | null;

  @Field()
  reviewedAt!: Date;
}
