import type { MarketingContext } from '../context';
import { CustomerStatus } from './customer.enums';
import type { CustomerDoc } from './customer.model';
import type { Customer } from './customer.type';

/** Merges re-point older merged profiles to the newest survivor, so one hop is usual; this bounds a cycle. */
const MAX_HOPS = 5;

/**
 * The live profile an id stands for: itself, or the survivor it was merged into. Each hop goes through
 * the request's loader, so N ids (an `_entities` call) cost one query per hop level, not per id.
 */
export async function loadSurvivor(
  ctx: MarketingContext,
  id: string,
): Promise<{ doc: CustomerDoc; resolvedFrom: string | null } | null> {
  let doc = await ctx.loaders.customerById.load(id);
  for (let hop = 0; doc && doc.status === CustomerStatus.MERGED && doc.mergedInto && hop < MAX_HOPS; hop++) {
    const next = await ctx.loaders.customerById.load(doc.mergedInto);
    if (!next) break;
    doc = next;
  }
  if (!doc) return null;
  return { doc, resolvedFrom: doc._id === id ? null : id };
}

/**
 * The customer for `id`, as the survivor when `id` was merged away. `asKey` is set for entity references:
 * the gateway keeps using the id it asked with, so `mergedIds` lists every OTHER id of the person
 * (survivor included), which is what sales and support need to find all of the person's records.
 */
export async function presentSurvivor(
  ctx: MarketingContext,
  id: string,
  asKey: boolean,
): Promise<Customer | null> {
  const found = await loadSurvivor(ctx, id);
  if (!found) return null;
  const customer = ctx.present(found.doc);
  if (!found.resolvedFrom) return customer;
  const mergedIds = asKey
    ? [found.doc._id, ...(found.doc.mergedIds ?? [])].filter((other) => other !== id)
    : customer.mergedIds;
  return { ...customer, resolvedFrom: found.resolvedFrom, mergedIds };
}
