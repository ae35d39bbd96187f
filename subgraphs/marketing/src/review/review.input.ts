import { IsDate, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ID_PREFIX, idPattern } from '../common/id.validator';

@InputType()
export class RecordReviewInput {
  @Field(() => ID)
  @Matches(idPattern(ID_PREFIX.customer), { message: 'must look like cus_<24 hex digits>' })
  customerId!: string;

  @Field(() => Int, { description: '1–5 stars.' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 5000)
  text?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The product (sales id); one review per customer and product.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1–64 letters, digits, _ or -' })
  productId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Defaults to now.' })
  @IsOptional()
  @IsDate()
  reviewedAt?: Date | null;
}
