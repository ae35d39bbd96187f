import net from 'node:net';
import type { Document } from 'bson';
import { decodeOpMsg, encodeOpMsgRequest, MessageFramer } from '../../shared/embedded-mongo/wire-protocol';

/**
 * One plain TCP connection speaking OP_MSG, for tests that must send a command exactly as written: the
 * driver replaces `lsid` and `txnNumber` with its own session's, so session-field rules cannot be tested
 * through it. Works against any mongod without authentication.
 */
export interface RawConnection {
  command(db: string, body: Document): Promise<Document>;
  close(): void;
}

export async function openRawConnection(uri: string): Promise<RawConnection> {
  const [host, port] = firstHost(uri);
  const socket = net.connect({ host, port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const framer = new MessageFramer();
  const pending: Array<(reply: Document) => void> = [];
  socket.on('data', (chunk) => {
    for (const msg of framer.push(chunk)) pending.shift()?.(decodeOpMsg(msg).command);
  });
  let requestId = 1;
  return {
    command: (db, body) =>
      new Promise((resolve) => {
        pending.push(resolve);
        socket.write(encodeOpMsgRequest(requestId++, { ...body, $db: db }));
      }),
    close: () => socket.destroy(),
  };
}

function firstHost(uri: string): [string, number] {
  const rest = uri.replace(/^mongodb:\/\//, '').replace(/^[^@/]*@/, '');
  const hostPort = rest.split(/[/?,]/)[0];
  const m = /^\[(.+)\]:(\d+)$/.exec(hostPort) ?? /^([^:]+):(\d+)$/.exec(hostPort);
  return m ? [m[1], Number(m[2])] : [hostPort.replace(/^\[|\]$/g, ''), 27017];
}
