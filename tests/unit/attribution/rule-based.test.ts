import { AttributionModel } from '../../../subgraphs/marketing/src/attribution/attribution.enums';
import type { JourneyTouch } from '../../../subgraphs/marketing/src/attribution/journey.logic';
import { ruleWeights } from '../../../subgraphs/marketing/src/attribution/rule-based.logic';

const DAY = 86_400_000;
const t0 = Date.UTC(2025, 0, 1);
const touch = (id: string, channel: string, daysAfterStart: number, direct = false): JourneyTouch => ({
  id,
  channel,
  campaignId: direct ? null : `cmp_${channel}`,
  at: new Date(t0 + daysAfterStart * DAY),
  direct,
});
const opts = { halfLifeMs: 7 * DAY };

// Ad click, e-mail click, social, then a direct visit right before buying.
const path = [
  touch('a', 'AD', 0),
  touch('b', 'EMAIL', 7),
  touch('c', 'SOCIAL', 13),
  touch('d', 'WEB', 14, true),
];

describe('rule-based attribution weights', () => {
  it('first and last touch give everything to one end', () => {
    expect(ruleWeights(AttributionModel.FIRST_TOUCH, path, opts)).toEqual([1, 0, 0, 0]);
    expect(ruleWeights(AttributionModel.LAST_TOUCH, path, opts)).toEqual([0, 0, 0, 1]);
  });

  it('last non-direct skips the direct visit, and falls back to last touch when every touch is direct', () => {
    expect(ruleWeights(AttributionModel.LAST_NON_DIRECT, path, opts)).toEqual([0, 0, 1, 0]);
    const allDirect = [touch('x', 'WEB', 0, true), touch('y', 'APP', 1, true)];
    expect(ruleWeights(AttributionModel.LAST_NON_DIRECT, allDirect, opts)).toEqual([0, 1]);
  });

  it('linear splits equally', () => {
    expect(ruleWeights(AttributionModel.LINEAR, path, opts)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('time decay halves the weight per half-life: touches 14, 7 and 0 days old weigh 1 : 2 : 4', () => {
    const three = [touch('a', 'AD', 0), touch('b', 'EMAIL', 7), touch('c', 'SOCIAL', 14)];
    const w = ruleWeights(AttributionModel.TIME_DECAY, three, opts);
    expect(w[0]).toBeCloseTo(1 / 7, 12);
    expect(w[1]).toBeCloseTo(2 / 7, 12);
    expect(w[2]).toBeCloseTo(4 / 7, 12);
    // a one-day half-life makes the 14-day-old touch 2^-14 of the newest
    const short = ruleWeights(AttributionModel.TIME_DECAY, three, { halfLifeMs: DAY });
    expect(short[0] / short[2]).toBeCloseTo(2 ** -14, 15);
  });

  it('time decay with same-instant touches splits equally, and refuses a non-positive half-life', () => {
    const same = [touch('a', 'AD', 3), touch('b', 'EMAIL', 3)];
    expect(ruleWeights(AttributionModel.TIME_DECAY, same, opts)).toEqual([0.5, 0.5]);
    expect(() => ruleWeights(AttributionModel.TIME_DECAY, same, { halfLifeMs: 0 })).toThrow(RangeError);
  });

  it('position-based gives 40/20/40: first and last 40 %, the middle 20 % shared', () => {
    expect(ruleWeights(AttributionModel.POSITION_BASED, path, opts)).toEqual([0.4, 0.1, 0.1, 0.4]);
    const three = path.slice(0, 3);
    expect(ruleWeights(AttributionModel.POSITION_BASED, three, opts)).toEqual([0.4, 0.2, 0.4]);
    expect(ruleWeights(AttributionModel.POSITION_BASED, path.slice(0, 2), opts)).toEqual([0.5, 0.5]);
    expect(ruleWeights(AttributionModel.POSITION_BASED, path.slice(0, 1), opts)).toEqual([1]);
  });

  it('an empty path has no weights under any model', () => {
    for (const m of [
      AttributionModel.FIRST_TOUCH,
      AttributionModel.TIME_DECAY,
      AttributionModel.POSITION_BASED,
    ]) {
      expect(ruleWeights(m as never, [], opts)).toEqual([]);
    }
  });
});
