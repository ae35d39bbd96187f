import { deserialize, serialize, type Document } from 'bson';

/**
 * MongoDB wire protocol framing (https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/).
 * Pure functions over buffers so they can be unit tested without sockets.
 */
export const OpCode = { OP_REPLY: 1, OP_QUERY: 2004, OP_COMPRESSED: 2012, OP_MSG: 2013 } as const;

export const MsgFlag = { checksumPresent: 1 << 0, moreToCome: 1 << 1, exhaustAllowed: 1 << 16 } as const;

export const MAX_MESSAGE_SIZE = 48_000_000;
const HEADER = 16;

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export interface DecodedOpMsg {
  flags: number;
  /** The body (kind 0) with each document sequence (kind 1) added as an array field under its identifier. */
  command: Document;
}

export interface DecodedOpQuery {
  flags: number;
  fullCollectionName: string;
  numberToSkip: number;
  numberToReturn: number;
  query: Document;
}

export class ProtocolError extends Error {}

/** Accumulates socket chunks and yields whole messages (header included) as they complete. */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Buffer[] = [];
    while (this.buffered >= 4) {
      const head = this.peekLength();
      if (head < HEADER || head > MAX_MESSAGE_SIZE) throw new ProtocolError(`invalid message length ${head}`);
      if (this.buffered < head) break;
      out.push(this.take(head));
    }
    return out;
  }

  private peekLength(): number {
    const first = this.chunks[0];
    if (first.length >= 4) return first.readInt32LE(0);
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined.readInt32LE(0);
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    let msg: Buffer;
    if (first.length >= n) {
      msg = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      const joined = Buffer.concat(this.chunks);
      msg = joined.subarray(0, n);
      this.chunks = joined.length > n ? [joined.subarray(n)] : [];
    }
    this.buffered -= n;
    return msg;
  }
}

export function readHeader(msg: Buffer): MessageHeader {
  return {
    length: msg.readInt32LE(0),
    requestId: msg.readInt32LE(4),
    responseTo: msg.readInt32LE(8),
    opCode: msg.readInt32LE(12),
  };
}

const DESERIALIZE_OPTIONS = { promoteBuffers: false, promoteLongs: true, promoteValues: true };

export function decodeDocument(buf: Buffer, offset: number): { doc: Document; size: number } {
  if (offset + 4 > buf.length) throw new ProtocolError('truncated BSON document');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > buf.length) throw new ProtocolError('invalid BSON document size');
  return { doc: deserialize(buf.subarray(offset, offset + size), DESERIALIZE_OPTIONS), size };
}

export function decodeOpMsg(msg: Buffer): DecodedOpMsg {
  const flags = msg.readUInt32LE(HEADER);
  // The CRC-32C checksum, when present, trails the sections; TCP already protects the bytes, so it is skipped.
  const end = flags & MsgFlag.checksumPresent ? msg.length - 4 : msg.length;
  let offset = HEADER + 4;
  let command: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = msg[offset++];
    if (kind === 0) {
      const { doc, size } = decodeDocument(msg, offset);
      command = doc;
      offset += size;
    } else if (kind === 1) {
      const sectionSize = msg.readInt32LE(offset);
      const sectionEnd = offset + sectionSize;
      let p = offset + 4;
      const nul = msg.indexOf(0, p);
      if (nul < 0 || nul >= sectionEnd) throw new ProtocolError('unterminated document sequence identifier');
      const identifier = msg.toString('utf8', p, nul);
      p = nul + 1;
      const docs: Document[] = [];
      while (p < sectionEnd) {
        const { doc, size } = decodeDocument(msg, p);
        docs.push(doc);
        p += size;
      }
      sequences.push([identifier, docs]);
      offset = sectionEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!command) throw new ProtocolError('OP_MSG without a body section');
  for (const [identifier, docs] of sequences) command[identifier] = docs;
  return { flags, command };
}

export function decodeOpQuery(msg: Buffer): DecodedOpQuery {
  const flags = msg.readInt32LE(HEADER);
  const nul = msg.indexOf(0, HEADER + 4);
  if (nul < 0) throw new ProtocolError('unterminated collection name');
  const fullCollectionName = msg.toString('utf8', HEADER + 4, nul);
  let p = nul + 1;
  const numberToSkip = msg.readInt32LE(p);
  const numberToReturn = msg.readInt32LE(p + 4);
  p += 8;
  const { doc } = decodeDocument(msg, p);
  return { flags, fullCollectionName, numberToSkip, numberToReturn, query: doc };
}

function header(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.allocUnsafe(HEADER);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

/** OP_MSG reply with a single body section. */
export function encodeOpMsg(requestId: number, responseTo: number, body: Document, flags = 0): Buffer {
  const bson = serialize(body);
  const out = Buffer.allocUnsafe(HEADER + 5 + bson.length);
  header(out.length, requestId, responseTo, OpCode.OP_MSG).copy(out, 0);
  out.writeUInt32LE(flags, HEADER);
  out[HEADER + 4] = 0;
  out.set(bson, HEADER + 5);
  return out;
}

/** OP_REPLY carrying one document (the answer to a legacy OP_QUERY handshake). */
export function encodeOpReply(requestId: number, responseTo: number, doc: Document): Buffer {
  const bson = serialize(doc);
  const out = Buffer.allocUnsafe(HEADER + 20 + bson.length);
  header(out.length, requestId, responseTo, OpCode.OP_REPLY).copy(out, 0);
  out.writeInt32LE(0, HEADER); // responseFlags
  out.writeBigInt64LE(0n, HEADER + 4); // cursorID
  out.writeInt32LE(0, HEADER + 12); // startingFrom
  out.writeInt32LE(1, HEADER + 16); // numberReturned
  out.set(bson, HEADER + 20);
  return out;
}

/** Builds an OP_MSG request (used by tests and tools to talk to a server without the driver). */
export function encodeOpMsgRequest(
  requestId: number,
  body: Document,
  sequences: Record<string, Document[]> = {},
  flags = 0,
): Buffer {
  const parts: Buffer[] = [Buffer.from([0]), Buffer.from(serialize(body))];
  for (const [identifier, docs] of Object.entries(sequences)) {
    const payload = Buffer.concat([
      Buffer.from(identifier + '\0'),
      ...docs.map((d) => Buffer.from(serialize(d))),
    ]);
    const size = Buffer.allocUnsafe(4);
    size.writeInt32LE(payload.length + 4, 0);
    parts.push(Buffer.from([1]), size, payload);
  }
  if (flags & MsgFlag.checksumPresent) parts.push(Buffer.alloc(4));
  const bodyLen = parts.reduce((n, p) => n + p.length, 0);
  const flagBuf = Buffer.allocUnsafe(4);
  flagBuf.writeUInt32LE(flags, 0);
  return Buffer.concat([header(HEADER + 4 + bodyLen, requestId, 0, OpCode.OP_MSG), flagBuf, ...parts]);
}
