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
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from '../order/order.input';
import { SKU_PATTERN } from '../product/product.input';
import { ReturnReason } from './return.enums';
import { MinorAmountField } from '../order/minor-amount.field';

@InputType()
export class ReturnItemInput {
  @Field()
  @Matches(SKU_PATTERN, { message: 'must be 1–64 letters, digits, ".", "_" or "-"' })
  sku!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}

@InputType({ description: 'Items of one order coming back; never more than ordered minus already returned.' })
export class RecordReturnInput {
  @Field(() => ID)
  @Length(1, 64)
  orderId!: string;

  @Field(() => [ReturnItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  items!: ReturnItemInput[];

  @Field(() => ReturnReason)
  @IsEnum(ReturnReason)
  reason!: ReturnReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  comment?: string;

  @MinorAmountField({
    nullable: true,
    description:
      'Refund in minor units of the order currency. Default: the goods’ value with the order discount and tax ' +
      'applied pro rata (shipping is not refunded); the return that completes the order refunds what is left.',
  })
  amountMinor?: number;
}
