import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import { TicketSentiment, TicketSentimentSource } from '../ticket/ticket.enums';
import {
  SupportInteractionDirection,
  SupportInteractionKind,
  SupportInteractionOutcome,
} from './interaction.enums';

export interface InteractionDoc {
  _id: string;
  customerId: string;
  kind: SupportInteractionKind;
  direction: SupportInteractionDirection;
  outcome: SupportInteractionOutcome;
  startedAt: Date;
  endedAt?: Date | null;
  durationSeconds?: number | null;
  agentId?: string | null;
  summary?: string | null;
  /** The ticket this call or chat belongs to, if any (same customer). */
  ticketId?: string | null;
  sentiment?: TicketSentiment | null;
  sentimentScore?: number | null;
  sentimentSource?: TicketSentimentSource | null;
  createdAt: Date;
}

const values = (e: object) => Object.values(e) as string[];

export const interactionSchema = new Schema<InteractionDoc>(
  {
    _id: { type: String, default: () => newId('ixn') },
    customerId: { type: String, required: true },
    kind: { type: String, enum: values(SupportInteractionKind), required: true },
    direction: { type: String, enum: values(SupportInteractionDirection), required: true },
    outcome: { type: String, enum: values(SupportInteractionOutcome), required: true },
    startedAt: { type: Date, required: true },
    endedAt: { type: Date },
    durationSeconds: { type: Number, min: 0 },
    agentId: { type: String, maxlength: 100 },
    summary: { type: String, maxlength: 5000 },
    ticketId: { type: String },
    sentiment: { type: String, enum: values(TicketSentiment) },
    sentimentScore: { type: Number, min: -1, max: 1 },
    sentimentSource: { type: String, enum: values(TicketSentimentSource) },
    createdAt: { type: Date, required: true },
  },
  { collection: 'interactions', versionKey: false },
);

// Customer.interactions newest first (keyset on startedAt/_id) and the supportStats contact aggregation.
interactionSchema.index({ customerId: 1, startedAt: -1, _id: -1 });
// Customer.interactions(kind: CALL | CHAT).
interactionSchema.index({ customerId: 1, kind: 1, startedAt: -1, _id: -1 });
// Ticket.interactions: the calls and chats of a ticket.
interactionSchema.index({ ticketId: 1, startedAt: 1 }, { sparse: true });

export type InteractionModel = Model<InteractionDoc>;

export function interactionModel(connection: Connection): InteractionModel {
  return connection.model<InteractionDoc>('SupportInteraction', interactionSchema);
}
