import type { ConsentSignal, CustomerSignals, QuietHoursSignal } from './signals';
import { ago, plural } from './text';
import { daysSince } from './time';
import { NpsCategory, npsCategory } from '../../../../shared/contract';
import { utcOffsetMinutes } from '../../../../shared/time/time-zone';

/**
 * May we contact this customer for marketing right now, on which channel, and at what hour? Every rule
 * that blocks contact adds a reason, so an agent or a campaign tool can show *why not*.
 */

/** Consent purpose that marketing messages need. */
export const MARKETING_PURPOSE = 'MARKETING';

/** No marketing for this many days after a return. */
export const RETURN_COOLDOWN_DAYS = 14;

/** No marketing for this many days after a detractor NPS answer (0–6). */
export const DETRACTOR_COOLDOWN_DAYS = 90;

/**
 * Quiet hours in the customer's local time when their profile sets none: 21:00 until 08:00. A profile's
 * own `quietHours` (marketing) replaces them.
 */
export const DEFAULT_QUIET_HOURS: Readonly<QuietHoursSignal> = { start: '21:00', end: '08:00' };

/** Time zone assumed when the profile has none (or an unknown one). */
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * The consent channel that reaches a customer on their preferred touchpoint channel (marketing's
 * TouchpointChannel → ConsentChannel). Channels with no contactable counterpart (web, ads, stores…) are absent.
 */
export const PREFERRED_TO_CONSENT_CHANNEL: Readonly<Record<string, string>> = {
  EMAIL: 'EMAIL',
  SMS: 'SMS',
  PUSH: 'PUSH',
  APP: 'PUSH',
  PHONE: 'PHONE',
  POSTAL: 'POSTAL',
};

/**
 * Channels tried, in this order, when the customer's preferred channel has no marketing consent:
 * the least intrusive first.
 */
export const CHANNEL_FALLBACK_ORDER: readonly string[] = [
  'EMAIL',
  'PUSH',
  'IN_APP',
  'SMS',
  'WHATSAPP',
  'PHONE',
  'POSTAL',
];

export interface ContactResult {
  contactableNow: boolean;
  /** Consented channel to use (the preferred one when it has consent); null when none has consent. */
  channel: string | null;
  /** Hour (0–23, customer's local time) to send: their usual engagement hour moved out of quiet hours. */
  bestHour: number | null;
  reasons: string[];
}

/** A quiet-hours window in minutes after local midnight; start > end spans midnight; start = end is none. */
export interface QuietWindow {
  startMinute: number;
  endMinute: number;
}

/** `HH:MM` → minutes after midnight; null when malformed. */
export function parseClock(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function quietWindow(hours: QuietHoursSignal): QuietWindow | null {
  const startMinute = parseClock(hours.start);
  const endMinute = parseClock(hours.end);
  return startMinute === null || endMinute === null ? null : { startMinute, endMinute };
}

export function isQuietMinute(minute: number, w: QuietWindow): boolean {
  if (w.startMinute === w.endMinute) return false;
  return w.startMinute > w.endMinute
    ? minute >= w.startMinute || minute < w.endMinute
    : minute >= w.startMinute && minute < w.endMinute;
}

/** Minutes after local midnight at `now` in `timeZone`; throws RangeError for an unknown zone. */
export function localMinuteOfDay(now: Date, timeZone: string): number {
  // utcOffsetMinutes caches one Intl formatter per zone: building one costs more than the rest of the rule.
  const local = now.getTime() + utcOffsetMinutes(timeZone, now) * 60_000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

const DAY_MS = 86_400_000;

/**
 * The usual engagement hour when it is allowed (its first minute is outside quiet hours), else the
 * nearest allowed hour around the clock (the later one on a tie).
 */
export function bestContactHour(preferredHour: number | null, w: QuietWindow): number | null {
  if (preferredHour === null || !Number.isInteger(preferredHour) || preferredHour < 0 || preferredHour > 23)
    return null;
  const allowed = (h: number) => !isQuietMinute(h * 60, w);
  for (let d = 0; d <= 12; d++) {
    const later = (preferredHour + d) % 24;
    const earlier = (preferredHour - d + 24) % 24;
    if (allowed(later)) return later;
    if (allowed(earlier)) return earlier;
  }
  return null;
}

/** Channels with a granted marketing consent, judged by the latest decision per channel. */
export function consentedChannels(
  consents: readonly ConsentSignal[],
  purpose = MARKETING_PURPOSE,
): Set<string> {
  const latestByChannel = new Map<string, ConsentSignal>();
  for (const c of consents) {
    if (c.purpose !== purpose) continue;
    const seen = latestByChannel.get(c.channel);
    if (!seen || c.updatedAt.getTime() >= seen.updatedAt.getTime()) latestByChannel.set(c.channel, c);
  }
  return new Set([...latestByChannel.values()].filter((c) => c.granted).map((c) => c.channel));
}

/** The preferred touchpoint channel's consent channel when consented, else the first consented fallback. */
export function chooseChannel(
  preferredTouchpointChannel: string | null,
  consented: Set<string>,
): string | null {
  const preferred = preferredTouchpointChannel
    ? PREFERRED_TO_CONSENT_CHANNEL[preferredTouchpointChannel]
    : undefined;
  if (preferred && consented.has(preferred)) return preferred;
  const fallback = CHANNEL_FALLBACK_ORDER.find((c) => consented.has(c));
  return fallback ?? [...consented].sort()[0] ?? null;
}

const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export function computeContact(s: CustomerSignals, now: Date): ContactResult {
  const blocking: string[] = [];
  const notes: string[] = [];

  // An open complaint blocks marketing: fix the problem first.
  if (s.support.openComplaints > 0) {
    blocking.push(plural(s.support.openComplaints, 'open complaint'));
  }
  if (s.purchase.lastReturnAt) {
    const days = daysSince(s.purchase.lastReturnAt, now);
    if (days < RETURN_COOLDOWN_DAYS)
      blocking.push(`Return ${ago(days)} (cool-down ${RETURN_COOLDOWN_DAYS} days)`);
  }
  if (s.advocacy.lastNpsAt && npsCategory(s.advocacy.lastNpsScore) === NpsCategory.DETRACTOR) {
    const days = daysSince(s.advocacy.lastNpsAt, now);
    if (days < DETRACTOR_COOLDOWN_DAYS) {
      blocking.push(
        `Detractor NPS ${s.advocacy.lastNpsScore} given ${ago(days)} (cool-down ${DETRACTOR_COOLDOWN_DAYS} days)`,
      );
    }
  }

  const consented = consentedChannels(s.consents);
  const channel = chooseChannel(s.engagement.preferredChannel, consented);
  if (!channel) {
    blocking.push('No marketing consent for any channel');
  } else if (
    s.engagement.preferredChannel &&
    PREFERRED_TO_CONSENT_CHANNEL[s.engagement.preferredChannel] !== channel
  ) {
    notes.push(
      `Preferred channel ${s.engagement.preferredChannel} has no consented counterpart; using ${channel}`,
    );
  } else {
    notes.push(`Marketing consent for ${channel}`);
  }

  let zone = s.timeZone ?? DEFAULT_TIME_ZONE;
  let minute: number;
  try {
    minute = localMinuteOfDay(now, zone);
  } catch {
    notes.push(`Unknown time zone ${zone}; assumed ${DEFAULT_TIME_ZONE}`);
    zone = DEFAULT_TIME_ZONE;
    minute = localMinuteOfDay(now, zone);
  }
  let window = s.quietHours ? quietWindow(s.quietHours) : null;
  if (s.quietHours && !window) {
    notes.push(`Unreadable quiet hours ${s.quietHours.start}–${s.quietHours.end}; using the default`);
  }
  window ??= quietWindow(DEFAULT_QUIET_HOURS)!;
  if (isQuietMinute(minute, window)) {
    blocking.push(
      `Quiet hours: ${clock(minute)} in ${zone} (${clock(window.startMinute)}–${clock(window.endMinute)})`,
    );
  }

  return {
    contactableNow: blocking.length === 0,
    channel,
    bestHour: bestContactHour(s.engagement.preferredHour, window),
    reasons: blocking.length > 0 ? blocking : notes,
  };
}
