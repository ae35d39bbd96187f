import DataLoader from 'dataloader';

/**
 * A loader that fetches many entities by id in ONE query per tick and returns them in key order
 * (`null` for a miss), as DataLoader requires.
 */
export function createByIdLoader<T>(
  fetchMany: (ids: readonly string[]) => Promise<T[]>,
  idOf: (item: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetchMany(ids);
    const byId = new Map(rows.map((r) => [idOf(r), r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** One query for the children of many parents (e.g. orders of 100 customers), grouped back per parent. */
export function createGroupLoader<T>(
  fetchMany: (parentIds: readonly string[]) => Promise<T[]>,
  parentOf: (item: T) => string | string[],
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const rows = await fetchMany(parentIds);
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) {
      const parents = parentOf(row);
      for (const p of Array.isArray(parents) ? parents : [parents]) groups.get(p)?.push(row);
    }
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}

/**
 * Like `createGroupLoader` but for parametrised lists (first/after/status): keys that share the same
 * parameters are fetched together; the key's `params` must be JSON-serialisable.
 */
export function createParamGroupLoader<P, T>(
  fetchMany: (parentIds: readonly string[], params: P) => Promise<Map<string, T>>,
): DataLoader<{ parentId: string; params: P }, T | null, string> {
  return new DataLoader<{ parentId: string; params: P }, T | null, string>(
    async (keys) => {
      const byParams = new Map<string, { params: P; ids: string[] }>();
      for (const k of keys) {
        const sig = JSON.stringify(k.params);
        const g = byParams.get(sig) ?? { params: k.params, ids: [] };
        g.ids.push(k.parentId);
        byParams.set(sig, g);
      }
      const results = new Map<string, T>();
      await Promise.all(
        [...byParams.entries()].map(async ([sig, g]) => {
          const got = await fetchMany(g.ids, g.params);
          for (const [id, v] of got) results.set(`${sig}|${id}`, v);
        }),
      );
      return keys.map((k) => results.get(`${JSON.stringify(k.params)}|${k.parentId}`) ?? null);
    },
    { cacheKeyFn: (k) => `${JSON.stringify(k.params)}|${k.parentId}` },
  );
}
