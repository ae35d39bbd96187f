import type { SalesContext } from '../context';
import { toOrder } from './order.mapper';
import type { Order } from './order.type';

/** `_entities` for Order, batched through the request's loader. */
export async function resolveOrderReference(reference: Pick<Order, 'id'>, ctx: SalesContext) {
  const doc = await ctx.loaders.orderById.load(reference.id);
  return doc ? toOrder(doc) : null;
}
