import { ObjectId } from 'bson';
import {
  CollectionStore,
  equalityConditions,
  type ChangeRecord,
} from '../../../shared/embedded-mongo/collection-store';
import { DuplicateKeyError } from '../../../shared/embedded-mongo/errors';

function store(): { coll: CollectionStore; log: ChangeRecord[] } {
  const log: ChangeRecord[] = [];
  return { coll: new CollectionStore('db', 'c', {}, (r) => log.push(r)), log };
}

function countOf(it: Iterable<unknown>): number {
  return [...it].length;
}

describe('CollectionStore', () => {
  it('assigns an ObjectId _id first and journals the insert', () => {
    const { coll, log } = store();
    const doc = coll.insert({ a: 1 });
    expect(Object.keys(doc)[0]).toBe('_id');
    expect(doc._id).toBeInstanceOf(ObjectId);
    expect(log).toEqual([{ o: 'i', ns: 'db.c', d: doc }]);
  });

  it('answers equality and $in on an indexed leading field from the index, not a scan', () => {
    const { coll } = store();
    coll.createIndex({ key: { city: 1, zip: 1 }, name: 'city_zip' });
    for (let i = 0; i < 1000; i++) coll.insert({ _id: i, city: `c${i % 100}`, zip: i });
    expect(countOf(coll.candidates({ city: 'c7' }))).toBe(10);
    expect(countOf(coll.candidates({ city: { $in: ['c1', 'c2'] }, zip: { $gt: 5 } }))).toBe(20);
    expect(countOf(coll.candidates({ $and: [{ city: { $eq: 'c3' } }] }))).toBe(10);
    expect(countOf(coll.candidates({ _id: { $in: [1, 2, 3000] } }))).toBe(2);
    // not the leading field, or not an equality: full scan
    expect(countOf(coll.candidates({ zip: 5 }))).toBe(1000);
    expect(countOf(coll.candidates({ city: /^c1/ }))).toBe(1000);
  });

  it('keeps the index consistent through replace and remove', () => {
    const { coll } = store();
    coll.createIndex({ key: { tag: 1 }, name: 'tag_1' });
    const a = coll.insert({ _id: 1, tag: ['x', 'y'] });
    coll.replace(a, { _id: 1, tag: ['y', 'z'] });
    expect(countOf(coll.candidates({ tag: 'x' }))).toBe(0);
    expect(countOf(coll.candidates({ tag: 'z' }))).toBe(1);
    coll.remove(coll.docs.values().next().value!);
    expect(countOf(coll.candidates({ tag: 'y' }))).toBe(0);
  });

  it('enforces unique indexes with the E11000 shape, letting a document keep its own key', () => {
    const { coll } = store();
    coll.createIndex({ key: { email: 1 }, name: 'email_1', unique: true });
    const a = coll.insert({ _id: 1, email: 'a@x' });
    coll.replace(a, { _id: 1, email: 'a@x', n: 2 });
    let err: unknown;
    try {
      coll.insert({ _id: 2, email: 'a@x' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DuplicateKeyError);
    expect((err as DuplicateKeyError).toReply()).toMatchObject({
      code: 11000,
      codeName: 'DuplicateKey',
      keyPattern: { email: 1 },
      keyValue: { email: 'a@x' },
      errmsg: 'E11000 duplicate key error collection: db.c index: email_1 dup key: { email: "a@x" }',
    });
    expect(coll.docs.size).toBe(1);
  });

  it('treats 1, 1.0 and a Long 1 as the same _id', () => {
    const { coll } = store();
    coll.insert({ _id: 1 });
    expect(() => coll.insert({ _id: 1.0 })).toThrow(DuplicateKeyError);
  });
});

describe('equalityConditions', () => {
  it('collects plain, $eq and $in predicates, including inside $and, and ignores the rest', () => {
    const got = equalityConditions({
      a: 1,
      b: { $eq: 'x' },
      c: { $in: [1, 2] },
      d: { $gt: 1 },
      $and: [{ e: true }],
      $or: [{ f: 1 }],
    });
    expect([...got.entries()]).toEqual([
      ['a', [1]],
      ['b', ['x']],
      ['c', [1, 2]],
      ['e', [true]],
    ]);
  });
});
