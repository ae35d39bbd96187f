import type { ChannelPath } from './markov.logic';

/**
 * Customer journeys: a person's touchpoints cut into paths that end in a conversion or in nothing.
 * Pure; the service loads touchpoints and orders (over every id of a merged person) and calls this.
 */

export interface JourneyTouch {
  id: string;
  channel: string;
  campaignId: string | null;
  at: Date;
  /** A visit the person started themselves, with no campaign behind it (see `isDirectTouch`). */
  direct: boolean;
}

export interface ConversionEvent {
  id: string;
  at: Date;
}

export interface ConvertingJourney<C extends ConversionEvent> {
  conversion: C;
  /** Touchpoints within the lookback window before the conversion, oldest first; may be empty. */
  touches: JourneyTouch[];
}

export interface Journeys<C extends ConversionEvent> {
  converting: ConvertingJourney<C>[];
  /** Paths that ended without a conversion: the ones Markov and Shapley learn "no purchase" from. */
  lost: JourneyTouch[][];
  /** Touchpoints after the last conversion whose journey may still convert (younger than the window). */
  open: JourneyTouch[];
}

export interface JourneyOptions {
  lookbackMs: number;
  /** "Now" for deciding whether the trailing touchpoints are lost or still open. */
  asOf: Date;
}

/** Owned, self-started channels: a touchpoint there without a campaign is what analytics tools call direct. */
export const DIRECT_CHANNELS: ReadonlySet<string> = new Set(['WEB', 'APP', 'STORE']);

export function isDirectTouch(channel: string, campaignId: string | null | undefined): boolean {
  return !campaignId && DIRECT_CHANNELS.has(channel);
}

const byTimeThenId = (a: { at: Date; id: string }, b: { at: Date; id: string }) =>
  a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Cuts one person's history into journeys. A conversion closes the journey before it and takes the
 * touchpoints of the lookback window (a touchpoint at the very instant of the order counts); older
 * touchpoints of that journey are a lost path. A silence longer than the window also closes a journey as
 * lost. Trailing touchpoints are lost once the window has passed since the last of them, open before that.
 */
export function buildJourneys<C extends ConversionEvent>(
  touches: readonly JourneyTouch[],
  conversions: readonly C[],
  options: JourneyOptions,
): Journeys<C> {
  const { lookbackMs, asOf } = options;
  if (!(lookbackMs > 0)) throw new RangeError(`lookbackMs must be positive, got ${lookbackMs}`);
  const ts = [...touches].sort(byTimeThenId);
  const cs = [...conversions].sort(byTimeThenId);
  const result: Journeys<C> = { converting: [], lost: [], open: [] };
  let current: JourneyTouch[] = [];
  let i = 0;
  const takeTouch = (t: JourneyTouch) => {
    const last = current[current.length - 1];
    if (last && t.at.getTime() - last.at.getTime() > lookbackMs) {
      result.lost.push(current);
      current = [];
    }
    current.push(t);
  };
  for (const c of cs) {
    while (i < ts.length && ts[i].at.getTime() <= c.at.getTime()) takeTouch(ts[i++]);
    const windowStart = c.at.getTime() - lookbackMs;
    const stale = current.filter((t) => t.at.getTime() < windowStart);
    if (stale.length > 0) result.lost.push(stale);
    result.converting.push({ conversion: c, touches: current.filter((t) => t.at.getTime() >= windowStart) });
    current = [];
  }
  while (i < ts.length) takeTouch(ts[i++]);
  const last = current[current.length - 1];
  if (last) {
    if (asOf.getTime() - last.at.getTime() > lookbackMs) result.lost.push(current);
    else result.open = current;
  }
  return result;
}

/** The channel sequence of a path, as the data-driven models read it. */
export const channelsOf = (touches: readonly JourneyTouch[]): string[] => touches.map((t) => t.channel);

/** Groups converting and lost paths by channel sequence, the input of the data-driven models. */
export function aggregatePaths(
  converting: Iterable<readonly JourneyTouch[]>,
  lost: Iterable<readonly JourneyTouch[]>,
): ChannelPath[] {
  const byKey = new Map<string, ChannelPath>();
  const add = (touches: readonly JourneyTouch[], converted: boolean) => {
    const channels = channelsOf(touches);
    const key = channels.join('>');
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { channels, conversions: 0, nulls: 0 }));
    if (converted) p.conversions++;
    else p.nulls++;
  };
  for (const t of converting) add(t, true);
  for (const t of lost) add(t, false);
  return [...byKey.values()];
}
