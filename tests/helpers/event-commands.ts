import type { CommandStartedEvent } from 'mongodb';
import { EVENT_COLLECTIONS } from '../../shared/events';
import { uniqueDbName } from './mongo';

const EVENT_COLLECTION_NAMES = new Set<string>(Object.values(EVENT_COLLECTIONS));
/** Transaction bookkeeping: the commit of a relay batch may fall into a window a test is counting. */
const TRANSACTION_COMMANDS = new Set(['commitTransaction', 'abortTransaction']);

/**
 * Commands of the change-event machinery (relay and consumer polls on the outbox and the bus) and
 * transaction bookkeeping: background work, left out when tests count the commands of a request.
 */
export function isEventMachineryCommand(
  event: Pick<CommandStartedEvent, 'commandName' | 'command'>,
): boolean {
  if (TRANSACTION_COMMANDS.has(event.commandName)) return true;
  const target = event.command[event.commandName];
  return typeof target === 'string' && EVENT_COLLECTION_NAMES.has(target);
}

/** A bus database of its own for one test harness, so tests sharing one MongoDB never see each other's events. */
export function testBusDbName(prefix = 'bus'): string {
  return uniqueDbName(prefix);
}
