import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';

export interface ProductDoc {
  _id: string;
  /** Stock-keeping unit, unique across the catalogue (order lines and returns refer to it). */
  sku: string;
  name: string;
  category: string;
  /** List price in integer minor units of `currency`. */
  priceMinor: number;
  currency: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const productSchema = new Schema<ProductDoc>(
  {
    _id: { type: String, default: () => newId('prd') },
    sku: { type: String, required: true, trim: true, maxlength: 64 },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    category: { type: String, required: true, trim: true, maxlength: 64 },
    priceMinor: {
      type: Number,
      required: true,
      min: 0,
      validate: { validator: Number.isSafeInteger, message: 'must be an integer (minor units)' },
    },
    currency: { type: String, required: true, match: /^[A-Z]{3}$/ },
    active: { type: Boolean, default: true },
  },
  { collection: 'products', timestamps: true, versionKey: false },
);

productSchema.index({ sku: 1 }, { unique: true });
// `products(filter: { category, active })` sorted by name with keyset pagination on (name, _id).
productSchema.index({ category: 1, active: 1, name: 1, _id: 1 });
productSchema.index({ name: 1, _id: 1 });

export type ProductModel = Model<ProductDoc>;

export function productModel(connection: Connection): ProductModel {
  return connection.model<ProductDoc>('Product', productSchema);
}
