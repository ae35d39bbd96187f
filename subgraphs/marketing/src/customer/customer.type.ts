import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../shared/graphql/pagination';
import { Consent } from '../consent/consent.type';
import { FieldSource } from '../merge/merge.type';
import {
  AgeBand,
  CustomerGender,
  CustomerStatus,
  IdentifierKind,
  PhoneKind,
  SocialNetwork,
} from './customer.enums';
import type { CustomerDoc } from './customer.model';

@ObjectType({ description: 'An email address of a customer.' })
export class Email {
  @Field()
  address!: string;

  @Field({ description: 'Whether this is the address to use by default.' })
  primary!: boolean;
}

@ObjectType({ description: 'A phone number of a customer.' })
export class Phone {
  @Field({ description: 'E.164, e.g. `+36301234567`.' })
  number!: string;

  @Field(() => PhoneKind)
  kind!: PhoneKind;

  @Field()
  primary!: boolean;
}

@ObjectType({ description: 'An id another system or a device knows the customer by.' })
export class Identifier {
  @Field(() => IdentifierKind)
  kind!: IdentifierKind;

  @Field({ description: 'As received.' })
  value!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field()
  addedAt!: Date;
}

@ObjectType()
export class SocialHandle {
  @Field(() => SocialNetwork)
  network!: SocialNetwork;

  @Field({ description: 'Without the leading @.' })
  handle!: string;
}

@ObjectType()
export class Demographics {
  @Field(() => AgeBand, { nullable: true })
  ageBand!: AgeBand | null;

  @Field(() => CustomerGender, { nullable: true })
  gender!: CustomerGender | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country!: string | null;
}

@ObjectType()
export class PostalAddress {
  @Field(() => String, { nullable: true })
  street!: string | null;

  @Field(() => String, { nullable: true })
  houseNumber!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country!: string | null;
}

@ObjectType({ description: 'Local hours when no marketing message may be sent.' })
export class QuietHours {
  @Field()
  start!: string;

  @Field()
  end!: string;
}

/** The customer profile; marketing owns identity, so this subgraph defines the entity's core fields. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person the company has a relationship with.' })
export class Customer {
  @Field(() => ID)
  id!: string;

  @Field(() => CustomerStatus)
  status!: CustomerStatus;

  @Field(() => ID, { nullable: true, description: 'The surviving profile when this one was merged.' })
  mergedInto!: string | null;

  @Field(() => [ID], {
    description:
      'The other profile ids of this person: the profiles merged into this customer (and, when it was ' +
      'reached through a merged-away id, the survivor). Sales and support @require it to include records ' +
      'filed under those ids.',
  })
  mergedIds!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The id asked for when it was merged away and this survivor answered instead.',
  })
  resolvedFrom!: string | null;

  @Field(() => [FieldSource], {
    description: 'Where each value came from, once profiles were merged into this one; empty before.',
  })
  fieldSources!: FieldSource[];

  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Field(() => String, { nullable: true, description: 'As given, else the names in the language’s order.' })
  displayName!: string | null;

  @Field(() => [Email])
  emails!: Email[];

  @Field(() => String, { nullable: true, description: 'The primary email address.' })
  email!: string | null;

  @Field(() => [Phone])
  phones!: Phone[];

  @Field(() => [Identifier], { description: 'External, device, cookie and loyalty-card ids.' })
  identifiers!: Identifier[];

  @Field(() => [SocialHandle])
  socialHandles!: SocialHandle[];

  @Field(() => String, { nullable: true })
  householdId!: string | null;

  @Field(() => Demographics)
  demographics!: Demographics;

  @Field(() => PostalAddress, { nullable: true })
  address!: PostalAddress | null;

  @Field(() => LocalDateResolver, { nullable: true })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. `hu-HU`.' })
  language!: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. `Europe/Budapest`.' })
  timeZone!: string | null;

  @Field(() => QuietHours, { nullable: true })
  quietHours!: QuietHours | null;

  @Field(() => [Consent], {
    description: 'Current decision per channel and purpose; no entry means not granted.',
  })
  consents!: Consent[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  /** The stored document, for field resolvers (segment rules, engagement); not part of the schema. */
  doc!: CustomerDoc;
}

@ObjectType()
export class CustomerEdge {
  @Field()
  cursor!: string;

  @Field(() => Customer)
  node!: Customer;
}

@ObjectType()
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges!: CustomerEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
