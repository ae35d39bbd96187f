import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';

export interface ReviewDoc {
  _id: string;
  customerId: string;
  rating: number;
  title?: string;
  text?: string;
  /** The sales subgraph's product id, when the review is about a product (else about the brand). */
  productId?: string;
  reviewedAt: Date;
  createdAt: Date;
}

export const reviewSchema = new Schema<ReviewDoc>(
  {
    _id: { type: String, default: () => newId('rev') },
    customerId: { type: String, required: true },
    rating: { type: Number, required: true, min: 1, max: 5 },
    title: { type: String, maxlength: 200 },
    text: { type: String, maxlength: 5000 },
    productId: { type: String, maxlength: 64 },
    reviewedAt: { type: Date, required: true },
  },
  { collection: 'reviews', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

// Customer.reviews and advocacy's count / average.
reviewSchema.index({ customerId: 1, reviewedAt: -1 });
// One review per customer and product.
reviewSchema.index(
  { customerId: 1, productId: 1 },
  { unique: true, partialFilterExpression: { productId: { $gt: '' } }, name: 'customer_product_unique' },
);

export type ReviewModel = Model<ReviewDoc>;

export function reviewModel(connection: Connection): ReviewModel {
  return connection.model<ReviewDoc>('Review', reviewSchema);
}
