import { badInput, conflict } from '../../../../shared/errors';
import type { Clock } from '../../../../shared/time/clock';
import { IdentifierKind } from '../customer/customer.enums';
import type { CustomerService } from '../customer/customer.service';
import { normalizeEmail } from '../customer/identifier.normalize';
import type { RecordReferralInput } from './referral.input';
import type { ReferralDoc, ReferralModel } from './referral.model';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';

export class ReferralService {
  constructor(
    private readonly referrals: ReferralModel,
    private readonly customers: CustomerService,
    private readonly clock: Clock,
  ) {}

  async record(input: RecordReferralInput): Promise<ReferralDoc> {
    if (!input.referredEmail && !input.referredCustomerId) {
      throw badInput('referredEmail', 'give referredEmail or referredCustomerId');
    }
    const now = this.clock();
    const referredAt = input.referredAt ?? now;
    if (referredAt.getTime() > now.getTime() + 5 * 60_000)
      throw badInput('referredAt', 'must not be in the future');
    const referrer = await this.customers.getActive(input.referrerId);

    let email: string | undefined;
    if (input.referredEmail) {
      const n = normalizeEmail(input.referredEmail);
      if (!n.ok) throw badInput('referredEmail', n.reason);
      email = n.value;
    }
    let referredId = input.referredCustomerId ?? undefined;
    if (referredId) {
      const referred = await this.customers.getActive(referredId);
      if (email && !referred.emails.some((e) => e.normalized === email)) {
        throw badInput('referredEmail', `is not an email of customer ${referredId}`);
      }
    } else if (email) {
      // Link to the profile that already owns the email, so the referral counts for that person.
      referredId = (await this.customers.findByIdentifier(IdentifierKind.EMAIL, email, 1))[0]?._id;
    }
    if (referredId === referrer._id || (email && referrer.emails.some((e) => e.normalized === email))) {
      throw badInput(
        input.referredCustomerId ? 'referredCustomerId' : 'referredEmail',
        'a customer cannot refer themselves',
      );
    }
    const referredKey = referredId ? `customer:${referredId}` : `email:${email}`;
    const keys = [referredKey, ...(email ? [`email:${email}`] : [])];
    if (
      await this.referrals.exists(trustedFilter({ referrerId: referrer._id, referredKey: { $in: keys } }))
    ) {
      throw conflict('This referral was already recorded', {
        field: input.referredCustomerId ? 'referredCustomerId' : 'referredEmail',
      });
    }
    const doc = await this.referrals.create({
      referrerId: referrer._id,
      referredEmail: email,
      referredCustomerId: referredId,
      referredKey,
      referredAt,
    });
    return doc.toObject();
  }

  async forReferrers(referrerIds: readonly string[]): Promise<ReferralDoc[]> {
    return this.referrals
      .find(trustedFilter({ referrerId: { $in: referrerIds } }))
      .sort({ referrerId: 1, referredAt: -1, _id: -1 })
      .lean<ReferralDoc[]>();
  }
}
