import { badInput } from '../../../../shared/errors/app-error';

/*
 * RFM scoring: recency, frequency and monetary value as 1–5 quintile scores over the customer base, and the
 * usual named segments.
 *
 * Inputs per customer (from the purchase summary): recencyDays = T − tx (days since the last purchase day),
 * frequency = purchase days (x + 1), monetary = total spend in major units.
 *
 * Scores come from stored breakpoints (the 20/40/60/80 % quantiles of the base, linear interpolation between
 * order statistics — "type 7"), so one customer can be scored later without the base. A value equal to a
 * breakpoint gets the lower (worse) score; identical values always share a score. With many ties (most
 * customers buy once) a quintile is therefore not 20 % of the base: frequency 1 scores F = 1 even if 60 % of
 * customers have it, rather than arbitrarily splitting identical customers across scores.
 *
 * Segments: the 11 segments of Putler's RFM guide ("RFM Analysis For Successful Customer Segmentation",
 * putler.com/rfm-analysis), defined on the recency score R and the combined frequency-monetary score
 * FM = round((F + M) / 2) (halves round up). Putler gives each segment a range of R and of FM (Champions R 4–5,
 * FM 4–5; Loyal R 2–5, FM 3–5; Potential loyalist R 3–5, FM 1–3; New R 4–5, FM ≤ 1; Promising R 3–4, FM ≤ 1;
 * Need attention R 2–3, FM 2–3; About to sleep R 2–3, FM ≤ 2; At risk R ≤ 2, FM 2–5; Cannot lose R ≤ 1,
 * FM 4–5; Hibernating R 1–2, FM 1–2; Lost R ≤ 2, FM ≤ 2). Those ranges overlap, so we fix one segment per
 * (R, FM) cell, always inside that segment's published ranges, giving every segment at least one cell:
 *
 *            R=1          R=2              R=3              R=4                 R=5
 *   FM=5  cannot lose   at risk          loyal            champions           champions
 *   FM=4  cannot lose   at risk          loyal            champions           champions
 *   FM=3  at risk       need attention   need attention   loyal               loyal
 *   FM=2  hibernating   about to sleep   about to sleep   potential loyalist  potential loyalist
 *   FM=1  lost          hibernating      promising        promising           new
 */

export enum RfmSegment {
  CHAMPIONS = 'CHAMPIONS',
  LOYAL = 'LOYAL',
  POTENTIAL_LOYALIST = 'POTENTIAL_LOYALIST',
  NEW = 'NEW',
  PROMISING = 'PROMISING',
  NEED_ATTENTION = 'NEED_ATTENTION',
  ABOUT_TO_SLEEP = 'ABOUT_TO_SLEEP',
  AT_RISK = 'AT_RISK',
  CANNOT_LOSE = 'CANNOT_LOSE',
  HIBERNATING = 'HIBERNATING',
  LOST = 'LOST',
}

const S = RfmSegment;
/** RFM_SEGMENT_GRID[fm − 1][r − 1], as in the table above (rows from FM = 1 up). */
export const RFM_SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  [S.LOST, S.HIBERNATING, S.PROMISING, S.PROMISING, S.NEW],
  [S.HIBERNATING, S.ABOUT_TO_SLEEP, S.ABOUT_TO_SLEEP, S.POTENTIAL_LOYALIST, S.POTENTIAL_LOYALIST],
  [S.AT_RISK, S.NEED_ATTENTION, S.NEED_ATTENTION, S.LOYAL, S.LOYAL],
  [S.CANNOT_LOSE, S.AT_RISK, S.LOYAL, S.CHAMPIONS, S.CHAMPIONS],
  [S.CANNOT_LOSE, S.AT_RISK, S.LOYAL, S.CHAMPIONS, S.CHAMPIONS],
];

export interface RfmValues {
  /** Days since the last purchase day (lower is better). */
  recencyDays: number;
  /** Number of purchase days. */
  frequency: number;
  /** Total spend, major units. */
  monetary: number;
}

/** Four ascending cut points per dimension: the 20, 40, 60 and 80 % quantiles of the base. */
export interface RfmBreakpoints {
  recencyDays: number[];
  frequency: number[];
  monetary: number[];
}

export interface RfmScore {
  recency: number;
  frequency: number;
  monetary: number;
  /** Combined frequency-monetary score used by the segment map. */
  frequencyMonetary: number;
  /** The conventional three-digit RFM cell, e.g. "545". */
  score: string;
  segment: RfmSegment;
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan type 7) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  const h = (sorted.length - 1) * probability;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const QUINTILE_CUTS = [0.2, 0.4, 0.6, 0.8];

function checkValues(v: RfmValues, field: string): void {
  if (!(Number.isFinite(v.recencyDays) && v.recencyDays >= 0))
    throw badInput(`${field}.recencyDays`, 'must be ≥ 0');
  if (!(Number.isFinite(v.frequency) && v.frequency >= 1))
    throw badInput(`${field}.frequency`, 'must be ≥ 1');
  if (!(Number.isFinite(v.monetary) && v.monetary >= 0)) throw badInput(`${field}.monetary`, 'must be ≥ 0');
}

export function rfmBreakpoints(base: readonly RfmValues[]): RfmBreakpoints {
  if (base.length === 0) throw badInput('base', 'at least one customer is needed for RFM breakpoints');
  base.forEach((v, i) => checkValues(v, `base[${i}]`));
  const cuts = (values: number[]) => {
    // Typed-array sort is numeric (a plain array's default sort would compare strings).
    const sorted = Float64Array.from(values).sort();
    return QUINTILE_CUTS.map((q) => quantileSorted(sorted, q));
  };
  return {
    recencyDays: cuts(base.map((v) => v.recencyDays)),
    frequency: cuts(base.map((v) => v.frequency)),
    monetary: cuts(base.map((v) => v.monetary)),
  };
}

/** 1 + the number of cut points strictly below the value: ties with a cut point go to the lower score. */
const higherIsBetter = (value: number, cuts: readonly number[]) => 1 + cuts.filter((c) => value > c).length;
/** 1 + the number of cut points strictly above the value (for recency, where fewer days is better). */
const lowerIsBetter = (value: number, cuts: readonly number[]) => 1 + cuts.filter((c) => value < c).length;

export function rfmSegment(recency: number, frequencyMonetary: number): RfmSegment {
  const ok = (s: number) => Number.isInteger(s) && s >= 1 && s <= 5;
  if (!ok(recency)) throw badInput('recency', 'must be an integer score from 1 to 5');
  if (!ok(frequencyMonetary)) throw badInput('frequencyMonetary', 'must be an integer score from 1 to 5');
  return RFM_SEGMENT_GRID[frequencyMonetary - 1][recency - 1];
}

export function scoreRfm(breakpoints: RfmBreakpoints, values: RfmValues): RfmScore {
  checkValues(values, 'customer');
  const recency = lowerIsBetter(values.recencyDays, breakpoints.recencyDays);
  const frequency = higherIsBetter(values.frequency, breakpoints.frequency);
  const monetary = higherIsBetter(values.monetary, breakpoints.monetary);
  const frequencyMonetary = Math.floor((frequency + monetary + 1) / 2);
  return {
    recency,
    frequency,
    monetary,
    frequencyMonetary,
    score: `${recency}${frequency}${monetary}`,
    segment: rfmSegment(recency, frequencyMonetary),
  };
}

/** RFM inputs from a purchase summary (see purchase-summary.ts). */
export function rfmValuesFromSummary(summary: {
  x: number;
  tx: number;
  T: number;
  total: number;
}): RfmValues {
  return { recencyDays: summary.T - summary.tx, frequency: summary.x + 1, monetary: summary.total };
}
