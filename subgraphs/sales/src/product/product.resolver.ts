import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { checkPageSize, toConnection } from '../../../../shared/graphql/pagination';
import type { SalesContext } from '../context';
import { CreateProductInput, ProductFilter } from './product.input';
import { toProduct } from './product.mapper';
import { Product, ProductConnection } from './product.type';

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true, description: 'One product by id; null when unknown.' })
  async product(@Arg('id', () => ID) id: string, @Ctx() ctx: SalesContext): Promise<Product | null> {
    const doc = await ctx.loaders.productById.load(id);
    return doc ? toProduct(doc) : null;
  }

  @Query(() => ProductConnection, { description: 'The catalogue sorted by name.' })
  async products(
    @Ctx() ctx: SalesContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
  ): Promise<ProductConnection> {
    const n = checkPageSize(first);
    const { rows, totalCount, hasPrevious } = await ctx.services.products.list(n, after, filter);
    const conn = toConnection(rows.map(toProduct), n, (p) => [p.name, p.id], hasPrevious, totalCount);
    return { ...conn, totalCount };
  }

  @Mutation(() => Product, { description: 'Adds a product; CONFLICT when the SKU exists.' })
  async createProduct(
    @Arg('input', () => CreateProductInput) input: CreateProductInput,
    @Ctx() ctx: SalesContext,
  ): Promise<Product> {
    return toProduct(await ctx.services.products.create(input));
  }
}
