import { seededId } from '../../shared/ids/ids';
import { CampaignObjective } from '../../subgraphs/marketing/src/campaign/campaign.enums';
import {
  ConsentChannel,
  ConsentPurpose,
  ConsentSource,
} from '../../subgraphs/marketing/src/consent/consent.enums';
import {
  AgeBand,
  IdentifierKind,
  PhoneKind,
  SocialNetwork,
} from '../../subgraphs/marketing/src/customer/customer.enums';
import {
  TouchpointChannel as C,
  TouchpointType as T,
} from '../../subgraphs/marketing/src/touchpoint/touchpoint.enums';
import { EDUCATION_TYPES, OUTBOUND_TYPES } from '../../subgraphs/marketing/src/touchpoint/touchpoint.rules';
import { OrderChannel } from '../../subgraphs/sales/src/order/order.enums';
import {
  TicketCategory,
  TicketChannel,
  TicketMessageAuthor,
} from '../../subgraphs/support/src/ticket/ticket.enums';
import { CATALOGUE } from './catalogue.data';
import { campaignRunsAt, HISTORY_DAYS, planCampaigns, planSegments } from './marketing-setup';
import { NAMES, PERSIAN_NAMES } from './names.data';
import { emailWord, generatePeople } from './people';
import {
  COMPLAINT_REASONS,
  demoOrderNumber,
  drawBuyerTraits,
  lapseThresholdDays,
  orderLines,
  orderTerms,
  RETURN_REASON_WEIGHTS,
  returnItems,
  simulatePurchaseTimes,
  type BuyerTraits,
} from './purchases';
import { createSeedRandom, type SeedRandom } from './random';
import { planTicket, resolvedAtOf } from './tickets';
import { NPS_COMMENTS, RETURN_COMMENTS, REVIEW_TEXTS, type TicketTopic, type Tone } from './texts.data';
import { addDays, atLocalTime, DAY_MS, HOUR_MS, MINUTE_MS } from './time';
import {
  type Archetype,
  type CampaignPlan,
  type ConsentDecision,
  type CustomerPlan,
  type DemoStory,
  type OrderPlan,
  type ProfilePlan,
  type ReferralPlan,
  type SurveyPlan,
  type TicketPlan,
  type TouchpointPlan,
} from './types';

/*
 * The story generator: from a seed, one plan per customer — who they are, which persona their life with
 * the brand follows, and every touchpoint, order, return, ticket, survey answer, review and referral on the
 * way, with timestamps that make sense together (returns days after delivery, complaints after returns,
 * surveys after tickets, campaign emails only while marketing consent is granted, engagement at each
 * customer's own hours in their time zone). Pure: no clock, no I/O, no Math.random.
 */

export interface StoryOptions {
  customers: number;
  seed: number;
  asOf: Date;
  /** Share of people registered twice. Default 0.05. */
  duplicateRate?: number;
}

/** Persona mix of the original profiles: every lifecycle stage is well represented. */
export const ARCHETYPE_WEIGHTS: Readonly<Record<Archetype, number>> = {
  DISCOVERER: 0.13,
  LEARNER: 0.1,
  FIRST_TIME_BUYER: 0.07,
  REPEAT_BUYER: 0.22,
  ADVOCATE: 0.12,
  AT_RISK: 0.11,
  COMPLAINER: 0.08,
  CHURNED: 0.17,
};

const BUYERS: ReadonlySet<Archetype> = new Set([
  'FIRST_TIME_BUYER',
  'REPEAT_BUYER',
  'ADVOCATE',
  'AT_RISK',
  'COMPLAINER',
]);
/** Personas allowed to show risk signals (recent negative tickets, detractor answers, low ratings). */
const RISKY: ReadonlySet<Archetype> = new Set(['AT_RISK', 'COMPLAINER', 'CHURNED']);

const SOURCE_OF: Readonly<Record<C, string>> = {
  [C.WEB]: 'web-sdk',
  [C.APP]: 'app-sdk',
  [C.EMAIL]: 'esp',
  [C.SMS]: 'sms-gateway',
  [C.PUSH]: 'push-service',
  [C.SOCIAL]: 'social-listening',
  [C.AD]: 'ad-platform',
  [C.PHONE]: 'contact-center',
  [C.CHAT]: 'contact-center',
  [C.STORE]: 'pos',
  [C.POSTAL]: 'print-house',
  [C.EVENT]: 'event-app',
};

const OUTBOUND: ReadonlySet<T> = new Set(OUTBOUND_TYPES);
const EDUCATION: ReadonlySet<T> = new Set(EDUCATION_TYPES);

/** Sequential seeded ids per prefix (`ord_…`, `tkt_…`): the same story always numbers rows the same way. */
export class IdAllocator {
  private readonly counters = new Map<string, number>();
  constructor(readonly salt: number) {}
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return seededId(prefix, n, this.salt);
  }
  count(prefix: string): number {
    return this.counters.get(prefix) ?? 0;
  }
}

interface StoryContext {
  asOf: Date;
  historyStart: Date;
  campaigns: readonly CampaignPlan[];
  byKey: ReadonlyMap<string, CampaignPlan>;
  ids: IdAllocator;
}

/** A campaign of `key` (evergreen) or `key-<year>` (seasonal) running at `at`. */
function runningCampaign(ctx: StoryContext, key: string, at: Date): CampaignPlan | undefined {
  const c = ctx.byKey.get(key) ?? ctx.byKey.get(`${key}-${at.getUTCFullYear()}`);
  return c && campaignRunsAt(c, at) ? c : undefined;
}

const productName = new Map(CATALOGUE.map((p) => [p.sku, p.name]));

/** Everything about one customer that the story needs while writing their history. */
class CustomerStory {
  readonly plan: CustomerPlan;
  private readonly p: ProfilePlan;
  private readonly asOfMs: number;
  /** Engaged activity never happens after this (a churned customer's last day). */
  private limitMs: number;
  private firstSeenMs = 0;
  private hasApp = false;
  private appSinceMs = 0;
  private social = false;
  private storeShopper = false;
  private openRate = 0.3;
  private activity = 1;
  private traits: BuyerTraits;
  private mainChannel: OrderChannel = OrderChannel.WEB;
  private variant: 'lapsed' | 'detractor' = 'lapsed';

  constructor(
    private readonly ctx: StoryContext,
    profile: ProfilePlan,
    archetype: Archetype,
    private readonly r: SeedRandom,
    private readonly original?: CustomerPlan,
  ) {
    this.p = profile;
    this.asOfMs = ctx.asOf.getTime();
    this.limitMs = this.asOfMs;
    this.traits = drawBuyerTraits(r);
    const quiet = r.chance(original ? 0.5 : 0.12);
    const peakHour = r.pick([7, 8, 12, 13, 17, 19, 20, 21, 22]);
    this.plan = {
      profile,
      archetype,
      quiet,
      peakHour,
      touchpoints: [],
      orders: [],
      returns: [],
      tickets: [],
      surveys: [],
      reviews: [],
      referrals: [],
    };
    this.activity = quiet ? 0.12 : Math.exp(r.normal(0, 0.5));
    this.openRate = quiet ? 0.03 : r.beta(2, 4);
  }

  // ---------------------------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------------------------

  private ago(days: number): number {
    return this.asOfMs - days * DAY_MS;
  }

  /** An instant on the day of `nearMs` at an hour this customer typically engages (local time). */
  private engagedAt(nearMs: number): number {
    const r = this.r;
    const hour = r.chance(0.7)
      ? ((Math.round(r.normal(this.plan.peakHour, 1.1)) % 24) + 24) % 24
      : r.between(7, 23);
    return atLocalTime(this.p.timeZone, new Date(nearMs), hour, r.int(60)).getTime();
  }

  private businessHoursAt(nearMs: number, from = 9, to = 18): number {
    return atLocalTime(
      this.p.timeZone,
      new Date(nearMs),
      this.r.between(from, to - 1),
      this.r.int(60),
    ).getTime();
  }

  private touch(
    channel: C,
    type: T,
    atMs: number,
    extra: Partial<Pick<TouchpointPlan, 'campaignKey' | 'properties'>> = {},
  ): boolean {
    const outbound = OUTBOUND.has(type);
    if (atMs > this.asOfMs || atMs < this.ctx.historyStart.getTime() - 30 * DAY_MS) return false;
    if (!outbound && atMs > this.limitMs) return false;
    // Discoverers have not started learning: no education touchpoints, no education campaign engagement.
    if (!outbound && this.plan.archetype === 'DISCOVERER' && !this.original) {
      const campaign = extra.campaignKey ? this.ctx.byKey.get(extra.campaignKey) : undefined;
      if (EDUCATION.has(type) || campaign?.objective === CampaignObjective.EDUCATION) return false;
    }
    this.plan.touchpoints.push({
      channel,
      type,
      occurredAt: new Date(atMs),
      source: SOURCE_OF[channel],
      ...extra,
    });
    return true;
  }

  private granted(channel: ConsentChannel, purpose: ConsentPurpose, atMs: number): boolean {
    let state = false;
    for (const d of this.p.consents) {
      if (d.at.getTime() > atMs) break;
      if (d.channel === channel && d.purpose === purpose) state = d.granted;
    }
    return state;
  }

  private hasEmail(): boolean {
    return this.p.emails.length > 0;
  }

  private hasMobile(): boolean {
    return this.p.phones.some((ph) => ph.kind === PhoneKind.MOBILE);
  }

  private get createdMs(): number {
    return this.p.createdAt.getTime();
  }

  private customerName(): string {
    return this.p.givenName?.split(' ')[0] ?? 'there';
  }

  // ---------------------------------------------------------------------------------------------
  // The persona's time frame and purchases
  // ---------------------------------------------------------------------------------------------

  private purchaseTimes(): number[] {
    const r = this.r;
    const a = this.plan.archetype;
    const fit = (accept: (times: number[]) => boolean, start: () => number, end: number): number[] | null => {
      for (let attempt = 0; attempt < 60; attempt++) {
        const traits = attempt === 0 ? this.traits : drawBuyerTraits(r);
        const times = simulatePurchaseTimes(r, traits, start(), end);
        if (accept(times)) {
          this.traits = traits;
          return times;
        }
      }
      return null;
    };
    const ageDays = (ms: number) => (this.asOfMs - ms) / DAY_MS;
    const last = (times: number[]) => times[times.length - 1];
    switch (a) {
      case 'FIRST_TIME_BUYER':
        return [this.ago(r.uniform(1, 27))];
      case 'REPEAT_BUYER':
      case 'ADVOCATE':
      case 'COMPLAINER': {
        const minOrders = a === 'ADVOCATE' ? 2 : 1;
        const start = () => Math.min(this.firstSeenMs + r.uniform(0, 45) * DAY_MS, this.ago(35));
        const times =
          fit(
            (ts) =>
              ts.length >= minOrders &&
              ageDays(last(ts)) < Math.min(300, lapseThresholdDays(ts) - 7) &&
              !(ts.length === 1 && ageDays(ts[0]) < 31),
            start,
            this.asOfMs,
          ) ?? this.regularOrders(start(), this.ago(r.uniform(5, 60)), r.uniform(30, 80));
        if (a !== 'COMPLAINER') return times;
        // The complaint story needs a delivered order from the last few weeks.
        const kept = times.filter((t) => ageDays(t) > 40);
        return [...kept, this.ago(r.uniform(12, 28))];
      }
      case 'AT_RISK': {
        this.variant = r.chance(0.7) ? 'lapsed' : 'detractor';
        if (this.variant === 'detractor') {
          const start = () => Math.min(this.firstSeenMs + r.uniform(0, 45) * DAY_MS, this.ago(60));
          return (
            fit(
              (ts) => ageDays(last(ts)) < Math.min(300, lapseThresholdDays(ts) - 7) && ageDays(last(ts)) > 10,
              start,
              this.asOfMs,
            ) ?? this.regularOrders(start(), this.ago(r.uniform(15, 60)), r.uniform(30, 80))
          );
        }
        const start = () => Math.min(this.firstSeenMs + r.uniform(0, 60) * DAY_MS, this.ago(220));
        return (
          fit(
            (ts) => ageDays(last(ts)) >= lapseThresholdDays(ts) + 3 && ageDays(last(ts)) <= 345,
            start,
            this.asOfMs,
          ) ?? this.regularOrders(start(), this.ago(r.uniform(200, 330)), r.uniform(20, 60))
        );
      }
      case 'CHURNED': {
        if (r.chance(0.3)) return [];
        // Simulated up to today and kept only if nothing falls after the churn day: the buyer left through the
        // process itself (drop-out, or a rate too slow to return), never by cutting a live history short.
        const start = () => Math.min(this.firstSeenMs + r.uniform(0, 60) * DAY_MS, this.limitMs);
        return fit((ts) => last(ts) <= this.limitMs, start, this.asOfMs) ?? [start()];
      }
      default:
        return [];
    }
  }

  /** Fallback history: orders every `gapDays` from `fromMs` to `toMs`. */
  private regularOrders(fromMs: number, toMs: number, gapDays: number): number[] {
    const times: number[] = [];
    for (let t = Math.min(fromMs, toMs); t <= toMs; t += gapDays * DAY_MS) times.push(t);
    if (times[times.length - 1] !== toMs) times.push(toMs);
    return times.length > 1 ? times : [toMs];
  }

  private setTimeFrame(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const earliest = this.ctx.historyStart.getTime();
    const at = (days: number) => Math.max(earliest, this.ago(days));
    switch (a) {
      case 'DISCOVERER':
        this.firstSeenMs = at(r.uniform(3, 110));
        break;
      case 'LEARNER':
        this.firstSeenMs = at(r.uniform(30, 250));
        break;
      case 'FIRST_TIME_BUYER':
        this.firstSeenMs = at(r.uniform(30, 240));
        break;
      case 'AT_RISK':
        this.firstSeenMs = at(r.uniform(260, HISTORY_DAYS - 10));
        break;
      case 'CHURNED': {
        this.firstSeenMs = at(r.uniform(480, HISTORY_DAYS - 5));
        const seenDaysAgo = (this.asOfMs - this.firstSeenMs) / DAY_MS;
        this.limitMs = this.ago(r.uniform(380, Math.max(381, Math.min(seenDaysAgo - 20, 800))));
        break;
      }
      default:
        this.firstSeenMs = at(r.uniform(90, HISTORY_DAYS - 10));
    }
  }

  private setTraits(): void {
    const r = this.r;
    const young = this.p.ageBand === AgeBand.AGE_18_24 || this.p.ageBand === AgeBand.AGE_25_34;
    this.hasApp = r.chance(young ? 0.5 : 0.3);
    this.social = r.chance(young ? 0.55 : 0.3);
    this.storeShopper = r.chance(0.3);
    this.mainChannel = r.weighted({
      [OrderChannel.WEB]: 0.5,
      [OrderChannel.APP]: this.hasApp ? 0.35 : 0,
      [OrderChannel.STORE]: this.storeShopper ? 0.45 : 0.03,
      [OrderChannel.PHONE]: 0.03,
      [OrderChannel.MARKETPLACE]: 0.08,
      [OrderChannel.SOCIAL]: this.social ? 0.05 : 0,
    } as Record<OrderChannel, number>);
  }

  // ---------------------------------------------------------------------------------------------
  // Consent and identifiers
  // ---------------------------------------------------------------------------------------------

  private decideConsents(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const created = this.createdMs;
    const decisions: ConsentDecision[] = [];
    const source =
      this.storeShopper && r.chance(0.4)
        ? ConsentSource.STORE
        : r.chance(0.15)
          ? ConsentSource.IMPORT
          : ConsentSource.WEB_FORM;
    const decide = (
      channel: ConsentChannel,
      purpose: ConsentPurpose,
      p: number,
      atMs = created,
      src = source,
    ) => decisions.push({ channel, purpose, granted: r.chance(p), source: src, at: new Date(atMs) });
    if (this.hasEmail()) {
      decide(ConsentChannel.EMAIL, ConsentPurpose.SERVICE, 0.97);
      decide(
        ConsentChannel.EMAIL,
        ConsentPurpose.MARKETING,
        a === 'DISCOVERER' || a === 'LEARNER' ? 0.85 : 0.68,
      );
      decide(ConsentChannel.EMAIL, ConsentPurpose.ANALYTICS, 0.6);
      if (r.chance(0.6)) decide(ConsentChannel.EMAIL, ConsentPurpose.PROFILING, 0.45);
    }
    if (this.hasMobile()) {
      decide(ConsentChannel.SMS, ConsentPurpose.SERVICE, 0.9);
      decide(ConsentChannel.SMS, ConsentPurpose.MARKETING, 0.32);
      if (r.chance(0.5)) decide(ConsentChannel.PHONE, ConsentPurpose.SERVICE, 0.7);
      if (r.chance(0.3)) decide(ConsentChannel.PHONE, ConsentPurpose.MARKETING, 0.2);
      if (r.chance(0.25)) decide(ConsentChannel.WHATSAPP, ConsentPurpose.MARKETING, 0.5);
    }
    if (this.p.address && r.chance(0.6)) decide(ConsentChannel.POSTAL, ConsentPurpose.MARKETING, 0.35);
    if (this.hasApp) {
      decide(ConsentChannel.PUSH, ConsentPurpose.SERVICE, 0.8, this.appSinceMs, ConsentSource.APP);
      decide(ConsentChannel.PUSH, ConsentPurpose.MARKETING, 0.5, this.appSinceMs, ConsentSource.APP);
      decide(ConsentChannel.IN_APP, ConsentPurpose.MARKETING, 0.6, this.appSinceMs, ConsentSource.APP);
      decide(ConsentChannel.IN_APP, ConsentPurpose.ANALYTICS, 0.7, this.appSinceMs, ConsentSource.APP);
    }
    // Later changes of mind: unsubscribe links, STOP replies, a yes given to an agent or in a store.
    const laterMs = (minDays: number) =>
      created + r.uniform(minDays, Math.max(minDays + 1, (this.asOfMs - created) / DAY_MS)) * DAY_MS;
    const emailMarketing = decisions.find(
      (d) => d.channel === ConsentChannel.EMAIL && d.purpose === ConsentPurpose.MARKETING,
    );
    const withdrawChance = a === 'COMPLAINER' ? 0.35 : a === 'CHURNED' ? 0.3 : 0.08;
    if (emailMarketing?.granted && r.chance(withdrawChance)) {
      const atMs = laterMs(20);
      if (atMs < this.asOfMs)
        decisions.push({
          ...emailMarketing,
          granted: false,
          source: ConsentSource.EMAIL_LINK,
          at: new Date(atMs),
        });
    } else if (emailMarketing && !emailMarketing.granted && r.chance(0.1)) {
      const atMs = laterMs(10);
      if (atMs < this.limitMs) {
        decisions.push({
          ...emailMarketing,
          granted: true,
          source: this.storeShopper ? ConsentSource.STORE : ConsentSource.AGENT,
          at: new Date(atMs),
        });
      }
    }
    const smsMarketing = decisions.find(
      (d) => d.channel === ConsentChannel.SMS && d.purpose === ConsentPurpose.MARKETING,
    );
    if (smsMarketing?.granted && r.chance(0.12)) {
      const atMs = laterMs(15);
      if (atMs < this.asOfMs)
        decisions.push({
          ...smsMarketing,
          granted: false,
          source: ConsentSource.SMS_KEYWORD,
          at: new Date(atMs),
        });
    }
    this.p.consents = decisions.sort((x, y) => x.at.getTime() - y.at.getTime());
  }

  private addIdentifiers(): void {
    const r = this.r;
    const at = this.p.createdAt;
    const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(16)]).join('');
    if (r.chance(0.85))
      this.p.identifiers.push({
        kind: IdentifierKind.COOKIE_ID,
        value: `ck_${hex(20)}`,
        source: 'web-sdk',
        addedAt: at,
      });
    if (this.hasApp) {
      const uuid = `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[r.int(4)]}${hex(3)}-${hex(12)}`.toUpperCase();
      this.p.identifiers.push({
        kind: IdentifierKind.DEVICE_ID,
        value: uuid,
        source: 'app-sdk',
        addedAt: new Date(this.appSinceMs),
      });
    }
    if (this.social) {
      const base =
        this.p.emails[0]?.address.split('@')[0] ??
        `${emailWord(this.p.locale, this.p.familyName ?? 'user')}${hex(3)}`;
      const network = r.weighted({
        [SocialNetwork.INSTAGRAM]: 0.4,
        [SocialNetwork.FACEBOOK]: 0.3,
        [SocialNetwork.TIKTOK]: 0.15,
        [SocialNetwork.X]: 0.1,
        [SocialNetwork.LINKEDIN]: 0.05,
      } as Record<SocialNetwork, number>);
      this.p.socialHandles.push({
        network,
        handle: `@${(base || 'user').replace(/[^a-z0-9._]/gi, '').slice(0, 28) || 'user'}`,
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Orders and returns
  // ---------------------------------------------------------------------------------------------

  private orderChannel(): OrderChannel {
    if (this.r.chance(0.75)) return this.mainChannel;
    return this.r.weighted({
      [OrderChannel.WEB]: 0.55,
      [OrderChannel.APP]: this.hasApp ? 0.2 : 0,
      [OrderChannel.STORE]: 0.15,
      [OrderChannel.PHONE]: 0.03,
      [OrderChannel.MARKETPLACE]: 0.07,
      [OrderChannel.SOCIAL]: this.social ? 0.04 : 0,
    } as Record<OrderChannel, number>);
  }

  private placeOrders(times: readonly number[]): void {
    const r = this.r;
    times.forEach((dayMs, i) => {
      const channel = this.orderChannel();
      let placedMs =
        channel === OrderChannel.STORE ? this.businessHoursAt(dayMs, 10, 20) : this.engagedAt(dayMs);
      if (placedMs > this.asOfMs) placedMs -= DAY_MS;
      if (placedMs > this.limitMs) placedMs = this.limitMs - r.uniform(1, 12) * HOUR_MS;
      const placedAt = new Date(placedMs);
      const lines = orderLines(r, this.traits, placedAt, this.ctx.asOf);
      const promotion = Boolean(runningCampaign(this.ctx, 'black-friday', placedAt));
      const terms = orderTerms(r, lines, channel, placedAt, this.ctx.asOf, promotion);
      // A few orders are cancelled, never the first or the latest (they carry the persona's story), and
      // none of a lapsed buyer's: fewer counted orders would stretch their cadence and hide the lapse.
      const lapsed = this.plan.archetype === 'AT_RISK' && this.variant === 'lapsed';
      const cancelled = !lapsed && i > 0 && i < times.length - 1 && r.chance(0.04);
      const sequence = this.ctx.ids.count('ord') + 1;
      this.plan.orders.push({
        orderId: this.ctx.ids.next('ord'),
        orderNumber: demoOrderNumber(placedAt, sequence, this.ctx.ids.salt),
        channel,
        placedAt,
        fulfilment: cancelled ? 'CANCELLED' : terms.fulfilment,
        lines,
        discountMinor: terms.discountMinor,
        shippingMinor: terms.shippingMinor,
      });
    });
  }

  private planReturns(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const orders = this.plan.orders;
    const target = a === 'COMPLAINER' ? orders[orders.length - 1] : undefined;
    for (const order of orders) {
      if (order.fulfilment !== 'DELIVERED') continue;
      const forced = order === target;
      if (!forced && !r.chance(a === 'AT_RISK' ? 0.12 : 0.07)) continue;
      const createdMs = forced
        ? Math.min(order.placedAt.getTime() + r.uniform(2, 5) * DAY_MS, this.asOfMs - 2 * DAY_MS)
        : this.engagedAt(order.placedAt.getTime() + r.uniform(4, 18) * DAY_MS);
      if (createdMs > Math.min(this.asOfMs - HOUR_MS, this.limitMs) || createdMs <= order.placedAt.getTime())
        continue;
      const processedMs = createdMs + r.uniform(1, 6) * DAY_MS;
      const reason = forced ? r.pick(COMPLAINT_REASONS) : r.weighted(RETURN_REASON_WEIGHTS);
      this.plan.returns.push({
        returnId: this.ctx.ids.next('ret'),
        orderId: order.orderId,
        items: returnItems(r, order.lines),
        reason,
        comment: r.chance(0.4) ? r.pick(RETURN_COMMENTS) : undefined,
        createdAt: new Date(createdMs),
        // The complainer's refund is still pending: that is what they complain about.
        processedAt:
          forced && r.chance(0.6) ? null : processedMs <= this.asOfMs ? new Date(processedMs) : null,
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Support
  // ---------------------------------------------------------------------------------------------

  private ticketChannel(): TicketChannel {
    return this.r.weighted({
      [TicketChannel.EMAIL]: this.hasEmail() ? 0.3 : 0,
      [TicketChannel.PHONE]: this.p.phones.length ? 0.22 : 0,
      [TicketChannel.CHAT]: 0.2,
      [TicketChannel.WEB_FORM]: 0.12,
      [TicketChannel.SOCIAL]: this.social ? 0.08 : 0.01,
      [TicketChannel.SMS]: this.hasMobile() ? 0.03 : 0,
      [TicketChannel.APP]: this.hasApp ? 0.06 : 0,
      [TicketChannel.STORE]: this.storeShopper ? 0.05 : 0,
    } as Record<TicketChannel, number>);
  }

  /** Ratings of personas that are not at risk stay at 3 or more: a low average would put them at risk. */
  private ratingRange(tone: Tone): [number, number] {
    const risky = RISKY.has(this.plan.archetype);
    if (tone === 'negative') return risky ? (this.plan.archetype === 'COMPLAINER' ? [1, 2] : [1, 3]) : [3, 4];
    return tone === 'positive' ? [4, 5] : [3, 5];
  }

  private openTicket(
    topic: TicketTopic,
    tone: Tone,
    openedMs: number,
    order?: OrderPlan,
    keepOpen = false,
  ): TicketPlan | null {
    const r = this.r;
    if (openedMs > Math.min(this.asOfMs, this.limitMs) || openedMs < this.createdMs) return null;
    const line = order ? r.pick(order.lines) : undefined;
    const ticket = planTicket(r, {
      ticketId: this.ctx.ids.next('tkt'),
      topic,
      tone,
      channel: this.ticketChannel(),
      openedAt: new Date(openedMs),
      asOf: this.ctx.asOf,
      until: new Date(this.limitMs),
      orderId: order?.orderId,
      orderNumber: order?.orderNumber,
      productName: line ? productName.get(line.sku) : r.pick(CATALOGUE).name,
      customerName: this.customerName(),
      keepOpen,
      ratingRange: this.ratingRange(tone),
      ratingChance: this.plan.archetype === 'COMPLAINER' ? 0.6 : 0.5,
    });
    this.plan.tickets.push(ticket);
    return ticket;
  }

  private planTickets(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const risky = RISKY.has(a);
    // A negative conversation in the last 30 days puts anyone at risk; other personas keep theirs older.
    const calmBefore = this.ago(50);
    const complainerTarget = a === 'COMPLAINER' ? this.plan.returns[this.plan.returns.length - 1] : undefined;
    for (const ret of this.plan.returns) {
      const order = this.plan.orders.find((o) => o.orderId === ret.orderId)!;
      if (r.chance(0.25)) {
        // Asking how to return comes first.
        const span = ret.createdAt.getTime() - order.placedAt.getTime();
        this.openTicket(
          'RETURN',
          'neutral',
          this.engagedAt(order.placedAt.getTime() + span * r.uniform(0.2, 0.7)),
          order,
        );
      }
      const forced = ret === complainerTarget;
      if (!forced && !r.chance(a === 'AT_RISK' ? 0.35 : 0.2)) continue;
      const openedMs = forced
        ? Math.min(ret.createdAt.getTime() + r.uniform(1, 3) * DAY_MS, this.asOfMs - HOUR_MS)
        : this.engagedAt(ret.createdAt.getTime() + r.uniform(1, 9) * DAY_MS);
      if (!forced && !risky && openedMs > calmBefore) continue;
      this.openTicket('COMPLAINT', 'negative', openedMs, order, forced && r.chance(0.75));
    }
    if (a === 'LEARNER' && r.chance(0.4))
      this.openTicket('QUESTION', 'neutral', this.engagedAt(this.ago(r.uniform(2, 80))));
    if (a === 'CHURNED' && this.plan.orders.length === 0 && r.chance(0.2)) {
      this.openTicket(
        'QUESTION',
        'neutral',
        this.engagedAt(this.firstSeenMs + r.uniform(0, (this.limitMs - this.firstSeenMs) / DAY_MS) * DAY_MS),
      );
    }
    const firstOrder = this.plan.orders[0];
    if (!firstOrder) return;
    const from = firstOrder.placedAt.getTime();
    const to = Math.min(this.asOfMs, this.limitMs);
    const years = (to - from) / (365 * DAY_MS);
    const count = r.poisson(0.35 * years * Math.min(2, this.activity));
    for (let k = 0; k < count; k++) {
      const openedMs = this.engagedAt(from + r.float() * (to - from));
      const topic = r.weighted({ QUESTION: 0.4, TECHNICAL: 0.3, BILLING: 0.2, RETURN: 0.1 } as Record<
        TicketTopic,
        number
      >);
      const tone: Tone = (risky || openedMs < calmBefore) && r.chance(0.3) ? 'negative' : 'neutral';
      const before = this.plan.orders.filter((o) => o.placedAt.getTime() < openedMs);
      this.openTicket(
        topic,
        tone,
        openedMs,
        topic === 'BILLING' || topic === 'RETURN' ? before[before.length - 1] : undefined,
      );
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Surveys, reviews, referrals
  // ---------------------------------------------------------------------------------------------

  private npsScore(): number {
    const r = this.r;
    switch (this.plan.archetype) {
      case 'ADVOCATE':
        return Number(r.weighted({ 8: 0.15, 9: 0.4, 10: 0.45 }));
      case 'REPEAT_BUYER':
      case 'FIRST_TIME_BUYER':
        return r.between(6, 9);
      case 'AT_RISK':
      case 'COMPLAINER':
        return r.between(2, 8);
      default:
        return r.between(4, 9);
    }
  }

  private answer(surveyId: string, score: number, atMs: number, comment = true): void {
    if (atMs > Math.min(this.asOfMs, this.limitMs) || atMs < this.createdMs) return;
    if (this.plan.surveys.some((s) => s.surveyId === surveyId)) return;
    const r = this.r;
    const category = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    const channel = r.weighted({
      [C.EMAIL]: 0.6,
      [C.SMS]: this.hasMobile() ? 0.1 : 0,
      [C.APP]: this.hasApp ? 0.15 : 0,
      [C.WEB]: 0.15,
    } as Record<C, number>);
    this.plan.surveys.push({
      surveyId,
      score,
      comment: comment && r.chance(0.45) ? r.pick(NPS_COMMENTS[category]) : undefined,
      channel,
      answeredAt: new Date(atMs),
    });
  }

  private planSurveys(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const chance = (a === 'ADVOCATE' ? 0.35 : a === 'REPEAT_BUYER' ? 0.2 : 0.1) * (this.plan.quiet ? 0.3 : 1);
    // Quarterly relationship NPS.
    const start = new Date(this.createdMs);
    for (let y = start.getUTCFullYear(), q = Math.floor(start.getUTCMonth() / 3); ; q++) {
      if (q > 3) {
        q = 0;
        y++;
      }
      const quarterStart = Date.UTC(y, q * 3, 1);
      if (quarterStart > this.asOfMs) break;
      if (r.chance(chance))
        this.answer(
          `nps-${y}-q${q + 1}`,
          this.npsScore(),
          this.engagedAt(quarterStart + r.uniform(3, 45) * DAY_MS),
        );
    }
    // After support: how likely are you to recommend us, now?
    for (const t of this.plan.tickets) {
      const resolvedAt = resolvedAtOf(t);
      if (!resolvedAt || !r.chance(0.3)) continue;
      const tone = t.category === TicketCategory.COMPLAINT ? 'negative' : 'neutral';
      const score = tone === 'negative' ? r.between(1, 6) : r.between(6, 10);
      this.answer(
        `support-${t.ticketId}`,
        score,
        this.engagedAt(resolvedAt.getTime() + r.uniform(1, 4) * DAY_MS),
      );
    }
    this.settleLatestNps();
  }

  /**
   * The latest answer decides promoter / detractor in the insights rules; make it agree with the persona:
   * advocates' latest answer is a recent promoter, at-risk "detractors" gave a recent low score, and the other
   * personas' latest answer is neither a recent promoter (that would be advocacy) nor a recent detractor.
   */
  private settleLatestNps(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const surveys = this.plan.surveys.sort((x, y) => x.answeredAt.getTime() - y.answeredAt.getTime());
    const latest = (): SurveyPlan | undefined => surveys[surveys.length - 1];
    const ageDays = (s: SurveyPlan) => (this.asOfMs - s.answeredAt.getTime()) / DAY_MS;
    if (a === 'ADVOCATE') {
      const l = latest();
      if (l && ageDays(l) < 300) l.score = Math.max(l.score, r.between(9, 10));
      else {
        const atMs = this.engagedAt(Math.max(this.createdMs + DAY_MS, this.ago(r.uniform(5, 200))));
        this.answer(`nps-pulse-${new Date(atMs).toISOString().slice(0, 7)}`, r.between(9, 10), atMs, true);
      }
    } else if (a === 'AT_RISK' && this.variant === 'detractor') {
      const atMs = this.engagedAt(this.ago(r.uniform(3, 60)));
      const l = latest();
      if (l && l.answeredAt.getTime() > atMs) l.score = r.between(0, 6);
      else this.answer(`nps-pulse-${new Date(atMs).toISOString().slice(0, 7)}`, r.between(0, 6), atMs, true);
    } else if (!RISKY.has(a)) {
      const l = latest();
      if (l && ageDays(l) < 365 && l.score >= 9) l.score = 8;
      if (l && ageDays(l) < 90 && l.score <= 6) l.score = 7;
    }
    this.plan.surveys.sort((x, y) => x.answeredAt.getTime() - y.answeredAt.getTime());
  }

  private planReviews(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const returned = new Set(
      this.plan.returns.flatMap((ret) => ret.items.map((i) => `${ret.orderId}|${i.sku}`)),
    );
    const bought = this.plan.orders
      .filter((o) => o.fulfilment === 'DELIVERED')
      .flatMap((o) =>
        o.lines.filter((l) => !returned.has(`${o.orderId}|${l.sku}`)).map((l) => ({ order: o, sku: l.sku })),
      );
    const reviewed = new Set<string>();
    const write = (sku: string | undefined, rating: 1 | 2 | 3 | 4 | 5, atMs: number) => {
      if (atMs > Math.min(this.asOfMs, this.limitMs)) return;
      if (sku && reviewed.has(sku)) return;
      if (sku) reviewed.add(sku);
      const text = r.pick(REVIEW_TEXTS[rating]);
      this.plan.reviews.push({ sku, rating, title: text.title, text: text.text, reviewedAt: new Date(atMs) });
      this.touch(C.WEB, T.FORM_SUBMIT, atMs, { properties: { form: 'review' } });
    };
    const after = (o: OrderPlan) => this.engagedAt(o.placedAt.getTime() + r.uniform(7, 40) * DAY_MS);
    if (a === 'ADVOCATE') {
      for (const b of r.sample(bought, r.between(1, 3))) write(b.sku, r.chance(0.65) ? 5 : 4, after(b.order));
      if (r.chance(0.2) && bought.length) write(undefined, 5, after(r.pick(bought).order));
    } else if (a === 'REPEAT_BUYER' && bought.length && r.chance(0.2)) {
      const b = r.pick(bought);
      write(b.sku, r.chance(0.7) ? 3 : 2, after(b.order));
    } else if (a === 'COMPLAINER' && r.chance(0.5)) {
      const ret = this.plan.returns[this.plan.returns.length - 1];
      if (ret)
        write(ret.items[0].sku, r.chance(0.5) ? 1 : 2, ret.createdAt.getTime() + r.uniform(0, 2) * DAY_MS);
    } else if ((a === 'AT_RISK' || a === 'CHURNED') && bought.length && r.chance(0.15)) {
      const b = r.pick(bought);
      write(b.sku, r.chance(0.5) ? 2 : 3, after(b.order));
    }
    this.plan.reviews.sort((x, y) => x.reviewedAt.getTime() - y.reviewedAt.getTime());
  }

  /** Referral invitations; some are linked to real customers who signed up later (see linkReferrals). */
  planReferrals(wantsExisting: (plan: CustomerPlan, referral: ReferralPlan) => void): void {
    const r = this.r;
    if (this.plan.archetype !== 'ADVOCATE' || !r.chance(0.65) || this.plan.orders.length === 0) return;
    const from = this.plan.orders[0].placedAt.getTime() + 5 * DAY_MS;
    const n = r.between(1, 3);
    for (let k = 0; k < n; k++) {
      const atMs = this.engagedAt(from + r.float() * Math.max(0, this.asOfMs - DAY_MS - from));
      if (atMs > this.asOfMs) continue;
      const referral: ReferralPlan = { referredAt: new Date(atMs) };
      if (r.chance(0.4)) wantsExisting(this.plan, referral);
      else {
        const pool =
          this.p.locale === 'fa' ? PERSIAN_NAMES.male.map((x) => x.latin[0]) : NAMES[this.p.locale].female;
        referral.referredEmail = `${emailWord(this.p.locale, r.pick(pool))}.${r.between(10, 99)}${k}@gmail.com`;
      }
      this.plan.referrals.push(referral);
      this.touch(C.WEB, T.FORM_SUBMIT, atMs, { properties: { form: 'referral' }, campaignKey: 'refer' });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Touchpoints
  // ---------------------------------------------------------------------------------------------

  private browse(atMs: number, app: boolean, intent: 'browse' | 'click' = 'browse'): void {
    const r = this.r;
    const channel = app ? C.APP : C.WEB;
    let t = atMs;
    if (app) this.touch(C.APP, T.APP_OPEN, t);
    this.touch(channel, T.PAGE_VIEW, (t += r.uniform(0.2, 2) * MINUTE_MS), { properties: { path: '/' } });
    if (intent !== 'click' && r.chance(0.3))
      this.touch(channel, T.SEARCH, (t += r.uniform(0.5, 3) * MINUTE_MS), {
        properties: { query: r.pick(CATALOGUE).category.toLowerCase() },
      });
    const views = intent === 'click' || r.chance(0.7) ? 1 : 2;
    for (let k = 0; k < views; k++)
      this.touch(channel, T.PRODUCT_VIEW, (t += r.uniform(0.5, 4) * MINUTE_MS), {
        properties: { sku: r.pick(CATALOGUE).sku },
      });
    if (r.chance(0.15)) this.touch(channel, T.REVIEW_READ, (t += r.uniform(0.5, 3) * MINUTE_MS));
    // Now and then something lands in the cart and is left there.
    if (r.chance(0.08)) this.touch(channel, T.ADD_TO_CART, t + r.uniform(0.5, 3) * MINUTE_MS);
  }

  private discoveryJourney(): void {
    const r = this.r;
    const first = this.firstSeenMs;
    const entry = r.weighted({
      ad: 0.35,
      social: this.social ? 0.3 : 0.1,
      search: 0.25,
      store: this.storeShopper ? 0.3 : 0.04,
    });
    if (entry === 'store') {
      this.touch(C.STORE, T.STORE_VISIT, this.businessHoursAt(first, 10, 20));
      if (r.chance(0.6))
        this.touch(C.STORE, T.PRODUCT_VIEW, this.businessHoursAt(first, 10, 20), {
          properties: { sku: r.pick(CATALOGUE).sku },
        });
    } else {
      const at = this.engagedAt(first);
      if (entry === 'ad') {
        const campaign =
          runningCampaign(this.ctx, 'spring', new Date(at)) ??
          runningCampaign(this.ctx, 'search-ads', new Date(at));
        this.touch(C.AD, T.AD_IMPRESSION, at - r.uniform(1, 48) * HOUR_MS, { campaignKey: campaign?.key });
        this.touch(C.AD, T.AD_CLICK, at, { campaignKey: campaign?.key });
      } else if (entry === 'social') {
        const campaign = runningCampaign(this.ctx, 'summer', new Date(at));
        this.touch(C.SOCIAL, T.SOCIAL_ENGAGEMENT, at - r.uniform(1, 72) * HOUR_MS, {
          campaignKey: campaign?.key,
        });
        this.touch(C.SOCIAL, T.AD_CLICK, at, { campaignKey: campaign?.key });
      } else {
        this.touch(C.WEB, T.SEARCH, at, { properties: { query: r.pick(CATALOGUE).name.toLowerCase() } });
      }
      this.browse(at + MINUTE_MS, false);
    }
    if (entry !== 'store' || this.hasEmail()) {
      this.touch(C.WEB, T.FORM_SUBMIT, Math.max(this.createdMs, first), {
        properties: { form: r.chance(0.6) ? 'newsletter' : 'account' },
      });
    }
  }

  private browsingSessions(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const perDay = a === 'DISCOVERER' ? 0.03 : a === 'LEARNER' ? 0.02 : 0.003;
    const from = this.firstSeenMs;
    const to = Math.min(this.asOfMs, this.limitMs);
    const n = Math.min(60, r.poisson(perDay * this.activity * Math.max(0, (to - from) / DAY_MS)));
    for (let k = 0; k < n; k++)
      this.browse(this.engagedAt(from + r.float() * (to - from)), this.hasApp && r.chance(0.5));
  }

  private educationTouchpoints(): void {
    const r = this.r;
    const a = this.plan.archetype;
    const learnOnce = (atMs: number) => {
      const type = r.weighted({
        [T.HELP_ARTICLE_VIEW]: 0.4,
        [T.TUTORIAL_VIEW]: 0.3,
        [T.DEMO]: 0.15,
        [T.WEBINAR]: 0.15,
      } as Record<T, number>);
      if (type === T.WEBINAR) {
        const campaign = runningCampaign(this.ctx, 'masterclass', new Date(atMs));
        this.touch(r.chance(0.8) ? C.WEB : C.EVENT, T.WEBINAR, atMs, { campaignKey: campaign?.key });
      } else if (type === T.DEMO) {
        if (this.storeShopper) this.touch(C.STORE, T.DEMO, this.businessHoursAt(atMs, 10, 19));
        else this.touch(C.WEB, T.DEMO, atMs);
      } else {
        this.touch(type === T.TUTORIAL_VIEW && this.hasApp ? C.APP : C.WEB, type, atMs, {
          properties: { article: `guide-${r.between(1, 40)}` },
        });
      }
    };
    if (a === 'LEARNER') {
      // At least two in marketing's 90-day window, some older ones since the first visit.
      const recent = 2 + r.poisson(1.5 * Math.min(2, this.activity));
      for (let k = 0; k < recent; k++) learnOnce(this.engagedAt(this.ago(r.uniform(0.5, 85))));
      const older = r.poisson(2);
      for (let k = 0; k < older; k++)
        learnOnce(
          this.engagedAt(this.firstSeenMs + r.float() * Math.max(0, this.ago(85) - this.firstSeenMs)),
        );
    } else if (a !== 'DISCOVERER') {
      // Buyers read guides after buying; some learned before their first order.
      for (const o of this.plan.orders)
        if (r.chance(0.15)) learnOnce(this.engagedAt(o.placedAt.getTime() + r.uniform(1, 20) * DAY_MS));
      if (this.plan.orders.length && r.chance(0.3))
        learnOnce(this.engagedAt(this.plan.orders[0].placedAt.getTime() - r.uniform(1, 20) * DAY_MS));
      if (a === 'CHURNED' && this.plan.orders.length === 0 && r.chance(0.5))
        learnOnce(this.engagedAt(this.limitMs - r.uniform(0, 30) * DAY_MS));
    }
  }

  private orderJourneys(): void {
    const r = this.r;
    for (const o of this.plan.orders) {
      const at = o.placedAt.getTime();
      switch (o.channel) {
        case OrderChannel.WEB:
        case OrderChannel.APP: {
          const channel = o.channel === OrderChannel.APP ? C.APP : C.WEB;
          if (r.chance(0.4)) {
            this.touch(channel, T.PRODUCT_VIEW, at - r.uniform(5, 40) * MINUTE_MS, {
              properties: { sku: o.lines[0].sku },
            });
          }
          this.touch(channel, T.ADD_TO_CART, at - r.uniform(2, 5) * MINUTE_MS, {
            properties: { sku: o.lines[0].sku },
          });
          this.touch(channel, T.CHECKOUT_STARTED, at - r.uniform(0.5, 2) * MINUTE_MS, {
            properties: { orderNumber: o.orderNumber },
          });
          break;
        }
        case OrderChannel.STORE:
          this.touch(C.STORE, T.STORE_VISIT, at - r.uniform(5, 30) * MINUTE_MS);
          break;
        case OrderChannel.PHONE:
          this.touch(C.PHONE, T.CALL_INBOUND, at - r.uniform(3, 10) * MINUTE_MS, {
            properties: { reason: 'order' },
          });
          break;
        case OrderChannel.SOCIAL:
          this.touch(C.SOCIAL, T.SOCIAL_MESSAGE, at - r.uniform(10, 120) * MINUTE_MS);
          break;
        default:
          break; // marketplace orders leave no trace in our own channels
      }
    }
  }

  /** Contact-centre and store contacts of support tickets, as marketing sees them. */
  private supportTouchpoints(): void {
    for (const t of this.plan.tickets) {
      for (const e of t.events) {
        if (e.kind !== 'message') continue;
        const at = e.at.getTime();
        if (e.author === TicketMessageAuthor.CUSTOMER) {
          const props = { properties: { ticketId: t.ticketId } };
          if (t.channel === TicketChannel.PHONE) this.touch(C.PHONE, T.CALL_INBOUND, at, props);
          else if (t.channel === TicketChannel.CHAT) this.touch(C.CHAT, T.CHAT_MESSAGE, at, props);
          else if (t.channel === TicketChannel.APP) this.touch(C.APP, T.CHAT_MESSAGE, at, props);
          else if (t.channel === TicketChannel.SOCIAL) this.touch(C.SOCIAL, T.SOCIAL_MESSAGE, at, props);
          else if (t.channel === TicketChannel.SMS) this.touch(C.SMS, T.SMS_REPLY, at, props);
          else if (t.channel === TicketChannel.STORE) this.touch(C.STORE, T.STORE_VISIT, at, props);
          else if (t.channel === TicketChannel.WEB_FORM)
            this.touch(C.WEB, T.FORM_SUBMIT, at, { properties: { form: 'support', ticketId: t.ticketId } });
        } else if (
          e.author === TicketMessageAuthor.AGENT &&
          t.channel === TicketChannel.PHONE &&
          this.r.chance(0.3)
        ) {
          this.touch(C.PHONE, T.CALL_OUTBOUND, at, { properties: { ticketId: t.ticketId } });
        }
      }
    }
  }

  /** One campaign message and the customer's reaction to it. */
  private send(campaign: CampaignPlan, sendMs: number, responseBoost = 1): void {
    const r = this.r;
    const key = campaign.key;
    const consentChannel: Partial<Record<C, ConsentChannel>> = {
      [C.EMAIL]: ConsentChannel.EMAIL,
      [C.SMS]: ConsentChannel.SMS,
      [C.PUSH]: ConsentChannel.PUSH,
      [C.POSTAL]: ConsentChannel.POSTAL,
    };
    const needed = consentChannel[campaign.channel];
    if (needed && !this.granted(needed, ConsentPurpose.MARKETING, sendMs)) return;
    if (!campaignRunsAt(campaign, new Date(sendMs)) || sendMs < this.createdMs) return;
    const reactAt = () => {
      let t = this.engagedAt(sendMs + r.uniform(0, 1.5) * DAY_MS);
      if (t <= sendMs) t += DAY_MS;
      return t;
    };
    const p = Math.min(0.95, this.openRate * responseBoost);
    switch (campaign.channel) {
      case C.EMAIL: {
        if (!this.touch(C.EMAIL, T.EMAIL_SENT, sendMs, { campaignKey: key })) return;
        if (!r.chance(p)) return;
        const openMs = reactAt();
        if (this.touch(C.EMAIL, T.EMAIL_OPEN, openMs, { campaignKey: key }) && r.chance(0.3)) {
          this.touch(C.EMAIL, T.EMAIL_CLICK, openMs + r.uniform(0.2, 5) * MINUTE_MS, { campaignKey: key });
          this.browse(openMs + 6 * MINUTE_MS, false, 'click');
        }
        return;
      }
      case C.SMS:
        if (this.touch(C.SMS, T.SMS_SENT, sendMs, { campaignKey: key }) && r.chance(p * 0.35)) {
          this.touch(C.SMS, T.SMS_CLICK, sendMs + r.uniform(1, 90) * MINUTE_MS, { campaignKey: key });
        }
        return;
      case C.PUSH:
        if (this.touch(C.PUSH, T.PUSH_SENT, sendMs, { campaignKey: key }) && r.chance(p * 0.7)) {
          const openMs = sendMs + r.uniform(1, 240) * MINUTE_MS;
          if (this.touch(C.PUSH, T.PUSH_OPEN, openMs, { campaignKey: key }))
            this.touch(C.APP, T.APP_OPEN, openMs + MINUTE_MS, { campaignKey: key });
        }
        return;
      case C.POSTAL:
        this.touch(C.POSTAL, T.DIRECT_MAIL_SENT, sendMs, { campaignKey: key });
        return;
      default:
        return;
    }
  }

  private campaignTouchpoints(): void {
    const r = this.r;
    const ctx = this.ctx;
    const tenAm = (ms: number) => atLocalTime(this.p.timeZone, new Date(ms), 10, r.int(30)).getTime();
    const byKey = (key: string) => ctx.byKey.get(key);
    const created = this.createdMs;
    // Welcome series: two emails in the first week.
    const welcome = byKey('welcome');
    if (welcome)
      for (const d of [0.01, 5])
        this.send(welcome, d < 1 ? created + 10 * MINUTE_MS : tenAm(created + d * DAY_MS), 1.8);
    // How-to newsletter every 4–6 months.
    const howTo = byKey('how-to');
    if (howTo) {
      const boost = this.plan.archetype === 'LEARNER' ? 2.5 : 1;
      for (let t = created + r.uniform(5, 60) * DAY_MS; t < this.asOfMs; t += r.uniform(120, 180) * DAY_MS)
        this.send(howTo, tenAm(t), boost);
    }
    // Seasonal sends to everyone reachable.
    for (const c of ctx.campaigns) {
      if (!/-\d{4}$/.test(c.key) || c.startsAt.getTime() > this.asOfMs || c.startsAt.getTime() < created)
        continue;
      const first = c.startsAt.getTime();
      if (c.channel === C.EMAIL || c.channel === C.SMS || c.channel === C.POSTAL) {
        // Seasonal audiences are targeted: not everyone reachable gets every campaign.
        if (!r.chance(0.6)) continue;
        this.send(c, tenAm(first + r.uniform(0, 2) * DAY_MS));
        if (c.key.startsWith('black-friday-2') && r.chance(0.5)) this.send(c, tenAm(first + 7 * DAY_MS), 0.8);
      } else if (c.channel === C.AD && r.chance(0.3)) {
        const at = this.engagedAt(first + r.uniform(0, (c.endsAt.getTime() - first) / DAY_MS) * DAY_MS);
        this.touch(C.AD, T.AD_IMPRESSION, at, { campaignKey: c.key });
        if (r.chance(0.1 * this.activity))
          this.touch(C.AD, T.AD_CLICK, at + r.uniform(0.1, 2) * MINUTE_MS, { campaignKey: c.key });
      } else if (c.channel === C.SOCIAL && this.social && r.chance(0.3 * this.activity)) {
        this.touch(C.SOCIAL, T.SOCIAL_ENGAGEMENT, this.engagedAt(first + r.uniform(0, 50) * DAY_MS), {
          campaignKey: c.key,
        });
      } else if (c.channel === C.EVENT && this.storeShopper && r.chance(0.12 * this.activity)) {
        this.touch(
          C.EVENT,
          T.EVENT_ATTENDED,
          this.businessHoursAt(first + r.uniform(0, 140) * DAY_MS, 11, 19),
          { campaignKey: c.key },
        );
      }
    }
    const orders = this.plan.orders.filter((o) => o.fulfilment !== 'CANCELLED');
    if (orders.length === 0) return;
    // Win-back 120 days after the last order; review requests after deliveries; refer-a-friend after a repeat.
    const lastOrderMs = orders[orders.length - 1].placedAt.getTime();
    const winback = byKey('winback');
    if (winback) this.send(winback, tenAm(lastOrderMs + 120 * DAY_MS), 0.6);
    const reviewRequest = byKey('review-request');
    if (reviewRequest)
      for (const o of orders)
        if (r.chance(0.25)) this.send(reviewRequest, tenAm(o.placedAt.getTime() + 10 * DAY_MS));
    const refer = byKey('refer');
    if (refer && orders.length >= 2)
      this.send(
        refer,
        tenAm(orders[1].placedAt.getTime() + 3 * DAY_MS),
        this.plan.archetype === 'ADVOCATE' ? 2 : 1,
      );
    // Replenishment SMS 30 days after coffee orders; loyalty pushes for app users every ~2 months.
    const replenish = byKey('replenish');
    if (replenish)
      for (const o of orders)
        if (o.lines.some((l) => l.sku.startsWith('COF')))
          this.send(replenish, tenAm(o.placedAt.getTime() + 30 * DAY_MS));
    const loyalty = byKey('loyalty');
    if (loyalty && this.hasApp) {
      for (
        let t = Math.max(this.appSinceMs, orders[0].placedAt.getTime()) + 20 * DAY_MS;
        t < this.asOfMs;
        t += r.uniform(60, 100) * DAY_MS
      ) {
        this.send(loyalty, atLocalTime(this.p.timeZone, new Date(t), 18, r.int(30)).getTime());
      }
    }
    const appOnboarding = byKey('app-onboarding');
    if (appOnboarding && this.hasApp)
      for (const d of [1, 5]) this.send(appOnboarding, tenAm(this.appSinceMs + d * DAY_MS), 1.5);
  }

  /** Life between orders: app sessions, store visits, social interactions. */
  private ongoingEngagement(): void {
    const r = this.r;
    if (!BUYERS.has(this.plan.archetype) && this.plan.archetype !== 'CHURNED') return;
    const first = this.plan.orders[0];
    if (!first) return;
    const from = first.placedAt.getTime();
    const to = Math.min(this.asOfMs, this.limitMs);
    const days = Math.max(0, (to - from) / DAY_MS);
    const sessions = (rate: number) => Math.min(40, r.poisson(rate * this.activity * days));
    if (this.hasApp)
      for (let k = sessions(0.012); k > 0; k--)
        this.touch(C.APP, T.APP_OPEN, this.engagedAt(from + r.float() * (to - from)));
    if (this.storeShopper)
      for (let k = sessions(0.005); k > 0; k--)
        this.touch(C.STORE, T.STORE_VISIT, this.businessHoursAt(from + r.float() * (to - from), 10, 20));
    if (this.social)
      for (let k = sessions(0.005); k > 0; k--)
        this.touch(C.SOCIAL, T.SOCIAL_ENGAGEMENT, this.engagedAt(from + r.float() * (to - from)));
    // Active buyers were seen this month.
    if (!this.plan.quiet && (this.plan.archetype === 'REPEAT_BUYER' || this.plan.archetype === 'ADVOCATE')) {
      this.browse(this.engagedAt(this.ago(r.uniform(0.5, 25))), this.hasApp && r.chance(0.6));
    }
  }

  private surveyTouchpoints(): void {
    for (const s of this.plan.surveys)
      this.touch(s.channel, T.FORM_SUBMIT, s.answeredAt.getTime(), {
        properties: { form: 'survey', surveyId: s.surveyId },
      });
  }

  // ---------------------------------------------------------------------------------------------

  /** A duplicate profile: the same person reaching us through one other door (store, phone or web). */
  private buildDuplicate(original: CustomerPlan): void {
    const r = this.r;
    const origin = original.profile.createdAt.getTime();
    const originalLast = Math.max(
      origin,
      ...original.touchpoints.filter((t) => !OUTBOUND.has(t.type)).map((t) => t.occurredAt.getTime()),
    );
    this.limitMs = Math.min(this.asOfMs, original.archetype === 'CHURNED' ? originalLast : this.asOfMs);
    const createdMs = Math.min(this.limitMs - HOUR_MS, origin + r.uniform(20, 500) * DAY_MS);
    this.firstSeenMs = Math.max(origin + HOUR_MS, createdMs);
    this.setCreatedAt(this.firstSeenMs);
    this.setTraits();
    this.appSinceMs = this.createdMs;
    const door = r.weighted({ store: 0.4, phone: this.p.phones.length ? 0.35 : 0, web: 0.25 });
    this.storeShopper = door === 'store';
    if (door === 'store') {
      // Registered at the till: the profile is created with the first purchase.
      this.mainChannel = OrderChannel.STORE;
      const n = r.between(1, 2);
      const times = Array.from(
        { length: n },
        () => this.createdMs + r.float() * Math.max(0, this.limitMs - this.createdMs),
      ).sort((x, y) => x - y);
      times[0] = this.createdMs;
      this.placeOrders(times);
      const firstPlaced = Math.min(...this.plan.orders.map((o) => o.placedAt.getTime()));
      if (firstPlaced < this.createdMs + MINUTE_MS)
        this.setCreatedAt(firstPlaced - r.uniform(1, 20) * MINUTE_MS);
      this.p.identifiers.push({
        kind: IdentifierKind.LOYALTY_CARD,
        value: `${this.p.country}${String(r.between(1, 99_999_999)).padStart(10, '0')}`,
        source: 'pos',
        addedAt: this.p.createdAt,
      });
    }
    this.decideConsents();
    if (door === 'store') this.orderJourneys();
    else if (door === 'phone') {
      this.openTicket(r.pick(['QUESTION', 'BILLING', 'TECHNICAL'] as const), 'neutral', this.createdMs);
      this.supportTouchpoints();
    } else {
      this.touch(C.WEB, T.FORM_SUBMIT, this.createdMs, { properties: { form: 'newsletter' } });
      this.browse(this.createdMs - 3 * MINUTE_MS, false);
      this.campaignTouchpoints();
    }
  }

  private setCreatedAt(ms: number): void {
    this.p.createdAt = new Date(ms);
    this.firstSeenMs = Math.min(this.firstSeenMs, ms);
    for (const e of this.p.emails) e.addedAt = this.p.createdAt;
    for (const ph of this.p.phones) ph.addedAt = this.p.createdAt;
  }

  build(): CustomerPlan {
    if (this.original) {
      this.buildDuplicate(this.original);
      this.finish();
      return this.plan;
    }
    const r = this.r;
    this.setTimeFrame();
    this.setTraits();
    this.placeOrders(this.purchaseTimes());
    const firstOrderMs = this.plan.orders.length
      ? Math.min(...this.plan.orders.map((o) => o.placedAt.getTime()))
      : undefined;
    const signUpMs = this.firstSeenMs + r.uniform(0, 3) * DAY_MS;
    const createdMs =
      firstOrderMs !== undefined
        ? Math.min(signUpMs, firstOrderMs - r.uniform(5, 120) * MINUTE_MS)
        : signUpMs;
    this.setCreatedAt(Math.min(createdMs, this.asOfMs - HOUR_MS));
    this.appSinceMs = this.createdMs + r.uniform(0, 0.4) * Math.max(0, this.limitMs - this.createdMs);
    this.decideConsents();
    this.addIdentifiers();
    if (this.plan.orders.some((o) => o.channel === OrderChannel.STORE)) {
      this.p.identifiers.push({
        kind: IdentifierKind.LOYALTY_CARD,
        value: `${this.p.country}${String(r.between(1, 99_999_999)).padStart(10, '0')}`,
        source: 'pos',
        addedAt: this.p.createdAt,
      });
    }
    if (this.plan.orders.some((o) => o.channel === OrderChannel.WEB || o.channel === OrderChannel.APP)) {
      this.p.identifiers.push({
        kind: IdentifierKind.EXTERNAL_ID,
        value: `shop-${this.p.customerId.slice(-10)}`,
        source: 'webshop',
        addedAt: this.p.createdAt,
      });
    }
    this.planReturns();
    this.planTickets();
    this.planSurveys();
    this.planReviews();
    this.discoveryJourney();
    this.browsingSessions();
    this.educationTouchpoints();
    this.orderJourneys();
    this.supportTouchpoints();
    this.campaignTouchpoints();
    this.ongoingEngagement();
    this.surveyTouchpoints();
    this.finish();
    return this.plan;
  }

  private finish(): void {
    this.plan.touchpoints.sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime());
    this.plan.tickets.sort((x, y) => x.events[0].at.getTime() - y.events[0].at.getTime());
  }
}

/**
 * Loyalty cards and shop account ids are exclusive identifiers (unique across profiles, compared without
 * dashes and case): the rare random clash gets digits appended until its normalised form is unused.
 */
function dedupeExclusiveIdentifiers(plans: readonly CustomerPlan[]): void {
  const seen = new Set<string>();
  const normal = (v: string) => v.replace(/[\s-]/g, '').toUpperCase();
  for (const plan of plans) {
    for (const id of plan.profile.identifiers) {
      if (id.kind !== IdentifierKind.LOYALTY_CARD && id.kind !== IdentifierKind.EXTERNAL_ID) continue;
      const base = id.value;
      for (let k = 1; seen.has(`${id.kind}:${normal(id.value)}`); k++) id.value = `${base}${k}`;
      seen.add(`${id.kind}:${normal(id.value)}`);
    }
  }
}

/** Points half of the "bring a friend" referrals at customers who signed up 1–30 days later. */
function linkReferrals(
  rng: SeedRandom,
  plans: readonly CustomerPlan[],
  pending: { plan: CustomerPlan; referral: ReferralPlan }[],
): void {
  const byCreation = plans
    .filter((p) => !p.profile.duplicateOf)
    .map((p) => p.profile)
    .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
  const times = byCreation.map((p) => p.createdAt.getTime());
  const lowerBound = (t: number) => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const taken = new Set<string>();
  for (const { plan, referral } of pending) {
    const from = lowerBound(referral.referredAt.getTime() + DAY_MS);
    const to = lowerBound(referral.referredAt.getTime() + 30 * DAY_MS);
    const candidates = byCreation
      .slice(from, to)
      .filter(
        (p) =>
          p.customerId !== plan.profile.customerId &&
          !taken.has(`${plan.profile.customerId}|${p.customerId}`),
      );
    if (candidates.length === 0) {
      referral.referredEmail = `friend.${rng.between(100, 999)}.${plan.referrals.indexOf(referral)}@gmail.com`;
      continue;
    }
    const friend = rng.pick(candidates);
    taken.add(`${plan.profile.customerId}|${friend.customerId}`);
    referral.referredCustomerId = friend.customerId;
    referral.referredEmail = friend.emails[0]?.address;
  }
}

/** Manual segment lists: the VIP club (frequent advocates) and app beta testers. */
function assignManualSegments(rng: SeedRandom, plans: readonly CustomerPlan[]): void {
  for (const plan of plans) {
    if (plan.profile.duplicateOf) continue;
    if (plan.archetype === 'ADVOCATE' && plan.orders.length >= 4) plan.profile.segmentKeys.push('vip');
    if (plan.profile.identifiers.some((i) => i.kind === IdentifierKind.DEVICE_ID) && rng.chance(0.06))
      plan.profile.segmentKeys.push('beta');
  }
}

export function validateStoryOptions(options: StoryOptions): void {
  if (!Number.isInteger(options.customers) || options.customers < 1 || options.customers > 1_000_000) {
    throw new RangeError('customers must be an integer from 1 to 1,000,000');
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0x7fffffff) {
    throw new RangeError('seed must be an integer from 0 to 2147483647');
  }
  if (!(options.asOf instanceof Date) || Number.isNaN(options.asOf.getTime()))
    throw new RangeError('asOf must be a valid date');
  const rate = options.duplicateRate ?? 0.05;
  if (!(rate >= 0 && rate <= 0.5)) throw new RangeError('duplicateRate must be between 0 and 0.5');
}

/** Salt for seeded ids: different seeds never produce the same ids. */
export const idSalt = (seed: number): number => seed & 0xffffff;

/** The whole demo history for `customers` profiles, deterministic in (customers, seed, asOf, duplicateRate). */
export function generateStory(options: StoryOptions): DemoStory {
  validateStoryOptions(options);
  const asOf = new Date(options.asOf.getTime());
  const salt = idSalt(options.seed);
  const root = createSeedRandom(options.seed);
  const campaigns = planCampaigns(asOf, salt);
  const ctx: StoryContext = {
    asOf,
    historyStart: addDays(asOf, -HISTORY_DAYS),
    campaigns,
    byKey: new Map(campaigns.map((c) => [c.key, c])),
    ids: new IdAllocator(salt),
  };
  const people = generatePeople(root.fork('people'), {
    profiles: options.customers,
    asOf,
    salt,
    duplicateRate: options.duplicateRate ?? 0.05,
  });
  const archetypeRng = root.fork('archetypes');
  const plans: CustomerPlan[] = [];
  const byId = new Map<string, CustomerPlan>();
  const pendingReferrals: { plan: CustomerPlan; referral: ReferralPlan }[] = [];
  people.profiles.forEach((profile, i) => {
    const original = profile.duplicateOf ? byId.get(profile.duplicateOf) : undefined;
    const archetype = original ? original.archetype : archetypeRng.weighted(ARCHETYPE_WEIGHTS);
    const story = new CustomerStory(ctx, profile, archetype, root.fork('customer', i), original);
    const plan = story.build();
    if (!original) story.planReferrals((p, referral) => pendingReferrals.push({ plan: p, referral }));
    plans.push(plan);
    byId.set(profile.customerId, plan);
  });
  dedupeExclusiveIdentifiers(plans);
  linkReferrals(root.fork('referrals'), plans, pendingReferrals);
  assignManualSegments(root.fork('segments'), plans);
  for (const plan of plans) plan.touchpoints.sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime());
  return { seed: options.seed, asOf, campaigns, segments: planSegments(asOf, salt), customers: plans };
}
