import { createSeedRandom } from './random';

/**
 * Campaign journeys with a known ground truth, for the attribution demo, its recovery test and its
 * benchmark. What causes a purchase is decided here, so a model's credit can be compared with the truth:
 *
 * - an EMAIL campaign (half of the people get 1–3 mails) gives purchase intent with probability 0.35;
 * - a SOCIAL campaign (a third of the people) gives intent with probability 0.12;
 * - 3 % of people buy on their own (organic intent, no campaign needed);
 * - an AD retargeting campaign causes nothing: it is shown to 65 % of the people who already intend to buy,
 *   right before they buy, and to 25 % of the rest. Last touch therefore hands AD most of the revenue.
 *
 * The true cause of each order is the campaign whose intent fired (the earliest when several did);
 * removing AD would lose no order, so its true share is 0.
 */

export const TRUTH_CHANNELS = ['EMAIL', 'SOCIAL', 'AD'] as const;
export type TruthChannel = (typeof TRUTH_CHANNELS)[number];

export interface SyntheticTouch {
  id: string;
  personId: string;
  channel: TruthChannel;
  at: Date;
}

export interface SyntheticOrder {
  id: string;
  personId: string;
  at: Date;
  totalMinor: number;
  /** The campaign channel that caused it; null for an organic purchase. */
  cause: TruthChannel | null;
}

export interface SyntheticJourneys {
  touches: SyntheticTouch[];
  orders: SyntheticOrder[];
  people: string[];
}

const DAY = 86_400_000;
const INTENT = { EMAIL: 0.35, SOCIAL: 0.12 } as const;
const ORGANIC = 0.03;
const AD_TO_INTENT = 0.65;
const AD_TO_OTHERS = 0.25;

/** `people` journeys spread over the `days` before `asOf`; deterministic for a seed. */
export function generateAttributionJourneys(options: {
  people: number;
  seed: number;
  asOf: Date;
  days?: number;
}): SyntheticJourneys {
  const rnd = createSeedRandom(options.seed);
  const days = options.days ?? 180;
  const touches: SyntheticTouch[] = [];
  const orders: SyntheticOrder[] = [];
  const people: string[] = [];
  let seq = 0;
  const id = (prefix: string) => `${prefix}_${(seq++).toString(16).padStart(24, '0')}`;
  for (let p = 0; p < options.people; p++) {
    const personId = `synthetic_${p}`;
    people.push(personId);
    // Each journey fits in 20 days and ends at least 40 days before asOf, so it is never "open".
    const start = options.asOf.getTime() - (40 + rnd.uniform(0, days - 60)) * DAY;
    const exposures: { channel: TruthChannel; at: number }[] = [];
    if (rnd.chance(0.5)) {
      const mails = rnd.between(1, 3);
      for (let i = 0; i < mails; i++)
        exposures.push({ channel: 'EMAIL', at: start + rnd.uniform(0, 10) * DAY });
    }
    if (rnd.chance(1 / 3)) exposures.push({ channel: 'SOCIAL', at: start + rnd.uniform(0, 10) * DAY });
    exposures.sort((a, b) => a.at - b.at);
    let cause: TruthChannel | null = null;
    let intentAt: number | null = null;
    for (const e of exposures) {
      if (e.channel !== 'AD' && rnd.chance(INTENT[e.channel])) {
        cause = e.channel;
        intentAt = e.at;
        break;
      }
    }
    if (intentAt === null && rnd.chance(ORGANIC)) intentAt = start + rnd.uniform(0, 10) * DAY;
    const buyAt = intentAt === null ? null : intentAt + rnd.uniform(1, 8) * DAY;
    const lastExposure = exposures.length ? exposures[exposures.length - 1].at : start;
    if (rnd.chance(buyAt === null ? AD_TO_OTHERS : AD_TO_INTENT)) {
      // Retargeting follows the person's latest activity; before a purchase it lands just before it.
      const at =
        buyAt === null ? lastExposure + rnd.uniform(0.5, 3) * DAY : buyAt - rnd.uniform(0.05, 0.9) * DAY;
      exposures.push({ channel: 'AD', at: Math.max(at, start) });
    }
    exposures.sort((a, b) => a.at - b.at);
    for (const e of exposures)
      touches.push({ id: id('tch'), personId, channel: e.channel, at: new Date(e.at) });
    if (buyAt !== null) {
      orders.push({
        id: id('ord'),
        personId,
        at: new Date(buyAt),
        totalMinor: rnd.between(20, 300) * 100,
        cause,
      });
    }
  }
  return { touches, orders, people };
}
