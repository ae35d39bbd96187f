import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import { OrderChannel, OrderStatus } from './order.enums';

export interface OrderItemDoc {
  /** Absent for historical imports whose products are not in the catalogue. */
  productId?: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  /** Units of this line already returned; never above `quantity` (checked by recordReturn). */
  returnedQuantity: number;
}

export type OrderSource = 'API' | 'IMPORT';

export interface OrderDoc {
  _id: string;
  orderNumber: string;
  customerId: string;
  channel: OrderChannel;
  status: OrderStatus;
  items: OrderItemDoc[];
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** Sum of refunds of this order's returns; revenue is `totalMinor − refundedMinor`. */
  refundedMinor: number;
  placedAt: Date;
  source: OrderSource;
  /** Bumped on every change; recordReturn updates only the revision it read (optimistic concurrency). */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const int = { validator: Number.isSafeInteger, message: 'must be an integer (minor units)' };

const orderItemSchema = new Schema<OrderItemDoc>(
  {
    productId: { type: String },
    sku: { type: String, required: true, maxlength: 64 },
    name: { type: String, required: true, maxlength: 200 },
    quantity: { type: Number, required: true, min: 1, validate: int },
    unitPriceMinor: { type: Number, required: true, min: 0, validate: int },
    returnedQuantity: { type: Number, default: 0, min: 0, validate: int },
  },
  { _id: false },
);

export const orderSchema = new Schema<OrderDoc>(
  {
    _id: { type: String, default: () => newId('ord') },
    orderNumber: { type: String, required: true, maxlength: 64 },
    customerId: { type: String, required: true },
    channel: { type: String, required: true, enum: Object.values(OrderChannel) },
    status: { type: String, required: true, enum: Object.values(OrderStatus) },
    items: { type: [orderItemSchema], default: [] },
    currency: { type: String, required: true, match: /^[A-Z]{3}$/ },
    subtotalMinor: { type: Number, required: true, min: 0, validate: int },
    discountMinor: { type: Number, default: 0, min: 0, validate: int },
    shippingMinor: { type: Number, default: 0, min: 0, validate: int },
    taxMinor: { type: Number, default: 0, min: 0, validate: int },
    totalMinor: { type: Number, required: true, min: 0, validate: int },
    refundedMinor: { type: Number, default: 0, min: 0, validate: int },
    placedAt: { type: Date, required: true },
    source: { type: String, enum: ['API', 'IMPORT'], default: 'API' },
    revision: { type: Number, default: 0 },
  },
  { collection: 'orders', timestamps: true, versionKey: false },
);

// Order numbers are what customers quote: one order per number (CONFLICT on a duplicate import).
orderSchema.index({ orderNumber: 1 }, { unique: true });
// Customer.orders (newest first, keyset on placedAt/_id), purchaseStats and purchase summaries per customer.
orderSchema.index({ customerId: 1, placedAt: -1, _id: -1 });
// Back-office lists by status and the refit's scan of a time window.
orderSchema.index({ status: 1, placedAt: -1 });
orderSchema.index({ placedAt: 1 });

export type OrderModel = Model<OrderDoc>;

export function orderModel(connection: Connection): OrderModel {
  return connection.model<OrderDoc>('Order', orderSchema);
}
