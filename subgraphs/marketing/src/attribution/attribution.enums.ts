import { registerEnumType } from 'type-graphql';

/** How an order's revenue is shared among the touchpoints that preceded it. */
export enum AttributionModel {
  FIRST_TOUCH = 'FIRST_TOUCH',
  LAST_TOUCH = 'LAST_TOUCH',
  LAST_NON_DIRECT = 'LAST_NON_DIRECT',
  LINEAR = 'LINEAR',
  TIME_DECAY = 'TIME_DECAY',
  POSITION_BASED = 'POSITION_BASED',
  MARKOV = 'MARKOV',
  SHAPLEY = 'SHAPLEY',
}

export const RULE_BASED_MODELS = [
  AttributionModel.FIRST_TOUCH,
  AttributionModel.LAST_TOUCH,
  AttributionModel.LAST_NON_DIRECT,
  AttributionModel.LINEAR,
  AttributionModel.TIME_DECAY,
  AttributionModel.POSITION_BASED,
] as const;

export type RuleBasedModel = (typeof RULE_BASED_MODELS)[number];

export function isRuleBased(model: AttributionModel): model is RuleBasedModel {
  return (RULE_BASED_MODELS as readonly AttributionModel[]).includes(model);
}

registerEnumType(AttributionModel, {
  name: 'AttributionModel',
  description: 'How revenue is shared among the touchpoints of the lookback window before an order.',
  valuesConfig: {
    FIRST_TOUCH: { description: 'All credit to the earliest touchpoint.' },
    LAST_TOUCH: { description: 'All credit to the latest touchpoint.' },
    LAST_NON_DIRECT: {
      description: 'All credit to the latest touchpoint that is not direct (falls back to the last touch).',
    },
    LINEAR: { description: 'Equal credit to every touchpoint.' },
    TIME_DECAY: { description: 'Credit halves for every half-life a touchpoint lies before the order.' },
    POSITION_BASED: { description: '40 % first, 40 % last, 20 % shared by the touchpoints between.' },
    MARKOV: {
      description:
        'First-order Markov chain over channel paths; channels weighted by their removal effect (Anderl et al. 2016).',
    },
    SHAPLEY: {
      description: 'Shapley values of the channels in the path, worth = conversion rate of that channel set.',
    },
  },
});
