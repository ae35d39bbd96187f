import type { SalesContext } from '../context';
import { toProduct } from './product.mapper';
import type { Product } from './product.type';

/** `_entities` for Product, batched through the request's loader. */
export async function resolveProductReference(reference: Pick<Product, 'id'>, ctx: SalesContext) {
  const doc = await ctx.loaders.productById.load(reference.id);
  return doc ? toProduct(doc) : null;
}
