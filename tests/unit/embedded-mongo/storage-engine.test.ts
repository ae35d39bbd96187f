import { StorageEngine } from '../../../shared/embedded-mongo/storage-engine';
import type { ChangeRecord } from '../../../shared/embedded-mongo/collection-store';

function engineWithJournal(): { engine: StorageEngine; journal: ChangeRecord[] } {
  const engine = new StorageEngine();
  const journal: ChangeRecord[] = [];
  engine.setSink((r) => journal.push(r));
  return { engine, journal };
}

describe('transaction capture', () => {
  it('journals nothing until commit, then one record with every change in order', () => {
    const { engine, journal } = engineWithJournal();
    engine.createCollection('d', 'c').insert({ _id: 1, v: 1 });
    journal.length = 0;
    const capture = engine.openCapture();
    engine.captured(capture, () => {
      const coll = engine.getCollection('d', 'c')!;
      coll.insert({ _id: 2 });
      coll.replace(coll.docs.get('n1')!, { _id: 1, v: 2 });
      engine.ensureCollection('e', 'f').insert({ _id: 'x' });
    });
    expect(journal).toEqual([]);
    expect(engine.hasOpenCaptures).toBe(true);
    engine.commitCapture(capture);
    expect(engine.hasOpenCaptures).toBe(false);
    expect(journal).toEqual([
      {
        o: 'tx',
        ops: [
          { o: 'i', ns: 'd.c', d: { _id: 2 } },
          { o: 'u', ns: 'd.c', d: { _id: 1, v: 2 } },
          { o: 'cc', ns: 'e.f', opts: {} },
          { o: 'i', ns: 'e.f', d: { _id: 'x' } },
        ],
      },
    ]);
  });

  it('rolls back inserts, updates, deletes, new collections and indexes, journaling nothing', () => {
    const { engine, journal } = engineWithJournal();
    const coll = engine.createCollection('d', 'c');
    coll.createIndex({ key: { email: 1 }, name: 'email_1', unique: true });
    coll.insert({ _id: 1, email: 'a' });
    coll.insert({ _id: 2, email: 'b' });
    journal.length = 0;
    const capture = engine.openCapture();
    engine.captured(capture, () => {
      coll.replace(coll.docs.get('n1')!, { _id: 1, email: 'z' });
      coll.remove(coll.docs.get('n2')!);
      coll.insert({ _id: 3, email: 'b' });
      engine.createCollection('d', 'new').createIndex({ key: { k: 1 }, name: 'k_1' });
    });
    engine.rollbackCapture(capture);
    expect(journal).toEqual([]);
    expect([...coll.docs.values()].sort((a, b) => a._id - b._id)).toEqual([
      { _id: 1, email: 'a' },
      { _id: 2, email: 'b' },
    ]);
    expect(engine.getCollection('d', 'new')).toBeUndefined();
    // The unique index is back to its committed state: 'z' is free again, 'a' is taken.
    expect(() => coll.insert({ _id: 4, email: 'a' })).toThrow(/E11000/);
    coll.insert({ _id: 5, email: 'z' });
  });
});
