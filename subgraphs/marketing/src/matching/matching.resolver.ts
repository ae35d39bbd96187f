import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../../shared/errors';
import { assertId, ID_PREFIX } from '../common/id.validator';
import type { MarketingContext } from '../context';
import type { CustomerDoc } from '../customer/customer.model';
import { Customer } from '../customer/customer.type';
import { contributionsOf, round, rulesOf } from './identity-engine.adapter';
import { IdentityJobKind, type IdentityJobDoc, type ReviewPairDoc } from './identity-job.model';
import { IdentityModelView } from './identity-model.type';
import { ResolveIdentityInput } from './matching.input';
import {
  DuplicatePair,
  Household,
  HouseholdRecomputeResult,
  IdentityDecision,
  IdentityJob,
  IdentityResolution,
  MatchCandidate,
  toDecision,
} from './matching.type';

const JOB_PREFIX = 'idj';
const MAX_LIST = 100;

function checkFirst(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) {
    throw badInput(field, `must be between 1 and ${MAX_LIST}`);
  }
  return first;
}

/** Pages past the stored review list (or the candidates) are empty, never an error. */
function checkOffset(offset: number): number {
  if (!Number.isInteger(offset) || offset < 0) throw badInput('offset', 'must be an integer ≥ 0');
  return offset;
}

function checkMinScore(minScore: number | null | undefined): number | undefined {
  if (minScore == null) return undefined;
  if (!(minScore >= 0 && minScore <= 1)) throw badInput('minScore', 'must be a probability between 0 and 1');
  return minScore;
}

const OFFSET_DESCRIPTION =
  'Items to skip: page with offset = offset + first until fewer than first come back.';
const MIN_SCORE_DESCRIPTION =
  'Lowest match probability listed (0–1); without it, the review threshold. Lower it to see what lies ' +
  'below the thresholds and choose them from data.';

const stripNulls = <T extends object>(o: T | null | undefined) =>
  o
    ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v != null)) as {
        [K in keyof T]?: NonNullable<T[K]>;
      })
    : undefined;

function toJob(doc: IdentityJobDoc): IdentityJob {
  return {
    id: doc._id,
    kind: doc.kind,
    status: doc.status,
    autoMerge: doc.autoMerge,
    actor: doc.actor,
    startedAt: doc.startedAt,
    finishedAt: doc.finishedAt ?? null,
    error: doc.error ?? null,
    stats: doc.stats ?? null,
    reviewTotal: doc.reviewTotal ?? 0,
    autoMergeClusters: doc.autoMergeClusters ?? [],
    mergeIds: doc.mergeIds ?? [],
    reviewPairs: doc.review ?? [],
  };
}

async function presentById(ctx: MarketingContext, id: string): Promise<Customer | null> {
  const doc: CustomerDoc | null = await ctx.loaders.customerById.load(id);
  return doc ? ctx.present(doc) : null;
}

@Resolver()
export class IdentityResolver {
  @Query(() => IdentityResolution, {
    description:
      'Who an unknown contact (a call, a chat, a new order) most probably is: the best live customer ' +
      'at or above the review threshold with confidence and per-attribute explanation, or a null ' +
      'customer. BAD_USER_INPUT naming the field when nothing usable is given.',
  })
  async resolveIdentity(
    @Arg('input', () => ResolveIdentityInput) input: ResolveIdentityInput,
    @Ctx() ctx: MarketingContext,
  ): Promise<IdentityResolution> {
    const result = await ctx.services.matching.resolve({
      email: input.email,
      phone: input.phone,
      givenName: input.name?.given,
      familyName: input.name?.family,
      fullName: input.name?.full,
      address: stripNulls(input.address),
      birthDate: input.birthDate,
      externalId: input.externalId,
      loyaltyCard: input.loyaltyCard,
      deviceId: input.deviceId,
    });
    const m = result.match;
    const alternatives = await Promise.all(
      result.alternatives.map(async (a) => ({
        customerId: a.customerId,
        customer: await presentById(ctx, a.customerId),
        probability: round(a.probability, 6),
        decision: toDecision(a.decision),
      })),
    );
    return {
      customer: m ? await presentById(ctx, m.customerId) : null,
      confidence: m ? round(m.probability, 6) : null,
      matchWeight: m ? round(m.explanation.matchWeight) : null,
      decision: m ? toDecision(m.explanation.decision) : IdentityDecision.NONE,
      explanation: m ? contributionsOf(m.explanation) : [],
      rules: m ? rulesOf(m.explanation) : [],
      reason: m?.explanation.reason ?? null,
      ambiguous: result.ambiguous,
      alternatives,
    };
  }

  @Query(() => [MatchCandidate], {
    description:
      'Profiles that may be the same person as this customer (review threshold or above, or minScore), ' +
      'best first.',
  })
  async matchCandidates(
    @Arg('customerId', () => ID) customerId: string,
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: OFFSET_DESCRIPTION }) offset: number,
    @Arg('minScore', () => Float, { nullable: true, description: MIN_SCORE_DESCRIPTION })
    minScore?: number | null,
  ): Promise<MatchCandidate[]> {
    const page = { first: checkFirst(first), offset: checkOffset(offset), minScore: checkMinScore(minScore) };
    const doc = await ctx.services.customers.getActive(
      assertId(customerId, ID_PREFIX.customer, 'customerId'),
    );
    const scored = await ctx.services.matching.candidatesOf(doc, page);
    return Promise.all(
      scored.map(async (s) => ({
        customerId: s.right,
        customer: await presentById(ctx, s.right),
        probability: round(s.probability, 6),
        matchWeight: round(s.matchWeight),
        decision: toDecision(s.decision),
        explanation: contributionsOf(s.explanation),
        rules: rulesOf(s.explanation),
        conflicts: [...s.explanation.conflicts],
        reason: s.explanation.reason,
      })),
    );
  }

  @Query(() => IdentityModelView, {
    description:
      'The model resolveIdentity, matchCandidates and the duplicate search score with (its m/u table, ' +
      'EM convergence, trained on what and when) and the thresholds, conflict policy and blocking rules ' +
      'in force. Trains the model first when none is stored yet.',
  })
  async identityModel(@Ctx() ctx: MarketingContext): Promise<IdentityModelView> {
    return ctx.services.matching.modelView();
  }

  @Mutation(() => IdentityJob, {
    description:
      'Starts the duplicate search over every live profile in the background and returns the job at ' +
      'once (status RUNNING); poll `identityJob(id)`. With autoMerge, clusters above the auto-merge ' +
      'threshold are merged (each merge recorded and undoable).',
  })
  async findDuplicates(
    @Ctx() ctx: MarketingContext,
    @Arg('autoMerge', () => Boolean, { defaultValue: false }) autoMerge: boolean,
  ): Promise<IdentityJob> {
    return toJob(await ctx.services.identityJobs.startFindDuplicates({ autoMerge, actor: ctx.actor }));
  }

  @Query(() => IdentityJob, { nullable: true, description: 'A background identity job; null when unknown.' })
  async identityJob(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: MarketingContext,
  ): Promise<IdentityJob | null> {
    const doc = await ctx.services.identityJobs.get(assertId(id, JOB_PREFIX, 'id')).catch(() => null);
    return doc ? toJob(doc) : null;
  }

  @Query(() => [DuplicatePair], {
    description:
      'Pairs to review from a duplicate search (the latest finished one when no jobId), most probable ' +
      'first; pairs already merged or involving a merged-away profile are left out.',
  })
  async duplicateReviewList(
    @Ctx() ctx: MarketingContext,
    @Arg('jobId', () => ID, { nullable: true }) jobId?: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0, description: OFFSET_DESCRIPTION }) offset = 0,
    @Arg('minScore', () => Float, { nullable: true, description: 'Lowest match probability listed (0–1).' })
    minScore?: number | null,
  ): Promise<DuplicatePair[]> {
    const page = { first: checkFirst(first), offset: checkOffset(offset), minScore: checkMinScore(minScore) };
    const job = jobId
      ? await ctx.services.identityJobs.get(assertId(jobId, JOB_PREFIX, 'jobId'))
      : await ctx.services.identityJobs.latestSucceeded(IdentityJobKind.FIND_DUPLICATES);
    return job ? reviewList(ctx, job.review ?? [], page) : [];
  }

  @Mutation(() => HouseholdRecomputeResult, {
    description:
      'Regroups live profiles into households (same address and family name, or a shared landline) and ' +
      'stores their household ids; ids set by hand (not `hh_…`) are kept.',
  })
  async recomputeHouseholds(@Ctx() ctx: MarketingContext): Promise<HouseholdRecomputeResult> {
    return ctx.services.households.recompute();
  }
}

/**
 * Stored pairs → API, skipping pairs no longer actionable (a side merged away since the search); `offset`
 * counts actionable pairs, so pages do not overlap or leave gaps.
 */
async function reviewList(
  ctx: MarketingContext,
  stored: ReviewPairDoc[],
  { first, offset, minScore }: { first: number; offset: number; minScore?: number },
): Promise<DuplicatePair[]> {
  const out: DuplicatePair[] = [];
  // Stored most probable first, so minScore keeps a prefix.
  const pairs = minScore === undefined ? stored : stored.filter((p) => p.probability >= minScore);
  let skip = offset;
  // Scan in slices: each slice's profiles are loaded in one query.
  for (let i = 0; i < pairs.length && out.length < first; i += first * 2) {
    const slice = pairs.slice(i, i + first * 2);
    const docs = await ctx.loaders.customerById.loadMany(slice.flatMap((p) => [p.leftId, p.rightId]));
    const byId = new Map<string, CustomerDoc>();
    for (const d of docs) if (d && !(d instanceof Error)) byId.set(d._id, d);
    for (const p of slice) {
      const left = byId.get(p.leftId);
      const right = byId.get(p.rightId);
      if (!left || !right || left.status !== 'ACTIVE' || right.status !== 'ACTIVE') continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      out.push({
        leftId: p.leftId,
        rightId: p.rightId,
        left: ctx.present(left),
        right: ctx.present(right),
        probability: p.probability,
        matchWeight: p.matchWeight,
        decision: toDecision(p.decision),
        explanation: p.contributions.map((c) => ({ ...c, description: c.description ?? null })),
        rules: p.rules,
        conflicts: p.conflicts,
        reason: p.reason,
      });
      if (out.length >= first) break;
    }
  }
  return out;
}

@Resolver(() => IdentityJob)
export class IdentityJobResolver {
  @FieldResolver(() => [DuplicatePair], {
    description: 'The review list of this job (see duplicateReviewList).',
  })
  async reviewList(
    @Root() job: IdentityJob,
    @Ctx() ctx: MarketingContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0, description: OFFSET_DESCRIPTION }) offset: number,
    @Arg('minScore', () => Float, { nullable: true, description: 'Lowest match probability listed (0–1).' })
    minScore?: number | null,
  ): Promise<DuplicatePair[]> {
    return reviewList(ctx, job.reviewPairs, {
      first: checkFirst(first),
      offset: checkOffset(offset),
      minScore: checkMinScore(minScore),
    });
  }
}

@Resolver(() => Customer)
export class CustomerHouseholdResolver {
  @FieldResolver(() => Household, {
    nullable: true,
    description: 'The household this customer belongs to (grouped, not merged); null when none.',
  })
  async household(@Root() customer: Customer, @Ctx() ctx: MarketingContext): Promise<Household | null> {
    if (!customer.householdId) return null;
    const members = await ctx.loaders.householdMembers.load(customer.householdId);
    return { id: customer.householdId, members: members.map((d) => ctx.present(d)), size: members.length };
  }
}
