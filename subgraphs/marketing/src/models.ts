import type { Connection } from 'mongoose';
import { customerModel } from './customer/customer.model';

/** Every model of this subgraph, bound to its own connection (several subgraphs may share a process). */
export function createModels(connection: Connection) {
  return {
    customers: customerModel(connection),
  };
}

export type MarketingModels = ReturnType<typeof createModels>;
