import type { Customer } from './customer.type';

/**
 * `_entities` for Customer. Marketing owns the profile; support only needs the id to resolve its own
 * fields (batched by loaders), so no database hit here and unknown ids simply have no tickets.
 */
export function resolveCustomerReference(reference: Pick<Customer, 'id'>): Customer {
  return { id: reference.id };
}
