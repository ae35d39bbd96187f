import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../../shared/money/money.type';

/** Sales' `PurchaseStats`, read through @requires only (all fields @external). */
@ObjectType()
export class PurchaseStats {
  @Directive('@external')
  @Field(() => Int)
  orderCount!: number;

  @Directive('@external')
  @Field(() => Money)
  totalRevenue!: Money;

  @Directive('@external')
  @Field(() => Money, { nullable: true })
  averageOrderValue!: Money | null;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  firstOrderAt!: Date | null;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  lastOrderAt!: Date | null;

  @Directive('@external')
  @Field(() => Date, { nullable: true })
  lastReturnAt!: Date | null;
}
