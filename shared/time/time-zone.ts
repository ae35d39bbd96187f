/**
 * IANA time-zone helpers built on Intl only (no tz database of our own). Offsets come from the
 * platform's ICU data, so DST rules stay as current as Node itself.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The canonical IANA name (`europe/budapest` → `Europe/Budapest`), or null when Intl does not know it. */
export function canonicalTimeZone(value: string): string | null {
  // Offsets like `+01:00` are refused on purpose: they carry no DST rules, so hours would drift.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Minutes to add to UTC to get local wall-clock time in `timeZone` at `instant`. */
export function utcOffsetMinutes(timeZone: string, instant: Date): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/** Local hour of day (0–23) of `instant` in `timeZone`. */
export function localHour(timeZone: string, instant: Date): number {
  const local = new Date(instant.getTime() + utcOffsetMinutes(timeZone, instant) * 60_000);
  return local.getUTCHours();
}

export interface OffsetPeriod {
  /** Inclusive start; the first period starts at `from` of the request. */
  from: Date;
  offsetMinutes: number;
}

const DAY = 86_400_000;
const periodCache = new Map<string, OffsetPeriod[]>();

/**
 * The constant-offset periods of `timeZone` between `from` and `to`: one entry per DST (or rule) change.
 * Transitions are found by stepping a day at a time and bisecting to the minute, which is exact for every
 * zone in the tz database (no zone changes offset twice within a day).
 */
export function offsetPeriods(timeZone: string, from: Date, to: Date): OffsetPeriod[] {
  const start = Math.floor(from.getTime() / DAY) * DAY;
  const end = Math.ceil(to.getTime() / DAY) * DAY;
  const key = `${timeZone}|${start}|${end}`;
  const cached = periodCache.get(key);
  if (cached) return cached;

  const periods: OffsetPeriod[] = [
    { from: new Date(start), offsetMinutes: utcOffsetMinutes(timeZone, new Date(start)) },
  ];
  let prevT = start;
  let prevOffset = periods[0].offsetMinutes;
  for (let t = start + DAY; t <= end; t += DAY) {
    const offset = utcOffsetMinutes(timeZone, new Date(t));
    if (offset !== prevOffset) {
      // Bisect (prevT, t] to the first minute with the new offset.
      let lo = prevT;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (utcOffsetMinutes(timeZone, new Date(mid)) === prevOffset) lo = mid;
        else hi = mid;
      }
      periods.push({ from: new Date(hi), offsetMinutes: offset });
      prevOffset = offset;
    }
    prevT = t;
  }
  if (periodCache.size > 500) periodCache.clear();
  periodCache.set(key, periods);
  return periods;
}
