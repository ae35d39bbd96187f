import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import { insideRecordedSpan, TRACER_NAME } from './tracing';

/**
 * One CLIENT span per MongoDB command, from the driver's command monitoring (needs `monitorCommands`), so
 * it behaves the same on mongod and the embedded server. Spans carry the command and collection names,
 * never the command itself (filters hold personal data). Commands outside a traced request (event relay
 * polling, scheduled refits) are not traced: they would start a new trace every poll.
 */
export function traceMongoCommands(client: ReturnType<Connection['getClient']>): void {
  const open = new Map<string, Span>();
  const key = (e: { requestId: number; address: string }) => `${e.address}#${e.requestId}`;
  client.on('commandStarted', (event: CommandStartedEvent) => {
    if (!insideRecordedSpan()) return;
    const target = event.command[event.commandName];
    const collection = typeof target === 'string' ? target : undefined;
    const span = trace
      .getTracer(TRACER_NAME)
      .startSpan(collection ? `${event.commandName} ${collection}` : event.commandName, {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'mongodb',
          'db.namespace': event.databaseName,
          'db.operation.name': event.commandName,
          ...(collection ? { 'db.collection.name': collection } : {}),
        },
      });
    open.set(key(event), span);
  });
  const finish = (event: CommandSucceededEvent | CommandFailedEvent, failed: boolean) => {
    const span = open.get(key(event));
    if (!span) return;
    open.delete(key(event));
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  client.on('commandSucceeded', (event: CommandSucceededEvent) => finish(event, false));
  client.on('commandFailed', (event: CommandFailedEvent) => finish(event, true));
}
