import { supportTimelineCollections } from './timeline/timeline.sources';
import DataLoader from 'dataloader';
import {
  createByIdLoader,
  createGroupLoader,
  createParamGroupLoader,
} from '../../../shared/dataloader/loaders';
import type { EventOutbox } from '../../../shared/events';
import type { SupportStats } from './customer/customer.type';
import { CustomerIdentities, mergePages, sum } from '../../../shared/federation/customer-identities';
import { combineContactStats, combineTicketStats, toSupportStats } from './customer/support-stats';
import type { SupportInteractionKind } from './interaction/interaction.enums';
import type { InteractionDoc } from './interaction/interaction.model';
import { InteractionService, type CustomerInteractionsParams } from './interaction/interaction.service';
import type { TicketStatus } from './ticket/ticket.enums';
import type { TicketDoc } from './ticket/ticket.model';
import { systemClock, type Clock } from '../../../shared/time/clock';
import { TicketService, type CustomerTicketsParams } from './ticket/ticket.service';
import type { SupportModels } from './models';

export function createServices(models: SupportModels, outbox: EventOutbox, clock: Clock = systemClock) {
  return {
    /** Support's collections on Customer.timeline. */
    timeline: supportTimelineCollections(models),
    tickets: new TicketService(models.tickets, outbox, clock),
    interactions: new InteractionService(models.interactions, models.tickets, clock),
  };
}

/**
 * One set of loaders per request, never shared: caches must not leak between users. Each loader turns
 * all the loads of one tick (e.g. 100 customers of an `_entities` call) into one database query.
 */
export function createLoaders(
  services: ReturnType<typeof createServices>,
  identities: CustomerIdentities = new CustomerIdentities(),
) {
  return {
    ticketById: createByIdLoader(
      (ids) => services.tickets.findMany(ids),
      (t: TicketDoc) => t._id,
    ),
    // Customer lists include records under ids merged into the customer (CustomerIdentities).
    customerTickets: createParamGroupLoader<CustomerTicketsParams, TicketDoc[]>((ids, params) =>
      identities.perCustomer(
        ids,
        (all) => services.tickets.pagesForCustomers(all, params),
        (parts) => mergePages(parts, params.first + 1, (t) => t.openedAt),
      ),
    ),
    customerTicketCount: createParamGroupLoader<{ status: TicketStatus | null }, number>((ids, params) =>
      identities.perCustomer(ids, (all) => services.tickets.countsForCustomers(all, params.status), sum),
    ),
    customerInteractions: createParamGroupLoader<CustomerInteractionsParams, InteractionDoc[]>(
      (ids, params) =>
        identities.perCustomer(
          ids,
          (all) => services.interactions.pagesForCustomers(all, params),
          (parts) => mergePages(parts, params.first + 1, (i) => i.startedAt),
        ),
    ),
    customerInteractionCount: createParamGroupLoader<{ kind: SupportInteractionKind | null }, number>(
      (ids, params) =>
        identities.perCustomer(ids, (all) => services.interactions.countsForCustomers(all, params.kind), sum),
    ),
    interactionsByTicket: createGroupLoader(
      (ticketIds) => services.interactions.forTickets(ticketIds),
      (i: InteractionDoc) => i.ticketId ?? '',
    ),
    // Two aggregations per request whatever the number of customers: tickets, and calls/chats.
    supportStats: new DataLoader<string, SupportStats>(async (ids) => {
      const [tickets, contacts] = await Promise.all([
        identities.perCustomer(ids, (all) => services.tickets.statsForCustomers(all), combineTicketStats),
        identities.perCustomer(
          ids,
          (all) => services.interactions.contactStatsForCustomers(all),
          combineContactStats,
        ),
      ]);
      return ids.map((id) => toSupportStats(tickets.get(id), contacts.get(id)));
    }),
  };
}

export interface SupportContext {
  services: ReturnType<typeof createServices>;
  loaders: ReturnType<typeof createLoaders>;
  /** Merged ids of the customers of this request (from marketing, through @requires). */
  identities: CustomerIdentities;
}

export function createContext(
  models: SupportModels,
  outbox: EventOutbox,
  clock: Clock = systemClock,
): SupportContext {
  const services = createServices(models, outbox, clock);
  const identities = new CustomerIdentities();
  return { services, loaders: createLoaders(services, identities), identities };
}
