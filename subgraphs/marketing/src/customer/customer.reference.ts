import type { MarketingContext } from '../context';
import type { Customer } from './customer.type';

/** `_entities` for Customer: batched through the request's loader, so N references cost one query. */
export async function resolveCustomerReference(
  reference: Pick<Customer, 'id'>,
  ctx: MarketingContext,
): Promise<Customer | null> {
  const doc = await ctx.loaders.customerById.load(reference.id);
  return doc ? ctx.present(doc) : null;
}
