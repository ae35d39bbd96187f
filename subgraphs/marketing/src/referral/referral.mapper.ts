import type { ReferralDoc } from './referral.model';
import type { Referral } from './referral.type';

export function toReferral(doc: ReferralDoc): Referral {
  return {
    id: doc._id,
    referredEmail: doc.referredEmail ?? null,
    referredCustomerId: doc.referredCustomerId ?? null,
    referredAt: doc.referredAt,
  };
}
