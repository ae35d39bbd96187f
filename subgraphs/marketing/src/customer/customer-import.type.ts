import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportOutcome {
  /** A new profile was written (and customer.created emitted). */
  CREATED = 'CREATED',
  /** The record is an existing profile (same external key from this source, or its email): nothing written. */
  MATCHED = 'MATCHED',
  /** Nothing written: see `error`. */
  REJECTED = 'REJECTED',
}
registerEnumType(ImportOutcome, {
  name: 'ImportOutcome',
  description: 'What importCustomers did with one record.',
  valuesConfig: {
    CREATED: { description: 'A new profile was written, with its customer.created event.' },
    MATCHED: {
      description:
        'An existing customer (same external key from this source, or its email); nothing written.',
    },
    REJECTED: { description: 'Nothing written: see `error`.' },
  },
});

@ObjectType({ description: 'Why a record was rejected.' })
export class ImportRecordError {
  @Field({ description: 'Path of the bad value, e.g. `records[3].birthDate`.' })
  field!: string;

  @Field({ description: 'Stable code, as in `extensions.code`: BAD_USER_INPUT, CONFLICT.' })
  code!: string;

  @Field({ description: 'What is wrong with the value, for a person.' })
  message!: string;
}

@ObjectType({ description: 'What happened to one record, in input order.' })
export class ImportRecordResult {
  @Field(() => Int, { description: 'Position of the record in the call (0-based).' })
  index!: number;

  @Field({ description: 'The record’s external key, as sent.' })
  externalKey!: string;

  @Field(() => ImportOutcome, { description: 'Created, matched or rejected.' })
  outcome!: ImportOutcome;

  @Field(() => ID, { nullable: true, description: 'The created or matched customer; null when rejected.' })
  customerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'For MATCHED: what matched, `externalKey` or `email`.',
  })
  matchedBy!: string | null;

  @Field(() => ImportRecordError, { nullable: true, description: 'For REJECTED: the field and code.' })
  error!: ImportRecordError | null;
}

@ObjectType({ description: 'The outcome of an import call: counts and one result per record.' })
export class ImportCustomersResult {
  @Field(() => Int, { description: 'Records written as new profiles.' })
  created!: number;

  @Field(() => Int, { description: 'Records that are existing customers.' })
  matched!: number;

  @Field(() => Int, { description: 'Records not written.' })
  rejected!: number;

  @Field(() => [ImportRecordResult], { description: 'One result per record, in input order.' })
  results!: ImportRecordResult[];
}
