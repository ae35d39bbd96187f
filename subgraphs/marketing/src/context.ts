import DataLoader from 'dataloader';
import {
  createByIdLoader,
  createGroupLoader,
  createParamGroupLoader,
} from '../../../shared/dataloader/loaders';
import type { EventOutbox } from '../../../shared/events';
import { CustomerIdentities, mergePages } from '../../../shared/federation/customer-identities';
import { AdvocacyService } from './advocacy/advocacy.service';
import type { AttributionModel } from './attribution/attribution.enums';
import type { OrderAttributionDoc } from './attribution/attribution.model';
import {
  AttributionService,
  DEFAULT_ATTRIBUTION_SETTINGS,
  type AttributionSettings,
} from './attribution/attribution.service';
import { CampaignService } from './campaign/campaign.service';
import { systemClock, type Clock } from '../../../shared/time/clock';
import type { CustomerDoc } from './customer/customer.model';
import { toCustomer } from './customer/customer.mapper';
import { CustomerImportService } from './customer/customer-import.service';
import { CustomerService } from './customer/customer.service';
import type { Customer } from './customer/customer.type';
import { EngagementService } from './engagement/engagement.service';
import type { Logger } from '../../../shared/logger/logger';
import { HouseholdService } from './household/household.service';
import type { IdentityConfigInput } from './identity';
import { IdentityJobKind } from './matching/identity-job.model';
import { IdentityJobService } from './matching/identity-job.service';
import { IdentityRuntime, JobTracker, MatchingService } from './matching/matching.service';
import { MergeService, type MergeStepHook } from './merge/merge.service';
import type { MarketingModels } from './models';
import { ReferralService } from './referral/referral.service';
import { ReviewService } from './review/review.service';
import type { SegmentDoc } from './segment/segment.model';
import { SegmentService } from './segment/segment.service';
import { SurveyAnswerService } from './survey/survey-answer.service';
import { marketingTimelineCollections } from './timeline/timeline.sources';
import {
  TouchpointService,
  type TouchpointPage,
  type TouchpointPageParams,
} from './touchpoint/touchpoint.service';

export interface MarketingOptions {
  /** Change events are written through it, in the transaction of the change. */
  outbox: EventOutbox;
  clock?: Clock;
  /** Region for phone numbers written without a country code when the profile has no country. */
  defaultPhoneRegion?: string;
  /** Who is asking (the verified principal's subject); recorded on merges. */
  actor?: string;
  /** Test seam of merges (see MergeService). */
  mergeHook?: MergeStepHook;
  logger?: Logger;
  /** Lookback window and time-decay half-life of attribution (config: MARKETING_ATTRIBUTION_*). */
  attribution?: AttributionSettings;
  /** Identity engine settings (config: MARKETING_IDENTITY_*); the engine's defaults when absent. */
  identity?: IdentityConfigInput;
}

/** Process-wide identity state per database: the trained model and running jobs (not per request). */
export interface IdentityState {
  runtime: IdentityRuntime;
  tracker: JobTracker;
}
const identityStates = new WeakMap<MarketingModels['customers'], IdentityState>();

export function identityStateOf(
  models: MarketingModels,
  clock: Clock = systemClock,
  config: IdentityConfigInput = {},
): IdentityState {
  let state = identityStates.get(models.customers);
  if (!state) {
    state = {
      runtime: new IdentityRuntime(models.customers, models.identityModels, clock, config),
      tracker: new JobTracker(),
    };
    identityStates.set(models.customers, state);
  }
  return state;
}

export function createServices(models: MarketingModels, options: MarketingOptions) {
  const clock = options.clock ?? systemClock;
  const customers = new CustomerService(models.customers, {
    outbox: options.outbox,
    clock,
    defaultPhoneRegion: options.defaultPhoneRegion,
  });
  const identity = identityStateOf(models, clock, options.identity);
  const merges = new MergeService(models.customers, models.merges, clock, options.mergeHook);
  const identityJobs = new IdentityJobService(
    models.customers,
    models.identityJobs,
    identity.runtime,
    merges,
    identity.tracker,
    clock,
    options.logger,
  );
  return {
    customers,
    customerImport: new CustomerImportService(models.customers, customers),
    touchpoints: new TouchpointService(
      models.touchpoints,
      models.campaigns,
      customers,
      options.outbox,
      clock,
    ),
    campaigns: new CampaignService(models.campaigns),
    segments: new SegmentService(models.segments),
    surveyAnswers: new SurveyAnswerService(models.surveyAnswers, customers, options.outbox, clock),
    referrals: new ReferralService(models.referrals, customers, clock),
    reviews: new ReviewService(models.reviews, customers, clock),
    engagement: new EngagementService(models.touchpoints),
    advocacy: new AdvocacyService(models),
    merges,
    matching: new MatchingService(identity.runtime, options.defaultPhoneRegion),
    identityJobs,
    households: new HouseholdService(models.customers, identity.runtime.config, async () => {
      const job = await identityJobs.latestSucceeded(IdentityJobKind.FIND_DUPLICATES);
      return job?.autoMergeClusters ?? [];
    }),
    /** Marketing's collections on Customer.timeline. */
    timeline: marketingTimelineCollections(models),
    attribution: new AttributionService(
      models,
      models.touchpoints,
      models.customers,
      options.attribution ?? DEFAULT_ATTRIBUTION_SETTINGS,
      clock,
    ),
  };
}

export type MarketingServices = ReturnType<typeof createServices>;

const isDoc = (v: CustomerDoc | Error | null): v is CustomerDoc => !!v && !(v instanceof Error);

/**
 * One set of loaders per request, never shared: caches must not leak between users. Each list-shaped
 * field of Customer goes through one of these, so a page of N customers costs one query per collection.
 */
export function createLoaders(
  services: MarketingServices,
  clock: Clock = systemClock,
  identities: CustomerIdentities = new CustomerIdentities(),
) {
  /** A loader of each customer's rows (merged-away ids included), one query for the whole request. */
  const rowsOf = <T>(fetch: (ids: readonly string[]) => Promise<T[]>, idOf: (row: T) => string) =>
    new DataLoader<string, T[]>(async (ids) => {
      const byCustomer = await identities.grouped(ids, fetch, idOf);
      return ids.map((id) => byCustomer.get(id) ?? []);
    });
  const customerById = createByIdLoader(
    (ids) => services.customers.findMany(ids),
    (c) => c._id,
  );
  let segments: Promise<SegmentDoc[]> | undefined;
  return {
    customerById,
    campaignById: createByIdLoader(
      (ids) => services.campaigns.findMany(ids),
      (c) => c._id,
    ),
    touchpointPages: createParamGroupLoader<TouchpointPageParams, TouchpointPage>((ids, params) =>
      identities.perCustomer(
        ids,
        (all) => services.touchpoints.pages(all, params),
        (parts) => ({
          rows: mergePages(
            parts.map((p) => p.rows),
            params.first + 1,
            (t) => t.occurredAt,
          ),
          totalCount: parts.reduce((n, p) => n + p.totalCount, 0),
        }),
      ),
    ),
    surveyAnswersByCustomer: rowsOf(
      (ids) => services.surveyAnswers.forCustomers(ids),
      (a) => a.customerId,
    ),
    referralsByReferrer: rowsOf(
      (ids) => services.referrals.forReferrers(ids),
      (r) => r.referrerId,
    ),
    reviewsByCustomer: rowsOf(
      (ids) => services.reviews.forCustomers(ids),
      (r) => r.customerId,
    ),
    engagement: createByIdLoader(
      async (ids) => {
        // Profiles are already in the loader (primed when presented), so this costs no extra query.
        const docs = (await customerById.loadMany(ids)).filter(isDoc);
        // Touchpoints under merged-away ids count for the survivor, in the same single aggregation.
        const subjects = docs.map((d) => ({
          id: d._id,
          ids: identities.idsOf(d._id),
          timeZone: d.timeZone,
          createdAt: d.createdAt,
        }));
        const byId = await services.engagement.forCustomers(subjects, clock());
        return [...byId].map(([customerId, e]) => ({ customerId, ...e }));
      },
      (e) => e.customerId,
    ),
    advocacy: createByIdLoader(
      async (ids) =>
        [...(await services.advocacy.forCustomers(ids, (id) => identities.idsOf(id)))].map(
          ([customerId, a]) => ({ customerId, ...a }),
        ),
      (a) => a.customerId,
    ),
    /** Merges each customer took part in (one query for the whole request). */
    mergeHistory: createGroupLoader(
      (ids) => services.merges.historyOf(ids),
      (m) => [...new Set([m.survivorId, ...m.mergedIds])],
    ),
    householdMembers: createGroupLoader(
      (ids) => services.households.membersOf(ids),
      (c) => c.householdId ?? '',
    ),
    /** Attribution of many orders under one model: one query per model asked for in the request. */
    orderAttribution: createParamGroupLoader<AttributionModel, OrderAttributionDoc>(
      async (orderIds, model) => {
        const docs = await services.attribution.forOrders(orderIds, model);
        return new Map(docs.map((d) => [d.orderId, d]));
      },
    ),
    /** Segments are few; read once per request and evaluated in memory for every customer. */
    allSegments: () => (segments ??= services.segments.listAll()),
  };
}

export type MarketingLoaders = ReturnType<typeof createLoaders>;

export interface MarketingContext {
  services: MarketingServices;
  loaders: MarketingLoaders;
  clock: Clock;
  /** The verified principal's subject, else `system`. */
  actor: string;
  /** Maps a profile for output and remembers it in the request's loader (field resolvers reuse it). */
  present(doc: CustomerDoc): Customer;
}

export function createContext(models: MarketingModels, options: MarketingOptions): MarketingContext {
  const clock = options.clock ?? systemClock;
  const services = createServices(models, options);
  const identities = new CustomerIdentities();
  const loaders = createLoaders(services, clock, identities);
  return {
    services,
    loaders,
    clock,
    actor: options.actor ?? 'system',
    present(doc) {
      // A write returns the new version: replace what the loader may hold from earlier in the request.
      loaders.customerById.clear(doc._id).prime(doc._id, doc);
      identities.register({ id: doc._id, mergedIds: doc.mergedIds });
      return toCustomer(doc);
    },
  };
}
