import { Schema, type Connection, type Model } from 'mongoose';
import { newId } from '../../../../shared/ids/ids';
import {
  TicketCategory,
  TicketChannel,
  TicketMessageAuthor,
  TicketPriority,
  TicketSentiment,
  TicketSentimentSource,
  TicketStatus,
} from './ticket.enums';

export interface TicketMessageDoc {
  _id: string;
  author: TicketMessageAuthor;
  body: string;
  channel: TicketChannel;
  at: Date;
  sentiment?: TicketSentiment | null;
  sentimentScore?: number | null;
  sentimentSource?: TicketSentimentSource | null;
}

export interface SatisfactionDoc {
  score: number;
  comment?: string | null;
  ratedAt: Date;
}

export interface TicketDoc {
  _id: string;
  customerId: string;
  channel: TicketChannel;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  subject: string;
  orderId?: string | null;
  sentiment: TicketSentiment;
  sentimentScore?: number | null;
  sentimentSource: TicketSentimentSource;
  /** Oldest first; bounded by MAX_MESSAGES_PER_TICKET. */
  messages: TicketMessageDoc[];
  openedAt: Date;
  firstResponseAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  updatedAt: Date;
  /** Denormalised for `supportStats`: latest CUSTOMER/AGENT message (or opening). */
  lastContactAt: Date;
  /** Denormalised for `supportStats`: latest message with NEGATIVE sentiment. */
  lastNegativeAt?: Date | null;
  reopenCount: number;
  /** The satisfaction rating lives on its ticket: one per ticket, written atomically with a guard. */
  satisfaction?: SatisfactionDoc | null;
  /** Optimistic-concurrency revision: every update matches on it and increments it. */
  rev: number;
}

/** A ticket is one document; this cap keeps it far below MongoDB's 16 MB document limit. */
export const MAX_MESSAGES_PER_TICKET = 500;

const values = (e: object) => Object.values(e) as string[];

const messageSchema = new Schema<TicketMessageDoc>(
  {
    _id: { type: String, default: () => newId('msg') },
    author: { type: String, enum: values(TicketMessageAuthor), required: true },
    body: { type: String, required: true, maxlength: 10_000 },
    channel: { type: String, enum: values(TicketChannel), required: true },
    at: { type: Date, required: true },
    sentiment: { type: String, enum: values(TicketSentiment) },
    sentimentScore: { type: Number, min: -1, max: 1 },
    sentimentSource: { type: String, enum: values(TicketSentimentSource) },
  },
  // Messages keep their own readable string ids (`msg_…`) instead of mongoose's default ObjectIds.
);

export const ticketSchema = new Schema<TicketDoc>(
  {
    _id: { type: String, default: () => newId('tkt') },
    customerId: { type: String, required: true },
    channel: { type: String, enum: values(TicketChannel), required: true },
    category: { type: String, enum: values(TicketCategory), required: true },
    priority: { type: String, enum: values(TicketPriority), required: true },
    status: { type: String, enum: values(TicketStatus), required: true },
    subject: { type: String, required: true, maxlength: 200 },
    orderId: { type: String },
    sentiment: { type: String, enum: values(TicketSentiment), required: true },
    sentimentScore: { type: Number, min: -1, max: 1 },
    sentimentSource: { type: String, enum: values(TicketSentimentSource), required: true },
    messages: { type: [messageSchema], default: [] },
    openedAt: { type: Date, required: true },
    firstResponseAt: { type: Date },
    resolvedAt: { type: Date },
    closedAt: { type: Date },
    updatedAt: { type: Date, required: true },
    lastContactAt: { type: Date, required: true },
    lastNegativeAt: { type: Date },
    reopenCount: { type: Number, default: 0 },
    satisfaction: {
      type: new Schema<SatisfactionDoc>(
        {
          score: { type: Number, min: 1, max: 5, required: true },
          comment: { type: String, maxlength: 2000 },
          ratedAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: undefined,
    },
    rev: { type: Number, default: 0 },
  },
  // Timestamps are set by the service from its clock (tests and imports control time), not by mongoose.
  { collection: 'tickets', versionKey: false },
);

// Customer.tickets (newest first, keyset on openedAt/_id) and the supportStats aggregation ($in customerId).
ticketSchema.index({ customerId: 1, openedAt: -1, _id: -1 });
// Customer.tickets(status: …) and openTickets / openComplaints counts.
ticketSchema.index({ customerId: 1, status: 1, openedAt: -1, _id: -1 });
// Agents' queues: tickets(filter: {status, priority?}) newest first.
ticketSchema.index({ status: 1, priority: 1, openedAt: -1, _id: -1 });
// tickets(filter: {category}) / {channel}: complaint and channel queues.
ticketSchema.index({ category: 1, status: 1, openedAt: -1, _id: -1 });
ticketSchema.index({ channel: 1, openedAt: -1, _id: -1 });
// Unfiltered tickets(...) newest first.
ticketSchema.index({ openedAt: -1, _id: -1 });
// Tickets about an order (support tools open them from an order page).
ticketSchema.index({ orderId: 1 }, { sparse: true });

export type TicketModel = Model<TicketDoc>;

export function ticketModel(connection: Connection): TicketModel {
  return connection.model<TicketDoc>('Ticket', ticketSchema);
}
