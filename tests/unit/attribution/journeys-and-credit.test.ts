import fc from 'fast-check';
import { AttributionModel } from '../../../subgraphs/marketing/src/attribution/attribution.enums';
import {
  creditConversion,
  fitDataDriven,
  touchWeights,
} from '../../../subgraphs/marketing/src/attribution/credit.logic';
import {
  aggregatePaths,
  buildJourneys,
  isDirectTouch,
  type JourneyTouch,
} from '../../../subgraphs/marketing/src/attribution/journey.logic';

const DAY = 86_400_000;
const t0 = Date.UTC(2025, 0, 1);
const at = (days: number) => new Date(t0 + days * DAY);
const touch = (
  id: string,
  channel: string,
  days: number,
  campaignId: string | null = null,
): JourneyTouch => ({
  id,
  channel,
  campaignId,
  at: at(days),
  direct: isDirectTouch(channel, campaignId),
});
const order = (id: string, days: number) => ({ id, at: at(days) });
const opts = { lookbackMs: 30 * DAY, asOf: at(200) };
const ids = (ts: readonly JourneyTouch[]) => ts.map((t) => t.id);

describe('journeys', () => {
  it('an order takes the touchpoints of its 30-day window; older ones of that journey are a lost path', () => {
    const j = buildJourneys(
      [touch('old', 'AD', 0), touch('t1', 'EMAIL', 25), touch('t2', 'AD', 40), touch('t3', 'WEB', 50)],
      [order('o1', 50)],
      opts,
    );
    // 'old' is within 30 days of t1, so one journey, but it is 50 days before the order
    expect(j.converting.map((c) => [c.conversion.id, ids(c.touches)])).toEqual([['o1', ['t1', 't2', 't3']]]);
    expect(j.lost.map(ids)).toEqual([['old']]);
    expect(j.open).toEqual([]);
  });

  it('a silence longer than the window ends a journey as lost; an order resets the journey', () => {
    const j = buildJourneys(
      [touch('a', 'AD', 0), touch('b', 'SMS', 45), touch('c', 'EMAIL', 46), touch('d', 'PUSH', 60)],
      [order('o1', 50), order('o2', 61), order('o3', 62)],
      opts,
    );
    expect(j.lost.map(ids)).toEqual([['a']]);
    expect(j.converting.map((c) => [c.conversion.id, ids(c.touches)])).toEqual([
      ['o1', ['b', 'c']],
      ['o2', ['d']],
      ['o3', []],
    ]);
  });

  it('trailing touchpoints are open while the window runs, lost after it', () => {
    const touches = [touch('a', 'AD', 100), touch('b', 'EMAIL', 110)];
    expect(buildJourneys(touches, [], { ...opts, asOf: at(139) }).open.map((t) => t.id)).toEqual(['a', 'b']);
    const later = buildJourneys(touches, [], { ...opts, asOf: at(141) });
    expect(later.open).toEqual([]);
    expect(later.lost.map(ids)).toEqual([['a', 'b']]);
  });

  it('a touchpoint at the instant of the order counts for it', () => {
    const j = buildJourneys([touch('same', 'EMAIL', 10)], [order('o', 10)], opts);
    expect(ids(j.converting[0].touches)).toEqual(['same']);
  });

  it('direct means an owned channel without a campaign', () => {
    expect(isDirectTouch('WEB', null)).toBe(true);
    expect(isDirectTouch('WEB', 'cmp_1')).toBe(false);
    expect(isDirectTouch('EMAIL', null)).toBe(false);
  });

  it('aggregates paths by channel sequence', () => {
    const p = aggregatePaths(
      [
        [touch('a', 'AD', 0), touch('b', 'EMAIL', 1)],
        [touch('c', 'AD', 0), touch('d', 'EMAIL', 1)],
      ],
      [[touch('e', 'AD', 0)], [touch('f', 'AD', 0), touch('g', 'EMAIL', 1)]],
    );
    expect(p).toEqual([
      { channels: ['AD', 'EMAIL'], conversions: 2, nulls: 1 },
      { channels: ['AD'], conversions: 0, nulls: 1 },
    ]);
  });
});

describe('credits of one order', () => {
  const path = [
    touch('t1', 'AD', 0, 'cmp_ad'),
    touch('t2', 'EMAIL', 3, 'cmp_mail'),
    touch('t3', 'AD', 5, 'cmp_ad'),
  ];
  const fit = fitDataDriven([
    { channels: ['AD'], conversions: 2, nulls: 8 },
    { channels: ['EMAIL', 'AD'], conversions: 6, nulls: 4 },
    { channels: ['EMAIL'], conversions: 3, nulls: 7 },
  ]);
  const options = { halfLifeMs: 7 * DAY, fit };

  it('Markov: channels by removal effect, a channel split equally among its touchpoints', () => {
    const re = fit.markov.removalEffects;
    const adShare = re.AD / (re.AD + re.EMAIL);
    const w = touchWeights(AttributionModel.MARKOV, path, options);
    expect(w[0]).toBeCloseTo(adShare / 2, 12);
    expect(w[1]).toBeCloseTo(1 - adShare, 12);
    expect(w[2]).toBeCloseTo(adShare / 2, 12);
  });

  it('a path-less order gets one unattributed credit for its whole revenue', () => {
    expect(creditConversion(AttributionModel.MARKOV, [], 4999, options)).toEqual([
      { touchpointId: null, channel: null, campaignId: null, share: 1, amountMinor: 4999 },
    ]);
  });

  it('data-driven models without a fit, or with channels the fit never saw, fall back to linear', () => {
    expect(touchWeights(AttributionModel.SHAPLEY, path, { ...options, fit: null })).toEqual([
      1 / 3,
      1 / 3,
      1 / 3,
    ]);
    const unseen = [touch('x', 'POSTAL', 0), touch('y', 'EVENT', 1)];
    expect(touchWeights(AttributionModel.MARKOV, unseen, options)).toEqual([0.5, 0.5]);
  });

  it('for every model and path the credits add up to the net revenue exactly, with shares summing to 1', () => {
    const channels = ['AD', 'EMAIL', 'SMS', 'WEB', 'SOCIAL'];
    const touchArb = fc.record({
      ch: fc.constantFrom(...channels),
      day: fc.integer({ min: 0, max: 29 }),
      cmp: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(AttributionModel)),
        fc.array(touchArb, { minLength: 0, maxLength: 12 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (model, raw, revenue) => {
          const touches = raw
            .map((r, i) => touch(`t${i}`, r.ch, r.day, r.cmp ? `cmp_${r.ch}` : null))
            .sort((a, b) => a.at.getTime() - b.at.getTime());
          const credits = creditConversion(model, touches, revenue, options);
          expect(credits.reduce((a, c) => a + c.amountMinor, 0)).toBe(revenue);
          expect(credits.reduce((a, c) => a + c.share, 0)).toBeCloseTo(1, 9);
          for (const c of credits) expect(c.amountMinor).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
