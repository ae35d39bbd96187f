/** The time source; injected so tests can pin "now" (engagement windows, consent ordering). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
