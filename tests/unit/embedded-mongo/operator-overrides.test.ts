import { Decimal128, Int32, Long, ObjectId } from 'bson';
import {
  $type,
  bsonTypeOf,
  formatUtcOffset,
  parseTypeSpec,
  queryPathValues,
  singleOf,
  timezoneOffsetMinutes,
} from '../../../shared/embedded-mongo/operator-overrides';

describe('bsonTypeOf', () => {
  it('types stored values by BSON type number', () => {
    expect(bsonTypeOf('a')).toBe(2);
    expect(bsonTypeOf(3)).toBe(16);
    expect(bsonTypeOf(3.5)).toBe(1);
    expect(bsonTypeOf(2 ** 40)).toBe(1);
    expect(bsonTypeOf(new Int32(3))).toBe(16);
    expect(bsonTypeOf(Long.fromNumber(3))).toBe(18);
    expect(bsonTypeOf(Decimal128.fromString('1.5'))).toBe(19);
    expect(bsonTypeOf(new ObjectId())).toBe(7);
    expect(bsonTypeOf({ a: 1 })).toBe(3);
    expect(bsonTypeOf([])).toBe(4);
    expect(bsonTypeOf(null)).toBe(10);
    expect(bsonTypeOf(undefined)).toBeUndefined();
  });
});

describe('parseTypeSpec', () => {
  it('accepts aliases, numbers, "number" and arrays of them', () => {
    expect(parseTypeSpec('string')(2)).toBe(true);
    expect(parseTypeSpec(2)(2)).toBe(true);
    expect(parseTypeSpec('number')(18)).toBe(true);
    expect(parseTypeSpec('number')(2)).toBe(false);
    expect(parseTypeSpec(['null', 'bool'])(8)).toBe(true);
  });

  it('rejects unknown aliases and codes', () => {
    expect(() => parseTypeSpec('text')).toThrow('Unknown type name alias: text');
    expect(() => parseTypeSpec(42)).toThrow('Invalid numerical type code');
  });
});

describe('$type query predicate', () => {
  it('sees an array at the path and each of its elements, through arrays of documents', () => {
    expect(queryPathValues({ a: ['x', 1] }, 'a')).toEqual([['x', 1], 'x', 1]);
    expect(queryPathValues({ a: [{ b: 'x' }, { b: 2 }, 7] }, 'a.b')).toEqual(['x', 2]);
    expect(queryPathValues({ a: [{ b: 'x' }, { b: 2 }] }, 'a.1.b')).toEqual([2]);
    expect($type('a', 'string', {})({ a: [1, 'x'] })).toBe(true);
    expect($type('a', 'string', {})({ a: [[1, 'x']] })).toBe(false);
    expect($type('a', 'array', {})({ a: [] })).toBe(true);
    expect($type('a', 'null', {})({})).toBe(false);
  });
});

describe('singleOf', () => {
  it('unwraps the one-element result of $topN/$bottomN, null when empty', () => {
    expect(singleOf([['p', 1]])).toEqual(['p', 1]);
    expect(singleOf([5])).toBe(5);
    expect(singleOf([undefined])).toBeNull();
    expect(singleOf([])).toBeNull();
  });
});

describe('timezoneOffsetMinutes', () => {
  const winter = new Date('2024-01-15T12:00:00Z');
  const summer = new Date('2024-07-15T12:00:00Z');

  it('parses +/-hh:mm, +/-hhmm and +/-hh offsets', () => {
    expect(timezoneOffsetMinutes('+01:00', winter)).toBe(60);
    expect(timezoneOffsetMinutes('-0530', winter)).toBe(-330);
    expect(timezoneOffsetMinutes('+03', winter)).toBe(180);
    expect(timezoneOffsetMinutes('-00:30', winter)).toBe(-30);
  });

  it('resolves Olson names at the given instant', () => {
    expect(timezoneOffsetMinutes('Europe/Berlin', winter)).toBe(60);
    expect(timezoneOffsetMinutes('Europe/Berlin', summer)).toBe(120);
    expect(timezoneOffsetMinutes('America/Argentina/Buenos_Aires', winter)).toBe(-180);
    expect(timezoneOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
    expect(timezoneOffsetMinutes('UTC', winter)).toBe(0);
  });

  it('rejects unknown zones and malformed offsets with code 40485', () => {
    expect(() => timezoneOffsetMinutes('Mars/Olympus', winter)).toThrow(/unrecognized time zone/);
    expect(() => timezoneOffsetMinutes('+1:00', winter)).toThrow(/unrecognized time zone/);
    expect(() => timezoneOffsetMinutes('+01:75', winter)).toThrow(/unrecognized time zone/);
  });

  it('formats offsets as %z prints them', () => {
    expect(formatUtcOffset(-330)).toBe('-0530');
    expect(formatUtcOffset(-30)).toBe('-0030');
    expect(formatUtcOffset(180)).toBe('+0300');
  });
});
