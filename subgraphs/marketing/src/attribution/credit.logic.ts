import { allocateMinor } from '../../../../shared/money/money';
import { AttributionModel, isRuleBased } from './attribution.enums';
import {
  aggregatePaths,
  buildJourneys,
  channelsOf,
  type ConversionEvent,
  type JourneyOptions,
  type JourneyTouch,
} from './journey.logic';
import { fitMarkov, type ChannelPath, type MarkovFit } from './markov.logic';
import { channelSetKey, fitChannelSetRates, shapleyShares, type ChannelSetRates } from './shapley.logic';
import { ruleWeights, type RuleOptions } from './rule-based.logic';

/** What the data-driven models learned from all journeys; rule-based models need none of it. */
export interface DataDrivenFit {
  markov: MarkovFit;
  channelSets: ChannelSetRates;
  /** Shapley shares per channel set, computed once per set. */
  shapleyCache: Map<string, Record<string, number> | null>;
}

export function fitDataDriven(paths: readonly ChannelPath[]): DataDrivenFit {
  return { markov: fitMarkov(paths), channelSets: fitChannelSetRates(paths), shapleyCache: new Map() };
}

/** One touchpoint's credit for one order; the unattributed remainder of a path-less order has no touchpoint. */
export interface TouchCredit {
  touchpointId: string | null;
  channel: string | null;
  campaignId: string | null;
  /** Fraction of the order's revenue, in [0, 1]; the shares of one order add up to 1. */
  share: number;
  amountMinor: number;
}

export interface CreditOptions extends RuleOptions {
  fit: DataDrivenFit | null;
}

function channelShares(model: AttributionModel, touches: readonly JourneyTouch[], fit: DataDrivenFit) {
  const channels = channelsOf(touches);
  if (model === AttributionModel.SHAPLEY) {
    const key = channelSetKey(channels);
    if (!fit.shapleyCache.has(key)) fit.shapleyCache.set(key, shapleyShares(channels, fit.channelSets));
    return fit.shapleyCache.get(key) ?? null;
  }
  const distinct = [...new Set(channels)];
  const effects = distinct.map((ch) => fit.markov.removalEffects[ch] ?? 0);
  const total = effects.reduce((a, b) => a + b, 0);
  // A channel the fit has never seen (a new order before the next batch) leaves nothing to weigh by.
  if (total <= 0) return null;
  return Object.fromEntries(distinct.map((ch, i) => [ch, effects[i] / total]));
}

/**
 * Weight of each touchpoint (oldest first) of a converting path under `model`; they add up to 1.
 * Data-driven models weigh channels (removal effect or Shapley value, normalised over the channels of
 * this path) and split a channel's weight equally among its touchpoints in the path; without a fit, or
 * when the fit knows none of the path's channels, they fall back to LINEAR.
 */
export function touchWeights(
  model: AttributionModel,
  touches: readonly JourneyTouch[],
  options: CreditOptions,
): number[] {
  if (touches.length === 0) return [];
  if (isRuleBased(model)) return ruleWeights(model, touches, options);
  const shares = options.fit ? channelShares(model, touches, options.fit) : null;
  if (!shares) return ruleWeights(AttributionModel.LINEAR, touches, options);
  const perChannel = new Map<string, number>();
  for (const t of touches) perChannel.set(t.channel, (perChannel.get(t.channel) ?? 0) + 1);
  return touches.map((t) => (shares[t.channel] ?? 0) / perChannel.get(t.channel)!);
}

/**
 * Credits of one order: its net revenue spread over the touchpoints of its journey, in exact minor units
 * that add up to the revenue. An order with no touchpoint in the window gets one unattributed credit.
 */
export function creditConversion(
  model: AttributionModel,
  touches: readonly JourneyTouch[],
  netRevenueMinor: number,
  options: CreditOptions,
): TouchCredit[] {
  const weights = touchWeights(model, touches, options);
  if (weights.length === 0) {
    return [{ touchpointId: null, channel: null, campaignId: null, share: 1, amountMinor: netRevenueMinor }];
  }
  const amounts = allocateMinor(netRevenueMinor, weights);
  return touches
    .map((t, i) => ({
      touchpointId: t.id,
      channel: t.channel,
      campaignId: t.campaignId,
      share: weights[i],
      amountMinor: amounts[i],
    }))
    .filter((c) => c.share > 0);
}

/** One person's touchpoints and purchases (over every id of a merged person). */
export interface PersonHistory<C extends ConversionEvent & { netRevenueMinor: number }> {
  touches: readonly JourneyTouch[];
  conversions: readonly C[];
}

export interface CreditedConversion<C> {
  conversion: C;
  model: AttributionModel;
  credits: TouchCredit[];
}

/**
 * The whole batch, pure: journeys of every person, the data-driven fit over all of them, then the credits
 * of every purchase under every model in `models`. Returns the fit so it can be stored for the
 * incremental path.
 */
export function attributeHistories<C extends ConversionEvent & { netRevenueMinor: number }>(
  histories: Iterable<PersonHistory<C>>,
  options: JourneyOptions & RuleOptions,
  models: readonly AttributionModel[],
): { fit: DataDrivenFit; credited: CreditedConversion<C>[][] } {
  const journeys = [...histories].map((h) => buildJourneys(h.touches, h.conversions, options));
  const fit = fitDataDriven(
    aggregatePaths(
      journeys.flatMap((j) => j.converting.map((c) => c.touches)),
      journeys.flatMap((j) => j.lost),
    ),
  );
  const credited = journeys.map((j) =>
    j.converting.flatMap((c) =>
      models.map((model) => ({
        conversion: c.conversion,
        model,
        credits: creditConversion(model, c.touches, c.conversion.netRevenueMinor, { ...options, fit }),
      })),
    ),
  );
  return { fit, credited };
}
