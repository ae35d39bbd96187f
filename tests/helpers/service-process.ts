import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/**
 * Runs one service of the supergraph (or the embedded MongoDB) as a separate OS process, the way it is
 * deployed, so tests can SIGKILL, SIGSTOP and restart it. Services listen on a free loopback port; the
 * URL is read from their "ready at" log line (or, for the database, the URI it prints).
 */
export const ROOT = path.resolve(__dirname, '../..');

/** Entry points by service name (`node -r @swc-node/register <entry>`). */
export const ENTRY_POINTS = {
  marketing: 'subgraphs/marketing/src/index.ts',
  sales: 'subgraphs/sales/src/index.ts',
  support: 'subgraphs/support/src/index.ts',
  insights: 'subgraphs/insights/src/index.ts',
  gateway: 'gateway/src/index.ts',
  mongo: 'shared/embedded-mongo/cli.ts',
} as const;
export type ServiceName = keyof typeof ENTRY_POINTS;

export interface ServiceProcess {
  name: ServiceName;
  /** GraphQL URL of a service; `mongodb://…` for the database. */
  url: string;
  /** Base URL (no /graphql) of a service. */
  baseUrl: string;
  child: ChildProcess;
  pid: number;
  /** Sends a signal; resolves once the process has exited when the signal ends it. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Stops with SIGTERM (SIGKILL after 5 s) unless it has exited already. */
  stop(): Promise<void>;
  exited: boolean;
  /** Last lines of its output (for failure messages). */
  output(): string;
}

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Extra node flags, e.g. `--max-old-space-size=192`. */
  nodeFlags?: string[];
  args?: string[];
  /** How long to wait for the ready line. */
  startTimeoutMs?: number;
}

export async function spawnService(name: ServiceName, opts: SpawnOptions = {}): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    [...(opts.nodeFlags ?? []), '-r', '@swc-node/register', ENTRY_POINTS[name], ...(opts.args ?? [])],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 50) lines.shift();
  };
  // The ready line is logged at info, so that is the least a spawned service logs at.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start in time:\n${lines.join('\n')}`));
    }, opts.startTimeoutMs ?? 60_000);
    const onLine = (line: string) => {
      keep(line);
      const found = readyUrl(name, line);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', keep);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited during start-up:\n${lines.join('\n')}`));
    });
  });
  const service: ServiceProcess = {
    name,
    url,
    baseUrl: url.replace(/\/graphql$/, ''),
    child,
    pid: child.pid!,
    get exited() {
      return exited;
    },
    async kill(signal) {
      if (exited) return;
      child.kill(signal);
      if (signal === 'SIGKILL' || signal === 'SIGTERM') await exit;
    },
    async stop() {
      if (exited) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    },
    output: () => lines.join('\n'),
  };
  return service;
}

function readyUrl(name: ServiceName, line: string): string | undefined {
  if (name === 'mongo') return /^mongodb:\/\/\S+$/.test(line.trim()) ? line.trim() : undefined;
  try {
    const log = JSON.parse(line) as { url?: string; msg?: string };
    return log.msg?.includes(' ready at ') ? log.url : undefined;
  } catch {
    return undefined;
  }
}

/** A numeric sample of one Prometheus series from a service's /metrics. */
export async function scrapeMetric(baseUrl: string, name: string): Promise<number | undefined> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : undefined;
}
