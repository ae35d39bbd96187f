import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import { TouchpointChannel } from '../touchpoint/touchpoint.enums';
import { CampaignObjective, CampaignStatus } from './campaign.enums';

export interface CampaignDoc {
  _id: string;
  name: string;
  /** Lower-cased name: campaign names are unique regardless of case. */
  nameKey: string;
  channel: TouchpointChannel;
  objective: CampaignObjective;
  status: CampaignStatus;
  startsAt?: Date;
  endsAt?: Date;
  description?: string;
  /** What the campaign cost (media, production), for ROAS; absent when unknown. */
  costMinor?: number;
  costCurrency?: string;
  createdAt: Date;
  updatedAt: Date;
}

const enumOf = (e: object) => Object.values(e) as string[];

export const campaignSchema = new Schema<CampaignDoc>(
  {
    _id: { type: String, default: () => newId('cmp') },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    nameKey: { type: String, required: true },
    channel: { type: String, enum: enumOf(TouchpointChannel), required: true },
    objective: { type: String, enum: enumOf(CampaignObjective), required: true },
    status: { type: String, enum: enumOf(CampaignStatus), required: true },
    startsAt: Date,
    endsAt: Date,
    description: { type: String, maxlength: 2000 },
    costMinor: { type: Number, min: 0 },
    costCurrency: { type: String, match: /^[A-Z]{3}$/ },
  },
  { collection: 'campaigns', timestamps: true, versionKey: false },
);

campaignSchema.index({ nameKey: 1 }, { unique: true });
// campaigns(first, after, filter): newest first, optionally by status / channel / objective.
campaignSchema.index({ createdAt: -1, _id: -1 });
campaignSchema.index({ status: 1, createdAt: -1, _id: -1 });
campaignSchema.index({ channel: 1, createdAt: -1, _id: -1 });

export type CampaignModel = Model<CampaignDoc>;

export function campaignModel(connection: Connection): CampaignModel {
  return connection.model<CampaignDoc>('Campaign', campaignSchema);
}
