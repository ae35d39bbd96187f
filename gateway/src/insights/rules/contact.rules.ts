import type { ConsentSignal, CustomerSignals } from './signals';
import { ago, plural } from './text';
import { daysSince } from './time';
import { npsCategory } from './value.rules';

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

/** Quiet hours in the customer's local time: from 21:00 until 08:00. */
export const QUIET_HOURS_START = 21;
export const QUIET_HOURS_END = 8;

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

export function isQuietHour(hour: number): boolean {
  return QUIET_HOURS_START > QUIET_HOURS_END
    ? hour >= QUIET_HOURS_START || hour < QUIET_HOURS_END
    : hour >= QUIET_HOURS_START && hour < QUIET_HOURS_END;
}

/** The local hour (0–23) at `now` in `timeZone`; throws RangeError for an unknown zone. */
export function localHour(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  return Number(parts.find((p) => p.type === 'hour')!.value) % 24;
}

/** The usual engagement hour, moved to the nearest edge of the allowed window when it falls in quiet hours. */
export function bestContactHour(preferredHour: number | null): number | null {
  if (preferredHour === null || !Number.isInteger(preferredHour) || preferredHour < 0 || preferredHour > 23)
    return null;
  if (!isQuietHour(preferredHour)) return preferredHour;
  // Evening side of the quiet window → last allowed evening hour; night/morning side → first morning hour.
  return preferredHour >= QUIET_HOURS_START ? (QUIET_HOURS_START + 23) % 24 : QUIET_HOURS_END;
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

const pad = (h: number) => `${String(h).padStart(2, '0')}:00`;

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
  if (s.advocacy.lastNpsAt && npsCategory(s.advocacy.lastNpsScore) === 'DETRACTOR') {
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
  let hour: number;
  try {
    hour = localHour(now, zone);
  } catch {
    notes.push(`Unknown time zone ${zone}; assumed ${DEFAULT_TIME_ZONE}`);
    zone = DEFAULT_TIME_ZONE;
    hour = localHour(now, zone);
  }
  if (isQuietHour(hour)) {
    blocking.push(`Quiet hours: ${pad(hour)} in ${zone} (${pad(QUIET_HOURS_START)}–${pad(QUIET_HOURS_END)})`);
  }

  return {
    contactableNow: blocking.length === 0,
    channel,
    bestHour: bestContactHour(s.engagement.preferredHour),
    reasons: blocking.length > 0 ? blocking : notes,
  };
}
