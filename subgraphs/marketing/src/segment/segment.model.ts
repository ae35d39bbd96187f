import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import type { ConsentChannel, ConsentPurpose } from '../consent/consent.enums';
import type { AgeBand, CustomerGender } from '../customer/customer.enums';
import { SegmentKind } from './segment.enums';

export interface SegmentRules {
  countries?: string[];
  cities?: string[];
  ageBands?: AgeBand[];
  genders?: CustomerGender[];
  /** Primary language subtags (`hu` matches `hu-HU`). */
  languages?: string[];
  /** Every listed channel/purpose must be granted. */
  consents?: { channel: ConsentChannel; purpose: ConsentPurpose }[];
  createdAfter?: Date;
  createdBefore?: Date;
  hasEmail?: boolean;
  hasPhone?: boolean;
}

export interface SegmentDoc {
  _id: string;
  name: string;
  nameKey: string;
  description?: string;
  kind: SegmentKind;
  rules?: SegmentRules;
  createdAt: Date;
  updatedAt: Date;
}

export const segmentSchema = new Schema<SegmentDoc>(
  {
    _id: { type: String, default: () => newId('seg') },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    nameKey: { type: String, required: true },
    description: { type: String, maxlength: 2000 },
    kind: { type: String, enum: Object.values(SegmentKind), required: true },
    rules: { type: Schema.Types.Mixed },
  },
  { collection: 'segments', timestamps: true, versionKey: false },
);

segmentSchema.index({ nameKey: 1 }, { unique: true });

export type SegmentModel = Model<SegmentDoc>;

export function segmentModel(connection: Connection): SegmentModel {
  return connection.model<SegmentDoc>('Segment', segmentSchema);
}
