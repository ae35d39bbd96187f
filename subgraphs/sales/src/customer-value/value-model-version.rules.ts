import type { RefitTriggerKind } from './value-model.model';

/** What a finished fit does to the model in use. */
export type ActivationDecision =
  { activate: true; pin: boolean } | { activate: false; because: 'INSUFFICIENT_DATA' | 'PINNED' };

/**
 * Whether a stored fit becomes the model predictions use. A fit without parameters never does (one call
 * with `asOf: "1900-01-01"` must not blank every prediction). An API refit is on purpose, so it replaces
 * the model; with an explicit `asOf` it is pinned: the analyst chose that observation end, and scheduled or
 * import refits store their fits but leave it in use unless `scheduledReplacesPinned` is configured.
 */
export function decideActivation(
  fit: { status: 'ok' | 'insufficient-data'; trigger: RefitTriggerKind; explicitAsOf: boolean },
  current: { pinned: boolean } | null,
  scheduledReplacesPinned: boolean,
): ActivationDecision {
  if (fit.status !== 'ok') return { activate: false, because: 'INSUFFICIENT_DATA' };
  if (fit.trigger === 'API') return { activate: true, pin: fit.explicitAsOf };
  if (current?.pinned && !scheduledReplacesPinned) return { activate: false, because: 'PINNED' };
  return { activate: true, pin: false };
}
