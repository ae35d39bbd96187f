import {
  quantileSorted,
  RFM_SEGMENT_GRID,
  rfmBreakpoints,
  rfmSegment,
  RfmSegment,
  rfmValuesFromSummary,
  scoreRfm,
  type RfmValues,
} from '../../../subgraphs/sales/src/value-model/rfm';

const base = (n: number): RfmValues[] =>
  Array.from({ length: n }, (_, i) => ({ recencyDays: i + 1, frequency: i + 1, monetary: 10 * (i + 1) }));

describe('RFM quintiles', () => {
  it('places breakpoints at the type-7 quantiles', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    const bp = rfmBreakpoints(base(100));
    expect(bp.recencyDays.map((v) => +v.toFixed(10))).toEqual([20.8, 40.6, 60.4, 80.2]);
    expect(bp.monetary.map((v) => +v.toFixed(10))).toEqual([208, 406, 604, 802]);
  });

  it('gives each quintile a fifth of a base of distinct values, with recency reversed', () => {
    const values = base(100);
    const bp = rfmBreakpoints(values);
    const counts = { r: [0, 0, 0, 0, 0], f: [0, 0, 0, 0, 0] };
    for (const v of values) {
      const s = scoreRfm(bp, v);
      counts.r[s.recency - 1] += 1;
      counts.f[s.frequency - 1] += 1;
    }
    expect(counts.r).toEqual([20, 20, 20, 20, 20]);
    expect(counts.f).toEqual([20, 20, 20, 20, 20]);
    expect(scoreRfm(bp, values[0]).recency).toBe(5); // bought yesterday
    expect(scoreRfm(bp, values[99]).recency).toBe(1);
    expect(scoreRfm(bp, values[99]).frequency).toBe(5);
  });

  it('gives ties the same, lower score (most customers buy once)', () => {
    const values: RfmValues[] = Array.from({ length: 100 }, (_, i) => ({
      recencyDays: i,
      frequency: i < 60 ? 1 : i < 85 ? 2 : 5,
      monetary: 20,
    }));
    const bp = rfmBreakpoints(values);
    expect(bp.frequency.map((v) => +v.toFixed(10))).toEqual([1, 1, 1.4, 2]);
    expect(scoreRfm(bp, { recencyDays: 3, frequency: 1, monetary: 20 }).frequency).toBe(1);
    expect(scoreRfm(bp, { recencyDays: 3, frequency: 2, monetary: 20 }).frequency).toBe(4);
    expect(scoreRfm(bp, { recencyDays: 3, frequency: 5, monetary: 20 }).frequency).toBe(5);
    expect(scoreRfm(bp, { recencyDays: 3, frequency: 1, monetary: 20 }).monetary).toBe(1);
  });

  it('scores a customer later from stored breakpoints (plain JSON)', () => {
    const stored = JSON.parse(JSON.stringify(rfmBreakpoints(base(100))));
    const s = scoreRfm(stored, { recencyDays: 3, frequency: 90, monetary: 950 });
    expect(s).toEqual({
      recency: 5,
      frequency: 5,
      monetary: 5,
      frequencyMonetary: 5,
      score: '555',
      segment: RfmSegment.CHAMPIONS,
    });
  });

  it('reads its inputs from a purchase summary', () => {
    expect(rfmValuesFromSummary({ x: 3, tx: 40, T: 100, total: 250 })).toEqual({
      recencyDays: 60,
      frequency: 4,
      monetary: 250,
    });
  });

  it('rejects invalid values', () => {
    expect(() => rfmBreakpoints([])).toThrow('base');
    expect(() => scoreRfm(rfmBreakpoints(base(10)), { recencyDays: -1, frequency: 1, monetary: 0 })).toThrow(
      'customer.recencyDays',
    );
    expect(() => rfmSegment(0, 3)).toThrow('recency');
  });
});

describe('RFM segments (Putler’s R × FM map)', () => {
  // Putler's published ranges per segment: [R min, R max, FM min, FM max] ("≤ 1" read as 1, "≤ 2" as 1–2).
  const PUTLER_RANGES: Record<RfmSegment, [number, number, number, number]> = {
    [RfmSegment.CHAMPIONS]: [4, 5, 4, 5],
    [RfmSegment.LOYAL]: [2, 5, 3, 5],
    [RfmSegment.POTENTIAL_LOYALIST]: [3, 5, 1, 3],
    [RfmSegment.NEW]: [4, 5, 1, 1],
    [RfmSegment.PROMISING]: [3, 4, 1, 1],
    [RfmSegment.NEED_ATTENTION]: [2, 3, 2, 3],
    [RfmSegment.ABOUT_TO_SLEEP]: [2, 3, 1, 2],
    [RfmSegment.AT_RISK]: [1, 2, 2, 5],
    [RfmSegment.CANNOT_LOSE]: [1, 1, 4, 5],
    [RfmSegment.HIBERNATING]: [1, 2, 1, 2],
    [RfmSegment.LOST]: [1, 2, 1, 2],
  };

  it('assigns every (R, FM) cell a segment within that segment’s published ranges', () => {
    for (let r = 1; r <= 5; r += 1) {
      for (let fm = 1; fm <= 5; fm += 1) {
        const [rMin, rMax, fmMin, fmMax] = PUTLER_RANGES[rfmSegment(r, fm)];
        expect(r >= rMin && r <= rMax && fm >= fmMin && fm <= fmMax).toBe(true);
      }
    }
  });

  it('uses all eleven segments', () => {
    expect(new Set(RFM_SEGMENT_GRID.flat())).toEqual(new Set(Object.values(RfmSegment)));
  });

  it('maps the corners as their names say', () => {
    expect(rfmSegment(5, 5)).toBe(RfmSegment.CHAMPIONS);
    expect(rfmSegment(1, 5)).toBe(RfmSegment.CANNOT_LOSE);
    expect(rfmSegment(5, 1)).toBe(RfmSegment.NEW);
    expect(rfmSegment(1, 1)).toBe(RfmSegment.LOST);
    expect(rfmSegment(2, 4)).toBe(RfmSegment.AT_RISK);
  });

  it('combines F and M rounding halves up', () => {
    const bp = rfmBreakpoints(base(100));
    // F = 4 (frequency 70), M = 3 (monetary 500): FM = 3.5 → 4; with R = 5 that is a champion.
    const s = scoreRfm(bp, { recencyDays: 1, frequency: 70, monetary: 500 });
    expect([s.recency, s.frequency, s.monetary, s.frequencyMonetary]).toEqual([5, 4, 3, 4]);
    expect(s.segment).toBe(RfmSegment.CHAMPIONS);
  });
});
