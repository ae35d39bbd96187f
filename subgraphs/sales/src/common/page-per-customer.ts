import type { Model } from 'mongoose';
import { ONE_REPLY_BATCH } from './batch-size';
import { badInput } from '../../../../shared/errors';
import { decodeCursor } from '../../../../shared/graphql/pagination';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';

export interface CustomerPage<T> {
  /** Up to `first + 1` rows, newest first (the extra row tells `hasNextPage`). */
  rows: T[];
  totalCount: number;
}

export interface PagePerCustomerOptions {
  customerIds: readonly string[];
  /** Extra equality conditions (e.g. `{ status: 'PAID' }`). */
  match?: Record<string, unknown>;
  /** Date field sorted newest first, ties broken by `_id` (also newest first). */
  sortField: string;
  first: number;
  after?: string | null;
}

/**
 * One page of a per-customer list (newest first, keyset) for MANY customers at a fixed cost of two
 * commands: an aggregation over the `(customerId, sortField, _id)` index that picks each customer's page
 * of ids and counts their rows, then one `find` for the documents of all pages.
 */
export async function pagePerCustomer<T extends { _id: string }>(
  model: Model<T>,
  opts: PagePerCustomerOptions,
): Promise<Map<string, CustomerPage<T>>> {
  const { sortField, first } = opts;
  const cursor = opts.after ? decodeCursor(opts.after) : undefined;
  const pipeline: Record<string, unknown>[] = [
    { $match: { customerId: { $in: [...opts.customerIds] }, ...(opts.match ?? {}) } },
    { $sort: { customerId: 1, [sortField]: -1, _id: -1 } },
    {
      $group: {
        _id: '$customerId',
        totalCount: { $sum: 1 },
        keys: { $push: { id: '$_id', at: `$${sortField}` } },
      },
    },
  ];
  if (cursor) {
    const [atRaw, id] = cursor;
    const at = typeof atRaw === 'string' ? new Date(atRaw) : null;
    if (!at || Number.isNaN(at.getTime()) || typeof id !== 'string') {
      throw badInput('after', 'is not a valid cursor');
    }
    pipeline.push({
      $project: {
        totalCount: 1,
        keys: {
          $filter: {
            input: '$keys',
            as: 'k',
            cond: {
              $or: [{ $lt: ['$$k.at', at] }, { $and: [{ $eq: ['$$k.at', at] }, { $lt: ['$$k.id', id] }] }],
            },
          },
        },
      },
    });
  }
  pipeline.push({ $project: { totalCount: 1, keys: { $slice: ['$keys', first + 1] } } });

  const groups = await model
    .aggregate<{ _id: string; totalCount: number; keys: { id: string }[] }>(pipeline as never[])
    .option({ batchSize: ONE_REPLY_BATCH });
  const ids = groups.flatMap((g) => g.keys.map((k) => k.id));
  const docs = ids.length
    ? await model
        .find(trustedFilter({ _id: { $in: ids } }))
        .batchSize(ONE_REPLY_BATCH)
        .lean<T[]>()
    : ([] as T[]);
  const byId = new Map(docs.map((d) => [d._id, d]));
  const out = new Map<string, CustomerPage<T>>();
  for (const g of groups) {
    out.set(g._id, {
      totalCount: g.totalCount,
      rows: g.keys.map((k) => byId.get(k.id)).filter((d): d is T => d !== undefined),
    });
  }
  return out;
}
