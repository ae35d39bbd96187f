import { utcOffsetMinutes } from '../../shared/time/time-zone';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);
export const daysBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / DAY_MS;

/** UTC offset of a zone on a calendar day (at noon, so a DST change that night does not matter). */
const offsetCache = new Map<string, Map<number, number>>();
function offsetOnDay(timeZone: string, day: number): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  let offset = zone.get(day);
  if (offset === undefined) {
    offset = utcOffsetMinutes(timeZone, new Date(day * DAY_MS + 12 * HOUR_MS));
    zone.set(day, offset);
  }
  return offset;
}

/**
 * The instant at which the wall clock in `timeZone` shows `hour:minute` on the local calendar day that
 * contains `near` — how the story places a customer's evening app session or a 10:00 newsletter send.
 */
export function atLocalTime(timeZone: string, near: Date, hour: number, minute: number): Date {
  const probe = near.getTime() + offsetOnDay(timeZone, Math.floor(near.getTime() / DAY_MS)) * MINUTE_MS;
  const localDay = Math.floor(probe / DAY_MS);
  const offset = offsetOnDay(timeZone, localDay);
  return new Date(localDay * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS - offset * MINUTE_MS);
}

/** Start of the UTC day: the default `asOf`, so runs on the same day produce identical data. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
