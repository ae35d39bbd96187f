import fc from 'fast-check';
import { Query } from 'mingo';
import { TimelineChannel, TimelineKind, TimelineSource } from '../../../shared/contract/timeline';
import {
  channelMatch,
  compareTimeline,
  decodeTimelineCursor,
  decodeTimelineRequest,
  encodeTimelineCursor,
  encodeTimelineRequest,
  mergeTimeline,
  tieAtCursor,
  timeConditions,
  toTimelineConnection,
  wantsKind,
  withoutChannel,
  type TimelineEntryData,
  type TimelineFilterData,
  type TimelineRequest,
} from '../../../shared/timeline/timeline.logic';

const { MARKETING, SALES, SUPPORT } = TimelineSource;
const NO_FILTER: TimelineFilterData = { kinds: null, channels: null, since: null, until: null };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const entry = (source: TimelineSource, id: string, minute: number): TimelineEntryData => ({
  id,
  at: at(minute),
  kind: TimelineKind.TOUCHPOINT,
  channel: null,
  summary: id,
  source,
  subjectId: id,
  orderId: null,
});

describe('timeline order', () => {
  it('is newest first, then marketing < sales < support, then id descending', () => {
    const list = [
      entry(SUPPORT, 'ticket:1', 5),
      entry(MARKETING, 'review:9', 5),
      entry(SALES, 'order:1', 7),
      entry(MARKETING, 'touchpoint:1', 5),
      entry(SALES, 'return:1', 5),
    ];
    expect([...list].sort(compareTimeline).map((e) => e.id)).toEqual([
      'order:1',
      'touchpoint:1',
      'review:9',
      'return:1',
      'ticket:1',
    ]);
  });

  it('mergeTimeline interleaves contributions and cuts to the limit', () => {
    const a = [entry(MARKETING, 'touchpoint:b', 9), entry(MARKETING, 'touchpoint:a', 3)];
    const b = [entry(SALES, 'order:x', 5)];
    expect(mergeTimeline([a, b], 2).map((e) => e.id)).toEqual(['touchpoint:b', 'order:x']);
    expect(mergeTimeline([a, b], 0)).toEqual([]);
  });
});

describe('cursors', () => {
  it('round-trip (at, source, id) and refuse anything else as BAD_USER_INPUT on `after`', () => {
    const e = entry(SALES, 'order:ord_1', 4);
    expect(decodeTimelineCursor(encodeTimelineCursor(e))).toEqual({
      at: e.at,
      source: SALES,
      id: 'order:ord_1',
    });
    const bad = [
      'not base64 json!',
      Buffer.from('{"at":1}').toString('base64url'),
      Buffer.from('["2026-01-01T00:00:00.000Z","ELSEWHERE","x"]').toString('base64url'),
      Buffer.from('["yesterday","SALES","x"]').toString('base64url'),
    ];
    for (const cursor of bad) {
      expect(() => decodeTimelineCursor(cursor)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: expect.objectContaining({ field: 'after' }),
        }),
      );
    }
  });

  it('page keys carry the request unchanged and refuse a tampered one', () => {
    const request: TimelineRequest = {
      customerId: 'cus_1',
      customerIds: ['cus_1', 'cus_2'],
      first: 7,
      after: { at: at(3), source: SUPPORT, id: 'ticket:t' },
      filter: { kinds: [TimelineKind.RETURN], channels: [TimelineChannel.WEB], since: at(1), until: at(9) },
    };
    expect(decodeTimelineRequest(encodeTimelineRequest(request))).toEqual(request);
    const tampered = Buffer.from(JSON.stringify({ ...request, first: 5000 })).toString('base64url');
    expect(() => decodeTimelineRequest(tampered)).toThrow('is not a timeline page id');
  });
});

describe('tieAtCursor: which entries at the cursor instant come after it', () => {
  const cursor = { at: at(5), source: SALES, id: 'order:m' };
  it.each([
    [MARKETING, 'touchpoint', 'none'], // an earlier source comes first at equal times
    [SUPPORT, 'ticket', 'all'], // a later source comes after
    [SALES, 'order', { idBelow: 'm' }], // same collection: by _id, descending
    [SALES, 'return', 'none'], // 'return:…' > 'order:m': with ids descending, before the cursor
    [SALES, 'basket', 'all'], // 'basket:…' < 'order:m': after it
  ] as const)('%s/%s → %j', (source, prefix, expected) => {
    expect(tieAtCursor(cursor, source, prefix)).toEqual(expected);
  });
});

describe('filters', () => {
  it('wantsKind: no kinds means every kind', () => {
    expect(wantsKind(NO_FILTER, TimelineKind.CALL)).toBe(true);
    expect(wantsKind({ ...NO_FILTER, kinds: [TimelineKind.CHAT] }, TimelineKind.CALL)).toBe(false);
  });

  it('channelMatch intersects with the channels a collection holds; null when none can match', () => {
    const own = ['WEB', 'STORE'];
    expect(channelMatch(NO_FILTER, own)).toEqual({});
    expect(
      channelMatch({ ...NO_FILTER, channels: [TimelineChannel.STORE, TimelineChannel.SMS] }, own),
    ).toEqual({
      channel: { $in: ['STORE'] },
    });
    expect(channelMatch({ ...NO_FILTER, channels: [TimelineChannel.SMS] }, own)).toBeNull();
    expect(withoutChannel(NO_FILTER)).toEqual({});
    expect(withoutChannel({ ...NO_FILTER, channels: [TimelineChannel.WEB] })).toBeNull();
  });

  it('timeConditions: since inclusive, until exclusive', () => {
    const filter = { ...NO_FILTER, since: at(1), until: at(9) };
    expect(timeConditions('t', { after: null, filter }, SALES, 'order')).toEqual([
      { t: { $gte: at(1) } },
      { t: { $lt: at(9) } },
    ]);
  });
});

describe('toTimelineConnection', () => {
  it('takes the first `first` of the merged contributions; one more anywhere means a next page', () => {
    const conn = toTimelineConnection({ first: 2, after: null }, [
      [entry(MARKETING, 'touchpoint:a', 3)],
      [entry(SALES, 'order:b', 4)],
      [entry(SUPPORT, 'ticket:c', 1)],
    ]);
    expect(conn.edges.map((e) => e.node.id)).toEqual(['order:b', 'touchpoint:a']);
    expect(conn.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: conn.edges[0].cursor,
      endCursor: conn.edges[1].cursor,
    });
    const empty = toTimelineConnection({ first: 2, after: decodeTimelineCursor(conn.edges[1].cursor) }, []);
    expect(empty.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});

/**
 * The property the issue asks for: random events split over three sources (each with two collections),
 * few distinct timestamps so ties are common. Every source answers a page the way timeline.source.ts does —
 * each collection filtered by `timeConditions` (evaluated by mingo, as MongoDB would), sorted by
 * (time desc, _id desc), cut to first + 1 — and insights merges. Paging with any page size must yield
 * exactly the global list sorted by (time desc, source, id desc).
 */
describe('paging property', () => {
  const PREFIXES: Record<TimelineSource, [string, string]> = {
    [MARKETING]: ['touchpoint', 'review'],
    [SALES]: ['order', 'return'],
    [SUPPORT]: ['ticket', 'interaction'],
  };
  interface Doc {
    _id: string;
    t: Date;
  }
  type Store = Record<TimelineSource, [Doc[], Doc[]]>;

  const docs = fc.uniqueArray(
    fc.record({ _id: fc.stringMatching(/^[a-c]{1,3}$/), minute: fc.integer({ min: 0, max: 3 }) }),
    { selector: (d) => d._id, maxLength: 12 },
  );
  const store = fc.tuple(docs, docs, docs, docs, docs, docs).map((lists): Store => {
    const d = (i: number) => lists[i].map((x) => ({ _id: x._id, t: at(x.minute) }));
    return { [MARKETING]: [d(0), d(1)], [SALES]: [d(2), d(3)], [SUPPORT]: [d(4), d(5)] };
  });

  function contribute(s: Store, source: TimelineSource, request: TimelineRequest): TimelineEntryData[] {
    const lists = PREFIXES[source].map((prefix, i) => {
      const conditions = timeConditions('t', request, source, prefix);
      const query = new Query(conditions.length ? { $and: conditions } : {});
      return s[source][i]
        .filter((d) => query.test(d as unknown as Record<string, unknown>))
        .sort((a, b) => b.t.getTime() - a.t.getTime() || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0))
        .slice(0, request.first + 1)
        .map((d) => entry(source, `${prefix}:${d._id}`, d.t.getUTCMinutes()));
    });
    return mergeTimeline(lists, request.first + 1);
  }

  it('any page size yields exactly the globally sorted list', () => {
    fc.assert(
      fc.property(store, fc.integer({ min: 1, max: 8 }), (s, first) => {
        const all = [MARKETING, SALES, SUPPORT].flatMap((source) =>
          PREFIXES[source].flatMap((prefix, i) =>
            s[source][i].map((d) => ({
              minute: d.t.getUTCMinutes(),
              rank: [MARKETING, SALES, SUPPORT].indexOf(source),
              id: `${prefix}:${d._id}`,
            })),
          ),
        );
        const expected = all
          .sort((a, b) => b.minute - a.minute || a.rank - b.rank || (a.id < b.id ? 1 : -1))
          .map((e) => e.id);
        const seen: string[] = [];
        let after: TimelineRequest['after'] = null;
        for (let guard = 0; guard <= all.length + 1; guard++) {
          const request = { customerId: 'c', customerIds: ['c'], first, after, filter: NO_FILTER };
          const conn = toTimelineConnection(request, [
            contribute(s, MARKETING, request),
            contribute(s, SALES, request),
            contribute(s, SUPPORT, request),
          ]);
          seen.push(...conn.edges.map((e) => e.node.id));
          if (!conn.pageInfo.hasNextPage) break;
          after = decodeTimelineCursor(conn.pageInfo.endCursor!);
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
