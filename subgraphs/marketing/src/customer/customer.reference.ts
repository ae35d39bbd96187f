import type { MarketingContext } from '../context';
import { presentSurvivor } from './customer.survivor';
import type { Customer } from './customer.type';

/**
 * `_entities` for Customer: batched through the request's loader, so N references cost one query. A
 * merged-away id resolves to its survivor (an order or ticket filed under the old id still shows the person).
 */
export async function resolveCustomerReference(
  reference: Pick<Customer, 'id'>,
  ctx: MarketingContext,
): Promise<Customer | null> {
  return presentSurvivor(ctx, reference.id, true);
}
