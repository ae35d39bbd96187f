/**
 * Change events: what a service tells the others (and webhooks) after a change it committed. Every
 * subgraph and insights may import this module; it imports nothing, so the shapes cannot drift apart.
 *
 * Payloads carry ids, codes and amounts, never raw personal data (names, emails, phones, message bodies):
 * events are copied to a bus, to other services and to webhook receivers, and an erased person must not
 * live on in them. Whoever needs more reads it from the owning service by id.
 */

/** The services that write events; `insights` for derived events (lifecycle stage changed, …). */
export type EventSource = 'marketing' | 'sales' | 'support' | 'insights';

/**
 * Version of the envelope and payload shapes below. Bump it when a payload changes incompatibly and keep
 * consumers reading the older version until the bus holds none of it.
 */
export const EVENT_SCHEMA_VERSION = 1;

/** Payload of each event type. Enum-like fields are the owning service's enum values as strings. */
export interface EventPayloads {
  'customer.created': { status: string };
  /** Names of the profile fields that changed (never their values). */
  'customer.updated': { fields: string[] };
  /** `customerId` of the event is the survivor. */
  'customer.merged': { mergeId: string; survivorId: string; mergedIds: string[] };
  /** `customerId` of the event is the former survivor; `restoredIds` are profiles that live again. */
  'customer.unmerged': { mergeId: string; survivorId: string; restoredIds: string[] };
  /** Every id of the person that was erased (the survivor and the ids merged into it). */
  'customer.erased': { erasedIds: string[]; reason: string };
  'consent.changed': { channel: string; purpose: string; granted: boolean; previous: boolean | null };
  'order.placed': {
    orderId: string;
    orderNumber: string;
    status: string;
    channel: string;
    currency: string;
    totalMinor: number;
    itemCount: number;
  };
  'order.status-changed': { orderId: string; orderNumber: string; from: string; to: string };
  'return.recorded': {
    returnId: string;
    orderId: string;
    currency: string;
    refundMinor: number;
    reason: string | null;
  };
  'ticket.opened': { ticketId: string; channel: string; category: string; priority: string };
  'ticket.status-changed': { ticketId: string; from: string; to: string };
  'ticket.closed': { ticketId: string; from: string };
  'survey.answered': { answerId: string; survey: string; score: number | null };
  'touchpoint.recorded': { touchpointId: string; channel: string; type: string; campaignId: string | null };
}

export type EventType = keyof EventPayloads;

/** The one service allowed to write each event type (checked when an event is emitted). */
export const EVENT_OWNERS: { readonly [T in EventType]: EventSource } = {
  'customer.created': 'marketing',
  'customer.updated': 'marketing',
  'customer.merged': 'marketing',
  'customer.unmerged': 'marketing',
  'customer.erased': 'marketing',
  'consent.changed': 'marketing',
  'survey.answered': 'marketing',
  'touchpoint.recorded': 'marketing',
  'order.placed': 'sales',
  'order.status-changed': 'sales',
  'return.recorded': 'sales',
  'ticket.opened': 'support',
  'ticket.status-changed': 'support',
  'ticket.closed': 'support',
};

/** Every event type, in a stable order (schema enums, webhook validation). */
export const EVENT_TYPES = Object.keys(EVENT_OWNERS) as readonly EventType[];

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_OWNERS, value);
}

/** The envelope every event travels in, from the outbox to consumers and webhook receivers. */
export interface DomainEvent<T extends EventType = EventType> {
  /** Unique per event (`evt_…`): consumers and webhook receivers de-duplicate on it. */
  id: string;
  type: T;
  source: EventSource;
  /** The person the event concerns (as known to the writer at the time); null when it concerns nobody. */
  customerId: string | null;
  /** When the change happened (the writer's clock at commit). */
  occurredAt: Date;
  payload: EventPayloads[T];
  schemaVersion: number;
}

/** The discriminated union: narrowing on `type` gives the payload's type. */
export type AnyDomainEvent = { [T in EventType]: DomainEvent<T> }[EventType];

/** An event as the bus holds it: the envelope plus its position in the one global order. */
export type BusEvent = AnyDomainEvent & { seq: number };
