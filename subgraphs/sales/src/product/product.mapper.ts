import { toMoney } from '../../../../shared/money/money.mapper';
import type { ProductDoc } from './product.model';
import type { Product } from './product.type';

export function toProduct(doc: ProductDoc): Product {
  return {
    id: doc._id,
    sku: doc.sku,
    name: doc.name,
    category: doc.category,
    price: toMoney(doc.priceMinor, doc.currency),
    currency: doc.currency,
    active: doc.active,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
