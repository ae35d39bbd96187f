/** What insights resolvers read from the request context. */
export interface InsightsContext {
  /** One clock reading per request, so every customer in a response is judged at the same instant. */
  now?: Date;
}

export function createInsightsContext(now: Date = new Date()): InsightsContext {
  return { now };
}

export function nowOf(ctx: InsightsContext | undefined): Date {
  return ctx?.now instanceof Date ? ctx.now : new Date();
}
