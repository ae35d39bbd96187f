import {
  DEFAULT_QUIET_HOURS,
  DETRACTOR_COOLDOWN_DAYS,
  RETURN_COOLDOWN_DAYS,
  bestContactHour,
  chooseChannel,
  computeContact,
  consentedChannels,
  isQuietMinute,
  localMinuteOfDay,
  parseClock,
  quietWindow,
} from '../../../subgraphs/insights/src/rules/contact.rules';
import type { ConsentSignal } from '../../../subgraphs/insights/src/rules/signals';
import { NOW, buyer, daysAgo, signals } from './customer-signals.builder';

const consent = (
  channel: string,
  granted = true,
  updatedDaysAgo = 10,
  purpose = 'MARKETING',
): ConsentSignal => ({
  channel,
  purpose,
  granted,
  updatedAt: daysAgo(updatedDaysAgo),
});

/** NOW is 12:00 UTC: inside the allowed window everywhere near UTC. */
const reachable = (over: Parameters<typeof signals>[0] = {}) =>
  signals({ consents: [consent('EMAIL')], timeZone: 'UTC', ...over });

describe('contact rules', () => {
  it('allows marketing with consent, no trouble and daytime in the customer’s zone', () => {
    expect(computeContact(reachable(), NOW)).toEqual({
      contactableNow: true,
      channel: 'EMAIL',
      bestHour: null,
      reasons: ['Marketing consent for EMAIL'],
    });
  });

  it('blocks marketing while a complaint is open', () => {
    const r = computeContact(reachable({ support: { openComplaints: 1 } }), NOW);
    expect(r.contactableNow).toBe(false);
    expect(r.reasons).toEqual(['1 open complaint']);
    // The channel is still reported so a tool can plan the follow-up.
    expect(r.channel).toBe('EMAIL');
  });

  it('does not block on a complaint that is already resolved', () => {
    expect(computeContact(reachable({ support: { complaintsLast30Days: 1 } }), NOW).contactableNow).toBe(
      true,
    );
  });

  it('blocks marketing during the cool-down after a return', () => {
    const at = (days: number) =>
      computeContact(reachable({ purchase: { ...buyer(1, 40), lastReturnAt: daysAgo(days) } }), NOW);
    expect(at(5).contactableNow).toBe(false);
    expect(at(5).reasons).toEqual([`Return 5 days ago (cool-down ${RETURN_COOLDOWN_DAYS} days)`]);
    expect(at(RETURN_COOLDOWN_DAYS).contactableNow).toBe(true);
  });

  it('blocks marketing after a detractor answer, until its cool-down ends', () => {
    const at = (days: number, score = 3) =>
      computeContact(reachable({ advocacy: { lastNpsScore: score, lastNpsAt: daysAgo(days) } }), NOW);
    expect(at(10).contactableNow).toBe(false);
    expect(at(10).reasons).toEqual([
      `Detractor NPS 3 given 10 days ago (cool-down ${DETRACTOR_COOLDOWN_DAYS} days)`,
    ]);
    expect(at(DETRACTOR_COOLDOWN_DAYS).contactableNow).toBe(true);
    expect(at(10, 7).contactableNow).toBe(true);
  });

  describe('consent', () => {
    it('blocks marketing without any marketing consent', () => {
      const r = computeContact(reachable({ consents: [] }), NOW);
      expect(r).toMatchObject({
        contactableNow: false,
        channel: null,
        reasons: ['No marketing consent for any channel'],
      });
    });

    it('ignores consents given for another purpose', () => {
      const r = computeContact(reachable({ consents: [consent('EMAIL', true, 5, 'SERVICE')] }), NOW);
      expect(r.contactableNow).toBe(false);
    });

    it('honours the latest decision per channel (a withdrawn consent blocks)', () => {
      const withdrawn = [consent('EMAIL', true, 100), consent('EMAIL', false, 3)];
      expect(consentedChannels(withdrawn).has('EMAIL')).toBe(false);
      const regiven = [consent('EMAIL', false, 100), consent('EMAIL', true, 3)];
      expect(consentedChannels(regiven).has('EMAIL')).toBe(true);
      expect(computeContact(reachable({ consents: withdrawn }), NOW).contactableNow).toBe(false);
    });

    it('uses the preferred channel when it has consent', () => {
      const r = computeContact(
        reachable({ consents: [consent('EMAIL'), consent('SMS')], engagement: { preferredChannel: 'SMS' } }),
        NOW,
      );
      expect(r.channel).toBe('SMS');
      expect(r.reasons).toEqual(['Marketing consent for SMS']);
    });

    it('falls back to a consented channel, least intrusive first, and says so', () => {
      const r = computeContact(
        reachable({
          consents: [consent('PHONE'), consent('EMAIL')],
          engagement: { preferredChannel: 'SMS' },
        }),
        NOW,
      );
      expect(r.contactableNow).toBe(true);
      expect(r.channel).toBe('EMAIL');
      expect(r.reasons).toEqual(['Preferred channel SMS has no consented counterpart; using EMAIL']);
    });

    it('reaches app users by push, and web visitors through a fallback', () => {
      const consented = new Set(['PUSH', 'EMAIL']);
      expect(chooseChannel('APP', consented)).toBe('PUSH');
      expect(chooseChannel('WEB', consented)).toBe('EMAIL');
      const r = computeContact(
        reachable({ consents: [consent('PUSH')], engagement: { preferredChannel: 'APP' } }),
        NOW,
      );
      expect(r.reasons).toEqual(['Marketing consent for PUSH']);
    });

    it('picks a channel outside the fallback list deterministically', () => {
      expect(chooseChannel(null, new Set(['ZZZ', 'MMM']))).toBe('MMM');
      expect(chooseChannel(null, new Set())).toBeNull();
    });
  });

  describe('quiet hours', () => {
    const defaults = quietWindow(DEFAULT_QUIET_HOURS)!;

    it('are 21:00–08:00 local time unless the profile sets its own', () => {
      expect(DEFAULT_QUIET_HOURS).toEqual({ start: '21:00', end: '08:00' });
      const at = (hhmm: string) => isQuietMinute(parseClock(hhmm)!, defaults);
      expect(['20:59', '21:00', '23:30', '00:00', '07:59', '08:00'].map(at)).toEqual([
        false,
        true,
        true,
        true,
        true,
        false,
      ]);
    });

    it('handle windows within a day, and an empty window', () => {
      const lunch = quietWindow({ start: '12:00', end: '14:00' })!;
      expect([11 * 60 + 59, 12 * 60, 13 * 60 + 59, 14 * 60].map((m) => isQuietMinute(m, lunch))).toEqual([
        false,
        true,
        true,
        false,
      ]);
      expect(isQuietMinute(0, quietWindow({ start: '09:00', end: '09:00' })!)).toBe(false);
    });

    it('reject malformed clock times', () => {
      expect(parseClock('24:00')).toBeNull();
      expect(parseClock('7:00')).toBeNull();
      expect(parseClock('07:60')).toBeNull();
      expect(parseClock('07:05')).toBe(425);
    });

    it('are read in the customer’s time zone, with daylight saving', () => {
      const summerEvening = new Date('2024-06-01T19:30:00Z');
      expect(localMinuteOfDay(summerEvening, 'Europe/Budapest')).toBe(21 * 60 + 30);
      expect(localMinuteOfDay(summerEvening, 'America/New_York')).toBe(15 * 60 + 30);
      expect(localMinuteOfDay(new Date('2024-01-15T19:30:00Z'), 'Europe/Budapest')).toBe(20 * 60 + 30);
      expect(localMinuteOfDay(new Date('2024-06-01T19:30:00Z'), 'Asia/Kolkata')).toBe(60);
    });

    it('block marketing where the customer lives', () => {
      const evening = new Date('2024-06-01T19:30:00Z');
      const budapest = computeContact(reachable({ timeZone: 'Europe/Budapest' }), evening);
      expect(budapest.contactableNow).toBe(false);
      expect(budapest.reasons).toEqual(['Quiet hours: 21:30 in Europe/Budapest (21:00–08:00)']);
      expect(computeContact(reachable({ timeZone: 'America/New_York' }), evening).contactableNow).toBe(true);
    });

    it('follow the customer’s own quiet hours when the profile sets them', () => {
      // 12:00 UTC is 14:00 in Budapest: inside the customer's afternoon quiet hours, outside the default.
      const own = computeContact(
        reachable({ timeZone: 'Europe/Budapest', quietHours: { start: '13:00', end: '15:30' } }),
        NOW,
      );
      expect(own.contactableNow).toBe(false);
      expect(own.reasons).toEqual(['Quiet hours: 14:00 in Europe/Budapest (13:00–15:30)']);
      // …and a late-evening send that the default would block is fine for a night owl.
      const owl = computeContact(
        reachable({ timeZone: 'UTC', quietHours: { start: '02:00', end: '09:00' } }),
        new Date('2024-06-01T22:30:00Z'),
      );
      expect(owl.contactableNow).toBe(true);
    });

    it('fall back to the default for unreadable quiet hours, and say so', () => {
      const r = computeContact(reachable({ quietHours: { start: 'late', end: 'early' } }), NOW);
      expect(r.contactableNow).toBe(true);
      expect(r.reasons).toEqual([
        'Marketing consent for EMAIL',
        'Unreadable quiet hours late–early; using the default',
      ]);
    });

    it('assume UTC without a time zone, and say so for an unknown one', () => {
      const night = new Date('2024-06-01T02:00:00Z');
      expect(computeContact(reachable({ timeZone: null }), night).reasons).toEqual([
        'Quiet hours: 02:00 in UTC (21:00–08:00)',
      ]);
      const r = computeContact(reachable({ timeZone: 'Mars/Olympus_Mons' }), NOW);
      expect(r.contactableNow).toBe(true);
      expect(r.reasons).toEqual([
        'Marketing consent for EMAIL',
        'Unknown time zone Mars/Olympus_Mons; assumed UTC',
      ]);
    });
  });

  describe('bestHour', () => {
    const defaults = quietWindow(DEFAULT_QUIET_HOURS)!;

    it('is the usual engagement hour when that is allowed', () => {
      expect(bestContactHour(14, defaults)).toBe(14);
      expect(bestContactHour(8, defaults)).toBe(8);
      expect(bestContactHour(20, defaults)).toBe(20);
    });

    it('moves an hour in quiet time to the nearest allowed hour (the later on a tie)', () => {
      expect(bestContactHour(21, defaults)).toBe(20);
      expect(bestContactHour(23, defaults)).toBe(20);
      expect(bestContactHour(3, defaults)).toBe(8);
      expect(bestContactHour(7, defaults)).toBe(8);
      // Midnight: 20:00 is 4 hours away, 08:00 is 8.
      expect(bestContactHour(0, defaults)).toBe(20);
      // A window starting at half past: 22:00 is still allowed, 23:00 is not.
      const w = quietWindow({ start: '22:30', end: '06:30' })!;
      expect(bestContactHour(22, w)).toBe(22);
      expect(bestContactHour(23, w)).toBe(22);
      expect(bestContactHour(6, w)).toBe(7);
    });

    it('is unknown without a usual hour or with an impossible one', () => {
      expect(bestContactHour(null, defaults)).toBeNull();
      expect(bestContactHour(24, defaults)).toBeNull();
      expect(bestContactHour(-1, defaults)).toBeNull();
    });

    it('comes from the engagement facts and the customer’s quiet hours', () => {
      expect(computeContact(reachable({ engagement: { preferredHour: 23 } }), NOW).bestHour).toBe(20);
      expect(
        computeContact(
          reachable({ engagement: { preferredHour: 13 }, quietHours: { start: '12:00', end: '14:00' } }),
          NOW,
        ).bestHour,
      ).toBe(14);
    });
  });

  it('lists every reason that blocks contact', () => {
    const r = computeContact(
      signals({
        consents: [],
        timeZone: 'UTC',
        support: { openComplaints: 2 },
        purchase: { ...buyer(1, 30), lastReturnAt: daysAgo(1) },
        advocacy: { lastNpsScore: 0, lastNpsAt: daysAgo(1) },
      }),
      new Date('2024-06-01T22:00:00Z'),
    );
    expect(r.contactableNow).toBe(false);
    expect(r.reasons).toEqual([
      '2 open complaints',
      'Return 1 day ago (cool-down 14 days)',
      'Detractor NPS 0 given 1 day ago (cool-down 90 days)',
      'No marketing consent for any channel',
      'Quiet hours: 22:00 in UTC (21:00–08:00)',
    ]);
  });
});
