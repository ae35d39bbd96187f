import type { Document } from 'bson';
import { isPlainObject, valueKey } from './bson-values';
import { CommandError, ErrorCode } from './errors';

/**
 * MongoDB's `$jsonSchema` (https://www.mongodb.com/docs/manual/reference/operator/query/jsonSchema/):
 * JSON Schema draft 4 with `bsonType`, without `$ref`, `$schema`, `default`, `definitions`, `format` and
 * `id` (refused, as mongod refuses them). Written here because JSON Schema libraries check JSON values,
 * not BSON ones (an ObjectId or a Decimal128 is not a JSON "object"/"number" to them).
 */

const BSON_ALIASES: Record<string, string> = {
  double: 'double',
  string: 'string',
  object: 'object',
  array: 'array',
  binData: 'binData',
  undefined: 'undefined',
  objectId: 'objectId',
  bool: 'bool',
  date: 'date',
  null: 'null',
  regex: 'regex',
  dbPointer: 'dbPointer',
  javascript: 'javascript',
  symbol: 'symbol',
  javascriptWithScope: 'javascriptWithScope',
  int: 'int',
  timestamp: 'timestamp',
  long: 'long',
  decimal: 'decimal',
  minKey: 'minKey',
  maxKey: 'maxKey',
  number: 'number',
};

const JSON_TYPES = new Set(['object', 'array', 'number', 'boolean', 'string', 'null']);

const UNSUPPORTED = ['$ref', '$schema', 'default', 'definitions', 'format', 'id'];

/** The BSON type name of a value as the driver decodes it (a JS number is an int when integral). */
function bsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? 'int' : 'double';
  if (typeof v === 'bigint') return 'long';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  const bt = (v as { _bsontype?: string })._bsontype;
  switch (bt) {
    case 'ObjectId':
    case 'ObjectID':
      return 'objectId';
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    case 'Binary':
      return 'binData';
    case 'Timestamp':
      return 'timestamp';
    case 'BSONRegExp':
      return 'regex';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    case 'Code':
      return 'javascript';
    case 'BSONSymbol':
      return 'symbol';
    case undefined:
      return 'object';
    default:
      return bt;
  }
}

const NUMERIC = new Set(['int', 'long', 'double', 'decimal']);

function numeric(v: unknown): number | undefined {
  return NUMERIC.has(bsonTypeOf(v)) ? Number(v) : undefined;
}

function hasType(v: unknown, type: string, bson: boolean): boolean {
  const actual = bsonTypeOf(v);
  if (type === 'number') return NUMERIC.has(actual);
  if (!bson) {
    if (type === 'boolean') return actual === 'bool';
    if (type === 'object') return actual === 'object';
  }
  return actual === type;
}

/** Throws mongod's error for a schema it would refuse; called once when a validator is set or a query compiles. */
export function assertValidSchema(schema: unknown, path = '$jsonSchema'): void {
  if (!isPlainObject(schema)) throw new CommandError(ErrorCode.TypeMismatch, `${path} must be an object`);
  for (const key of UNSUPPORTED)
    if (key in schema)
      throw new CommandError(
        ErrorCode.FailedToParse,
        `$jsonSchema keyword '${key}' is not currently supported`,
      );
  const types = (k: 'type' | 'bsonType') =>
    schema[k] === undefined ? [] : Array.isArray(schema[k]) ? schema[k] : [schema[k]];
  for (const t of types('type'))
    if (!JSON_TYPES.has(String(t)))
      throw new CommandError(ErrorCode.BadValue, `Unknown type name alias: ${String(t)}`);
  for (const t of types('bsonType'))
    if (!(String(t) in BSON_ALIASES))
      throw new CommandError(ErrorCode.BadValue, `Unknown type name alias: ${String(t)}`);
  for (const k of ['properties', 'patternProperties'] as const)
    if (isPlainObject(schema[k]))
      for (const [name, sub] of Object.entries(schema[k] as Document))
        assertValidSchema(sub, `${path}.${k}.${name}`);
  for (const k of ['additionalProperties', 'additionalItems', 'not'] as const)
    if (isPlainObject(schema[k])) assertValidSchema(schema[k], `${path}.${k}`);
  if (isPlainObject(schema.items)) assertValidSchema(schema.items, `${path}.items`);
  if (Array.isArray(schema.items)) schema.items.forEach((s, i) => assertValidSchema(s, `${path}.items.${i}`));
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const)
    if (Array.isArray(schema[k]))
      (schema[k] as unknown[]).forEach((s, i) => assertValidSchema(s, `${path}.${k}.${i}`));
}

/** Whether `value` satisfies `schema` (the top level is the document). */
export function matchesSchema(schema: Document, value: unknown): boolean {
  const s = schema;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t: string) => hasType(value, t, false))) return false;
  }
  if (s.bsonType !== undefined) {
    const types = Array.isArray(s.bsonType) ? s.bsonType : [s.bsonType];
    if (!types.some((t: string) => hasType(value, t, true))) return false;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e: unknown) => valueKey(e) === valueKey(value))) return false;
  if (Array.isArray(s.allOf) && !s.allOf.every((sub: Document) => matchesSchema(sub, value))) return false;
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub: Document) => matchesSchema(sub, value))) return false;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub: Document) => matchesSchema(sub, value)).length !== 1)
    return false;
  if (isPlainObject(s.not) && matchesSchema(s.not, value)) return false;

  // The remaining keywords constrain only values of their own kind (JSON Schema semantics).
  const n = numeric(value);
  if (n !== undefined) {
    if (s.multipleOf !== undefined && n % Number(s.multipleOf) !== 0) return false;
    if (s.maximum !== undefined && (s.exclusiveMaximum ? n >= Number(s.maximum) : n > Number(s.maximum)))
      return false;
    if (s.minimum !== undefined && (s.exclusiveMinimum ? n <= Number(s.minimum) : n < Number(s.minimum)))
      return false;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (s.maxLength !== undefined && length > Number(s.maxLength)) return false;
    if (s.minLength !== undefined && length < Number(s.minLength)) return false;
    if (s.pattern !== undefined && !new RegExp(String(s.pattern), 'u').test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (s.maxItems !== undefined && value.length > Number(s.maxItems)) return false;
    if (s.minItems !== undefined && value.length < Number(s.minItems)) return false;
    if (s.uniqueItems === true && new Set(value.map(valueKey)).size !== value.length) return false;
    if (isPlainObject(s.items) && !value.every((v) => matchesSchema(s.items, v))) return false;
    if (Array.isArray(s.items)) {
      const tuple = s.items as Document[];
      if (!tuple.every((sub, i) => i >= value.length || matchesSchema(sub, value[i]))) return false;
      const rest = value.slice(tuple.length);
      if (s.additionalItems === false && rest.length > 0) return false;
      if (isPlainObject(s.additionalItems) && !rest.every((v) => matchesSchema(s.additionalItems, v)))
        return false;
    }
  }
  if (bsonTypeOf(value) === 'object') {
    const obj = value as Document;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
    if (s.maxProperties !== undefined && keys.length > Number(s.maxProperties)) return false;
    if (s.minProperties !== undefined && keys.length < Number(s.minProperties)) return false;
    if (Array.isArray(s.required) && !s.required.every((k: string) => keys.includes(k))) return false;
    const properties = isPlainObject(s.properties) ? (s.properties as Document) : {};
    const patterns = isPlainObject(s.patternProperties)
      ? Object.entries(s.patternProperties as Document).map(([p, sub]) => [new RegExp(p, 'u'), sub] as const)
      : [];
    for (const key of keys) {
      let described = false;
      if (key in properties) {
        described = true;
        if (!matchesSchema(properties[key], obj[key])) return false;
      }
      for (const [re, sub] of patterns)
        if (re.test(key)) {
          described = true;
          if (!matchesSchema(sub, obj[key])) return false;
        }
      if (!described) {
        if (s.additionalProperties === false) return false;
        if (isPlainObject(s.additionalProperties) && !matchesSchema(s.additionalProperties, obj[key]))
          return false;
      }
    }
    if (isPlainObject(s.dependencies)) {
      for (const [key, dep] of Object.entries(s.dependencies as Document)) {
        if (!keys.includes(key)) continue;
        if (Array.isArray(dep) && !dep.every((k: string) => keys.includes(k))) return false;
        if (isPlainObject(dep) && !matchesSchema(dep, obj)) return false;
      }
    }
  }
  return true;
}
