import { afterFilter, decodeCursor } from '../../../../shared/graphql/pagination';
import { ONE_REPLY_BATCH } from '../common/batch-size';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import type { CreateProductInput, ProductFilter } from './product.input';
import type { ProductDoc, ProductModel } from './product.model';

export class ProductService {
  constructor(private readonly products: ProductModel) {}

  async create(input: CreateProductInput): Promise<ProductDoc> {
    // A duplicate SKU hits the unique index and surfaces as CONFLICT (see toPublicError).
    const doc = await this.products.create({
      sku: input.sku,
      name: input.name,
      category: input.category,
      priceMinor: input.priceMinor,
      currency: input.currency,
      active: input.active ?? true,
    });
    return doc.toObject() as ProductDoc;
  }

  async findMany(ids: readonly string[]): Promise<ProductDoc[]> {
    return this.products
      .find(trustedFilter({ _id: { $in: [...ids] } }))
      .batchSize(ONE_REPLY_BATCH)
      .lean<ProductDoc[]>();
  }

  /** Products sorted by name, keyset-paginated on (name, _id); `first + 1` rows to detect a next page. */
  async list(first: number, after: string | null | undefined, filter: ProductFilter | null | undefined) {
    const where: Record<string, unknown> = {};
    if (filter?.category != null) where.category = filter.category;
    if (filter?.active != null) where.active = filter.active;
    const cursor = after ? decodeCursor(after) : undefined;
    const [rows, totalCount] = await Promise.all([
      this.products
        .find(trustedFilter({ ...where, ...afterFilter('name', 1, cursor) }))
        .sort({ name: 1, _id: 1 })
        .limit(first + 1)
        .lean<ProductDoc[]>(),
      this.products.countDocuments(trustedFilter(where)),
    ]);
    return { rows, totalCount, hasPrevious: !!cursor };
  }
}
