/** Limits for free-form `properties` on touchpoints: enough for UTM tags and page data, not a data dump. */
export const JSON_LIMITS = { maxBytes: 8 * 1024, maxDepth: 5, maxKeys: 100 };

/**
 * Why `value` cannot be stored as free-form properties, or null when it can. Keys starting with `$` or
 * containing `.` are refused because MongoDB would read them as operators or paths.
 */
export function jsonObjectProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a JSON object';
  let keys = 0;
  const walk = (v: unknown, depth: number): string | null => {
    if (depth > JSON_LIMITS.maxDepth) return `must not nest deeper than ${JSON_LIMITS.maxDepth} levels`;
    if (Array.isArray(v)) {
      for (const item of v) {
        const p = walk(item, depth + 1);
        if (p) return p;
      }
      return null;
    }
    if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        keys += 1;
        if (keys > JSON_LIMITS.maxKeys) return `must not have more than ${JSON_LIMITS.maxKeys} keys in total`;
        if (k.startsWith('$') || k.includes('.') || k.includes('\u0000')) {
          return `key "${k}" must not start with $ or contain a dot`;
        }
        const p = walk(child, depth + 1);
        if (p) return p;
      }
    }
    return null;
  };
  const problem = walk(value, 1);
  if (problem) return problem;
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > JSON_LIMITS.maxBytes) {
    return `must not exceed ${JSON_LIMITS.maxBytes} bytes as JSON`;
  }
  return null;
}
