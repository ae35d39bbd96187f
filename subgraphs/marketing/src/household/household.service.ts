import type { AnyBulkWriteOperation } from 'mongoose';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import { CustomerStatus } from '../customer/customer.enums';
import type { CustomerDoc, CustomerModel } from '../customer/customer.model';
import { groupHouseholds, type IdentityConfigInput } from '../identity';
import { engineCall } from '../matching/identity-engine.adapter';
import { toIdentityProfile } from '../matching/identity-profile.mapper';
import { IDENTITY_FIELDS } from '../matching/matching.service';

/** Household ids the engine assigns; any other `householdId` was set by hand and is left alone. */
export const COMPUTED_HOUSEHOLD_PREFIX = 'hh_';

export interface HouseholdRecomputeResult {
  profiles: number;
  households: number;
  profilesInHouseholds: number;
  /** Profiles whose stored household id changed (set, moved or cleared). */
  updated: number;
  /** Profiles kept in a household set by hand although the rules would group them otherwise. */
  manualKept: number;
  durationMs: number;
}

/**
 * Households group live profiles without merging them (same dwelling and family name, or a shared
 * landline: the engine's rules), counting the duplicates the last search found as one person. The
 * grouping is stored as `householdId`, so `Customer.household` is one indexed query per request.
 */
export class HouseholdService {
  constructor(
    private readonly customers: CustomerModel,
    private readonly config: IdentityConfigInput = {},
    /** Profiles known to be one person and not merged yet (the last duplicate search's clusters). */
    private readonly samePerson: () => Promise<string[][]> = async () => [],
  ) {}

  /** Members (live profiles) of many households in one query. */
  async membersOf(householdIds: readonly string[]): Promise<CustomerDoc[]> {
    return this.customers
      .find(trustedFilter({ householdId: { $in: [...householdIds] }, status: CustomerStatus.ACTIVE }))
      .sort({ createdAt: 1, _id: 1 })
      .lean<CustomerDoc[]>();
  }

  async recompute(): Promise<HouseholdRecomputeResult> {
    const started = performance.now();
    const docs = await this.customers
      .find({ status: CustomerStatus.ACTIVE }, IDENTITY_FIELDS)
      .lean<CustomerDoc[]>();
    // Over people, not profiles: two unmerged profiles of one person are no household.
    const samePerson = await this.samePerson();
    const result = engineCall(() => groupHouseholds(docs.map(toIdentityProfile), this.config, samePerson));
    const ops: AnyBulkWriteOperation<CustomerDoc>[] = [];
    let manualKept = 0;
    for (const d of docs) {
      const computed = result.householdOf[d._id];
      const current = d.householdId;
      if (current && !current.startsWith(COMPUTED_HOUSEHOLD_PREFIX)) {
        if (computed) manualKept++;
        continue;
      }
      if (computed === current) continue;
      // No revision bump: a household id is derived data, and concurrent profile edits must not fail on it.
      ops.push({
        updateOne: {
          filter: { _id: d._id },
          update: computed ? { $set: { householdId: computed } } : { $unset: { householdId: 1 } },
        },
      });
    }
    for (let i = 0; i < ops.length; i += 1000) {
      await this.customers.bulkWrite(ops.slice(i, i + 1000), { ordered: false, timestamps: false });
    }
    return {
      profiles: docs.length,
      households: result.stats.households,
      profilesInHouseholds: result.stats.profilesInHouseholds,
      updated: ops.length,
      manualKept,
      durationMs: Math.round(performance.now() - started),
    };
  }
}
