import { startEmbeddedMongo } from './index';

/**
 * `npm run db -- --port 27017 --dbpath .data/mongo [--host 127.0.0.1]`: runs the embedded server alone.
 * Prints the URI once it accepts connections; SIGINT/SIGTERM flush the journal and stop it cleanly.
 */
interface CliOptions {
  port: number;
  dbPath?: string;
  host?: string;
  enableTestCommands?: boolean;
}

function parseArgs(argv: string[]): CliOptions {
  const out: CliOptions = { port: 27017 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535`);
        out.port = port;
        break;
      }
      case '--dbpath':
      case '--dbPath':
        out.dbPath = value();
        break;
      case '--host':
      case '--bind_ip':
        out.host = value();
        break;
      case '--setParameter': {
        // mongod's form; only enableTestCommands is recognised.
        const [param, setting] = value().split('=', 2);
        if (param !== 'enableTestCommands') throw new Error(`unknown parameter ${param}`);
        out.enableTestCommands = setting === '1' || setting === 'true';
        break;
      }
      case '--help':
        console.log(
          'usage: npm run db -- [--port 27017] [--dbpath DIR] [--host 127.0.0.1] [--setParameter enableTestCommands=1]',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const logger = { info: (m: string) => console.error(m), warn: (m: string) => console.error(m) };
  const server = await startEmbeddedMongo({ ...args, logger });
  console.log(server.uri);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`embedded-mongo: ${signal} received, stopping`);
    server.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(`embedded-mongo: ${(err as Error).message}`);
  process.exit(1);
});
