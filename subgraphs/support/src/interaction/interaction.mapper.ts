import type { InteractionDoc } from './interaction.model';
import type { SupportInteraction } from './interaction.type';

/** Database document → GraphQL object; the only place that knows both shapes. */
export function toInteraction(doc: InteractionDoc): SupportInteraction {
  return {
    id: doc._id,
    customerId: doc.customerId,
    ticketId: doc.ticketId ?? null,
    kind: doc.kind,
    direction: doc.direction,
    outcome: doc.outcome,
    startedAt: doc.startedAt,
    endedAt: doc.endedAt ?? null,
    durationSeconds: doc.durationSeconds ?? null,
    agentId: doc.agentId ?? null,
    summary: doc.summary ?? null,
    sentiment: doc.sentiment ?? null,
    sentimentScore: doc.sentimentScore ?? null,
    sentimentSource: doc.sentimentSource ?? null,
  };
}

/** Sort key of interaction lists (newest first); cursors encode exactly these values. */
export const interactionCursor = (i: Pick<SupportInteraction, 'startedAt' | 'id'>): unknown[] => [
  i.startedAt,
  i.id,
];
