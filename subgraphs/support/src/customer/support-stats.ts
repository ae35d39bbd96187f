import type { PipelineStage } from 'mongoose';
import { OPEN_STATUSES, TicketCategory } from '../ticket/ticket.enums';
import type { SupportStats } from './customer.type';

export const COMPLAINT_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One row per customer of the tickets aggregation below. */
export interface TicketStatsRow {
  _id: string;
  openTickets: number;
  openComplaints: number;
  complaintsLast30Days: number;
  lastContactAt: Date | null;
  ratingSum: number;
  ratingCount: number;
  lastNegativeAt: Date | null;
}

/** What other sources (calls and chats) add to a customer's stats. */
export interface ContactStatsRow {
  _id: string;
  lastContactAt: Date | null;
  lastNegativeAt: Date | null;
}

/**
 * ONE aggregation computing the ticket-based stats of many customers at once (the loader passes every
 * customer id of the request), served by the `{customerId, …}` indexes.
 */
export function ticketStatsPipeline(customerIds: readonly string[], now: Date): PipelineStage[] {
  const since = new Date(now.getTime() - COMPLAINT_WINDOW_DAYS * DAY_MS);
  const isOpen = { $in: ['$status', [...OPEN_STATUSES]] };
  const isComplaint = { $eq: ['$category', TicketCategory.COMPLAINT] };
  const isRated = { $isNumber: '$satisfaction.score' };
  return [
    { $match: { customerId: { $in: [...customerIds] } } },
    {
      $group: {
        _id: '$customerId',
        openTickets: { $sum: { $cond: [isOpen, 1, 0] } },
        openComplaints: { $sum: { $cond: [{ $and: [isOpen, isComplaint] }, 1, 0] } },
        complaintsLast30Days: {
          $sum: { $cond: [{ $and: [isComplaint, { $gte: ['$openedAt', since] }] }, 1, 0] },
        },
        lastContactAt: { $max: '$lastContactAt' },
        ratingSum: { $sum: '$satisfaction.score' }, // $sum skips unrated tickets (missing field)
        ratingCount: { $sum: { $cond: [isRated, 1, 0] } },
        lastNegativeAt: { $max: '$lastNegativeAt' },
      },
    },
  ];
}

/**
 * ONE aggregation of the calls and chats of many customers: the latest one (any outcome: a missed call
 * is still the customer reaching out) and the latest one recorded as NEGATIVE.
 */
export function interactionStatsPipeline(customerIds: readonly string[]): PipelineStage[] {
  return [
    { $match: { customerId: { $in: [...customerIds] } } },
    {
      $group: {
        _id: '$customerId',
        lastContactAt: { $max: '$startedAt' },
        // $max ignores nulls, so non-negative interactions do not count.
        lastNegativeAt: { $max: { $cond: [{ $eq: ['$sentiment', 'NEGATIVE'] }, '$startedAt', null] } },
      },
    },
  ];
}

const latest = (...dates: Array<Date | null | undefined>): Date | null =>
  dates.reduce<Date | null>((acc, d) => (d && (!acc || d > acc) ? d : acc), null);

/**
 * Aggregation rows → the contract's `SupportStats`. A customer without tickets gets zeros and nulls
 * (never an error: every customer has support stats). Average satisfaction is rounded to 2 decimals.
 */
export function toSupportStats(
  tickets: TicketStatsRow | undefined,
  contacts?: ContactStatsRow,
): SupportStats {
  return {
    openTickets: tickets?.openTickets ?? 0,
    openComplaints: tickets?.openComplaints ?? 0,
    complaintsLast30Days: tickets?.complaintsLast30Days ?? 0,
    lastContactAt: latest(tickets?.lastContactAt, contacts?.lastContactAt),
    averageSatisfaction:
      tickets && tickets.ratingCount > 0
        ? Math.round((tickets.ratingSum / tickets.ratingCount) * 100) / 100
        : null,
    lastNegativeSentimentAt: latest(tickets?.lastNegativeAt, contacts?.lastNegativeAt),
  };
}

/** Stats rows of several ids of one (merged) customer → one row: counts add up, latest dates win. */
export function combineTicketStats(parts: TicketStatsRow[]): TicketStatsRow {
  const add = (k: 'openTickets' | 'openComplaints' | 'complaintsLast30Days' | 'ratingSum' | 'ratingCount') =>
    parts.reduce((acc, p) => acc + p[k], 0);
  return {
    _id: parts[0]._id,
    openTickets: add('openTickets'),
    openComplaints: add('openComplaints'),
    complaintsLast30Days: add('complaintsLast30Days'),
    lastContactAt: latest(...parts.map((p) => p.lastContactAt)),
    ratingSum: add('ratingSum'),
    ratingCount: add('ratingCount'),
    lastNegativeAt: latest(...parts.map((p) => p.lastNegativeAt)),
  };
}

export function combineContactStats(parts: ContactStatsRow[]): ContactStatsRow {
  return {
    _id: parts[0]._id,
    lastContactAt: latest(...parts.map((p) => p.lastContactAt)),
    lastNegativeAt: latest(...parts.map((p) => p.lastNegativeAt)),
  };
}
