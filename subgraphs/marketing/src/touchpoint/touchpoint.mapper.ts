import type { TouchpointDoc } from './touchpoint.model';
import type { Touchpoint } from './touchpoint.type';

export function toTouchpoint(doc: TouchpointDoc): Touchpoint {
  return {
    id: doc._id,
    customerId: doc.customerId,
    channel: doc.channel,
    type: doc.type,
    campaignId: doc.campaignId ?? null,
    occurredAt: doc.occurredAt,
    properties: doc.properties ?? null,
    eventId: doc.eventId ?? null,
    source: doc.source ?? null,
    recordedAt: doc.createdAt,
  };
}
