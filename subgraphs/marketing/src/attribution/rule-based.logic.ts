import { AttributionModel, type RuleBasedModel } from './attribution.enums';
import type { JourneyTouch } from './journey.logic';

export interface RuleOptions {
  /** TIME_DECAY: a touchpoint this long before the order gets half the weight of one at the order. */
  halfLifeMs: number;
}

/** Position-based shares (the common "U-shaped" 40/20/40 split). */
export const POSITION_BASED_SHARES = { first: 0.4, middle: 0.2, last: 0.4 } as const;

/**
 * Weight of each touchpoint (oldest first) under a rule-based model; weights add up to 1, and an empty
 * path gets no weights. Position-based with two touchpoints splits 50/50 (the middle share has no one to
 * go to and is shared by first and last), with one touchpoint gives it everything.
 */
export function ruleWeights(
  model: RuleBasedModel,
  touches: readonly JourneyTouch[],
  options: RuleOptions,
): number[] {
  const n = touches.length;
  if (n === 0) return [];
  const only = (index: number) => touches.map((_, i) => (i === index ? 1 : 0));
  switch (model) {
    case AttributionModel.FIRST_TOUCH:
      return only(0);
    case AttributionModel.LAST_TOUCH:
      return only(n - 1);
    case AttributionModel.LAST_NON_DIRECT: {
      let index = n - 1;
      while (index >= 0 && touches[index].direct) index--;
      return only(index >= 0 ? index : n - 1);
    }
    case AttributionModel.LINEAR:
      return touches.map(() => 1 / n);
    case AttributionModel.TIME_DECAY: {
      if (!(options.halfLifeMs > 0))
        throw new RangeError(`halfLifeMs must be positive, got ${options.halfLifeMs}`);
      // Ages are taken from the newest touchpoint, not the order: the common factor cancels in the
      // normalisation, and 2^x stays away from underflow for very old touchpoints.
      const newest = touches[n - 1].at.getTime();
      const raw = touches.map((t) => 2 ** (-(newest - t.at.getTime()) / options.halfLifeMs));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((w) => w / sum);
    }
    case AttributionModel.POSITION_BASED: {
      if (n === 1) return [1];
      if (n === 2) return [0.5, 0.5];
      const { first, middle, last } = POSITION_BASED_SHARES;
      return touches.map((_, i) => (i === 0 ? first : i === n - 1 ? last : middle / (n - 2)));
    }
  }
}
