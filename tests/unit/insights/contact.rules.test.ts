import {
  DETRACTOR_COOLDOWN_DAYS,
  QUIET_HOURS_END,
  QUIET_HOURS_START,
  RETURN_COOLDOWN_DAYS,
  bestContactHour,
  chooseChannel,
  computeContact,
  consentedChannels,
  isQuietHour,
  localHour,
} from '../../../gateway/src/insights/rules/contact.rules';
import type { ConsentSignal } from '../../../gateway/src/insights/rules/signals';
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
    it('has quiet hours from 21:00 to 08:00 local time', () => {
      expect(QUIET_HOURS_START).toBe(21);
      expect(QUIET_HOURS_END).toBe(8);
      expect([20, 21, 23, 0, 7, 8].map(isQuietHour)).toEqual([false, true, true, true, true, false]);
    });

    it('reads the local hour in the customer’s time zone, with daylight saving', () => {
      const summerEvening = new Date('2024-06-01T19:30:00Z');
      expect(localHour(summerEvening, 'Europe/Budapest')).toBe(21);
      expect(localHour(summerEvening, 'America/New_York')).toBe(15);
      expect(localHour(new Date('2024-01-15T19:30:00Z'), 'Europe/Budapest')).toBe(20);
    });

    it('blocks marketing during quiet hours where the customer lives', () => {
      const evening = new Date('2024-06-01T19:30:00Z');
      const budapest = computeContact(reachable({ timeZone: 'Europe/Budapest' }), evening);
      expect(budapest.contactableNow).toBe(false);
      expect(budapest.reasons).toEqual(['Quiet hours: 21:00 in Europe/Budapest (21:00–08:00)']);
      expect(computeContact(reachable({ timeZone: 'America/New_York' }), evening).contactableNow).toBe(true);
    });

    it('assumes UTC without a time zone, and says so for an unknown one', () => {
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
    it('is the usual engagement hour when that is allowed', () => {
      expect(bestContactHour(14)).toBe(14);
      expect(bestContactHour(8)).toBe(8);
      expect(bestContactHour(20)).toBe(20);
    });

    it('moves an hour in quiet time to the nearest allowed edge', () => {
      expect(bestContactHour(22)).toBe(20);
      expect(bestContactHour(21)).toBe(20);
      expect(bestContactHour(3)).toBe(8);
      expect(bestContactHour(0)).toBe(8);
    });

    it('is unknown without a usual hour or with an impossible one', () => {
      expect(bestContactHour(null)).toBeNull();
      expect(bestContactHour(24)).toBeNull();
      expect(bestContactHour(-1)).toBeNull();
    });

    it('comes from the engagement facts', () => {
      expect(computeContact(reachable({ engagement: { preferredHour: 23 } }), NOW).bestHour).toBe(20);
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
