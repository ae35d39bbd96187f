/**
 * Records filed under profiles that marketing later merged into one customer belong to that customer.
 * Every customer a request presents is registered with its merged ids (marketing knows them; sales and
 * support receive them through `@requires(fields: "mergedIds")`), so the batched loaders query every id of
 * every customer in ONE query and fold the rows back per customer.
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

  /** A group loader's fetch over the expanded ids, each row handed to every customer it belongs to. */
  async grouped<T>(
    customerIds: readonly string[],
    fetch: (ids: string[]) => Promise<T[]>,
    idOf: (row: T) => string,
  ): Promise<Map<string, T[]>> {
    const rows = await fetch(this.expand(customerIds));
    const ownersOf = new Map<string, string[]>();
    for (const owner of customerIds) {
      for (const id of this.idsOf(owner)) ownersOf.set(id, [...(ownersOf.get(id) ?? []), owner]);
    }
    const out = new Map<string, T[]>(customerIds.map((id) => [id, []]));
    for (const row of rows) for (const owner of ownersOf.get(idOf(row)) ?? []) out.get(owner)!.push(row);
    return out;
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
