import { badInput } from '../../shared/errors';

export interface SeedCliArgs {
  customers: number;
  seed: number;
  drop: boolean;
  /** Leave databases that already hold data alone instead of failing (a seed service run on every `up`). */
  ifEmpty: boolean;
  /** Afterwards group households and fit the value model unless a usable one is stored. */
  prepare: boolean;
  asOf?: Date;
  /** Data directory of the embedded MongoDB when no MONGODB_URI is configured. */
  dbPath?: string;
  help: boolean;
}

export const SEED_USAGE = `usage: npm run seed -- [--customers 5000] [--seed 42] [--drop | --if-empty] [--prepare] [--as-of 2026-11-01] [--db-path .data/mongo]

  --customers N   profiles to generate (duplicates included), 1–200000; default 5000
  --seed N        PRNG seed, 0–2147483647; the same seed gives the same data; default 42
  --drop          drop the marketing, sales and support databases first (otherwise they must be empty)
  --if-empty      seed only when the databases are empty; otherwise leave them as they are
  --prepare       then group households and fit the value model (unless a usable one is stored)
  --as-of DATE    "today" of the demo history (YYYY-MM-DD or ISO instant); default: today, 00:00 UTC
  --db-path DIR   data directory of the embedded MongoDB (when MONGODB_URI is not set);
                  default: EMBEDDED_MONGO_DBPATH, else .data/mongo`;

function integer(flag: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw badInput(flag, 'must be a non-negative integer');
  return Number(raw);
}

/** `--customers 5000 --seed=42 --drop --as-of 2026-11-01` → options; unknown flags are errors. */
export function parseSeedArgs(argv: readonly string[]): SeedCliArgs {
  const out: SeedCliArgs = {
    customers: 5000,
    seed: 42,
    drop: false,
    ifEmpty: false,
    prepare: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--customers':
        out.customers = integer('--customers', value());
        break;
      case '--seed':
        out.seed = integer('--seed', value());
        break;
      case '--drop':
        out.drop = true;
        break;
      case '--if-empty':
        out.ifEmpty = true;
        break;
      case '--prepare':
        out.prepare = true;
        break;
      case '--as-of': {
        const raw = value();
        const date =
          raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00Z`) : new Date(raw ?? '');
        if (!raw || Number.isNaN(date.getTime()))
          throw badInput('--as-of', 'must be a date such as 2026-11-01');
        out.asOf = date;
        break;
      }
      case '--db-path': {
        const raw = value();
        if (!raw) throw badInput('--db-path', 'needs a directory');
        out.dbPath = raw;
        break;
      }
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw badInput(argv[i], 'is not an option of npm run seed (see --help)');
    }
  }
  if (out.drop && out.ifEmpty) throw badInput('--if-empty', 'contradicts --drop');
  return out;
}
