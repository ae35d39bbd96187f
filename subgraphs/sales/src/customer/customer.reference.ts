import type { Customer } from './customer.type';

/**
 * `_entities` for Customer: sales stores only `customerId`, so the reference IS the object; no database
 * hit here, and the fields (orders, purchaseStats, …) batch through the request's loaders.
 */
export function resolveCustomerReference(reference: Pick<Customer, 'id' | 'mergedIds'>): Customer {
  // `mergedIds` arrives when a field that @requires it is asked for (orders, returns, purchaseStats).
  return { id: reference.id, mergedIds: reference.mergedIds ?? [] };
}
