/**
 * (Same helper as support's: each subgraph is deployed on its own, so neither imports the other.)
 * Records filed under profiles that marketing later merged into one customer belong to that customer.
 * Marketing hands the merged ids over through `@requires(fields: "mergedIds")`; this per-request registry
 * remembers them, so the batched loaders query every id of every customer in ONE query and fold the rows
 * back per customer.
 */
export class CustomerIdentities {
  private readonly others = new Map<string, readonly string[]>();

  /** Called by field resolvers with the entity representation before they load. */
  register(customer: { id: string; mergedIds?: readonly string[] | null }): void {
    if (customer.mergedIds?.length) this.others.set(customer.id, customer.mergedIds);
  }

  idsOf(customerId: string): string[] {
    return [customerId, ...(this.others.get(customerId) ?? [])];
  }

  /** Every id to query for these customers (each once). */
  expand(customerIds: readonly string[]): string[] {
    return [...new Set(customerIds.flatMap((id) => this.idsOf(id)))];
  }

  /**
   * Runs `fetch` over the expanded ids and folds the per-id results into one per customer (`combine`
   * only runs when a customer has results under more than one id).
   */
  async perCustomer<T>(
    customerIds: readonly string[],
    fetch: (ids: string[]) => Promise<Map<string, T>>,
    combine: (parts: T[]) => T,
  ): Promise<Map<string, T>> {
    const byId = await fetch(this.expand(customerIds));
    const out = new Map<string, T>();
    for (const customerId of customerIds) {
      const parts = this.idsOf(customerId)
        .map((id) => byId.get(id))
        .filter((p): p is T => p !== undefined);
      if (parts.length) out.set(customerId, parts.length === 1 ? parts[0] : combine(parts));
    }
    return out;
  }
}

/** Newest-first merge of per-id pages, cut to the page size the query asked for (first + 1). */
export function mergePages<T extends { _id: string }>(
  parts: T[][],
  limit: number,
  timeOf: (row: T) => Date,
): T[] {
  return parts
    .flat()
    .sort((a, b) => timeOf(b).getTime() - timeOf(a).getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0))
    .slice(0, limit);
}

export const sum = (parts: number[]) => parts.reduce((a, b) => a + b, 0);
