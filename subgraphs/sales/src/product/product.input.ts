import { IsBoolean, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsCurrencyCode } from '../../../../shared/money/currency.validator';
import { MinorAmountField } from '../order/minor-amount.field';

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

@InputType({ description: 'A new catalogue product.' })
export class CreateProductInput {
  @Field()
  @Matches(SKU_PATTERN, { message: 'must be 1–64 letters, digits, ".", "_" or "-"' })
  sku!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @Length(1, 64)
  category!: string;

  @MinorAmountField({ description: 'List price in minor units of `currency`.' })
  priceMinor!: number;

  @Field()
  @IsCurrencyCode()
  currency!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'Filters of `products`; all optional and combined with AND.' })
export class ProductFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  category?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
