import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';

export interface ReferralDoc {
  _id: string;
  referrerId: string;
  /** Normalized email of the person invited, when the referral was by email. */
  referredEmail?: string;
  /** The referred person's profile, once known. */
  referredCustomerId?: string;
  /** `customer:<id>` or `email:<address>`: one referral per referrer and person. */
  referredKey: string;
  referredAt: Date;
  createdAt: Date;
}

export const referralSchema = new Schema<ReferralDoc>(
  {
    _id: { type: String, default: () => newId('ref') },
    referrerId: { type: String, required: true },
    referredEmail: { type: String, maxlength: 254 },
    referredCustomerId: String,
    referredKey: { type: String, required: true },
    referredAt: { type: Date, required: true },
  },
  { collection: 'referrals', timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);

// Customer.referrals and advocacy's referral count.
referralSchema.index({ referrerId: 1, referredAt: -1 });
referralSchema.index({ referrerId: 1, referredKey: 1 }, { unique: true });

export type ReferralModel = Model<ReferralDoc>;

export function referralModel(connection: Connection): ReferralModel {
  return connection.model<ReferralDoc>('Referral', referralSchema);
}
