import type { CustomerValuePredictions } from './customer-value.type';

/**
 * `_entities` for CustomerValue: the key is all sales needs, so no database hit here; every field reads the
 * stored model and the customer's purchase summary through the request's loaders (two commands per request).
 */
export function resolveCustomerValueReference(
  reference: Pick<CustomerValuePredictions, 'customerId'>,
): CustomerValuePredictions {
  return { customerId: String(reference.customerId) };
}
