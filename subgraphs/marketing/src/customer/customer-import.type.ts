import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportOutcome {
  /** A new profile was written (and customer.created emitted). */
  CREATED = 'CREATED',
  /** The record is an existing profile (same external key from this source, or its email): nothing written. */
  MATCHED = 'MATCHED',
  /** Nothing written: see `error`. */
  REJECTED = 'REJECTED',
}
registerEnumType(ImportOutcome, { name: 'ImportOutcome' });

@ObjectType({ description: 'Why a record was rejected.' })
export class ImportRecordError {
  @Field({ description: 'Path of the bad value, e.g. `records[3].birthDate`.' })
  field!: string;

  @Field({ description: 'Stable code, as in `extensions.code`: BAD_USER_INPUT, CONFLICT.' })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'What happened to one record, in input order.' })
export class ImportRecordResult {
  @Field(() => Int)
  index!: number;

  @Field()
  externalKey!: string;

  @Field(() => ImportOutcome)
  outcome!: ImportOutcome;

  @Field(() => ID, { nullable: true, description: 'The created or matched customer; null when rejected.' })
  customerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For MATCHED: what matched, `externalKey` or `email`.',
  })
  matchedBy!: string | null;

  @Field(() => ImportRecordError, { nullable: true })
  error!: ImportRecordError | null;
}

@ObjectType({ description: 'The outcome of an import call: counts and one result per record.' })
export class ImportCustomersResult {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  matched!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [ImportRecordResult])
  results!: ImportRecordResult[];
}
