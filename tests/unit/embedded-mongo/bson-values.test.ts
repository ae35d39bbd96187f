import { Long, ObjectId } from 'bson';
import { compareValues, pathValues, valueKey } from '../../../shared/embedded-mongo/bson-values';

describe('valueKey', () => {
  it('equates numeric types and separates other types', () => {
    expect(valueKey(1)).toBe(valueKey(Long.fromNumber(1)));
    expect(valueKey(1)).not.toBe(valueKey('1'));
    expect(valueKey(null)).toBe(valueKey(undefined));
    const id = new ObjectId();
    expect(valueKey(id)).toBe(valueKey(new ObjectId(id.toHexString())));
    expect(valueKey({ a: 1, b: 2 })).not.toBe(valueKey({ b: 2, a: 1 }));
  });
});

describe('pathValues', () => {
  it('expands arrays along a dotted path like index key generation', () => {
    expect(pathValues({ a: [{ b: 1 }, { b: [2, 3] }] }, 'a.b')).toEqual([1, 2, 3]);
    expect(pathValues({ a: { b: 5 } }, 'a.b')).toEqual([5]);
    expect(pathValues({ x: 1 }, 'a.b')).toEqual([undefined]);
    expect(pathValues({ tags: [] }, 'tags')).toEqual([undefined]);
  });
});

describe('compareValues', () => {
  it('orders BSON types as the manual says', () => {
    const sorted = [new Date(0), true, new ObjectId(), [1], { a: 1 }, 'a', 3, null].sort(compareValues);
    expect(
      sorted.map((v) =>
        v === null
          ? 'null'
          : v instanceof Date
            ? 'date'
            : v instanceof ObjectId
              ? 'oid'
              : Array.isArray(v)
                ? 'array'
                : typeof v,
      ),
    ).toEqual(['null', 'number', 'string', 'object', 'array', 'oid', 'boolean', 'date']);
  });
});
