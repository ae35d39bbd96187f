import { seededId } from '../../shared/ids/ids';
import type { CampaignDoc } from '../../subgraphs/marketing/src/campaign/campaign.model';
import { applyConsent } from '../../subgraphs/marketing/src/consent/consent.logic';
import { deriveKeys } from '../../subgraphs/marketing/src/customer/customer.derive';
import { identityKeysOf } from '../../subgraphs/marketing/src/matching/identity-profile.mapper';
import { CustomerStatus } from '../../subgraphs/marketing/src/customer/customer.enums';
import type {
  ConsentEvent,
  ConsentRecord,
  CustomerDoc,
} from '../../subgraphs/marketing/src/customer/customer.model';
import {
  normalizeEmail,
  normalizeIdentifierValue,
  normalizeSocialHandle,
  type Normalized,
} from '../../subgraphs/marketing/src/customer/identifier.normalize';
import type { ReferralDoc } from '../../subgraphs/marketing/src/referral/referral.model';
import type { ReviewDoc } from '../../subgraphs/marketing/src/review/review.model';
import type { SegmentDoc } from '../../subgraphs/marketing/src/segment/segment.model';
import type { SurveyAnswerDoc } from '../../subgraphs/marketing/src/survey/survey-answer.model';
import type { TouchpointDoc } from '../../subgraphs/marketing/src/touchpoint/touchpoint.model';
import { OrderStatus } from '../../subgraphs/sales/src/order/order.enums';
import type { OrderDoc } from '../../subgraphs/sales/src/order/order.model';
import { statusAfterReturn } from '../../subgraphs/sales/src/order/order-status';
import { computeOrderTotals } from '../../subgraphs/sales/src/order/order-totals';
import type { ProductDoc } from '../../subgraphs/sales/src/product/product.model';
import { allocateReturn, computeRefundMinor } from '../../subgraphs/sales/src/return/return-allocation';
import type { ReturnDoc } from '../../subgraphs/sales/src/return/return.model';
import type { TicketDoc, TicketMessageDoc } from '../../subgraphs/support/src/ticket/ticket.model';
import {
  SupportInteractionDirection,
  SupportInteractionKind,
  SupportInteractionOutcome,
} from '../../subgraphs/support/src/interaction/interaction.enums';
import type { InteractionDoc } from '../../subgraphs/support/src/interaction/interaction.model';
import {
  TicketCategory,
  TicketChannel,
  TicketMessageAuthor,
  TicketSentimentSource,
  TicketStatus,
} from '../../subgraphs/support/src/ticket/ticket.enums';
import {
  messageSentiment,
  NO_SENTIMENT,
  planNewMessage,
} from '../../subgraphs/support/src/ticket/ticket.rules';
import {
  assertRateable,
  planStatusChange,
  type StatusPatch,
} from '../../subgraphs/support/src/ticket/ticket-status.machine';
import { CATALOGUE, CURRENCY } from './catalogue.data';
import { HISTORY_DAYS } from './marketing-setup';
import { idSalt, IdAllocator } from './story';
import { addDays } from './time';
import type { CustomerPlan, DemoStory, OrderPlan, ProfilePlan, ReturnPlan, TicketPlan } from './types';

/*
 * Plans → the documents each subgraph stores, without I/O. Every derived value is computed by the owning
 * subgraph's own pure rules, so seeded data is indistinguishable from data written through the API:
 * identifier keys by marketing's normalisers and deriveKeys, consents replayed through applyConsent, order
 * totals, return allocation and refunds by sales' functions, ticket status, sentiment and contact times by
 * replaying each conversation through support's status machine and message rules.
 */

export interface DemoDocuments {
  marketing: {
    campaigns: CampaignDoc[];
    segments: SegmentDoc[];
    customers: CustomerDoc[];
    touchpoints: TouchpointDoc[];
    surveyAnswers: SurveyAnswerDoc[];
    referrals: ReferralDoc[];
    reviews: ReviewDoc[];
  };
  sales: { products: ProductDoc[]; orders: OrderDoc[]; returns: ReturnDoc[] };
  support: { tickets: TicketDoc[]; interactions: InteractionDoc[] };
}

/** A generator bug, not bad user input: the plan produced a value the subgraph would reject. */
export class DemoDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoDataError';
  }
}

function must(result: Normalized, what: string): string {
  if (!result.ok) throw new DemoDataError(`${what} ${result.reason}`);
  return result.value;
}

const latestOf = (...dates: Date[]): Date => new Date(Math.max(...dates.map((d) => d.getTime())));

export function customerDocument(
  p: ProfilePlan,
  segmentIds: ReadonlyMap<string, string>,
  asOf: Date,
): CustomerDoc {
  let consents: ConsentRecord[] = [];
  let consentHistory: ConsentEvent[] = [];
  for (const d of p.consents) {
    if (d.at.getTime() > asOf.getTime()) continue;
    const change = {
      channel: d.channel,
      purpose: d.purpose,
      granted: d.granted,
      source: d.source,
      updatedAt: d.at,
      recordedAt: d.at,
    };
    ({ consents, history: consentHistory } = applyConsent(consents, consentHistory, change));
  }
  const who = `profile ${p.customerId}:`;
  const base = {
    status: CustomerStatus.ACTIVE,
    givenName: p.givenName,
    familyName: p.familyName,
    emails: p.emails.map((e) => ({
      address: e.address,
      normalized: must(normalizeEmail(e.address), `${who} email ${e.address}`),
      primary: e.primary,
      addedAt: e.addedAt,
    })),
    phones: p.phones.map((ph) => ({
      number: ph.number,
      kind: ph.kind,
      primary: ph.primary,
      addedAt: ph.addedAt,
    })),
    identifiers: p.identifiers.map((i) => ({
      kind: i.kind,
      value: i.value,
      normalized: must(normalizeIdentifierValue(i.kind, i.value), `${who} ${i.kind} ${i.value}`),
      source: i.source,
      addedAt: i.addedAt,
    })),
    socialHandles: p.socialHandles.map((s) => ({
      network: s.network,
      handle: s.handle,
      normalized: must(normalizeSocialHandle(s.handle), `${who} social handle ${s.handle}`),
    })),
  };
  const doc: CustomerDoc = {
    _id: p.customerId,
    ...base,
    demographics: {
      ...(p.ageBand ? { ageBand: p.ageBand } : {}),
      ...(p.gender ? { gender: p.gender } : {}),
      city: p.address?.city,
      country: p.country,
    },
    ...(p.address ? { address: { ...p.address } } : {}),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    language: p.language,
    timeZone: p.timeZone,
    ...(p.quietHours ? { quietHours: { ...p.quietHours } } : {}),
    consents,
    consentHistory,
    segmentIds: p.segmentKeys.map((k) => segmentIds.get(k)!).filter(Boolean),
    ...deriveKeys(base),
    revision: 0,
    createdAt: p.createdAt,
    updatedAt: latestOf(p.createdAt, ...consentHistory.map((c) => c.recordedAt)),
  };
  if (!doc.demographics?.city) delete doc.demographics!.city;
  if (doc.givenName === undefined) delete doc.givenName;
  if (doc.familyName === undefined) delete doc.familyName;
  // As every write stores them: without them the first resolveIdentity finds candidates by identifiers only.
  doc.blockingKeys = identityKeysOf(doc);
  return doc;
}

const productIdOf = (salt: number) => new Map(CATALOGUE.map((p, i) => [p.sku, seededId('prd', i + 1, salt)]));

export function productDocuments(salt: number, asOf: Date): ProductDoc[] {
  const createdAt = addDays(asOf, -HISTORY_DAYS - 60);
  const ids = productIdOf(salt);
  return CATALOGUE.map((p) => ({
    _id: ids.get(p.sku)!,
    sku: p.sku,
    name: p.name,
    category: p.category,
    priceMinor: p.priceMinor,
    currency: CURRENCY,
    active: !p.discontinued,
    createdAt,
    updatedAt: p.discontinued ? addDays(asOf, -365) : createdAt,
  }));
}

/** An order with its returns applied in time order, exactly as recordReturn would have left it. */
export function orderAndReturnDocuments(
  customerId: string,
  order: OrderPlan,
  returns: readonly ReturnPlan[],
  productIds: ReadonlyMap<string, string>,
): { order: OrderDoc; returns: ReturnDoc[] } {
  const names = new Map(CATALOGUE.map((p) => [p.sku, p.name]));
  const totals = computeOrderTotals(
    order.lines,
    { discountMinor: order.discountMinor, shippingMinor: order.shippingMinor, taxMinor: 0 },
    `order ${order.orderNumber}`,
  );
  const items = order.lines.map((l) => ({
    productId: productIds.get(l.sku),
    sku: l.sku,
    name: names.get(l.sku) ?? l.sku,
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor,
    returnedQuantity: 0,
  }));
  let status = order.fulfilment as OrderStatus;
  let refundedMinor = 0;
  let updatedAt = order.placedAt;
  const returnDocs: ReturnDoc[] = [];
  for (const ret of [...returns].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const allocation = allocateReturn(items, ret.items, order.orderNumber);
    const amountMinor = computeRefundMinor(
      { ...totals, refundedMinor },
      allocation.goodsMinor,
      allocation.everythingReturned,
    );
    status = statusAfterReturn(status, allocation.everythingReturned);
    allocation.returnedQuantities.forEach((q, i) => (items[i].returnedQuantity = q));
    refundedMinor += amountMinor;
    updatedAt = ret.createdAt;
    returnDocs.push({
      _id: ret.returnId,
      orderId: order.orderId,
      customerId,
      orderNumber: order.orderNumber,
      items: ret.items.map((i) => ({ ...i })),
      reason: ret.reason,
      ...(ret.comment ? { comment: ret.comment } : {}),
      amountMinor,
      currency: CURRENCY,
      createdAt: ret.createdAt,
      processedAt: ret.processedAt,
    });
  }
  return {
    order: {
      _id: order.orderId,
      orderNumber: order.orderNumber,
      customerId,
      channel: order.channel,
      status,
      items,
      currency: CURRENCY,
      ...totals,
      refundedMinor,
      placedAt: order.placedAt,
      source: 'API',
      revision: returnDocs.length,
      createdAt: order.placedAt,
      updatedAt,
    },
    returns: returnDocs,
  };
}

/** Replays a ticket's conversation through support's rules: the stored ticket is what the API would hold. */
export function ticketDocument(customerId: string, plan: TicketPlan, nextMessageId: () => string): TicketDoc {
  const [opening, ...rest] = plan.events;
  if (!opening || opening.kind !== 'message' || opening.author !== TicketMessageAuthor.CUSTOMER) {
    throw new DemoDataError(`ticket ${plan.ticketId}: the first event must be the customer's message`);
  }
  const sentiment = messageSentiment({ author: opening.author, body: opening.body });
  const first = planNewMessage(
    { status: TicketStatus.OPEN, reopenCount: 0 },
    { author: opening.author, at: opening.at },
    sentiment,
  );
  const doc: TicketDoc = {
    _id: plan.ticketId,
    customerId,
    channel: plan.channel,
    category: plan.category,
    priority: plan.priority,
    status: TicketStatus.OPEN,
    subject: plan.subject,
    ...(plan.orderId ? { orderId: plan.orderId } : {}),
    ...(sentiment ?? NO_SENTIMENT),
    messages: [
      {
        _id: nextMessageId(),
        author: opening.author,
        body: opening.body,
        channel: plan.channel,
        at: opening.at,
        ...sentiment,
      },
    ],
    openedAt: opening.at,
    updatedAt: opening.at,
    lastContactAt: first.lastContactAt ?? opening.at,
    ...(first.lastNegativeAt ? { lastNegativeAt: first.lastNegativeAt } : {}),
    reopenCount: 0,
    rev: 0,
  };
  const applyStatus = (patch: StatusPatch) => {
    Object.assign(doc, patch.set);
    for (const field of patch.unset) delete doc[field];
  };
  for (const e of rest) {
    if (e.kind === 'message') {
      const s = messageSentiment({ author: e.author, body: e.body });
      const plan2 = planNewMessage(doc, { author: e.author, at: e.at }, s);
      if (plan2.status) applyStatus(plan2.status);
      if (plan2.sentiment) Object.assign(doc, plan2.sentiment);
      if (plan2.firstResponseAt) doc.firstResponseAt = plan2.firstResponseAt;
      if (plan2.lastContactAt && plan2.lastContactAt > doc.lastContactAt)
        doc.lastContactAt = plan2.lastContactAt;
      if (plan2.lastNegativeAt && (!doc.lastNegativeAt || plan2.lastNegativeAt > doc.lastNegativeAt))
        doc.lastNegativeAt = plan2.lastNegativeAt;
      const message: TicketMessageDoc = {
        _id: nextMessageId(),
        author: e.author,
        body: e.body,
        channel: e.channel ?? plan.channel,
        at: e.at,
        ...s,
      };
      doc.messages.push(message);
    } else if (e.kind === 'status') {
      const from = doc.status;
      applyStatus(planStatusChange(doc, e.to, e.at));
      doc.messages.push({
        _id: nextMessageId(),
        author: TicketMessageAuthor.SYSTEM,
        body: `Status ${from} → ${e.to}: ${e.reason}`,
        channel: plan.channel,
        at: e.at,
      });
    } else {
      assertRateable(doc.status, Boolean(doc.satisfaction));
      doc.satisfaction = { score: e.score, ...(e.comment ? { comment: e.comment } : {}), ratedAt: e.at };
    }
    doc.updatedAt = e.at;
    doc.rev++;
  }
  return doc;
}

/** FNV-1a: a stable number from an id, for details that need variety but no extra random draws. */
function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The calls and chats behind a PHONE or CHAT ticket, as the contact centre would have logged them: each
 * customer message on that channel was an inbound call (sometimes preceded by a missed attempt) or chat, and
 * a complaint got an outbound call-back when the agent first answered. They sit at the ticket's own message
 * times, so the support figures derived from tickets (last contact, negative mood) stay what they were, and
 * they draw no random numbers, so the rest of the demo data does not move.
 */
export function interactionDocuments(ticket: TicketDoc, nextId: () => string): InteractionDoc[] {
  if (ticket.channel !== TicketChannel.PHONE && ticket.channel !== TicketChannel.CHAT) return [];
  const kind =
    ticket.channel === TicketChannel.PHONE ? SupportInteractionKind.CALL : SupportInteractionKind.CHAT;
  const out: InteractionDoc[] = [];
  const log = (
    at: Date,
    direction: SupportInteractionDirection,
    outcome: SupportInteractionOutcome,
    seconds: number,
    agentId: string | null,
    summary: string,
    message?: TicketMessageDoc,
  ) => {
    const answered = outcome === SupportInteractionOutcome.ANSWERED;
    out.push({
      _id: nextId(),
      customerId: ticket.customerId,
      kind,
      direction,
      outcome,
      startedAt: at,
      endedAt: new Date(at.getTime() + seconds * 1000),
      durationSeconds: seconds,
      ...(agentId ? { agentId } : {}),
      summary,
      ticketId: ticket._id,
      ...(answered && message?.sentiment
        ? {
            sentiment: message.sentiment,
            sentimentScore: message.sentimentScore ?? null,
            sentimentSource: TicketSentimentSource.CALLER,
          }
        : {}),
      createdAt: at,
    });
  };
  for (const m of ticket.messages) {
    if (m.author !== TicketMessageAuthor.CUSTOMER || m.channel !== ticket.channel) continue;
    const h = stableHash(m._id);
    const agent = `agent-${String((h % 12) + 1).padStart(2, '0')}`;
    if (kind === SupportInteractionKind.CALL && h % 7 === 0) {
      // A first attempt nobody picked up, two minutes earlier.
      log(
        new Date(m.at.getTime() - 120_000),
        SupportInteractionDirection.INBOUND,
        SupportInteractionOutcome.MISSED,
        45,
        null,
        'Missed call',
      );
    } else if (kind === SupportInteractionKind.CHAT && h % 9 === 0) {
      // A chat the customer left while still queued, three minutes earlier.
      log(
        new Date(m.at.getTime() - 180_000),
        SupportInteractionDirection.INBOUND,
        SupportInteractionOutcome.ABANDONED,
        60,
        null,
        'Left the chat queue',
      );
    }
    const seconds = kind === SupportInteractionKind.CALL ? 90 + (h % 540) : 180 + (h % 900);
    log(
      m.at,
      SupportInteractionDirection.INBOUND,
      SupportInteractionOutcome.ANSWERED,
      seconds,
      agent,
      ticket.subject,
      m,
    );
  }
  if (
    ticket.category === TicketCategory.COMPLAINT &&
    ticket.firstResponseAt &&
    kind === SupportInteractionKind.CALL
  ) {
    const h = stableHash(`${ticket._id}:callback`);
    log(
      ticket.firstResponseAt,
      SupportInteractionDirection.OUTBOUND,
      h % 5 === 0 ? SupportInteractionOutcome.VOICEMAIL : SupportInteractionOutcome.ANSWERED,
      h % 5 === 0 ? 30 : 120 + (h % 420),
      `agent-${String((h % 12) + 1).padStart(2, '0')}`,
      `Call-back about: ${ticket.subject}`,
    );
  }
  return out.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/** All documents of a story, in a stable order (customers in plan order, each customer's rows by time). */
export function buildDocuments(story: DemoStory): DemoDocuments {
  const salt = idSalt(story.seed);
  const ids = new IdAllocator(salt);
  const campaignIds = new Map(story.campaigns.map((c) => [c.key, c]));
  const segmentIds = new Map(story.segments.map((s) => [s.key, s.segmentId]));
  const productIds = productIdOf(salt);
  const docs: DemoDocuments = {
    marketing: {
      campaigns: story.campaigns.map((c) => ({
        _id: c.campaignId,
        name: c.name,
        nameKey: c.name.toLowerCase(),
        channel: c.channel,
        objective: c.objective,
        status: c.status,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        description: c.description,
        createdAt: c.createdAt,
        updatedAt: c.status === 'COMPLETED' ? c.endsAt : c.createdAt,
      })),
      segments: story.segments.map((s) => ({
        _id: s.segmentId,
        name: s.name,
        nameKey: s.name.toLowerCase(),
        description: s.description,
        kind: s.kind,
        ...(s.rules ? { rules: s.rules } : {}),
        createdAt: s.createdAt,
        updatedAt: s.createdAt,
      })),
      customers: [],
      touchpoints: [],
      surveyAnswers: [],
      referrals: [],
      reviews: [],
    },
    sales: { products: productDocuments(salt, story.asOf), orders: [], returns: [] },
    support: { tickets: [], interactions: [] },
  };
  const m = docs.marketing;
  for (const plan of story.customers) {
    const id = plan.profile.customerId;
    m.customers.push(customerDocument(plan.profile, segmentIds, story.asOf));
    for (const t of plan.touchpoints) {
      const campaign = t.campaignKey ? campaignIds.get(t.campaignKey) : undefined;
      m.touchpoints.push({
        _id: ids.next('tch'),
        customerId: id,
        channel: t.channel,
        type: t.type,
        ...(campaign ? { campaignId: campaign.campaignId, campaignObjective: campaign.objective } : {}),
        occurredAt: t.occurredAt,
        ...(t.properties ? { properties: t.properties } : {}),
        source: t.source,
        createdAt: t.occurredAt,
      });
    }
    for (const s of plan.surveys) {
      m.surveyAnswers.push({
        _id: ids.next('sva'),
        customerId: id,
        surveyId: s.surveyId,
        score: s.score,
        ...(s.comment ? { comment: s.comment } : {}),
        channel: s.channel,
        answeredAt: s.answeredAt,
        createdAt: s.answeredAt,
      });
    }
    for (const r of plan.reviews) {
      m.reviews.push({
        _id: ids.next('rev'),
        customerId: id,
        rating: r.rating,
        title: r.title,
        text: r.text,
        ...(r.sku ? { productId: productIds.get(r.sku) } : {}),
        reviewedAt: r.reviewedAt,
        createdAt: r.reviewedAt,
      });
    }
    for (const r of plan.referrals) {
      const email = r.referredEmail
        ? must(normalizeEmail(r.referredEmail), `referral email ${r.referredEmail}`)
        : undefined;
      m.referrals.push({
        _id: ids.next('ref'),
        referrerId: id,
        ...(email ? { referredEmail: email } : {}),
        ...(r.referredCustomerId ? { referredCustomerId: r.referredCustomerId } : {}),
        referredKey: r.referredCustomerId ? `customer:${r.referredCustomerId}` : `email:${email}`,
        referredAt: r.referredAt,
        createdAt: r.referredAt,
      });
    }
    appendSales(docs, plan, productIds);
    for (const t of plan.tickets) {
      const ticket = ticketDocument(id, t, () => ids.next('msg'));
      docs.support.tickets.push(ticket);
      docs.support.interactions.push(...interactionDocuments(ticket, () => ids.next('ixn')));
    }
  }
  return docs;
}

function appendSales(docs: DemoDocuments, plan: CustomerPlan, productIds: ReadonlyMap<string, string>): void {
  const byOrder = new Map<string, ReturnPlan[]>();
  for (const r of plan.returns) byOrder.set(r.orderId, [...(byOrder.get(r.orderId) ?? []), r]);
  const returns: ReturnDoc[] = [];
  for (const order of plan.orders) {
    const built = orderAndReturnDocuments(
      plan.profile.customerId,
      order,
      byOrder.get(order.orderId) ?? [],
      productIds,
    );
    docs.sales.orders.push(built.order);
    returns.push(...built.returns);
  }
  docs.sales.returns.push(...returns.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
}
