import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Customer } from '../customer/customer.type';
import { MatchContribution } from '../merge/merge.type';
import { IdentityJobKind, IdentityJobStatus, type ReviewPairDoc } from './identity-job.model';

export enum IdentityDecision {
  /** Same person: above the auto-merge threshold, or a deterministic identifier rule. */
  AUTO_MERGE = 'AUTO_MERGE',
  /** Possibly the same person: between the review and auto-merge thresholds. */
  REVIEW = 'REVIEW',
  NONE = 'NONE',
}
registerEnumType(IdentityDecision, { name: 'IdentityDecision' });

export const toDecision = (d: string): IdentityDecision =>
  d === 'auto-merge'
    ? IdentityDecision.AUTO_MERGE
    : d === 'review'
      ? IdentityDecision.REVIEW
      : IdentityDecision.NONE;

@ObjectType({ description: 'Another customer that also matched, less well.' })
export class IdentityAlternative {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Customer, { nullable: true })
  customer!: Customer | null;

  @Field(() => Float)
  probability!: number;

  @Field(() => IdentityDecision)
  decision!: IdentityDecision;
}

@ObjectType({ description: 'Who an unknown contact most probably is, and why.' })
export class IdentityResolution {
  @Field(() => Customer, { nullable: true, description: 'Null when nobody reaches the review threshold.' })
  customer!: Customer | null;

  @Field(() => Float, { nullable: true, description: 'Match probability (0–1) of the customer.' })
  confidence!: number | null;

  @Field(() => Float, { nullable: true, description: 'log2 odds: the sum of prior and contributions.' })
  matchWeight!: number | null;

  @Field(() => IdentityDecision)
  decision!: IdentityDecision;

  @Field(() => [MatchContribution], { description: 'Per attribute, what it added to the weight.' })
  explanation!: MatchContribution[];

  @Field(() => [String], { description: 'Identifier rules that matched, e.g. `email:a@b.hu`.' })
  rules!: string[];

  @Field(() => String, { nullable: true, description: 'One sentence for a person.' })
  reason!: string | null;

  @Field({ description: 'True when another customer also reaches the review threshold.' })
  ambiguous!: boolean;

  @Field(() => [IdentityAlternative])
  alternatives!: IdentityAlternative[];
}

/** The engine's verdict on one pair of profiles; shared by match candidates and the review list. */
// Not in the schema itself: type-graphql 2 emits only types that a resolver or field reaches.
@ObjectType()
abstract class MatchEvidence {
  @Field(() => Float)
  probability!: number;

  @Field(() => Float)
  matchWeight!: number;

  @Field(() => IdentityDecision)
  decision!: IdentityDecision;

  @Field(() => [MatchContribution])
  explanation!: MatchContribution[];

  @Field(() => [String])
  rules!: string[];

  @Field(() => [String], { description: '`given-name`, `birth-date`, `household-evidence-only`.' })
  conflicts!: string[];

  @Field()
  reason!: string;
}

@ObjectType({ description: 'A pair of profiles that may be the same person, with the evidence.' })
export class MatchCandidate extends MatchEvidence {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Customer, { nullable: true })
  customer!: Customer | null;
}

@ObjectType({ description: 'Two profiles the duplicate search found, for a person to decide.' })
export class DuplicatePair extends MatchEvidence {
  @Field(() => ID)
  leftId!: string;

  @Field(() => ID)
  rightId!: string;

  @Field(() => Customer, { nullable: true, description: 'Null when the profile no longer exists.' })
  left!: Customer | null;

  @Field(() => Customer, { nullable: true })
  right!: Customer | null;
}

@ObjectType({ description: 'A background identity job (duplicate search).' })
export class IdentityJob {
  @Field(() => ID)
  id!: string;

  @Field(() => IdentityJobKind)
  kind!: IdentityJobKind;

  @Field(() => IdentityJobStatus)
  status!: IdentityJobStatus;

  @Field({ description: 'Whether clusters above the auto-merge threshold were merged.' })
  autoMerge!: boolean;

  @Field()
  actor!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Profiles, candidate pairs, reduction factor, pairs per decision, timings.',
  })
  stats!: Record<string, unknown> | null;

  @Field(() => Int, { description: 'Review pairs found (the list keeps the most probable ones).' })
  reviewTotal!: number;

  @Field(() => [[ID]], { description: 'Profile clusters above the auto-merge threshold.' })
  autoMergeClusters!: string[][];

  @Field(() => [ID], { description: 'Merges applied by this job (autoMerge: true).' })
  mergeIds!: string[];

  /** Stored review pairs; exposed through the `reviewList` field resolver. */
  reviewPairs!: ReviewPairDoc[];
}

@ObjectType({ description: 'Profiles grouped as one household (not merged).' })
export class Household {
  @Field(() => ID)
  id!: string;

  @Field(() => [Customer])
  members!: Customer[];

  @Field(() => Int)
  size!: number;
}

@ObjectType()
export class HouseholdRecomputeResult {
  @Field(() => Int)
  profiles!: number;

  @Field(() => Int)
  households!: number;

  @Field(() => Int)
  profilesInHouseholds!: number;

  @Field(() => Int, { description: 'Profiles whose household id was set, moved or cleared.' })
  updated!: number;

  @Field(() => Int, { description: 'Profiles kept in a household id set by hand.' })
  manualKept!: number;

  @Field(() => Int)
  durationMs!: number;
}
