/**
 * Bounded `operation` label values. Operation names come from clients, so labelling by the raw name lets
 * any caller add time series without limit (a unique name per request grew one series each). A name is
 * its own label when it is a known operation (the team's shipped operations), or while fewer than
 * `maxSeen` distinct names have been labelled; every other name shares OTHER_OPERATIONS.
 */
export const OTHER_OPERATIONS = '__other__';
export const ANONYMOUS_OPERATION = 'anonymous';
export const INVALID_OPERATION = 'invalid';

/** Longer names are never labels: real operation names are short, and a label is held in memory. */
const MAX_NAME_LENGTH = 100;

export interface OperationLabelOptions {
  /** Names always labelled as themselves (e.g. a persisted-operation registry). */
  known?: Iterable<string>;
  /** How many other distinct names get their own label, first come first served. */
  maxSeen?: number;
}

export const DEFAULT_MAX_OPERATION_LABELS = 100;

export function createOperationLabeler(
  options: OperationLabelOptions = {},
): (name: string | null | undefined, resolved: boolean) => string {
  const known = new Set(options.known ?? []);
  const maxSeen = options.maxSeen ?? DEFAULT_MAX_OPERATION_LABELS;
  const seen = new Set<string>();
  return (name, resolved) => {
    if (!resolved) return INVALID_OPERATION;
    if (!name) return ANONYMOUS_OPERATION;
    if (known.has(name)) return name;
    if (seen.has(name)) return name;
    if (name.length > MAX_NAME_LENGTH || seen.size >= maxSeen) return OTHER_OPERATIONS;
    seen.add(name);
    return name;
  };
}
