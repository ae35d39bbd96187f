import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';

export interface CustomerEmail {
  address: string;
  /** Lower-cased, trimmed: the key identity look-ups use. */
  normalized: string;
  primary: boolean;
}

export interface CustomerDoc {
  _id: string;
  givenName?: string;
  familyName?: string;
  emails: CustomerEmail[];
  language?: string;
  timeZone?: string;
  createdAt: Date;
  updatedAt: Date;
}

export const customerSchema = new Schema<CustomerDoc>(
  {
    _id: { type: String, default: () => newId('cus') },
    givenName: { type: String, trim: true, maxlength: 100 },
    familyName: { type: String, trim: true, maxlength: 100 },
    emails: [
      {
        _id: false,
        address: { type: String, required: true },
        normalized: { type: String, required: true },
        primary: { type: Boolean, default: false },
      },
    ],
    language: { type: String },
    timeZone: { type: String },
  },
  { collection: 'customers', timestamps: true, versionKey: false },
);

// One email belongs to one profile: duplicates are merged, not stored twice (CONFLICT on create).
customerSchema.index({ 'emails.normalized': 1 }, { unique: true, sparse: true });
// Keyset pagination of `customers(...)` sorted by creation / name.
customerSchema.index({ createdAt: -1, _id: -1 });

export type CustomerModel = Model<CustomerDoc>;

export function customerModel(connection: Connection): CustomerModel {
  return connection.model<CustomerDoc>('Customer', customerSchema);
}
