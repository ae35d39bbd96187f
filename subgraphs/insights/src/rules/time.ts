/** Milliseconds in a day; all day counts in the rules are whole elapsed days (floor). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Average Gregorian month (365.2425 / 12 days), so "per month" figures do not depend on the calendar month. */
export const DAYS_PER_MONTH = 30.436875;

/** Whole days from `from` to `now`; 0 when `from` is in the future (clock skew between services). */
export function daysSince(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The most recent of the given dates, ignoring missing ones; null when none is known. */
export function latest(...dates: Array<Date | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d.getTime() > best.getTime())) best = d;
  return best;
}

/** The earliest of the given dates, ignoring missing ones; null when none is known. */
export function earliest(...dates: Array<Date | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d.getTime() < best.getTime())) best = d;
  return best;
}
