/**
 * String similarity used by the comparison levels.
 *
 * Small own implementations rather than a package: the maintained CJS options cover only one metric each
 * (`fastest-levenshtein` has no transpositions, `@skyra/jaro-winkler` only Jaro–Winkler) and `talisman`
 * pulls lodash and five more packages in for two functions. Both functions run on short, already
 * normalized keys millions of times per deduplication run, so they avoid allocation where they can.
 */

// Reused scratch buffers for long strings; strings up to 31 characters use bit masks instead.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);
let rowPrev2 = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);

function ensureCapacity(n: number): void {
  if (flagsA.length > n) return;
  const size = Math.max(n + 1, flagsA.length * 2);
  flagsA = new Uint8Array(size);
  flagsB = new Uint8Array(size);
  rowPrev2 = new Int32Array(size);
  rowPrev = new Int32Array(size);
  rowCur = new Int32Array(size);
}

function jaroLong(a: string, b: string, la: number, lb: number, window: number): number {
  ensureCapacity(Math.max(la, lb));
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
}

/** Jaro similarity in [0, 1]; 1 for two equal strings, 0 when either is empty. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (la > 31 || lb > 31) return jaroLong(a, b, la, lb, window);
  let usedA = 0;
  let usedB = 0;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if ((usedB & (1 << j)) === 0 && b.charCodeAt(j) === c) {
        usedA |= 1 << i;
        usedB |= 1 << j;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if ((usedA & (1 << i)) === 0) continue;
    while ((usedB & (1 << k)) === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
}

/**
 * Jaro–Winkler similarity (Winkler 1990): Jaro boosted by the common prefix (at most 4 characters,
 * scale 0.1), because typing errors are rarer at the start of a name.
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  if (j === 1 || j === 0) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * prefixScale * (1 - j);
}

/**
 * Optimal string alignment distance (restricted Damerau–Levenshtein): insertions, deletions,
 * substitutions and swaps of two adjacent characters each cost 1. Postcodes, house numbers and phone
 * numbers are mistyped exactly this way (a wrong digit, two digits swapped).
 */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  ensureCapacity(lb + 1);
  for (let j = 0; j <= lb; j++) rowPrev[j] = j;
  for (let i = 1; i <= la; i++) {
    rowCur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(rowPrev[j] + 1, rowCur[j - 1] + 1, rowPrev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, rowPrev2[j - 2] + 1);
      }
      rowCur[j] = v;
    }
    const tmp = rowPrev2;
    rowPrev2 = rowPrev;
    rowPrev = rowCur;
    rowCur = tmp;
  }
  return rowPrev[lb];
}

/**
 * osaDistance(a, b) <= 1, in linear time: equal, or one substitution, insertion, deletion or swap of
 * two adjacent characters apart. The comparison levels only ever ask this question.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let i = 0;
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    // First difference at i: a substitution (rest equal), or a swap of i and i + 1 (rest equal).
    let j = i + 1;
    while (j < la && a.charCodeAt(j) === b.charCodeAt(j)) j++;
    if (j === la) return true;
    if (j !== i + 1 || a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i))
      return false;
    for (let k = i + 2; k < la; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
    return true;
  }
  if (la - lb !== 1 && lb - la !== 1) return false;
  const short = la < lb ? a : b;
  const long = la < lb ? b : a;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  for (let k = i; k < short.length; k++) if (short.charCodeAt(k) !== long.charCodeAt(k + 1)) return false;
  return true;
}
