import type { Customer } from './customer.type';

/**
 * `_entities` for Customer. Marketing owns the profile; support only needs the id to resolve its own
 * fields (batched by loaders), so no database hit here and unknown ids simply have no tickets.
 */
export function resolveCustomerReference(reference: Pick<Customer, 'id' | 'mergedIds'>): Customer {
  // `mergedIds` arrives when a field that @requires it is asked for (tickets, interactions, supportStats).
  return { id: reference.id, mergedIds: reference.mergedIds ?? [] };
}
