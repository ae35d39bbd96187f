import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { Money } from '../../../../shared/money/money.type';
import { ReturnReason } from './return.enums';

@ObjectType({ description: 'Units of one SKU sent back.' })
export class ReturnItem {
  @Field()
  sku!: string;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType({ description: 'Items of an order sent back, with the refund issued for them.' })
export class OrderReturn {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  orderId!: string;

  @Field()
  orderNumber!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => [ReturnItem])
  items!: ReturnItem[];

  @Field(() => ReturnReason)
  reason!: ReturnReason;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Money, { description: 'Refund, in the order’s currency.' })
  amount!: Money;

  @Field({ description: 'When the return was recorded.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the refund was issued; null while pending.' })
  processedAt!: Date | null;
}

@ObjectType()
export class OrderReturnEdge {
  @Field()
  cursor!: string;

  @Field(() => OrderReturn)
  node!: OrderReturn;
}

@ObjectType({ description: 'Returns, newest first (Relay connection).' })
export class OrderReturnConnection {
  @Field(() => [OrderReturnEdge])
  edges!: OrderReturnEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
