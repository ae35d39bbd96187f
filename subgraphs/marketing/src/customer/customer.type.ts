import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An email address of a customer.' })
export class Email {
  @Field()
  address!: string;

  @Field({ description: 'Whether this is the address to use by default.' })
  primary!: boolean;
}

/** The customer profile; marketing owns identity, so this subgraph defines the entity's core fields. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person or organisation the company has a relationship with.' })
export class Customer {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string | null;

  @Field(() => [Email])
  emails!: Email[];

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. `hu-HU`.' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. `Europe/Budapest`.' })
  timeZone?: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
