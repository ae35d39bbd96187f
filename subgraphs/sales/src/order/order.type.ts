import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { Money } from '../../../../shared/money/money.type';
import { OrderChannel, OrderStatus } from './order.enums';

@ObjectType({ description: 'One line of an order, priced when the order was placed.' })
export class OrderItem {
  @Field(() => ID, { nullable: true, description: 'Catalogue product; null for imported lines without one.' })
  productId!: string | null;

  @Field()
  sku!: string;

  @Field({ description: 'Product name at the time of the order.' })
  name!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: 'Units of this line returned so far.' })
  returnedQuantity!: number;

  @Field(() => Money)
  unitPrice!: Money;

  @Field(() => Money, { description: 'quantity × unitPrice.' })
  lineTotal!: Money;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A purchase. total = subtotal − discount + shipping + tax, all in `currency`; revenue counts total − refunded.',
})
export class Order {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Human-facing order number, unique.' })
  orderNumber!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => OrderChannel)
  channel!: OrderChannel;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => [OrderItem])
  items!: OrderItem[];

  @Field({ description: 'ISO 4217 code of every amount of this order.' })
  currency!: string;

  @Field(() => Money)
  subtotal!: Money;

  @Field(() => Money)
  discount!: Money;

  @Field(() => Money)
  shipping!: Money;

  @Field(() => Money)
  tax!: Money;

  @Field(() => Money)
  total!: Money;

  @Field(() => Money, { description: 'Sum of the refunds of this order’s returns.' })
  refunded!: Money;

  @Field({ description: 'When the customer placed the order (UTC).' })
  placedAt!: Date;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class OrderEdge {
  @Field()
  cursor!: string;

  @Field(() => Order)
  node!: Order;
}

@ObjectType({ description: 'Orders, newest first (Relay connection).' })
export class OrderConnection {
  @Field(() => [OrderEdge])
  edges!: OrderEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'Outcome of one `importOrders` batch (all or nothing).' })
export class ImportOrdersResult {
  @Field(() => Int)
  importedCount!: number;

  @Field(() => Date, { nullable: true })
  earliestPlacedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  latestPlacedAt!: Date | null;

  @Field({ description: 'Whether this import (with earlier ones) triggered a background value-model refit.' })
  valueModelRefitScheduled!: boolean;
}
