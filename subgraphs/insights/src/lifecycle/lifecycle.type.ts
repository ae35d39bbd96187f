import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { LifecycleStage as Stage } from '../rules/lifecycle.rules';

/** The rule module's stage names as a GraphQL enum (the object form keeps rules free of GraphQL). */
export const LifecycleStage: { readonly [K in Stage]: K } = {
  DISCOVERY: 'DISCOVERY',
  EDUCATION: 'EDUCATION',
  PURCHASE: 'PURCHASE',
  POST_PURCHASE_ENGAGEMENT: 'POST_PURCHASE_ENGAGEMENT',
  ADVOCACY: 'ADVOCACY',
  AT_RISK: 'AT_RISK',
  CHURNED: 'CHURNED',
  DORMANT: 'DORMANT',
};

registerEnumType(LifecycleStage, {
  name: 'LifecycleStage',
  description:
    'Where a customer is in their life with the brand; recomputed on every read, so it can move back.',
  valuesConfig: {
    DISCOVERY: { description: 'Knows the brand, has not bought: searching, comparing, reading reviews.' },
    EDUCATION: {
      description: 'Learning before buying: help articles, demos, webinars, questions to support.',
    },
    PURCHASE: { description: 'First order within the purchase window.' },
    POST_PURCHASE_ENGAGEMENT: {
      description: 'A buyer past the first purchase: onboarding, follow-ups, repeat orders.',
    },
    ADVOCACY: { description: 'A buyer who recommends: promoter NPS, referrals or well-rated reviews.' },
    AT_RISK: {
      description:
        'A relationship in danger: lapsed against their own rhythm or the value model, open complaints, negative feedback.',
    },
    CHURNED: { description: 'A buyer with no activity of any kind for a year (and no open complaint).' },
    DORMANT: { description: 'Never bought (net of returns) and no activity of any kind for a year.' },
  },
});

@ObjectType({ description: 'Lifecycle stage with the reasons behind it (computed by the insights layer).' })
export class Lifecycle {
  @Field(() => LifecycleStage, { description: 'The stage the facts put the customer in now.' })
  stage!: Stage;

  @Field(() => Date, {
    nullable: true,
    description: 'When the current stage began, as far as the facts tell; null when they do not say.',
  })
  since!: Date | null;

  @Field(() => [String], {
    description: 'Why this stage, in plain words with the figures that triggered it.',
  })
  reasons!: string[];
}
