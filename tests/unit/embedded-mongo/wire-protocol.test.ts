import { deserialize, serialize } from 'bson';
import {
  decodeOpMsg,
  decodeOpQuery,
  encodeOpMsg,
  encodeOpMsgRequest,
  encodeOpReply,
  MessageFramer,
  MsgFlag,
  OpCode,
  ProtocolError,
  readHeader,
} from '../../../shared/embedded-mongo/wire-protocol';

describe('MessageFramer', () => {
  const a = encodeOpMsgRequest(1, { ping: 1, $db: 'admin' });
  const b = encodeOpMsgRequest(2, { find: 'c', $db: 'd' });

  it('yields nothing until a message is complete, then the whole message', () => {
    const f = new MessageFramer();
    expect(f.push(a.subarray(0, 3))).toEqual([]);
    expect(f.push(a.subarray(3, 20))).toEqual([]);
    const out = f.push(a.subarray(20));
    expect(out).toHaveLength(1);
    expect(Buffer.compare(out[0], a)).toBe(0);
  });

  it('splits several messages arriving in one chunk, keeping the remainder', () => {
    const f = new MessageFramer();
    const joined = Buffer.concat([a, b, b.subarray(0, 7)]);
    const out = f.push(joined);
    expect(out.map((m) => readHeader(m).requestId)).toEqual([1, 2]);
    expect(f.push(b.subarray(7)).map((m) => readHeader(m).requestId)).toEqual([2]);
  });

  it('handles one byte at a time', () => {
    const f = new MessageFramer();
    const all = Buffer.concat([a, b]);
    const got: number[] = [];
    for (let i = 0; i < all.length; i++)
      got.push(...f.push(all.subarray(i, i + 1)).map((m) => readHeader(m).requestId));
    expect(got).toEqual([1, 2]);
  });

  it('rejects an impossible length', () => {
    const bad = Buffer.alloc(16);
    bad.writeInt32LE(3, 0);
    expect(() => new MessageFramer().push(bad)).toThrow(ProtocolError);
  });
});

describe('OP_MSG', () => {
  it('merges document sequences into the command under their identifier', () => {
    const msg = encodeOpMsgRequest(7, { insert: 'c', $db: 'd' }, { documents: [{ x: 1 }, { x: 2 }] });
    const { command, flags } = decodeOpMsg(msg);
    expect(flags).toBe(0);
    expect(command).toEqual({ insert: 'c', $db: 'd', documents: [{ x: 1 }, { x: 2 }] });
  });

  it('ignores the trailing checksum when the checksumPresent flag is set', () => {
    const msg = encodeOpMsgRequest(7, { ping: 1, $db: 'admin' }, {}, MsgFlag.checksumPresent);
    expect(decodeOpMsg(msg).command).toEqual({ ping: 1, $db: 'admin' });
  });

  it('reports moreToCome in the flags', () => {
    const msg = encodeOpMsgRequest(7, { insert: 'c', $db: 'd' }, {}, MsgFlag.moreToCome);
    expect(decodeOpMsg(msg).flags & MsgFlag.moreToCome).toBeTruthy();
  });

  it('encodes a reply whose header answers the request', () => {
    const reply = encodeOpMsg(9, 7, { ok: 1 });
    expect(readHeader(reply)).toEqual({
      length: reply.length,
      requestId: 9,
      responseTo: 7,
      opCode: OpCode.OP_MSG,
    });
    expect(decodeOpMsg(reply).command).toEqual({ ok: 1 });
  });
});

describe('OP_QUERY / OP_REPLY (legacy handshake)', () => {
  it('decodes a legacy isMaster query', () => {
    const query = Buffer.from(serialize({ isMaster: 1, helloOk: true }));
    const ns = Buffer.from('admin.$cmd\0');
    const body = Buffer.alloc(4 + ns.length + 8 + query.length);
    body.writeInt32LE(0, 0);
    ns.copy(body, 4);
    body.writeInt32LE(0, 4 + ns.length);
    body.writeInt32LE(-1, 8 + ns.length);
    query.copy(body, 12 + ns.length);
    const header = Buffer.alloc(16);
    header.writeInt32LE(16 + body.length, 0);
    header.writeInt32LE(3, 4);
    header.writeInt32LE(OpCode.OP_QUERY, 12);
    const q = decodeOpQuery(Buffer.concat([header, body]));
    expect(q).toMatchObject({
      fullCollectionName: 'admin.$cmd',
      numberToReturn: -1,
      query: { isMaster: 1, helloOk: true },
    });
  });

  it('encodes an OP_REPLY with one document', () => {
    const reply = encodeOpReply(5, 3, { ismaster: true, ok: 1 });
    expect(readHeader(reply)).toMatchObject({ responseTo: 3, opCode: OpCode.OP_REPLY });
    expect(reply.readInt32LE(32)).toBe(1); // numberReturned
    expect(deserialize(reply.subarray(36))).toEqual({ ismaster: true, ok: 1 });
  });
});
