import type { Connection } from 'mongoose';
import { valueModelModel } from './customer-value/value-model.model';
import { valueModelActiveModel } from './customer-value/value-model-version.model';
import { orderModel } from './order/order.model';
import { productModel } from './product/product.model';
import { returnModel } from './return/return.model';

/** Every model of this subgraph, bound to its own connection (several subgraphs may share a process). */
export function createModels(connection: Connection) {
  return {
    products: productModel(connection),
    orders: orderModel(connection),
    returns: returnModel(connection),
    valueModels: valueModelModel(connection),
    valueModelActive: valueModelActiveModel(connection),
  };
}

export type SalesModels = ReturnType<typeof createModels>;
