import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import { ReturnReason } from './return.enums';

export interface ReturnItemDoc {
  sku: string;
  quantity: number;
}

export interface ReturnDoc {
  _id: string;
  orderId: string;
  /** Copied from the order so `Customer.returns` needs no join. */
  customerId: string;
  orderNumber: string;
  items: ReturnItemDoc[];
  reason: ReturnReason;
  comment?: string;
  /** Refund in integer minor units of `currency` (the order's currency). */
  amountMinor: number;
  currency: string;
  createdAt: Date;
  /** When the refund was issued; null while pending. */
  processedAt?: Date | null;
}

export const returnSchema = new Schema<ReturnDoc>(
  {
    _id: { type: String, default: () => newId('ret') },
    orderId: { type: String, required: true },
    customerId: { type: String, required: true },
    orderNumber: { type: String, required: true },
    items: {
      type: [
        new Schema<ReturnItemDoc>(
          { sku: { type: String, required: true }, quantity: { type: Number, required: true, min: 1 } },
          { _id: false },
        ),
      ],
      required: true,
    },
    reason: { type: String, required: true, enum: Object.values(ReturnReason) },
    comment: { type: String, maxlength: 1000 },
    amountMinor: { type: Number, required: true, min: 0 },
    currency: { type: String, required: true, match: /^[A-Z]{3}$/ },
    createdAt: { type: Date, required: true, default: () => new Date() },
    processedAt: { type: Date, default: null },
  },
  { collection: 'returns', versionKey: false },
);

// Order.returns.
returnSchema.index({ orderId: 1, createdAt: -1 });
// Customer.returns (newest first, keyset) and the returnCount / lastReturnAt aggregation.
returnSchema.index({ customerId: 1, createdAt: -1, _id: -1 });

export type ReturnModel = Model<ReturnDoc>;

export function returnModel(connection: Connection): ReturnModel {
  return connection.model<ReturnDoc>('Return', returnSchema);
}
