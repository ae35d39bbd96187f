import { encodeRecord, parseRecords, RECORD_HEADER } from '../../../shared/embedded-mongo/journal-format';

const records = [
  { o: 'cc', ns: 'd.c', opts: {} },
  { o: 'i', ns: 'd.c', d: { _id: 1, name: 'a' } },
  { o: 'd', ns: 'd.c', id: 1 },
];
const file = Buffer.concat(records.map(encodeRecord));

describe('journal records', () => {
  it('round-trips complete records', () => {
    expect(parseRecords(file)).toEqual({ records, validBytes: file.length, tornBytes: 0 });
  });

  it('stops before a record cut short by a crash and reports the torn bytes', () => {
    const cut = file.subarray(0, file.length - 3);
    const parsed = parseRecords(cut);
    expect(parsed.records).toEqual(records.slice(0, 2));
    expect(parsed.tornBytes).toBe(cut.length - parsed.validBytes);
    expect(parsed.tornBytes).toBeGreaterThan(0);
  });

  it('stops at a record whose checksum does not match', () => {
    const corrupt = Buffer.from(file);
    const secondStart = encodeRecord(records[0]).length;
    corrupt[secondStart + RECORD_HEADER + 6] ^= 0xff;
    const parsed = parseRecords(corrupt);
    expect(parsed.records).toEqual(records.slice(0, 1));
    expect(parsed.validBytes).toBe(secondStart);
  });

  it('treats a lone partial header as torn', () => {
    const parsed = parseRecords(Buffer.concat([file, Buffer.from([1, 2, 3])]));
    expect(parsed.records).toHaveLength(3);
    expect(parsed.tornBytes).toBe(3);
  });
});

describe('transaction records', () => {
  const tx = {
    o: 'tx',
    ops: [
      { o: 'i', ns: 'd.c', d: { _id: 2 } },
      { o: 'u', ns: 'e.f', d: { _id: 1, v: 2 } },
      { o: 'd', ns: 'd.c', id: 1 },
    ],
  };

  it('round-trips a transaction as one record', () => {
    const buf = Buffer.concat([encodeRecord(records[0]), encodeRecord(tx)]);
    expect(parseRecords(buf).records).toEqual([records[0], tx]);
  });

  it('loses the whole transaction when its record is torn', () => {
    const buf = Buffer.concat([encodeRecord(records[0]), encodeRecord(tx)]);
    const parsed = parseRecords(buf.subarray(0, buf.length - 1));
    expect(parsed.records).toEqual([records[0]]);
  });

  it('holds a transaction larger than one BSON document (16 MB)', () => {
    const big = 'x'.repeat(1 << 20);
    const large = {
      o: 'tx',
      ops: Array.from({ length: 20 }, (_, i) => ({ o: 'i', ns: 'd.c', d: { _id: i, big } })),
    };
    const parsed = parseRecords(encodeRecord(large));
    expect(parsed.tornBytes).toBe(0);
    expect(parsed.records[0].ops).toHaveLength(20);
  });
});
