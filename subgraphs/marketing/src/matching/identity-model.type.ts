import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One level of a comparison with its learned probabilities.' })
export class IdentityModelLevel {
  @Field({ description: 'Level id, e.g. `exact`, `typo`, `else`.' })
  id!: string;

  @Field({ description: 'What the two values have in common at this level.' })
  description!: string;

  @Field(() => Float, { description: 'P(this level | same person).' })
  m!: number;

  @Field(() => Float, { description: 'P(this level | different people).' })
  u!: number;

  @Field(() => Float, { description: 'log2(m/u): what this level adds to a pair’s match weight.' })
  weight!: number;
}

@ObjectType({ description: 'One attribute the engine compares, with its m/u table.' })
export class IdentityModelComparison {
  @Field({ description: '`givenName`, `familyName`, `birthDate`, `email`, `phone`, `address`.' })
  name!: string;

  @Field({ description: 'What the comparison looks at.' })
  description!: string;

  @Field({ description: 'Exact agreement on a rare value weighs more than on a common one.' })
  termFrequency!: boolean;

  @Field(() => [IdentityModelLevel], { description: 'From the strongest agreement to `else`.' })
  levels!: IdentityModelLevel[];
}

@ObjectType({ description: 'One EM training session (pairs of one training blocking rule).' })
export class IdentityTrainingSession {
  @Field({ description: 'Which candidate pairs the session learns from (it cannot learn these attributes).' })
  blockingRule!: string;

  @Field(() => Int, { description: 'Candidate pairs the session learned from.' })
  pairs!: number;

  @Field(() => Int, { description: 'EM iterations run.' })
  iterations!: number;

  @Field({ description: 'Whether EM converged within the iteration limit.' })
  converged!: boolean;

  @Field(() => Float, { description: 'Share of the session’s pairs EM judged matches.' })
  lambda!: number;
}

@ObjectType({
  description:
    'The identity settings in force (MARKETING_IDENTITY_* and MARKETING_DEFAULT_PHONE_REGION; see the ' +
    'README, "How to tune").',
})
export class IdentitySettings {
  @Field(() => Float, { description: 'MARKETING_IDENTITY_AUTO_MERGE_THRESHOLD: merges without a human.' })
  autoMergeThreshold!: number;

  @Field(() => Float, { description: 'MARKETING_IDENTITY_REVIEW_THRESHOLD: goes to the review list.' })
  reviewThreshold!: number;

  @Field({
    description:
      'Which pairs whose given names or birth dates disagree reach review: `score`, ' +
      '`shared-identifier` or `never` (they never merge automatically).',
  })
  conflictReview!: string;

  @Field(() => [String], { description: 'Blocking rules that find candidates.' })
  blockingRules!: string[];

  @Field(() => Int, { description: 'Blocks larger than this are skipped as useless keys.' })
  maxBlockSize!: number;

  @Field({ description: 'Region for phone numbers written without a country code.' })
  defaultPhoneRegion!: string;
}

@ObjectType({
  description: 'The model real-time matching scores with, how it was trained, and the settings.',
})
export class IdentityModelView {
  @Field({ description: '`customers` (trained on the live profiles) or `prior` (the shipped model).' })
  trainedOn!: string;

  @Field({ description: 'When the model was trained and stored.' })
  trainedAt!: Date;

  @Field(() => Int, { description: 'Live profiles it was trained on; 0 for the prior model.' })
  profiles!: number;

  @Field(() => Float, { description: 'P(two random profiles are one person).' })
  priorMatchProbability!: number;

  @Field({ description: 'Every EM session with pairs converged within the iteration limit.' })
  converged!: boolean;

  @Field(() => [IdentityTrainingSession], { description: 'EM sessions; empty for the prior model.' })
  trainingSessions!: IdentityTrainingSession[];

  @Field(() => [IdentityModelComparison], { description: 'The m/u table, one entry per compared attribute.' })
  comparisons!: IdentityModelComparison[];

  @Field(() => IdentitySettings, { description: 'The settings in force.' })
  settings!: IdentitySettings;
}
