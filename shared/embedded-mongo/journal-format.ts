import { crc32 } from 'node:zlib';
import { deserialize, serialize, type Document } from 'bson';

/**
 * Journal/snapshot record framing: [payload length u32 LE][CRC-32 of payload u32 LE][BSON payload].
 * The checksum lets recovery tell a record torn by a crash from a complete one.
 * A committed transaction (`{ o: 'tx', ops }`) is one frame whose payload is a `{ o: 'tx' }` header
 * followed by one BSON document per operation: one checksum covers it all, so recovery replays the whole
 * transaction or none of it, and it may exceed the 16 MB a single BSON document can hold.
 */
export const RECORD_HEADER = 8;

export function encodeRecord(record: Document): Buffer {
  const payload =
    record.o === 'tx'
      ? Buffer.concat([serialize({ o: 'tx' }), ...(record.ops as Document[]).map((op) => serialize(op))])
      : serialize(record);
  const out = Buffer.allocUnsafe(RECORD_HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  out.set(payload, RECORD_HEADER);
  return out;
}

export interface ParsedRecords {
  records: Document[];
  /** Bytes of complete, verified records from the start of the buffer. */
  validBytes: number;
  /** Bytes after the last valid record (a torn or corrupt tail); 0 when the file is clean. */
  tornBytes: number;
}

const DESERIALIZE = { promoteBuffers: false, promoteLongs: true, promoteValues: true };

/** Parses records until the end or the first record that is incomplete or fails its checksum. */
export function parseRecords(buf: Buffer): ParsedRecords {
  const records: Document[] = [];
  let offset = 0;
  while (offset < buf.length) {
    if (buf.length - offset < RECORD_HEADER) break;
    const len = buf.readUInt32LE(offset);
    const sum = buf.readUInt32LE(offset + 4);
    const start = offset + RECORD_HEADER;
    if (len < 5 || start + len > buf.length) break;
    const payload = buf.subarray(start, start + len);
    if (crc32(payload) !== sum) break;
    let doc: Document;
    try {
      doc = decodePayload(payload);
    } catch {
      break;
    }
    records.push(doc);
    offset = start + len;
  }
  return { records, validBytes: offset, tornBytes: buf.length - offset };
}

function decodePayload(payload: Buffer): Document {
  const docs: Document[] = [];
  for (let at = 0; at < payload.length;) {
    const size = payload.readInt32LE(at);
    if (size < 5 || at + size > payload.length) throw new Error('bad document length');
    docs.push(deserialize(payload.subarray(at, at + size), DESERIALIZE));
    at += size;
  }
  if (docs.length === 1 && docs[0].o !== 'tx') return docs[0];
  if (docs[0]?.o !== 'tx') throw new Error('several documents in a non-transaction record');
  return { o: 'tx', ops: docs.slice(1) };
}
