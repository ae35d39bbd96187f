import { Field, Float, ID, ObjectType } from 'type-graphql';
import { MergeMethod, MergeStatus } from './merge.enums';

@ObjectType({ description: 'What one attribute added to a match weight (log2 of its Bayes factor).' })
export class MatchContribution {
  @Field({ description: 'givenName, familyName, birthDate, email, phone or address.' })
  attribute!: string;

  @Field({ description: 'Comparison level, e.g. `exact`, `jaro-winkler-high`, `missing`.' })
  level!: string;

  @Field(() => Float, { description: 'Positive for evidence of the same person, negative against.' })
  weight!: number;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@ObjectType({ description: 'Where a value of a merged customer came from.' })
export class FieldSource {
  @Field({ description: '`givenName`, `address`, `emails`, `demographics.city`, …' })
  field!: string;

  @Field({ description: 'The value as text; list fields have one entry per element.' })
  value!: string;

  @Field(() => ID, { description: 'The profile that held the value.' })
  sourceCustomerId!: string;

  @Field(() => ID, { nullable: true, description: 'The merge that brought it; null for own values.' })
  mergeId!: string | null;
}

@ObjectType({ description: 'A recorded merge of customer profiles: explainable and reversible.' })
export class Merge {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  survivorId!: string;

  @Field(() => [ID], { description: 'The profiles merged into the survivor.' })
  mergedIds!: string[];

  @Field(() => MergeStatus)
  status!: MergeStatus;

  @Field(() => MergeMethod)
  method!: MergeMethod;

  @Field(() => String, { nullable: true, description: 'RULE merges: the identifier, e.g. `email:a@b.hu`.' })
  rule!: string | null;

  @Field(() => Float, { nullable: true, description: 'Match probability, when the engine scored the pair.' })
  probability!: number | null;

  @Field(() => Float, { nullable: true })
  matchWeight!: number | null;

  @Field(() => [MatchContribution])
  evidence!: MatchContribution[];

  @Field(() => String, { nullable: true, description: "The engine's one-sentence explanation." })
  explanation!: string | null;

  @Field({ description: 'Why it was merged (given by the person or job that merged).' })
  reason!: string;

  @Field({ description: 'Who merged: the subject of the caller’s token, else `system`.' })
  actor!: string;

  @Field(() => ID, { nullable: true })
  jobId!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  appliedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  undoneAt!: Date | null;

  @Field(() => String, { nullable: true })
  undoneBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why applying failed (ROLLED_BACK).' })
  failure!: string | null;
}
