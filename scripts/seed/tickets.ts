import {
  TicketCategory,
  TicketChannel,
  TicketMessageAuthor,
  TicketPriority,
  TicketStatus,
} from '../../subgraphs/support/src/ticket/ticket.enums';
import type { SeedRandom } from './random';
import { STATUS_REASONS, TICKET_TEXTS, type TicketTopic, type Tone } from './texts.data';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';
import type { TicketEvent, TicketPlan } from './types';

/*
 * A ticket's conversation as support would have recorded it: the customer's opening message, the agent's
 * first response (minutes on the phone, hours by email), then one of three common paths — answered and
 * resolved; waiting for the customer (PENDING) until they reply; waiting for a third party (ON_HOLD) — and
 * sometimes a reopen, a closing a few days later and a satisfaction rating. Everything after `asOf` has not
 * happened yet, so recent tickets are still open. The writer replays these events through support's own
 * status machine and sentiment rule, so the stored ticket is what the API would have produced.
 */

export interface TicketRequest {
  ticketId: string;
  topic: TicketTopic;
  tone: Tone;
  channel: TicketChannel;
  openedAt: Date;
  asOf: Date;
  /** Nothing happens after this instant (a churned customer's last day). */
  until: Date;
  orderId?: string;
  orderNumber?: string;
  productName?: string;
  customerName: string;
  /** Leave the ticket unresolved (a complaint that is still open). */
  keepOpen: boolean;
  /** Range of the satisfaction score if the customer rates it (1–5). */
  ratingRange: [number, number];
  ratingChance: number;
}

function fill(template: string, req: TicketRequest): string {
  return template
    .replace(/\{product\}/g, req.productName ?? 'item')
    .replace(/\{order\}/g, req.orderNumber ?? 'my last order')
    .replace(/\{name\}/g, req.customerName);
}

function firstResponseDelayMs(rng: SeedRandom, channel: TicketChannel): number {
  switch (channel) {
    case TicketChannel.PHONE:
    case TicketChannel.STORE:
    case TicketChannel.CHAT:
      return rng.uniform(2, 20) * MINUTE_MS;
    case TicketChannel.SOCIAL:
    case TicketChannel.SMS:
    case TicketChannel.APP:
      return rng.uniform(0.5, 8) * HOUR_MS;
    default:
      return rng.uniform(1, 30) * HOUR_MS;
  }
}

function textFor(
  rng: SeedRandom,
  pool: Readonly<Partial<Record<Tone, readonly string[]>>>,
  tone: Tone,
): string {
  const list = pool[tone] ?? pool.neutral ?? pool.positive ?? pool.negative ?? [];
  return rng.pick(list);
}

export const PRIORITY_OF: Readonly<Record<TicketTopic, Readonly<Partial<Record<TicketPriority, number>>>>> = {
  COMPLAINT: { [TicketPriority.HIGH]: 0.7, [TicketPriority.URGENT]: 0.3 },
  QUESTION: { [TicketPriority.LOW]: 0.6, [TicketPriority.NORMAL]: 0.4 },
  RETURN: { [TicketPriority.NORMAL]: 1 },
  TECHNICAL: { [TicketPriority.NORMAL]: 0.7, [TicketPriority.HIGH]: 0.3 },
  BILLING: { [TicketPriority.NORMAL]: 0.8, [TicketPriority.HIGH]: 0.2 },
};

export function planTicket(rng: SeedRandom, req: TicketRequest): TicketPlan {
  const texts = TICKET_TEXTS[req.topic];
  const events: TicketEvent[] = [];
  const customer = (body: string, at: number) =>
    events.push({
      kind: 'message',
      author: TicketMessageAuthor.CUSTOMER,
      body: fill(body, req),
      at: new Date(at),
    });
  const agent = (at: number) =>
    events.push({
      kind: 'message',
      author: TicketMessageAuthor.AGENT,
      body: fill(rng.pick(texts.agentReplies), req),
      at: new Date(at),
    });
  const status = (to: TicketStatus, reason: string, at: number) =>
    events.push({ kind: 'status', to, reason, at: new Date(at) });

  let t = req.openedAt.getTime();
  customer(textFor(rng, texts.opening, req.tone), t);
  t += firstResponseDelayMs(rng, req.channel);
  agent(t);
  const followTone: Tone = req.tone === 'negative' ? 'negative' : rng.chance(0.6) ? 'positive' : 'neutral';
  const path = rng.weighted({ quick: 0.5, pending: 0.3, hold: 0.2 });
  if (path === 'pending') {
    status(TicketStatus.PENDING, rng.pick(STATUS_REASONS.pending), (t += MINUTE_MS));
    // The customer's reply puts the ticket back in the queue (support's rule: PENDING → OPEN).
    customer(
      textFor(rng, texts.followUp, req.tone === 'negative' ? 'negative' : 'neutral'),
      (t += rng.uniform(2, 72) * HOUR_MS),
    );
    agent((t += rng.uniform(1, 24) * HOUR_MS));
  } else if (path === 'hold') {
    status(TicketStatus.ON_HOLD, rng.pick(STATUS_REASONS.onHold), (t += MINUTE_MS));
    if (req.tone === 'negative' && rng.chance(0.5))
      customer(textFor(rng, texts.followUp, 'negative'), (t += rng.uniform(0.5, 2) * DAY_MS));
    agent((t += rng.uniform(1, 5) * DAY_MS));
  }
  if (!req.keepOpen) {
    if (path === 'quick' && rng.chance(0.5))
      customer(textFor(rng, texts.followUp, followTone), (t += rng.uniform(0.2, 12) * HOUR_MS));
    status(TicketStatus.RESOLVED, rng.pick(texts.resolutions), (t += rng.uniform(0.1, 4) * HOUR_MS));
    if (rng.chance(0.08)) {
      // Reopened: the customer writes again after the resolution (RESOLVED → OPEN), and it is solved again.
      customer(
        textFor(rng, texts.followUp, req.tone === 'negative' ? 'negative' : 'neutral'),
        (t += rng.uniform(1, 4) * DAY_MS),
      );
      agent((t += rng.uniform(1, 12) * HOUR_MS));
      status(TicketStatus.RESOLVED, rng.pick(texts.resolutions), (t += rng.uniform(0.1, 2) * HOUR_MS));
    }
    const resolvedAt = t;
    if (rng.chance(0.75))
      status(TicketStatus.CLOSED, rng.pick(STATUS_REASONS.closed), resolvedAt + rng.uniform(3, 8) * DAY_MS);
    if (rng.chance(req.ratingChance)) {
      const [lo, hi] = req.ratingRange;
      events.push({
        kind: 'rating',
        score: rng.between(lo, hi),
        at: new Date(resolvedAt + rng.uniform(0.1, 3) * DAY_MS),
      });
    }
  }
  const limit = Math.min(req.asOf.getTime(), req.until.getTime());
  const happened = events
    .filter((e) => e.at.getTime() <= limit)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    ticketId: req.ticketId,
    channel: req.channel,
    category: req.topic as TicketCategory,
    priority: rng.weighted(PRIORITY_OF[req.topic] as Record<TicketPriority, number>),
    subject: fill(rng.pick(texts.subjects), req),
    orderId: req.orderId,
    events: happened,
  };
}

/** The instant a plan's ticket was (last) resolved, or null while it is open. */
export function resolvedAtOf(ticket: TicketPlan): Date | null {
  let resolved: Date | null = null;
  for (const e of ticket.events) {
    if (e.kind !== 'status') continue;
    if (e.to === TicketStatus.RESOLVED) resolved = e.at;
  }
  const reopenedAfter = ticket.events.some(
    (e) => e.kind === 'message' && e.author === TicketMessageAuthor.CUSTOMER && resolved && e.at > resolved,
  );
  return reopenedAfter ? null : resolved;
}
