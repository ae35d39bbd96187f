import { Gauge, type Registry } from 'prom-client';
import type { EventConsumer } from './consumer.service';
import type { OutboxRelay } from './relay.service';

/**
 * Event metrics on a service's registry (the one behind its /metrics). Values are read at scrape time
 * from the relay and consumers, so the hot path pays nothing; consumer names are fixed in code, so the
 * label set stays bounded.
 */
export function registerEventMetrics(
  registry: Registry,
  sources: { relay: OutboxRelay; consumers: () => readonly EventConsumer[] },
): void {
  new Gauge({
    name: 'events_outbox_pending',
    help: 'Outbox rows of this service not yet relayed to the bus.',
    registers: [registry],
    async collect() {
      this.set(await sources.relay.pending());
    },
  });
  new Gauge({
    name: 'events_relayed',
    help: 'Outbox rows this process has relayed to the bus since it started.',
    registers: [registry],
    collect() {
      this.set(sources.relay.relayedTotal);
    },
  });
  new Gauge({
    name: 'events_consumer_lag',
    help: 'Bus events a consumer has not dealt with yet (bus head minus its position).',
    labelNames: ['consumer'],
    registers: [registry],
    collect() {
      for (const c of sources.consumers()) this.set({ consumer: c.name }, c.lag);
    },
  });
  new Gauge({
    name: 'events_consumer_position',
    help: 'Bus seq up to which a consumer has dealt with events.',
    labelNames: ['consumer'],
    registers: [registry],
    collect() {
      for (const c of sources.consumers()) this.set({ consumer: c.name }, Math.max(0, c.currentPosition));
    },
  });
  new Gauge({
    name: 'events_consumer_handled',
    help: 'Events a consumer has handled in this process (failures are retried, not counted).',
    labelNames: ['consumer'],
    registers: [registry],
    collect() {
      for (const c of sources.consumers()) this.set({ consumer: c.name }, c.handledTotal);
    },
  });
  new Gauge({
    name: 'events_consumer_failures',
    help: 'Failed handler attempts of a consumer in this process (each is retried with back-off).',
    labelNames: ['consumer'],
    registers: [registry],
    collect() {
      for (const c of sources.consumers()) this.set({ consumer: c.name }, c.failuresTotal);
    },
  });
}
