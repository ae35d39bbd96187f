/**
 * Operator semantics where mingo (the embedded server's query engine) differs from MongoDB and the
 * embedded server corrects it. Expected values come from the MongoDB manual page named on each block,
 * so the same assertions hold against a real mongod (run with MONGODB_URI set).
 */
import { MongoServerError, type Collection, type Db, type Document } from 'mongodb';
import { freshCollection, openTestClient, type TestClient } from '../../helpers/mongo';

let t: TestClient;
let db: Db;

beforeAll(async () => {
  t = await openTestClient('operator_semantics');
  db = t.db;
});

afterAll(async () => {
  await t.close();
});

const fresh = (name: string, docs?: Document[]) => freshCollection(db, name, docs);

async function ids(coll: Collection<Document>, filter: Document): Promise<unknown[]> {
  const docs = await coll.find(filter).sort({ _id: 1 }).toArray();
  return docs.map((d) => d._id);
}

// Manual: $type (query) — https://www.mongodb.com/docs/manual/reference/operator/query/type/
// "Querying by Array Type": "$type now works with arrays ... returns documents where the array field
// contains an element of the type"; `$type: "array"` matches documents whose field is an array.
describe('$type on arrays', () => {
  let coll: Collection<Document>;
  beforeAll(async () => {
    coll = await fresh('type_arrays', [
      { _id: 1, tags: ['a', 1] },
      { _id: 2, tags: [1, 2] },
      { _id: 3, tags: 'x' },
      { _id: 4, tags: [] },
      { _id: 5 },
      { _id: 6, tags: null },
      { _id: 7, emails: [{ normalized: 'a@x.io' }, { normalized: null }] },
      { _id: 8, emails: [{ normalized: null }] },
    ]);
  });

  it('matches an array holding an element of the type, and arrays for "array"', async () => {
    expect(await ids(coll, { tags: { $type: 'string' } })).toEqual([1, 3]);
    expect(await ids(coll, { tags: { $type: 2 } })).toEqual([1, 3]);
    expect(await ids(coll, { tags: { $type: 'array' } })).toEqual([1, 2, 4]);
    expect(await ids(coll, { tags: { $type: 'number' } })).toEqual([1, 2]);
    expect(await ids(coll, { tags: { $type: ['null', 'string'] } })).toEqual([1, 3, 6]);
  });

  it('reaches elements through a dotted path into an array of documents, also in $match', async () => {
    expect(await ids(coll, { 'emails.normalized': { $type: 'string' } })).toEqual([7]);
    const out = await coll
      .aggregate([{ $match: { 'emails.normalized': { $type: 'string' } } }, { $project: { _id: 1 } }])
      .toArray();
    expect(out).toEqual([{ _id: 7 }]);
  });

  it('rejects an unknown type alias with BadValue (2)', async () => {
    const err = await coll.findOne({ tags: { $type: 'text' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(2);
  });

  // Manual: Partial Indexes — https://www.mongodb.com/docs/manual/core/index-partial/ ("the index only
  // indexes documents that meet the filter expression"; $type is an allowed filter operator).
  it('keeps a partial unique index with $type on an array path enforcing uniqueness', async () => {
    const people = await fresh('type_partial');
    await people.createIndex(
      { 'emails.normalized': 1 },
      { unique: true, partialFilterExpression: { 'emails.normalized': { $type: 'string' } } },
    );
    await people.insertOne({ _id: 1, emails: [{ normalized: 'ann@x.io' }] });
    const dup = await people
      .insertOne({ _id: 2, emails: [{ normalized: 'bob@x.io' }, { normalized: 'ann@x.io' }] })
      .catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(MongoServerError);
    expect((dup as MongoServerError).code).toBe(11000);

    // Documents outside the filter are not indexed, so they never collide with each other.
    await people.insertMany([{ _id: 3, emails: [] }, { _id: 4, emails: [] }, { _id: 5 }]);
    await people.insertOne({ _id: 6, emails: [{ normalized: 'cy@x.io' }] });
    const upd = await people
      .updateOne({ _id: 3 }, { $set: { emails: [{ normalized: 'cy@x.io' }] } })
      .catch((e: unknown) => e);
    expect(upd).toBeInstanceOf(MongoServerError);
    expect((upd as MongoServerError).code).toBe(11000);
    expect(await people.countDocuments()).toBe(5);
  });
});

// Manual: $top (aggregation accumulator) — https://www.mongodb.com/docs/manual/reference/operator/aggregation/top/
// ("Returns the top element within a group"; $topN returns an array of n elements), and $bottom
// (.../aggregation/bottom/), $first (.../aggregation/first/), $last (.../aggregation/last/).
describe('$group accumulators that return one element', () => {
  let coll: Collection<Document>;
  beforeAll(async () => {
    coll = await fresh('scores', [
      { _id: 1, game: 'G1', player: 'PlayerA', score: 31 },
      { _id: 2, game: 'G1', player: 'PlayerB', score: 33 },
      { _id: 3, game: 'G1', player: 'PlayerC', score: 99 },
      { _id: 4, game: 'G1', player: 'PlayerD', score: 1 },
      { _id: 5, game: 'G2', player: 'PlayerA', score: 10 },
      { _id: 6, game: 'G2', player: 'PlayerB', score: 80 },
    ]);
  });

  it('$top and $bottom return the single output value; $topN returns an array', async () => {
    const out = await coll
      .aggregate([
        { $match: { game: 'G1' } },
        {
          $group: {
            _id: '$game',
            top: { $top: { sortBy: { score: -1 }, output: ['$player', '$score'] } },
            topScore: { $top: { sortBy: { score: -1 }, output: '$score' } },
            bottom: { $bottom: { sortBy: { score: -1 }, output: ['$player', '$score'] } },
            missing: { $top: { sortBy: { score: -1 }, output: '$nope' } },
            top2: { $topN: { n: 2, sortBy: { score: -1 }, output: '$player' } },
          },
        },
      ])
      .toArray();
    expect(out).toEqual([
      {
        _id: 'G1',
        top: ['PlayerC', 99],
        topScore: 99,
        bottom: ['PlayerD', 1],
        missing: null,
        top2: ['PlayerC', 'PlayerB'],
      },
    ]);
  });

  it('$first and $last follow a preceding $sort', async () => {
    const out = await coll
      .aggregate([
        { $sort: { score: 1 } },
        { $group: { _id: '$game', low: { $first: '$player' }, high: { $last: '$player' } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(out).toEqual([
      { _id: 'G1', low: 'PlayerD', high: 'PlayerC' },
      { _id: 'G2', low: 'PlayerA', high: 'PlayerB' },
    ]);
  });
});

// Manual: $hour — https://www.mongodb.com/docs/manual/reference/operator/aggregation/hour/ ("timezone:
// ... Olson Timezone Identifier or UTC Offset"; offsets "+/-[hh]:[mm]", "+/-[hh][mm]", "+/-[hh]"); the same
// argument on $minute, $dayOfWeek (1 = Sunday), $dateToString (%z = "+/-[hh][mm]") and $dateToParts.
describe('date operators with a timezone', () => {
  let coll: Collection<Document>;
  beforeAll(async () => {
    // Sunday 2024-03-10 23:30 UTC; New York switched to daylight time (UTC-4) that morning.
    coll = await fresh('tz', [{ _id: 1, at: new Date('2024-03-10T23:30:00Z') }]);
  });

  async function evaluate(fields: Document): Promise<Document> {
    const [doc] = await coll.aggregate([{ $project: { _id: 0, ...fields } }]).toArray();
    return doc;
  }

  it('accepts UTC offsets in all three forms', async () => {
    const out = await evaluate({
      plusHhMm: { $hour: { date: '$at', timezone: '+01:00' } },
      minusHhmm: { $hour: { date: '$at', timezone: '-0530' } },
      minusHhmmMinute: { $minute: { date: '$at', timezone: '-0530' } },
      plusHh: { $hour: { date: '$at', timezone: '+03' } },
      negativeHalfHour: { $minute: { date: '$at', timezone: '-00:30' } },
      dayPlus: { $dayOfWeek: { date: '$at', timezone: '+01:00' } },
      dayMinus: { $dayOfWeek: { date: '$at', timezone: '-0530' } },
      text: { $dateToString: { date: '$at', format: '%Y-%m-%d %H:%M %z', timezone: '-0530' } },
      textPlus: { $dateToString: { date: '$at', format: '%Y-%m-%dT%H:%M%z', timezone: '+03' } },
      parts: { $dateToParts: { date: '$at', timezone: '+05:30' } },
    });
    expect(out).toEqual({
      plusHhMm: 0,
      minusHhmm: 18,
      minusHhmmMinute: 0,
      plusHh: 2,
      negativeHalfHour: 0,
      dayPlus: 2,
      dayMinus: 1,
      text: '2024-03-10 18:00 -0530',
      textPlus: '2024-03-11T02:30+0300',
      parts: { year: 2024, month: 3, day: 11, hour: 5, minute: 0, second: 0, millisecond: 0 },
    });
  });

  it('accepts Olson identifiers, including UTC and multi-part names, at the instant’s offset', async () => {
    const out = await evaluate({
      newYork: { $hour: { date: '$at', timezone: 'America/New_York' } },
      buenosAires: { $hour: { date: '$at', timezone: 'America/Argentina/Buenos_Aires' } },
      utc: { $hour: { date: '$at', timezone: 'UTC' } },
      text: { $dateToString: { date: '$at', format: '%H:%M %z', timezone: 'America/New_York' } },
    });
    expect(out).toEqual({ newYork: 19, buenosAires: 20, utc: 23, text: '19:30 -0400' });
  });

  it('rejects an unknown time zone (40485)', async () => {
    const err = await evaluate({ h: { $hour: { date: '$at', timezone: 'Mars/Olympus' } } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(40485);
  });
});
