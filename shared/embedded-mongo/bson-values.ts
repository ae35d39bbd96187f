import type { Document } from 'bson';

/**
 * Canonical string for a BSON value, used as an index/equality key. Numbers of every BSON numeric type
 * share one key space because MongoDB compares 1, 1.0 and NumberLong(1) as equal; null and a missing
 * field share one key because an index stores a missing field as null.
 */
export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return 'n' + (Object.is(value, -0) ? 0 : value);
    case 'boolean':
      return value ? 'bt' : 'bf';
    case 'bigint':
      return 'n' + Number(value);
    case 'object':
      break;
    default:
      return 'x' + String(value);
  }
  if (value instanceof Date) return 'd' + value.getTime();
  if (Array.isArray(value)) return '[' + value.map(valueKey).join(',') + ']';
  if (value instanceof RegExp) return 'r' + value.source + '/' + value.flags;
  const bsontype = (value as { _bsontype?: string })._bsontype;
  if (bsontype !== undefined) {
    switch (bsontype) {
      case 'ObjectId':
      case 'ObjectID':
        return 'o' + (value as { toHexString(): string }).toHexString();
      case 'Long':
      case 'Int32':
      case 'Double':
        return 'n' + Number((value as { valueOf(): number }).valueOf());
      case 'Decimal128':
        return 'n' + Number(String(value));
      case 'Binary':
        return 'B' + Buffer.from((value as { buffer: Uint8Array }).buffer).toString('base64');
      default:
        return bsontype + String(value);
    }
  }
  let out = '{';
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out += JSON.stringify(k) + ':' + valueKey(v) + ',';
  }
  return out + '}';
}

/** True for a plain object (not a BSON value class, Date, RegExp or array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Deep copy of plain objects, arrays and dates. BSON value classes (ObjectId, Decimal128, Binary...) are
 * treated as immutable and shared. Stored documents are copy-on-write, so this runs only where a copy
 * may later be mutated (updates, aggregation inputs).
 */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneValue(value[i]);
    return out as T;
  }
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k in value) out[k] = cloneValue((value as Record<string, unknown>)[k]);
  return out as T;
}

/**
 * All values a dotted path reaches in a document, descending into arrays the way MongoDB's index key
 * generation does (an array contributes each element; an empty/missing result yields undefined).
 */
export function pathValues(doc: unknown, path: string): unknown[] {
  const parts = path.split('.');
  const out: unknown[] = [];
  collect(doc, parts, 0, out);
  if (out.length === 0) out.push(undefined);
  return out;
}

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      else for (const v of value) out.push(v);
    } else out.push(value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    const idx = /^\d+$/.test(parts[i]) ? Number(parts[i]) : -1;
    if (idx >= 0 && idx < value.length) collect(value[idx], parts, i + 1, out);
    for (const el of value) if (isPlainObject(el)) collect(el, parts, i, out);
    return;
  }
  const next = (value as Record<string, unknown>)[parts[i]];
  if (next === undefined) {
    if (i === parts.length - 1) out.push(undefined);
    return;
  }
  collect(next, parts, i + 1, out);
}

/** First value at a dotted path without array expansion (used to report keyValue in errors). */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** Sets a dotted path, creating intermediate objects (used to seed an upserted document). */
export function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Record<string, unknown> = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (!isPlainObject(next)) cur[parts[i]] = {};
    cur = cur[parts[i]] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/** Renders a value the way mongod prints it inside an E11000 message. */
export function renderForMessage(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  const bsontype = (value as { _bsontype?: string })?._bsontype;
  if (bsontype === 'ObjectId') return `ObjectId('${String(value)}')`;
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * MongoDB's comparison/sort order across BSON types
 * (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/): MinKey < null <
 * numbers < strings < objects < arrays < BinData < ObjectId < booleans < dates < timestamps < regex < MaxKey.
 */
export function compareValues(a: unknown, b: unknown): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  switch (ta) {
    case 1:
      return 0;
    case 2: {
      const x = Number(numberOf(a));
      const y = Number(numberOf(b));
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
      return a! < b! ? -1 : a! > b! ? 1 : 0;
    case 4: {
      const ea = Object.entries(a as object).filter(([, v]) => v !== undefined);
      const eb = Object.entries(b as object).filter(([, v]) => v !== undefined);
      for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
        // Pairs compare by value type, then field name, then value.
        const byType = typeRank(ea[i][1]) - typeRank(eb[i][1]);
        if (byType !== 0) return byType < 0 ? -1 : 1;
        if (ea[i][0] !== eb[i][0]) return ea[i][0] < eb[i][0] ? -1 : 1;
        const c = compareValues(ea[i][1], eb[i][1]);
        if (c !== 0) return c;
      }
      return Math.sign(ea.length - eb.length);
    }
    case 5: {
      const xa = a as unknown[];
      const xb = b as unknown[];
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareValues(xa[i], xb[i]);
        if (c !== 0) return c;
      }
      return Math.sign(xa.length - xb.length);
    }
    case 8:
      return a === b ? 0 : a ? 1 : -1;
    case 9:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    default: {
      const x = valueKey(a);
      const y = valueKey(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

function numberOf(v: unknown): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  return Number(String(v));
}

/** Rank of a value's BSON type in MongoDB's comparison order (values of different ranks never compare equal). */
export function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 8;
  }
  if (Array.isArray(v)) return 5;
  if (v instanceof Date) return 9;
  if (v instanceof RegExp) return 11;
  switch ((v as { _bsontype?: string })._bsontype) {
    case undefined:
      return 4;
    case 'MinKey':
      return 0;
    case 'MaxKey':
      return 12;
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return 2;
    case 'BSONSymbol':
      return 3;
    case 'Binary':
      return 6;
    case 'ObjectId':
      return 7;
    case 'Timestamp':
      return 10;
    case 'BSONRegExp':
      return 11;
    default:
      return 4;
  }
}
