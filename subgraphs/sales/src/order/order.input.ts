import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsCurrencyCode } from '../../../../shared/money/currency.validator';
import { SKU_PATTERN } from '../product/product.input';
import { OrderChannel, OrderStatus } from './order.enums';
import { MinorAmountField } from './minor-amount.field';

export const CUSTOMER_ID_PATTERN = /^cus_[0-9a-f]{24}$/;
const CUSTOMER_ID_MESSAGE = 'must be a customer id like cus_0123456789abcdef01234567';
export const ORDER_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
export const MAX_ORDER_LINES = 200;
export const MAX_LINE_QUANTITY = 10_000;

@InputType({ description: 'One line of a new order: a product (by id or SKU) and a quantity.' })
export class PlaceOrderItemInput {
  @Field(() => ID, { nullable: true, description: 'Catalogue product id; give this or `sku`.' })
  @IsOptional()
  @Length(1, 64)
  productId?: string;

  @Field(() => String, { nullable: true, description: 'Catalogue SKU; give this or `productId`.' })
  @IsOptional()
  @Matches(SKU_PATTERN, { message: 'must be 1–64 letters, digits, ".", "_" or "-"' })
  sku?: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;

  @MinorAmountField({
    nullable: true,
    description: 'Unit price in minor units of the order currency; defaults to the product’s list price.',
  })
  unitPriceMinor?: number;
}

@InputType({ description: 'A new order; the server prices the lines and computes every total.' })
export class PlaceOrderInput {
  @Field(() => ID)
  @Matches(CUSTOMER_ID_PATTERN, { message: CUSTOMER_ID_MESSAGE })
  customerId!: string;

  @Field(() => OrderChannel)
  @IsEnum(OrderChannel)
  channel!: OrderChannel;

  @Field({
    description: 'ISO 4217 code; products priced in another currency need an explicit unitPriceMinor.',
  })
  @IsCurrencyCode()
  currency!: string;

  @Field(() => [PlaceOrderItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  items!: PlaceOrderItemInput[];

  @MinorAmountField({
    nullable: true,
    description: 'Order-level discount (minor units), at most the subtotal.',
  })
  discountMinor?: number;

  @MinorAmountField({ nullable: true })
  shippingMinor?: number;

  @MinorAmountField({ nullable: true })
  taxMinor?: number;

  @Field(() => OrderStatus, {
    nullable: true,
    description: 'PENDING (default) or PAID when payment is already captured.',
  })
  @IsOptional()
  @IsEnum(OrderStatus)
  status?: OrderStatus;
}

@InputType({ description: 'A historical order line: SKU, quantity and the unit price actually charged.' })
export class ImportOrderItemInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  productId?: string;

  @Field()
  @Matches(SKU_PATTERN, { message: 'must be 1–64 letters, digits, ".", "_" or "-"' })
  sku!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the SKU.' })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;

  @MinorAmountField()
  unitPriceMinor!: number;
}

@InputType({
  description:
    'A historical order with its own number, time and totals. Totals must reconcile: ' +
    'total = subtotal − discount + shipping + tax, and subtotal = Σ quantity × unitPriceMinor when items are given.',
})
export class ImportOrderInput {
  @Field()
  @Matches(ORDER_NUMBER_PATTERN, { message: 'must be 1–64 letters, digits, ".", "_", "/" or "-"' })
  orderNumber!: string;

  @Field(() => ID)
  @Matches(CUSTOMER_ID_PATTERN, { message: CUSTOMER_ID_MESSAGE })
  customerId!: string;

  @Field(() => OrderChannel)
  @IsEnum(OrderChannel)
  channel!: OrderChannel;

  @Field(() => OrderStatus, { nullable: true, defaultValue: OrderStatus.DELIVERED })
  @IsOptional()
  @IsEnum(OrderStatus)
  status?: OrderStatus;

  @Field()
  @IsCurrencyCode()
  currency!: string;

  @Field({ description: 'When the order was placed; not in the future.' })
  placedAt!: Date;

  @Field(() => [ImportOrderItemInput], { nullable: true, defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  items?: ImportOrderItemInput[];

  @MinorAmountField({ nullable: true, description: 'Required when there are no items.' })
  subtotalMinor?: number;

  @MinorAmountField({ nullable: true })
  discountMinor?: number;

  @MinorAmountField({ nullable: true })
  shippingMinor?: number;

  @MinorAmountField({ nullable: true })
  taxMinor?: number;

  @MinorAmountField({ nullable: true, description: 'Checked against the computed total when given.' })
  totalMinor?: number;

  @MinorAmountField({
    nullable: true,
    description: 'Refunds already issued for this order, at most the total.',
  })
  refundedMinor?: number;
}
