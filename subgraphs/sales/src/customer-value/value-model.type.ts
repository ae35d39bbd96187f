import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RfmSegment } from '../value-model';
import type { PurchaseSummary, ValueModel } from '../value-model';

export enum ValueModelStatus {
  OK = 'OK',
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
}

registerEnumType(ValueModelStatus, {
  name: 'ValueModelStatus',
  description: 'Whether the last fit produced parameters.',
  valuesConfig: {
    OK: { description: 'BG/NBD fitted (Gamma-Gamma too unless `gammaGamma` is null; see `warnings`).' },
    INSUFFICIENT_DATA: { description: 'Too little data to fit (see `reason`); predictions are null.' },
  },
});

/** The purchase-count model behind the predictions (SALES_PURCHASE_MODEL). */
export enum PurchaseModel {
  BG_NBD = 'BG_NBD',
  MBG_NBD = 'MBG_NBD',
}

registerEnumType(PurchaseModel, {
  name: 'PurchaseModel',
  description: 'The purchase-count model behind P(alive), expected purchases and lifetime value.',
  valuesConfig: {
    BG_NBD: {
      description:
        'BG/NBD (Fader, Hardie & Lee 2005): drop-out only right after a repeat purchase, so a customer who ' +
        'bought once has P(alive) = 1 by assumption.',
    },
    MBG_NBD: {
      description:
        'MBG/NBD (Batislam, Denizel & Filiztekin 2007): drop-out right after any purchase, the first included, ' +
        'so a one-time buyer’s P(alive) falls with the time since the purchase.',
    },
  },
});

registerEnumType(RfmSegment, {
  name: 'RfmSegment',
  description:
    'Named RFM segment from the recency score R and the combined frequency-monetary score FM = round((F + M) / 2), ' +
    'after the 11-segment map of Putler’s RFM guide (putler.com/rfm-analysis).',
  valuesConfig: {
    CHAMPIONS: { description: 'Bought recently, often and much: R 4–5, FM 4–5.' },
    LOYAL: { description: 'Regular buyers: R 4–5 with FM 3, or R 3 with FM 4–5.' },
    POTENTIAL_LOYALIST: { description: 'Recent buyers with some history: R 4–5, FM 2.' },
    NEW: { description: 'Bought very recently, little history yet: R 5, FM 1.' },
    PROMISING: { description: 'Fairly recent, little history: R 3–4, FM 1.' },
    NEED_ATTENTION: { description: 'Average on every axis, starting to lapse: R 2–3, FM 3.' },
    ABOUT_TO_SLEEP: { description: 'Below average and lapsing: R 2–3, FM 2.' },
    AT_RISK: { description: 'Used to buy well, not lately: R 1 with FM 3, or R 2 with FM 4–5.' },
    CANNOT_LOSE: { description: 'Among the best buyers once, gone quiet: R 1, FM 4–5.' },
    HIBERNATING: { description: 'Long gone, little history: R 2 with FM 1, or R 1 with FM 2.' },
    LOST: { description: 'Lowest on every axis: R 1, FM 1.' },
  },
});

@ObjectType({
  description:
    'A Beta-geometric/NBD purchase-count model: purchase rate λ ~ Gamma(r, α) per day, drop-out probability p ~ ' +
    'Beta(a, b) after each repeat purchase (BG/NBD, Fader, Hardie & Lee 2005) or after every purchase ' +
    '(MBG/NBD, Batislam, Denizel & Filiztekin 2007).',
})
export class BgnbdParameters {
  @Field(() => Float)
  r!: number;

  @Field(() => Float, { description: 'Rate parameter, in days.' })
  alpha!: number;

  @Field(() => Float)
  a!: number;

  @Field(() => Float)
  b!: number;

  @Field(() => Float, { description: 'Maximised log-likelihood over the customer base.' })
  logLikelihood!: number;

  @Field()
  converged!: boolean;

  @Field(() => Int)
  iterations!: number;
}

@ObjectType({
  description:
    'Gamma-Gamma spend model (Fader, Hardie & Lee 2005, JMR): spend per purchase day ~ Gamma(p, ν), ν ~ Gamma(q, v); ' +
    'fitted over repeat buyers, in major units of the model currency.',
})
export class GammaGammaParameters {
  @Field(() => Float)
  p!: number;

  @Field(() => Float)
  q!: number;

  @Field(() => Float)
  v!: number;

  @Field(() => Float)
  logLikelihood!: number;

  @Field()
  converged!: boolean;

  @Field(() => Int)
  iterations!: number;

  @Field(() => Int, { description: 'Repeat buyers with a positive spend used by the fit.' })
  customers!: number;
}

@ObjectType('ValueModel', {
  description: 'A fitted customer-value model (stored in `value_models`; the newest is current).',
})
export class ValueModelInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => ValueModelStatus)
  status!: ValueModelStatus;

  @Field(() => String, { nullable: true, description: 'Why nothing was fitted (INSUFFICIENT_DATA).' })
  reason!: string | null;

  @Field({ description: 'Observation end: orders placed up to this time were used.' })
  asOf!: Date;

  @Field()
  fittedAt!: Date;

  @Field(() => Int, { description: 'Customers with at least one purchase day by `asOf`.' })
  customers!: number;

  @Field(() => Int, { description: 'Customers with at least one repeat purchase day.' })
  repeatBuyers!: number;

  @Field({ description: 'Unit of t, tx, T and alpha: "day".' })
  timeUnit!: string;

  @Field({
    description: 'Currency of spend figures (SALES_BASE_CURRENCY); other currencies are not in the model.',
  })
  currency!: string;

  @Field(() => PurchaseModel, {
    description:
      'The purchase model the predictions use (SALES_PURCHASE_MODEL; BG_NBD when this fit predates MBG/NBD).',
  })
  purchaseModel!: PurchaseModel;

  @Field(() => BgnbdParameters, { nullable: true, description: 'BG/NBD fitted on this base.' })
  bgnbd!: BgnbdParameters | null;

  @Field(() => BgnbdParameters, {
    nullable: true,
    description:
      'MBG/NBD fitted on the same base (compare `logLikelihood`: same data, same parameter count).',
  })
  mbgnbd!: BgnbdParameters | null;

  @Field(() => GammaGammaParameters, { nullable: true })
  gammaGamma!: GammaGammaParameters | null;

  @Field(() => [String])
  warnings!: string[];

  @Field(() => Int, { description: 'Wall time of the fit (aggregation + both models).' })
  durationMs!: number;

  @Field({ description: 'API, SCHEDULE or IMPORT.' })
  trigger!: string;
}

@ObjectType({
  description: 'RFM quintile scores (1–5, 5 best) against the breakpoints of the current model’s base.',
})
export class RfmScores {
  @Field(() => Int, { description: 'Days since the last purchase day, scored: fewer days → higher score.' })
  recency!: number;

  @Field(() => Int, { description: 'Number of purchase days, scored.' })
  frequency!: number;

  @Field(() => Int, { description: 'Total spend (base currency), scored.' })
  monetary!: number;

  @Field({ description: 'The three-digit RFM cell, e.g. "545".' })
  score!: string;

  @Field(() => RfmSegment)
  segment!: RfmSegment;
}

@ObjectType('PurchaseSummary', {
  description:
    'The purchase summary the model reads: purchase DAYS (same-day orders count once, values add up), ' +
    'non-cancelled, not fully returned, base-currency orders, net of refunds.',
})
export class PurchaseSummaryInfo {
  @Field(() => Int, { description: 'x: repeat purchase days.' })
  repeatPurchases!: number;

  @Field(() => Int, { description: 'tx: days from the first to the last purchase day.' })
  daysFirstToLastPurchase!: number;

  @Field(() => Int, { description: 'T: days from the first purchase day to the observation end.' })
  daysSinceFirstPurchase!: number;

  @Field(() => Float, {
    description: 'Mean value of the repeat purchase days, major units; 0 without repeats.',
  })
  meanRepeatValue!: number;

  @Field(() => Float, { description: 'Total of all purchase days, major units.' })
  total!: number;

  @Field()
  firstPurchaseAt!: Date;

  @Field()
  lastPurchaseAt!: Date;
}

/**
 * Per-customer predictions from the stored model and the customer's purchase summary. Fields are null when
 * no model is fitted, the model lacks the needed part, or the customer has no purchase by `asOf`.
 */
@ObjectType({
  description:
    'Predictions for one customer from the current value model (never refitted during a request). ' +
    'Null fields: no fitted model, or no purchase by `asOf`.',
})
export class ValueModelScores {
  @Field({ description: 'Observation end of the customer summary (the request time unless given).' })
  asOf!: Date;

  @Field(() => Date, { nullable: true, description: 'When the model behind these numbers was fitted.' })
  modelFittedAt!: Date | null;

  @Field(() => PurchaseSummaryInfo, { nullable: true })
  summary!: PurchaseSummaryInfo | null;

  /** Not exposed: the inputs the field resolvers compute from. */
  model!: ValueModel | null;
  purchase!: PurchaseSummary | null;
}
