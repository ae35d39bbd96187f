import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Advocacy } from '../external/advocacy.type';
import { Consent } from '../external/consent.type';
import { Engagement } from '../external/engagement.type';
import { PurchaseStats } from '../external/purchase-stats.type';
import { QuietHours } from '../external/quiet-hours.type';
import { SupportStats } from '../external/support-stats.type';
import { ValueModelFacts } from '../external/value-model-facts.type';

/**
 * The Customer entity as insights sees it: the facts other subgraphs own, declared @external so that
 * `lifecycle`, `value` and `contact` (customer.resolver.ts) can @require them. The gateway fetches those
 * facts from their owners and hands them over in the `_entities` representation; insights itself has
 * no database and calls no other service.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Customer {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => Engagement)
  engagement!: Engagement;

  @Directive('@external')
  @Field(() => Advocacy)
  advocacy!: Advocacy;

  @Directive('@external')
  @Field(() => [Consent])
  consents!: Consent[];

  @Directive('@external')
  @Field(() => String, { nullable: true })
  timeZone!: string | null;

  @Directive('@external')
  @Field(() => QuietHours, { nullable: true })
  quietHours!: QuietHours | null;

  @Directive('@external')
  @Field(() => PurchaseStats, { nullable: true })
  purchaseStats!: PurchaseStats;

  @Directive('@external')
  @Field(() => SupportStats, { nullable: true })
  supportStats!: SupportStats;

  @Directive('@external')
  @Field(() => ValueModelFacts, { nullable: true })
  valueModelFacts!: ValueModelFacts;
}
