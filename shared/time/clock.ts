/**
 * The time source of every service: injected (never `new Date()` deep in a service) so that tests can
 * pin "now" (engagement windows, consent ordering, complaints in the last 30 days).
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
