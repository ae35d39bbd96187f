import fs from 'node:fs';
import path from 'node:path';
import type { ChangeRecord } from './collection-store';
import { encodeRecord, parseRecords } from './journal-format';
import type { StorageEngine } from './storage-engine';
import type { ServerLogger } from './wire-server';

const SNAPSHOT = /^snapshot-(\d+)\.bson$/;
const JOURNAL = /^journal-(\d+)\.log$/;

export interface DurableStoreOptions {
  /** Journal size that triggers folding it into a new snapshot. */
  compactAfterBytes?: number;
}

interface Pending {
  fd: number;
  buf: Buffer;
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Durability for a data directory: an append-only journal of change records, fsynced before a write is
 * acknowledged (concurrent writers share one fsync: group commit), and snapshots that fold the journal
 * in. Generation N = snapshot-N.bson (state when journal-N began) + journal-N.log (changes since).
 * A snapshot is written to a temp file and renamed, so it is either complete or absent.
 */
export class DurableStore {
  private pending: Pending[] = [];
  private waiters: Waiter[] = [];
  private appendedSeq = 0;
  private durableSeq = 0;
  private flushing = false;
  private compacting: Promise<void> | undefined;
  private journalBytes = 0;
  private closed = false;
  private failure: Error | undefined;

  private constructor(
    private readonly dir: string,
    private readonly engine: StorageEngine,
    private readonly logger: ServerLogger,
    private gen: number,
    private fd: number,
    private readonly compactAfterBytes: number,
  ) {}

  static async open(
    dir: string,
    engine: StorageEngine,
    logger: ServerLogger,
    options: DurableStoreOptions = {},
  ): Promise<DurableStore> {
    fs.mkdirSync(dir, { recursive: true });
    const files = fs.readdirSync(dir);
    const snapshots = generations(files, SNAPSHOT);
    const snapGen = snapshots.length > 0 ? snapshots[snapshots.length - 1] : 0;
    if (snapshots.length > 0) {
      const file = path.join(dir, `snapshot-${snapGen}.bson`);
      const parsed = parseRecords(fs.readFileSync(file));
      if (parsed.tornBytes > 0)
        logger.warn(`embedded-mongo: snapshot ${file} has ${parsed.tornBytes} unreadable trailing bytes`);
      for (const r of parsed.records) engine.apply(r as ChangeRecord);
    }
    const journals = generations(files, JOURNAL).filter((g) => g >= snapGen);
    let replayed = 0;
    for (const g of journals) {
      const file = path.join(dir, `journal-${g}.log`);
      const parsed = parseRecords(fs.readFileSync(file));
      for (const r of parsed.records) engine.apply(r as ChangeRecord);
      replayed += parsed.records.length;
      if (parsed.tornBytes > 0) {
        logger.warn(
          `embedded-mongo: ${file}: skipped a torn record at byte ${parsed.validBytes} (${parsed.tornBytes} bytes, ` +
            `an unacknowledged write interrupted by a crash); ${parsed.records.length} records before it recovered`,
        );
        fs.truncateSync(file, parsed.validBytes);
      }
    }
    const gen = Math.max(snapGen, ...journals, 1);
    const fd = fs.openSync(path.join(dir, `journal-${gen}.log`), 'a');
    const store = new DurableStore(
      dir,
      engine,
      logger,
      gen,
      fd,
      options.compactAfterBytes ?? 64 * 1024 * 1024,
    );
    store.journalBytes = fs.fstatSync(fd).size;
    engine.setSink((r) => store.append(r));
    store.removeStale(gen);
    logger.info(
      `embedded-mongo: data directory ${dir} loaded (snapshot ${snapGen}, ${replayed} journal records replayed)`,
    );
    if (replayed > 0) await store.compact();
    return store;
  }

  private append(record: ChangeRecord): void {
    if (this.closed) throw new Error('embedded-mongo: store is closed');
    const buf = encodeRecord(record);
    this.pending.push({ fd: this.fd, buf });
    this.appendedSeq++;
  }

  /** Resolves once every record appended so far is on disk. */
  sync(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durableSeq >= this.appendedSeq) return Promise.resolve();
    const seq = this.appendedSeq;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
    void this.flush();
    return done;
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        const seq = this.appendedSeq;
        let i = 0;
        while (i < batch.length) {
          const fd = batch[i].fd;
          const bufs: Buffer[] = [];
          while (i < batch.length && batch[i].fd === fd) bufs.push(batch[i++].buf);
          const data = bufs.length === 1 ? bufs[0] : Buffer.concat(bufs);
          await writeAll(fd, data);
          await new Promise<void>((res, rej) => fs.fdatasync(fd, (err) => (err ? rej(err) : res())));
          if (fd === this.fd) this.journalBytes += data.length;
        }
        this.durableSeq = seq;
        const ready = this.waiters.filter((w) => w.seq <= seq);
        this.waiters = this.waiters.filter((w) => w.seq > seq);
        for (const w of ready) w.resolve();
      }
    } catch (err) {
      this.failure = err as Error;
      this.logger.warn(`embedded-mongo: journal write failed: ${(err as Error).message}`);
      for (const w of this.waiters) w.reject(this.failure);
      this.waiters = [];
    } finally {
      this.flushing = false;
    }
    if (this.pending.length > 0 && !this.failure) void this.flush();
    if (this.journalBytes > this.compactAfterBytes && !this.compacting && !this.closed) {
      this.compact().catch((err) =>
        this.logger.warn(`embedded-mongo: compaction failed: ${(err as Error).message}`),
      );
    }
  }

  /** Folds the current state into snapshot-(N+1) and starts journal-(N+1). */
  compact(): Promise<void> {
    this.compacting ??= this.doCompact().finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  private async doCompact(): Promise<void> {
    await this.sync();
    // A snapshot must not contain a transaction's uncommitted (in-place) changes.
    while (this.engine.hasOpenCaptures) {
      await this.engine.whenNoOpenCaptures();
      await this.sync();
    }
    // From here to the journal switch nothing yields, so the snapshot is exactly the state at the switch.
    const nextGen = this.gen + 1;
    const nextFd = fs.openSync(path.join(this.dir, `journal-${nextGen}.log`), 'a');
    const parts: Buffer[] = [];
    for (const r of this.engine.snapshotRecords()) parts.push(encodeRecord(r));
    const oldFd = this.fd;
    this.fd = nextFd;
    this.gen = nextGen;
    this.journalBytes = 0;

    const tmp = path.join(this.dir, `snapshot-${nextGen}.bson.tmp`);
    const fh = await fs.promises.open(tmp, 'w');
    try {
      for (const p of parts) await fh.write(p);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, path.join(this.dir, `snapshot-${nextGen}.bson`));
    fsyncDir(this.dir);
    await this.sync();
    fs.closeSync(oldFd);
    this.removeStale(nextGen);
  }

  private removeStale(current: number): void {
    for (const f of fs.readdirSync(this.dir)) {
      const m = SNAPSHOT.exec(f) ?? JOURNAL.exec(f);
      const stale = (m && Number(m[1]) < current) || (f.endsWith('.tmp') && !f.includes(`-${current}.`));
      if (stale) fs.rmSync(path.join(this.dir, f), { force: true });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.compacting;
    await this.sync().catch(() => {});
    if (this.journalBytes > 0 && !this.failure) await this.compact();
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

function generations(files: string[], re: RegExp): number[] {
  return files
    .map((f) => re.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

async function writeAll(fd: number, data: Buffer): Promise<void> {
  let off = 0;
  while (off < data.length) {
    off += await new Promise<number>((res, rej) =>
      fs.write(fd, data, off, data.length - off, null, (err, n) => (err ? rej(err) : res(n))),
    );
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}
