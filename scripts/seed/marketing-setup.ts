import { seededId } from '../../shared/ids/ids';
import { CampaignObjective, CampaignStatus } from '../../subgraphs/marketing/src/campaign/campaign.enums';
import { ConsentChannel, ConsentPurpose } from '../../subgraphs/marketing/src/consent/consent.enums';
import { AgeBand } from '../../subgraphs/marketing/src/customer/customer.enums';
import { SegmentKind } from '../../subgraphs/marketing/src/segment/segment.enums';
import { TouchpointChannel } from '../../subgraphs/marketing/src/touchpoint/touchpoint.enums';
import { addDays, DAY_MS } from './time';
import type { CampaignPlan, SegmentPlan } from './types';

/*
 * The demo brand's marketing calendar: always-on programmes (welcome series, how-to newsletter, win-back…)
 * plus seasonal campaigns for every year of the history, with statuses that follow from `asOf`
 * (finished → COMPLETED, running → ACTIVE, future → SCHEDULED) and one each of DRAFT, PAUSED, CANCELLED.
 */

/** How far back the demo history reaches. */
export const HISTORY_DAYS = 3 * 365;

interface CampaignTemplate {
  key: string;
  name: string;
  channel: TouchpointChannel;
  objective: CampaignObjective;
  description: string;
}

/** Always-on programmes: triggered per customer (after sign-up, after an order, after a lapse). */
export const EVERGREEN: readonly CampaignTemplate[] = [
  {
    key: 'welcome',
    name: 'Welcome series',
    channel: TouchpointChannel.EMAIL,
    objective: CampaignObjective.ONBOARDING,
    description: 'Two emails after sign-up.',
  },
  {
    key: 'app-onboarding',
    name: 'App onboarding',
    channel: TouchpointChannel.PUSH,
    objective: CampaignObjective.ONBOARDING,
    description: 'Push notifications after the app is installed.',
  },
  {
    key: 'how-to',
    name: 'How-to Tuesdays',
    channel: TouchpointChannel.EMAIL,
    objective: CampaignObjective.EDUCATION,
    description: 'Brewing and care guides, a few times a year.',
  },
  {
    key: 'masterclass',
    name: 'Coffee masterclass webinars',
    channel: TouchpointChannel.WEB,
    objective: CampaignObjective.EDUCATION,
    description: 'Live online classes.',
  },
  {
    key: 'search-ads',
    name: 'Search ads always-on',
    channel: TouchpointChannel.AD,
    objective: CampaignObjective.ACQUISITION,
    description: 'Paid search.',
  },
  {
    key: 'winback',
    name: 'We miss you',
    channel: TouchpointChannel.EMAIL,
    objective: CampaignObjective.WINBACK,
    description: 'Sent 120 days after the last order.',
  },
  {
    key: 'loyalty',
    name: 'Loyalty points reminder',
    channel: TouchpointChannel.PUSH,
    objective: CampaignObjective.RETENTION,
    description: 'Points balance for app users.',
  },
  {
    key: 'replenish',
    name: 'Coffee replenishment reminder',
    channel: TouchpointChannel.SMS,
    objective: CampaignObjective.RETENTION,
    description: 'SMS 30 days after a coffee order.',
  },
  {
    key: 'refer',
    name: 'Refer a friend',
    channel: TouchpointChannel.EMAIL,
    objective: CampaignObjective.ADVOCACY,
    description: 'Invitation to refer after a repeat order.',
  },
  {
    key: 'review-request',
    name: 'Review request',
    channel: TouchpointChannel.EMAIL,
    objective: CampaignObjective.ADVOCACY,
    description: 'Asks for a review after delivery.',
  },
];

interface SeasonalTemplate extends CampaignTemplate {
  /** Month (1–12) and day the campaign starts, and its length in days. */
  start: [number, number];
  days: number;
}

export const SEASONAL: readonly SeasonalTemplate[] = [
  {
    key: 'spring',
    name: 'Spring launch',
    channel: TouchpointChannel.AD,
    objective: CampaignObjective.AWARENESS,
    description: 'Display and video ads for the new collection.',
    start: [3, 1],
    days: 45,
  },
  {
    key: 'store-events',
    name: 'Store tasting events',
    channel: TouchpointChannel.EVENT,
    objective: CampaignObjective.AWARENESS,
    description: 'Tastings and demos in our stores.',
    start: [4, 10],
    days: 150,
  },
  {
    key: 'summer',
    name: 'Summer outdoor',
    channel: TouchpointChannel.SOCIAL,
    objective: CampaignObjective.ACQUISITION,
    description: 'Social campaign for the outdoor range.',
    start: [6, 1],
    days: 60,
  },
  {
    key: 'catalogue',
    name: 'Autumn catalogue',
    channel: TouchpointChannel.POSTAL,
    objective: CampaignObjective.AWARENESS,
    description: 'Printed catalogue by post.',
    start: [9, 15],
    days: 30,
  },
  {
    key: 'black-friday',
    name: 'Black Friday',
    channel: TouchpointChannel.EMAIL,
    objective: CampaignObjective.CONVERSION,
    description: 'Discounts on the whole range.',
    start: [11, 20],
    days: 11,
  },
  {
    key: 'black-friday-sms',
    name: 'Black Friday SMS',
    channel: TouchpointChannel.SMS,
    objective: CampaignObjective.CONVERSION,
    description: 'Last-day reminder.',
    start: [11, 28],
    days: 3,
  },
  {
    key: 'gift-guide',
    name: 'Christmas gift guide',
    channel: TouchpointChannel.EMAIL,
    objective: CampaignObjective.CONVERSION,
    description: 'Gift ideas by budget.',
    start: [12, 1],
    days: 20,
  },
];

/** Campaigns that exist in a state the calendar never produces on its own. */
const ODD_ONES: readonly (CampaignTemplate & { status: CampaignStatus; offset: [number, number] })[] = [
  {
    key: 'influencer-pilot',
    name: 'Influencer pilot',
    channel: TouchpointChannel.SOCIAL,
    objective: CampaignObjective.ACQUISITION,
    description: 'Paused after the first wave.',
    status: CampaignStatus.PAUSED,
    offset: [-40, 50],
  },
  {
    key: 'tv-test',
    name: 'TV sponsorship test',
    channel: TouchpointChannel.AD,
    objective: CampaignObjective.AWARENESS,
    description: 'Cancelled before launch.',
    status: CampaignStatus.CANCELLED,
    offset: [-200, -170],
  },
  {
    key: 'winter-sale-draft',
    name: 'Winter sale (draft)',
    channel: TouchpointChannel.EMAIL,
    objective: CampaignObjective.CONVERSION,
    description: 'Being prepared.',
    status: CampaignStatus.DRAFT,
    offset: [60, 75],
  },
];

function statusAt(startsAt: Date, endsAt: Date, asOf: Date): CampaignStatus {
  if (endsAt.getTime() < asOf.getTime()) return CampaignStatus.COMPLETED;
  if (startsAt.getTime() > asOf.getTime()) return CampaignStatus.SCHEDULED;
  return CampaignStatus.ACTIVE;
}

export function planCampaigns(asOf: Date, salt: number): CampaignPlan[] {
  const out: Omit<CampaignPlan, 'campaignId'>[] = [];
  const historyStart = addDays(asOf, -HISTORY_DAYS);
  for (const t of EVERGREEN) {
    const startsAt = addDays(historyStart, -30);
    const endsAt = addDays(asOf, 365);
    out.push({ ...t, status: CampaignStatus.ACTIVE, startsAt, endsAt, createdAt: addDays(startsAt, -14) });
  }
  const firstYear = historyStart.getUTCFullYear();
  for (let year = firstYear; year <= asOf.getUTCFullYear() + 1; year++) {
    for (const t of SEASONAL) {
      const startsAt = new Date(Date.UTC(year, t.start[0] - 1, t.start[1], 8));
      const endsAt = new Date(startsAt.getTime() + t.days * DAY_MS);
      // Seasonal campaigns from before the history or more than two months ahead are not in the demo.
      if (endsAt < historyStart || startsAt.getTime() > asOf.getTime() + 60 * DAY_MS) continue;
      out.push({
        key: `${t.key}-${year}`,
        name: `${t.name} ${year}`,
        channel: t.channel,
        objective: t.objective,
        description: t.description,
        status: statusAt(startsAt, endsAt, asOf),
        startsAt,
        endsAt,
        createdAt: new Date(Math.min(addDays(startsAt, -21).getTime(), asOf.getTime())),
      });
    }
  }
  for (const t of ODD_ONES) {
    const startsAt = addDays(asOf, t.offset[0]);
    const endsAt = addDays(asOf, t.offset[1]);
    out.push({
      key: t.key,
      name: t.name,
      channel: t.channel,
      objective: t.objective,
      description: t.description,
      status: t.status,
      startsAt,
      endsAt,
      createdAt: new Date(Math.min(addDays(startsAt, -20).getTime(), asOf.getTime())),
    });
  }
  return out.map((c, i) => ({ ...c, campaignId: seededId('cmp', i + 1, salt) }));
}

/** Whether a campaign can reach customers at `at` (paused, draft and cancelled ones never do). */
export function campaignRunsAt(c: CampaignPlan, at: Date): boolean {
  if (
    c.status === CampaignStatus.DRAFT ||
    c.status === CampaignStatus.CANCELLED ||
    c.status === CampaignStatus.PAUSED
  ) {
    return false;
  }
  return c.startsAt.getTime() <= at.getTime() && at.getTime() <= c.endsAt.getTime();
}

export function planSegments(asOf: Date, salt: number): SegmentPlan[] {
  const createdAt = addDays(asOf, -400);
  const list: Omit<SegmentPlan, 'segmentId'>[] = [
    {
      key: 'hungarian',
      name: 'Hungarian speakers',
      description: 'Customers whose language is Hungarian.',
      kind: SegmentKind.RULE,
      rules: { languages: ['hu'] },
      createdAt,
    },
    {
      key: 'german',
      name: 'German-speaking customers',
      description: 'DE and AT, German language.',
      kind: SegmentKind.RULE,
      rules: { languages: ['de'] },
      createdAt,
    },
    {
      key: 'persian',
      name: 'Persian speakers',
      description: 'Customers whose language is Persian.',
      kind: SegmentKind.RULE,
      rules: { languages: ['fa'] },
      createdAt,
    },
    {
      key: 'email-audience',
      name: 'Email marketing audience',
      description: 'Everyone who may receive marketing email.',
      kind: SegmentKind.RULE,
      rules: {
        hasEmail: true,
        consents: [{ channel: ConsentChannel.EMAIL, purpose: ConsentPurpose.MARKETING }],
      },
      createdAt,
    },
    {
      key: 'young-poland',
      name: 'Young adults in Poland',
      description: '18–34 living in Poland.',
      kind: SegmentKind.RULE,
      rules: { countries: ['PL'], ageBands: [AgeBand.AGE_18_24, AgeBand.AGE_25_34] },
      createdAt,
    },
    {
      key: 'vip',
      name: 'VIP club',
      description: 'Invited loyal customers (manual list).',
      kind: SegmentKind.MANUAL,
      createdAt,
    },
    {
      key: 'beta',
      name: 'App beta testers',
      description: 'Customers testing new app versions (manual list).',
      kind: SegmentKind.MANUAL,
      createdAt,
    },
  ];
  return list.map((s, i) => ({ ...s, segmentId: seededId('seg', i + 1, salt) }));
}
