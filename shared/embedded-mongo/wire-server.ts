import net from 'node:net';
import type { Document } from 'bson';
import { CommandExecutor } from './commands';
import { CursorRegistry } from './cursor-registry';
import { errorReply } from './errors';
import type { StorageEngine } from './storage-engine';
import { FailPoints } from './fail-points';
import { SessionCatalog } from './transactions';
import {
  decodeOpMsg,
  decodeOpQuery,
  encodeOpMsg,
  encodeOpReply,
  MessageFramer,
  MsgFlag,
  OpCode,
  readHeader,
} from './wire-protocol';

export interface ServerLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface WireServerOptions {
  /** mongod's enableTestCommands: adds `configureFailPoint` (failCommand). Never in production. */
  enableTestCommands?: boolean;
}

/** Commands whose success depends on the journal reaching disk before the reply. */
const WRITE_COMMANDS = new Set([
  'committransaction',
  'insert',
  'update',
  'delete',
  'findandmodify',
  'create',
  'drop',
  'dropdatabase',
  'createindexes',
  'dropindexes',
  'deleteindexes',
]);

/**
 * TCP front end: frames messages, runs commands in arrival order per connection, and replies after the
 * journal has made the command's writes durable (`durable()`), which batches concurrent writers.
 */
export class WireServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly executor: CommandExecutor;
  readonly cursors = new CursorRegistry();
  readonly sessions: SessionCatalog;
  private readonly failPoints: FailPoints | undefined;
  /** Client application names from the handshake (failCommand's `appName` filter). */
  private readonly appNames = new Map<number, string>();
  private nextConnectionId = 1;
  private nextRequestId = 1;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly reaper: NodeJS.Timeout;

  constructor(
    engine: StorageEngine,
    private readonly durable: () => Promise<void>,
    private readonly logger: ServerLogger,
    options: WireServerOptions = {},
  ) {
    this.sessions = new SessionCatalog(engine);
    this.failPoints = options.enableTestCommands ? new FailPoints() : undefined;
    this.executor = new CommandExecutor(engine, this.cursors, this.sessions, this.failPoints);
    this.server = net.createServer((socket) => this.accept(socket));
    this.server.maxConnections = 10_000;
    this.reaper = setInterval(() => {
      this.cursors.reapIdle();
      this.sessions.reapIdle();
    }, 60_000);
    this.reaper.unref();
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const bound = (this.server.address() as net.AddressInfo).port;
        // The replica set's only member, as clients name it (hello's hosts/me/primary).
        this.executor.address = `${host.includes(':') ? `[${host}]` : host}:${bound}`;
        resolve(bound);
      });
    });
  }

  async close(): Promise<void> {
    clearInterval(this.reaper);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
    // Uncommitted transactions are undone, never written to the journal or a snapshot.
    this.sessions.endAll();
    this.cursors.clear();
  }

  private accept(socket: net.Socket): void {
    const connectionId = this.nextConnectionId++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const framer = new MessageFramer();
    // Messages of one connection are answered in order; the driver never pipelines, but be safe.
    let queue: Promise<void> = Promise.resolve();
    socket.on('data', (chunk) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch (err) {
        this.logger.warn(`embedded-mongo: closing connection ${connectionId}: ${(err as Error).message}`);
        socket.destroy();
        return;
      }
      for (const msg of messages) {
        queue = queue
          .then(() => this.handle(socket, connectionId, msg))
          .catch((err) => {
            this.logger.warn(`embedded-mongo: connection ${connectionId}: ${(err as Error).message}`);
            socket.destroy();
          });
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.appNames.delete(connectionId);
      this.cursors.releaseOwner(connectionId);
    });
  }

  private async handle(socket: net.Socket, connectionId: number, msg: Buffer): Promise<void> {
    const head = readHeader(msg);
    if (head.opCode === OpCode.OP_MSG) {
      const { flags, command } = decodeOpMsg(msg);
      const db = typeof command.$db === 'string' ? command.$db : 'admin';
      const reply = await this.execute(db, command, connectionId);
      if (reply === CLOSE) return void socket.destroy();
      // moreToCome from the client (w:0 writes): it expects no answer.
      if (flags & MsgFlag.moreToCome) return;
      if (!socket.destroyed) socket.write(encodeOpMsg(this.nextRequestId++, head.requestId, reply));
      return;
    }
    if (head.opCode === OpCode.OP_QUERY) {
      const q = decodeOpQuery(msg);
      const [db, coll] = splitNs(q.fullCollectionName);
      let reply: Document | typeof CLOSE;
      if (coll === '$cmd') {
        const command = q.query.$query && typeof q.query.$query === 'object' ? q.query.$query : q.query;
        reply = await this.execute(db, command, connectionId);
        if (reply === CLOSE) return void socket.destroy();
      } else {
        reply = { $err: 'OP_QUERY is only supported for commands', code: 5739101, ok: 0 };
      }
      if (!socket.destroyed) socket.write(encodeOpReply(this.nextRequestId++, head.requestId, reply));
      return;
    }
    throw new Error(`unsupported opCode ${head.opCode}`);
  }

  private async execute(
    db: string,
    command: Document,
    connectionId: number,
  ): Promise<Document | typeof CLOSE> {
    const commandName = Object.keys(command)[0] ?? '';
    const name = commandName.toLowerCase();
    const appName = command.client?.application?.name;
    if ((name === 'hello' || name === 'ismaster') && typeof appName === 'string')
      this.appNames.set(connectionId, appName);
    const failure = this.failPoints?.evaluate(commandName, this.appNames.get(connectionId));
    if (failure?.blockTimeMS) await this.sleep(failure.blockTimeMS);
    if (failure?.closeConnection) return CLOSE;
    if (
      (name === 'hello' || name === 'ismaster') &&
      command.maxAwaitTimeMS !== undefined &&
      command.topologyVersion
    ) {
      // Awaitable hello: the topology of a standalone never changes, so answer when the wait expires.
      await this.sleep(Math.min(Number(command.maxAwaitTimeMS) || 0, 10_000));
    }
    // Nothing may yield between admission and the (synchronous) command run.
    await this.sessions.admit(name, command);
    const reply = this.executor.run(db, command, { connectionId, failure });
    if (WRITE_COMMANDS.has(name)) {
      try {
        await this.durable();
      } catch (err) {
        return errorReply(err);
      }
    }
    return reply;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }
}

/** execute()'s answer when the connection must be closed without a reply (failCommand closeConnection). */
const CLOSE = Symbol('close connection');

function splitNs(ns: string): [string, string] {
  const dot = ns.indexOf('.');
  return dot < 0 ? [ns, ''] : [ns.slice(0, dot), ns.slice(dot + 1)];
}
