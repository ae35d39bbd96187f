import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { Money } from '../../../../shared/money/money.type';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A catalogue item that can be ordered.' })
export class Product {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stock-keeping unit, unique in the catalogue.' })
  sku!: string;

  @Field()
  name!: string;

  @Field()
  category!: string;

  @Field(() => Money, {
    description: 'List price; `placeOrder` uses it unless a line gives its own unit price.',
  })
  price!: Money;

  @Field({ description: 'ISO 4217 code of `price`.' })
  currency!: string;

  @Field({ description: 'Inactive products stay visible on past orders but cannot be ordered.' })
  active!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class ProductEdge {
  @Field()
  cursor!: string;

  @Field(() => Product)
  node!: Product;
}

@ObjectType({ description: 'Products sorted by name (Relay connection).' })
export class ProductConnection {
  @Field(() => [ProductEdge])
  edges!: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
