/**
 * Change events: transactional outbox → relay → bus → consumers (see the README, "Change events").
 * A service builds one `ServiceEvents`, writes through `events.outbox.runInTransaction`, and reacts to
 * other services through `events.subscribe`.
 */
export * from './bus.model';
export * from './consumer.service';
export * from './events.runtime';
export * from './outbox.service';
export * from './relay.service';
