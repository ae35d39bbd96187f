import type { Connection } from 'mongoose';
import { interactionModel } from './interaction/interaction.model';
import { ticketModel } from './ticket/ticket.model';

/** Every model of this subgraph, bound to its own connection (several subgraphs may share a process). */
export function createModels(connection: Connection) {
  return {
    tickets: ticketModel(connection),
    interactions: interactionModel(connection),
  };
}

export type SupportModels = ReturnType<typeof createModels>;
