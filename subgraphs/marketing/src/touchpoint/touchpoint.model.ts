import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import { CampaignObjective } from '../campaign/campaign.enums';
import { TouchpointChannel, TouchpointType } from './touchpoint.enums';

export interface TouchpointDoc {
  _id: string;
  customerId: string;
  channel: TouchpointChannel;
  type: TouchpointType;
  campaignId?: string;
  /** Copied from the campaign when recorded, so engagement can count education without a join. */
  campaignObjective?: CampaignObjective;
  occurredAt: Date;
  properties?: Record<string, unknown>;
  /** The sender's id for the event; recording the same event twice is a CONFLICT. */
  eventId?: string;
  /** The system that reported it (`web-sdk`, `esp`, `pos`). */
  source?: string;
  createdAt: Date;
}

const enumOf = (e: object) => Object.values(e) as string[];

export const touchpointSchema = new Schema<TouchpointDoc>(
  {
    _id: { type: String, default: () => newId('tch') },
    customerId: { type: String, required: true },
    channel: { type: String, enum: enumOf(TouchpointChannel), required: true },
    type: { type: String, enum: enumOf(TouchpointType), required: true },
    campaignId: String,
    campaignObjective: { type: String, enum: enumOf(CampaignObjective) },
    occurredAt: { type: Date, required: true },
    properties: { type: Schema.Types.Mixed },
    eventId: { type: String, maxlength: 128 },
    source: { type: String, maxlength: 64 },
  },
  {
    collection: 'touchpoints',
    timestamps: { createdAt: true, updatedAt: false },
    versionKey: false,
    minimize: false,
  },
);

// Customer.touchpoints (newest first, keyset) and the engagement aggregation ($match on customerId).
touchpointSchema.index({ customerId: 1, occurredAt: -1, _id: -1 });
// Customer.touchpoints(channel: …).
touchpointSchema.index({ customerId: 1, channel: 1, occurredAt: -1, _id: -1 });
// Idempotency of event ingestion.
touchpointSchema.index(
  { eventId: 1 },
  { unique: true, partialFilterExpression: { eventId: { $gt: '' } }, name: 'event_id_unique' },
);

export type TouchpointModel = Model<TouchpointDoc>;

export function touchpointModel(connection: Connection): TouchpointModel {
  return connection.model<TouchpointDoc>('Touchpoint', touchpointSchema);
}
