import type { QueryFilter } from 'mongoose';
import { badInput } from '../../../../shared/errors';
import type { Clock } from '../../../../shared/time/clock';
import { trustedFilter } from '../../../../shared/mongo/trusted-filter';
import { CustomerStatus, IdentifierKind } from '../customer/customer.enums';
import type { CustomerDoc, CustomerModel } from '../customer/customer.model';
import {
  blockingKeys,
  matchCandidates,
  MODEL_VERSION,
  parseFullName,
  priorIdentityModel,
  resolveIdentity,
  resolveIdentityConfig,
  type IdentityConfig,
  type IdentityConfigInput,
  type IdentityModel,
  type IdentityProfile,
  type ResolveIdentityQuery,
  type ResolveIdentityResult,
  type ScoredPair,
} from '../identity';
import { normalizeEmail, normalizePhone } from '../customer/identifier.normalize';
import { searchDuplicatesInWorker } from './duplicate-search-in-worker';
import { engineCall } from './identity-engine.adapter';
import { toIdentityModelView } from './identity-model.mapper';
import type { IdentityModelView } from './identity-model.type';
import type { StoredIdentityModel } from './identity-job.model';
import { toIdentityProfile } from './identity-profile.mapper';

/** Below this many live profiles the data cannot teach EM (nor sample u) much: the engine's prior model is used. */
export const MIN_TRAINING_PROFILES = 1000;
/** Candidates scored per real-time request: blocks are small; this only bounds a pathological key. */
export const MAX_CANDIDATES = 300;

/** Fields the engine reads (projection for bulk reads). */
export const IDENTITY_FIELDS = {
  _id: 1,
  givenName: 1,
  familyName: 1,
  emails: 1,
  phones: 1,
  identifiers: 1,
  address: 1,
  birthDate: 1,
  createdAt: 1,
  householdId: 1,
  blockingKeys: 1,
} as const;

/**
 * Real-time matching (resolveIdentity, matchCandidates): candidates come from the database through the
 * stored blocking keys and identifiers (one query), the engine scores them with the stored model.
 * The model is process-wide state (see IdentityRuntime), so it lives outside the per-request service.
 */
/** The model real-time matching scores with, and where it came from (the `identityModel` query). */
export interface CurrentIdentityModel {
  model: IdentityModel;
  trainedOn: 'customers' | 'prior';
  /** Live profiles it was trained on (0 for the prior model). */
  profiles: number;
  trainedAt: Date;
}

export class IdentityRuntime {
  private current?: Promise<CurrentIdentityModel>;
  /** Validated once here: a bad setting fails at start, not at the first lookup. */
  readonly settings: IdentityConfig;

  constructor(
    private readonly customers: CustomerModel,
    private readonly stored: StoredIdentityModel,
    private readonly clock: Clock,
    readonly config: IdentityConfigInput = {},
  ) {
    this.settings = engineCall(() => resolveIdentityConfig(config));
  }

  /** The latest stored model; trained (and stored) on first use when there is none. */
  async currentModel(): Promise<IdentityModel> {
    return (await this.currentWithOrigin()).model;
  }

  currentWithOrigin(): Promise<CurrentIdentityModel> {
    this.current ??= this.loadOrTrain().catch((err) => {
      this.current = undefined;
      throw err;
    });
    return this.current;
  }

  async saveModel(
    model: IdentityModel,
    trainedOn: 'customers' | 'prior',
    profiles: number,
  ): Promise<CurrentIdentityModel> {
    const trainedAt = this.clock();
    await this.stored.create({
      _id: `idm_${trainedAt.getTime().toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
      modelJson: JSON.stringify(model),
      trainedOn,
      profiles,
      createdAt: trainedAt,
    });
    const current = { model, trainedOn, profiles, trainedAt };
    this.current = Promise.resolve(current);
    return current;
  }

  /** Training is the engine's whole batch run: in a worker thread, like the duplicate search. */
  private async train(profiles: IdentityProfile[]): Promise<IdentityModel> {
    return (await searchDuplicatesInWorker({ profiles, config: this.config })).model;
  }

  private async loadOrTrain(): Promise<CurrentIdentityModel> {
    const latest = await this.stored.findOne().sort({ createdAt: -1, _id: -1 }).lean();
    if (latest) {
      const stored = JSON.parse(latest.modelJson) as IdentityModel;
      // A model of an older engine (other comparison levels) cannot score: train anew instead.
      if (stored.version === MODEL_VERSION) {
        return {
          model: stored,
          trainedOn: latest.trainedOn,
          profiles: latest.profiles,
          trainedAt: latest.createdAt,
        };
      }
    }
    const count = await this.customers.countDocuments({ status: CustomerStatus.ACTIVE });
    if (count >= MIN_TRAINING_PROFILES) {
      const docs = await this.customers
        .find({ status: CustomerStatus.ACTIVE }, IDENTITY_FIELDS)
        .lean<CustomerDoc[]>();
      const model = await this.train(docs.map(toIdentityProfile));
      return this.saveModel(model, 'customers', docs.length);
    }
    const model = engineCall(() => priorIdentityModel(this.config));
    return this.saveModel(model, 'prior', 0);
  }

  /** Live profiles sharing a blocking key or an identifier with `profile` (one query). */
  async candidatesFor(profile: IdentityProfile): Promise<CustomerDoc[]> {
    const keys = engineCall(() => blockingKeys(profile, this.config));
    const or: QueryFilter<CustomerDoc>[] = [];
    if (keys.length) or.push({ blockingKeys: { $in: keys } });
    // Identifiers directly too: profiles written before blocking keys existed still match on them.
    if (profile.emails.length) or.push({ 'emails.normalized': { $in: profile.emails } });
    if (profile.phones.length) or.push({ 'phones.number': { $in: profile.phones } });
    for (const [list, kinds] of [
      [profile.externalIds, [IdentifierKind.EXTERNAL_ID, IdentifierKind.LOYALTY_CARD]],
      [profile.deviceIds, [IdentifierKind.DEVICE_ID, IdentifierKind.COOKIE_ID]],
    ] as const) {
      for (const value of list) {
        const i = value.indexOf(':');
        const kind = value.slice(0, i).toUpperCase();
        if ((kinds as readonly string[]).includes(kind)) {
          or.push({ identifiers: { $elemMatch: { kind, normalized: value.slice(i + 1) } } });
        }
      }
    }
    if (or.length === 0) return [];
    return this.customers
      .find(trustedFilter({ status: CustomerStatus.ACTIVE, $or: or }), IDENTITY_FIELDS)
      .limit(MAX_CANDIDATES)
      .lean<CustomerDoc[]>();
  }
}

export interface ResolveIdentityArgs {
  email?: string | null;
  phone?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  fullName?: string | null;
  address?: IdentityProfile['address'] | null;
  birthDate?: string | null;
  externalId?: string | null;
  loyaltyCard?: string | null;
  deviceId?: string | null;
}

const orUndefined = (v: string | null | undefined) => (v == null || v.trim() === '' ? undefined : v);

export class MatchingService {
  constructor(
    private readonly runtime: IdentityRuntime,
    private readonly defaultPhoneRegion = 'HU',
  ) {}

  /** The best live customer for what an unknown contact told us, with explanation; or none. */
  async resolve(args: ResolveIdentityArgs): Promise<ResolveIdentityResult> {
    const query: ResolveIdentityQuery = {
      email: orUndefined(args.email),
      phone: orUndefined(args.phone),
      givenName: orUndefined(args.givenName),
      familyName: orUndefined(args.familyName),
      name: orUndefined(args.fullName),
      address: args.address ?? undefined,
      birthDate: orUndefined(args.birthDate),
      externalId: args.externalId
        ? `external_id:${args.externalId.trim()}`
        : args.loyaltyCard
          ? `loyalty_card:${args.loyaltyCard.replace(/[\s-]/g, '').toUpperCase()}`
          : undefined,
      deviceId: args.deviceId ? `device_id:${args.deviceId.trim().toLowerCase()}` : undefined,
    };
    if (args.externalId && args.loyaltyCard) {
      throw badInput('loyaltyCard', 'give either externalId or loyaltyCard, not both');
    }
    const model = await this.runtime.currentModel();
    // Scoring against no candidates validates the query (BAD_USER_INPUT naming the field) before any query.
    engineCall(() => resolveIdentity(query, [], model, this.runtime.config));
    const candidates = await this.runtime.candidatesFor(this.queryProfile(query));
    return engineCall(() =>
      resolveIdentity(query, candidates.map(toIdentityProfile), model, this.runtime.config),
    );
  }

  /** The current model (trained or stored on first use) and the settings in force. */
  async modelView(): Promise<IdentityModelView> {
    return toIdentityModelView(await this.runtime.currentWithOrigin(), this.runtime.settings);
  }

  /**
   * Candidates of one profile, best first (the review of a single customer): those at or above the review
   * threshold, or at or above `minScore` when given (which may list pairs the engine would not propose).
   */
  async candidatesOf(
    customer: CustomerDoc,
    page: { first: number; offset: number; minScore?: number },
  ): Promise<ScoredPair[]> {
    const profile = toIdentityProfile(customer);
    const [model, candidates] = await Promise.all([
      this.runtime.currentModel(),
      this.runtime.candidatesFor(profile),
    ]);
    const scored = engineCall(() =>
      matchCandidates(
        profile,
        candidates.filter((c) => c._id !== customer._id).map(toIdentityProfile),
        model,
        this.runtime.config,
      ),
    );
    const { minScore } = page;
    return scored
      .filter((s) => (minScore === undefined ? s.decision !== 'none' : s.probability >= minScore))
      .slice(page.offset, page.offset + page.first);
  }

  /** The query as a profile in the shapes stored on customers (E.164 phones, normalized emails). */
  private queryProfile(q: ResolveIdentityQuery): IdentityProfile {
    const names = q.name && !q.givenName && !q.familyName ? parseFullName(q.name) : q;
    const email = q.email ? normalizeEmail(q.email) : undefined;
    const phone = q.phone ? normalizePhone(q.phone, this.defaultPhoneRegion) : undefined;
    return {
      id: 'query',
      givenName: names.givenName,
      familyName: names.familyName,
      emails: email?.ok ? [email.value] : [],
      phones: phone?.ok ? [phone.value] : [],
      externalIds: q.externalId ? [q.externalId] : [],
      deviceIds: q.deviceId ? [q.deviceId] : [],
      address: q.address,
      birthDate: q.birthDate,
    };
  }
}

/** Background work of this process (identity jobs), so shutdown and tests can wait for it. */
export class JobTracker {
  private readonly running = new Set<Promise<unknown>>();

  track(work: Promise<unknown>): void {
    const p = work.finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
