import { isPlainObject } from './bson-values';
import { CommandError, ErrorCode } from './errors';

/**
 * Operators whose mingo behaviour differs from MongoDB, re-implemented (or wrapped) here and registered
 * in place of mingo's in `mingo-runtime.ts`. mingo's own files stay untouched.
 */

type Evaluate = (obj: unknown, expr: unknown, options: unknown) => unknown;
type QueryOp = (selector: string, value: unknown, options: unknown) => (doc: unknown) => boolean;
type AccumulatorOp = (coll: unknown[], expr: unknown, options: unknown) => unknown;
type ExpressionOp = (obj: unknown, expr: unknown, options: unknown) => unknown;

// ---------------------------------------------------------------------------------------------------
// $type (https://www.mongodb.com/docs/manual/reference/operator/query/type/)

/** BSON type number → alias, as listed on the $type page ("Available Types"). */
const TYPE_ALIASES: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  dbPointer: 12,
  javascript: 13,
  symbol: 14,
  javascriptWithScope: 15,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};
const NUMERIC_TYPES = new Set([1, 16, 18, 19]);
const KNOWN_TYPE_NUMBERS = new Set(Object.values(TYPE_ALIASES));
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The BSON type number of a stored value. Plain JS numbers are typed the way the server writes them
 * back (js-bson serializes an integer in int32 range as int32, anything else as a double).
 */
export function bsonTypeOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 10;
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX ? 16 : 1;
    case 'bigint':
      return 18;
    case 'string':
      return 2;
    case 'boolean':
      return 8;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (Array.isArray(value)) return 4;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  if (value instanceof Uint8Array) return 5;
  switch ((value as { _bsontype?: string })._bsontype) {
    case undefined:
    case 'DBRef': // a DBRef is an embedded document in BSON
      return 3;
    case 'Double':
      return 1;
    case 'Int32':
      return 16;
    case 'Long':
      return 18;
    case 'Decimal128':
      return 19;
    case 'ObjectId':
    case 'ObjectID':
      return 7;
    case 'Binary':
      return 5;
    case 'BSONRegExp':
      return 11;
    case 'BSONSymbol':
      return 14;
    case 'Code':
      return (value as { scope?: unknown }).scope ? 15 : 13;
    case 'Timestamp':
      return 17;
    case 'MinKey':
      return -1;
    case 'MaxKey':
      return 127;
    default:
      return 3;
  }
}

/** Turns the $type argument (alias, number, 'number', or an array of those) into a type test. */
export function parseTypeSpec(spec: unknown): (type: number) => boolean {
  const wanted = new Set<number>();
  let anyNumber = false;
  for (const t of Array.isArray(spec) ? spec : [spec]) {
    if (t === 'number') anyNumber = true;
    else if (typeof t === 'string') {
      const n = TYPE_ALIASES[t];
      if (n === undefined) throw new CommandError(ErrorCode.BadValue, `Unknown type name alias: ${t}`);
      wanted.add(n);
    } else if (typeof t === 'number' && Number.isInteger(t) && KNOWN_TYPE_NUMBERS.has(t)) wanted.add(t);
    else throw new CommandError(ErrorCode.BadValue, `Invalid numerical type code: ${String(t)}`);
  }
  return (type) => wanted.has(type) || (anyNumber && NUMERIC_TYPES.has(type));
}

/**
 * The values a query predicate sees at a dotted path: arrays met on the way are traversed (an element
 * index in the path selects one element), and an array at the end is tested itself and element by
 * element ("Querying by Array Type" on the $type page).
 */
export function queryPathValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    out.push(value);
    if (Array.isArray(value)) for (const el of value) out.push(el);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(parts[i])) {
      const idx = Number(parts[i]);
      if (idx < value.length) collect(value[idx], parts, i + 1, out);
    }
    for (const el of value)
      if (el !== null && typeof el === 'object' && !Array.isArray(el)) collect(el, parts, i, out);
    return;
  }
  if (!isPlainObject(value)) return;
  const next = value[parts[i]];
  if (next !== undefined) collect(next, parts, i + 1, out);
}

/** `{ field: { $type: ... } }`: a missing field matches no type. */
export const $type: QueryOp = (selector, spec) => {
  const accepts = parseTypeSpec(spec);
  return (doc) =>
    queryPathValues(doc, selector).some((v) => {
      const t = bsonTypeOf(v);
      return t !== undefined && accepts(t);
    });
};

// ---------------------------------------------------------------------------------------------------
// $top / $bottom (https://www.mongodb.com/docs/manual/reference/operator/aggregation/top/ and /bottom/)

/** mingo computes $top/$bottom as $topN/$bottomN with n = 1 and returns that array; MongoDB returns its element. */
export function singleOf(nResult: unknown): unknown {
  const first = Array.isArray(nResult) ? nResult[0] : nResult;
  return first === undefined ? null : first;
}

export function unwrapSingle(op: AccumulatorOp): AccumulatorOp {
  return (coll, expr, options) => singleOf(op(coll, expr, options));
}

// ---------------------------------------------------------------------------------------------------
// Time zones in date expressions (e.g. https://www.mongodb.com/docs/manual/reference/operator/aggregation/hour/:
// "timezone: ... Olson Timezone Identifier or UTC Offset"; offsets "+/-[hh]:[mm]", "+/-[hh][mm]", "+/-[hh]").

const UTC_OFFSET_RE = /^([+-])(\d{2})(?::?(\d{2}))?$/;
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(zone: string): Intl.DateTimeFormat {
  let fmt = zoneFormats.get(zone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CommandError(40485, `unrecognized time zone identifier: "${zone}"`);
    }
    zoneFormats.set(zone, fmt);
  }
  return fmt;
}

/** Minutes to add to UTC to get local time in `zone` (an Olson name or a UTC offset) at instant `date`. */
export function timezoneOffsetMinutes(zone: unknown, date: Date): number {
  if (typeof zone !== 'string') {
    throw new CommandError(40517, `timezone must evaluate to a string, found ${typeof zone}`);
  }
  const offset = UTC_OFFSET_RE.exec(zone);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 99 || minutes > 59)
      throw new CommandError(40485, `unrecognized time zone identifier: "${zone}"`);
    return (offset[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  if (zone.startsWith('+') || zone.startsWith('-') || zone === '') {
    throw new CommandError(40485, `unrecognized time zone identifier: "${zone}"`);
  }
  const parts: Record<string, number> = {};
  for (const p of zoneFormat(zone).formatToParts(date))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const utcSeconds = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((local - utcSeconds) / 60000);
}

/** `+hhmm` / `-hhmm` as `%z` prints it. */
export function formatUtcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (minutes < 0 ? '-' : '+') + pad(Math.floor(abs / 60)) + pad(abs % 60);
}

function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const bsontype = (v as { _bsontype?: string } | null)?._bsontype;
  if (bsontype === 'ObjectId' || bsontype === 'ObjectID')
    return (v as { getTimestamp(): Date }).getTimestamp();
  if (bsontype === 'Timestamp') return new Date((v as { high: number }).high * 1000);
  throw new CommandError(16006, `can't convert from BSON type ${typeof v} to Date`);
}

/**
 * Wraps a date-part operator ($hour, $dayOfWeek, $dateToParts ...): a `timezone` is resolved here and the
 * instant shifted to local wall-clock time, so mingo only ever extracts UTC parts.
 */
export function withTimezone(op: ExpressionOp, evaluate: Evaluate): ExpressionOp {
  return (obj, expr, options) => {
    if (!isPlainObject(expr) || !('timezone' in expr)) return op(obj, expr, options);
    const date = evaluate(obj, expr.date, options);
    const zone = evaluate(obj, expr.timezone, options);
    if (isNil(date) || isNil(zone)) return null;
    const instant = toDate(date);
    const shifted = new Date(instant.getTime() + timezoneOffsetMinutes(zone, instant) * 60000);
    const rest: Record<string, unknown> = { date: { $literal: shifted } };
    if ('iso8601' in expr) rest.iso8601 = expr.iso8601;
    return op(obj, rest, options);
  };
}

/** $dateToString with a timezone: shift the instant, and print `%z`/`%Z` from our offset. */
export function dateToStringWithTimezone(op: ExpressionOp, evaluate: Evaluate): ExpressionOp {
  return (obj, expr, options) => {
    if (!isPlainObject(expr) || !('timezone' in expr)) return op(obj, expr, options);
    const date = evaluate(obj, expr.date, options);
    if (isNil(date)) return 'onNull' in expr ? evaluate(obj, expr.onNull, options) : null;
    const zone = evaluate(obj, expr.timezone, options);
    if (isNil(zone)) return null;
    const instant = toDate(date);
    const offset = timezoneOffsetMinutes(zone, instant);
    const rest: Record<string, unknown> = {
      date: { $literal: new Date(instant.getTime() + offset * 60000) },
    };
    if ('format' in expr) {
      const format = evaluate(obj, expr.format, options);
      if (isNil(format)) return null;
      rest.format = {
        $literal: String(format).replace(/%./g, (spec) =>
          spec === '%z' ? formatUtcOffset(offset) : spec === '%Z' ? String(offset) : spec,
        ),
      };
    }
    return op(obj, rest, options);
  };
}

/** Date operators whose `timezone` argument selects the wall clock the parts are read from. */
export const DATE_PART_OPERATORS = [
  '$year',
  '$month',
  '$dayOfMonth',
  '$dayOfWeek',
  '$dayOfYear',
  '$hour',
  '$minute',
  '$second',
  '$millisecond',
  '$week',
  '$isoWeek',
  '$isoWeekYear',
  '$isoDayOfWeek',
  '$dateToParts',
] as const;
