import { Schema, type Connection, type Model } from 'mongoose';
import { AttributionModel } from './attribution.enums';

/**
 * Marketing's copy of what it needs to know about an order, kept from sales' order and return events
 * (no subgraph calls another): enough to tell whether it is a purchase and what it earned.
 */
export interface ConversionDoc {
  /** The sales order id. */
  _id: string;
  customerId: string;
  orderNumber: string;
  placedAt: Date;
  status: string;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  updatedAt: Date;
}

export const conversionSchema = new Schema<ConversionDoc>(
  {
    _id: { type: String, required: true },
    customerId: { type: String, required: true },
    orderNumber: { type: String, required: true },
    placedAt: { type: Date, required: true },
    status: { type: String, required: true },
    currency: { type: String, required: true },
    totalMinor: { type: Number, required: true, min: 0 },
    refundedMinor: { type: Number, default: 0, min: 0 },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'attribution_conversions', versionKey: false },
);
// A person's orders (incremental recompute after an order event).
conversionSchema.index({ customerId: 1, placedAt: 1 });

export interface CreditRow {
  touchpointId: string | null;
  channel: string | null;
  campaignId: string | null;
  share: number;
  amountMinor: number;
}

/** An order's credits under one model (the unattributed rest of a path-less order has no touchpoint). */
export interface OrderAttributionDoc {
  /** `<orderId>:<model>`. */
  _id: string;
  orderId: string;
  /** The person (survivor) the journey belonged to when it was computed. */
  customerId: string;
  model: AttributionModel;
  placedAt: Date;
  currency: string;
  netRevenueMinor: number;
  credits: CreditRow[];
  computedAt: Date;
}

const creditRowSchema = new Schema<CreditRow>(
  {
    touchpointId: { type: String, default: null },
    channel: { type: String, default: null },
    campaignId: { type: String, default: null },
    share: { type: Number, required: true },
    amountMinor: { type: Number, required: true },
  },
  { _id: false },
);

export const orderAttributionSchema = new Schema<OrderAttributionDoc>(
  {
    _id: { type: String, required: true },
    orderId: { type: String, required: true },
    customerId: { type: String, required: true },
    model: { type: String, enum: Object.values(AttributionModel), required: true },
    placedAt: { type: Date, required: true },
    currency: { type: String, required: true },
    netRevenueMinor: { type: Number, required: true },
    credits: { type: [creditRowSchema], default: [] },
    computedAt: { type: Date, required: true },
  },
  { collection: 'attribution_orders', versionKey: false },
);
// Order.attribution(model) and the replace of a person's orders.
orderAttributionSchema.index({ orderId: 1, model: 1 });
// attributionReport(model, from, to): a range scan per model.
orderAttributionSchema.index({ model: 1, placedAt: 1 });
// Campaign.performance(model, from, to): multikey over the credited campaigns.
orderAttributionSchema.index({ 'credits.campaignId': 1, model: 1, placedAt: 1 });
// The batch's clean-up of orders that are no longer purchases.
orderAttributionSchema.index({ computedAt: 1 });

/** The last fit of the data-driven models (one document), read by the incremental path. */
export interface FitDoc {
  _id: 'current';
  fittedAt: Date;
  lookbackDays: number;
  journeys: number;
  conversionProbability: number;
  removalEffects: Record<string, number>;
  /** Journeys and conversions per channel set (key: channels sorted, joined by "|"). */
  channelSets: { key: string; journeys: number; conversions: number }[];
}

export const fitSchema = new Schema<FitDoc>(
  {
    _id: { type: String, required: true },
    fittedAt: { type: Date, required: true },
    lookbackDays: { type: Number, required: true },
    journeys: { type: Number, required: true },
    conversionProbability: { type: Number, required: true },
    removalEffects: { type: Schema.Types.Mixed, required: true },
    channelSets: { type: [{ _id: false, key: String, journeys: Number, conversions: Number }], default: [] },
  },
  { collection: 'attribution_fits', versionKey: false, minimize: false },
);

export function attributionModels(connection: Connection) {
  return {
    attributionConversions: connection.model<ConversionDoc>('AttributionConversion', conversionSchema),
    attributionOrders: connection.model<OrderAttributionDoc>('OrderAttribution', orderAttributionSchema),
    attributionFits: connection.model<FitDoc>('AttributionFit', fitSchema),
  };
}

export type ConversionModel = Model<ConversionDoc>;
export type AttributionModels = ReturnType<typeof attributionModels>;
