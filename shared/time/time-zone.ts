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
