import { isId } from '../../../shared/ids/ids';
import { buildDocuments } from '../../../scripts/seed/documents';
import { generateStory } from '../../../scripts/seed/story';

const asOf = new Date('2026-11-01T00:00:00Z');
const serialize = (customers: number, seed: number) =>
  JSON.stringify(buildDocuments(generateStory({ customers, seed, asOf })));

describe('demo data determinism', () => {
  it('produces byte-identical documents for the same seed, customers and asOf', () => {
    expect(serialize(250, 42)).toBe(serialize(250, 42));
  }, 60_000);

  it('produces different data for a different seed, with different ids', () => {
    const a = buildDocuments(generateStory({ customers: 250, seed: 42, asOf }));
    const b = buildDocuments(generateStory({ customers: 250, seed: 43, asOf }));
    expect(JSON.stringify(a.marketing.customers.map((c) => c.givenName))).not.toBe(
      JSON.stringify(b.marketing.customers.map((c) => c.givenName)),
    );
    const idsA = new Set(a.marketing.customers.map((c) => c._id));
    expect(b.marketing.customers.some((c) => idsA.has(c._id))).toBe(false);
  }, 60_000);

  it('places the whole history before asOf, following asOf rather than the clock', () => {
    const later = new Date(asOf.getTime() + 10 * 86_400_000);
    const a = generateStory({ customers: 100, seed: 9, asOf });
    const b = generateStory({ customers: 100, seed: 9, asOf: later });
    const instants = (s: typeof a) =>
      s.customers.flatMap((c) => [
        c.profile.createdAt.getTime(),
        ...c.touchpoints.map((t) => t.occurredAt.getTime()),
        ...c.orders.map((o) => o.placedAt.getTime()),
        ...c.tickets.flatMap((t) => t.events.map((e) => e.at.getTime())),
      ]);
    expect(Math.max(...instants(a))).toBeLessThanOrEqual(asOf.getTime());
    expect(Math.max(...instants(b))).toBeLessThanOrEqual(later.getTime());
    expect(Math.max(...instants(b))).toBeGreaterThan(asOf.getTime());
    // Customer 0's persona time frame is drawn relative to asOf: it moves by the same ten days.
    const firstSeen = (s: typeof a) =>
      Math.min(
        ...s.customers[0].touchpoints.map((t) => t.occurredAt.getTime()),
        s.customers[0].profile.createdAt.getTime(),
      );
    expect(Math.abs(firstSeen(b) - firstSeen(a) - 10 * 86_400_000)).toBeLessThan(2 * 86_400_000);
  }, 60_000);

  it('gives every document a unique, well-formed seeded id', () => {
    const docs = buildDocuments(generateStory({ customers: 300, seed: 1, asOf }));
    const prefixes: [string, { _id: string }[]][] = [
      ['cus', docs.marketing.customers],
      ['tch', docs.marketing.touchpoints],
      ['cmp', docs.marketing.campaigns],
      ['seg', docs.marketing.segments],
      ['sva', docs.marketing.surveyAnswers],
      ['rev', docs.marketing.reviews],
      ['ref', docs.marketing.referrals],
      ['prd', docs.sales.products],
      ['ord', docs.sales.orders],
      ['ret', docs.sales.returns],
      ['tkt', docs.support.tickets],
      ['msg', docs.support.tickets.flatMap((t) => t.messages)],
    ];
    for (const [prefix, rows] of prefixes) {
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r._id)).size).toBe(rows.length);
      for (const r of rows) expect(isId(r._id, prefix)).toBe(true);
    }
  }, 60_000);

  it('rejects invalid options', () => {
    expect(() => generateStory({ customers: 0, seed: 1, asOf })).toThrow(/customers/);
    expect(() => generateStory({ customers: 10, seed: -1, asOf })).toThrow(/seed/);
    expect(() => generateStory({ customers: 10, seed: 1, asOf: new Date('nope') })).toThrow(/asOf/);
  });
});
