import type { Connection } from 'mongoose';
import { badInput } from '../../shared/errors';
import { buildDocuments, type DemoDocuments } from './documents';
import { generateStory } from './story';
import { startOfUtcDay } from './time';
import { ARCHETYPES, type Archetype, type DemoStory } from './types';
import {
  bindModels,
  insertDocuments,
  prepareDatabases,
  validateSample,
  type ExistingDataPolicy,
  type SeedLogger,
} from './writer';

export interface SeedDemoDataOptions {
  marketing: Connection;
  sales: Connection;
  support: Connection;
  customers: number;
  seed: number;
  /** "Today" of the demo history; default: the start of the current UTC day. */
  asOf?: Date;
  logger?: SeedLogger;
  /**
   * When the databases already hold data: 'skip' (default: `npm start` seeds only an empty database),
   * 'fail' (CONFLICT error; the CLI without --drop) or 'drop'.
   */
  existing?: ExistingDataPolicy;
  /** Share of people registered twice (identity-resolution demo). Default 0.05. */
  duplicateRate?: number;
  /** Documents per insertMany. Default 2,000. */
  chunkSize?: number;
}

export interface StorySummary {
  customers: number;
  /** Profiles that are deliberate duplicates of another profile. */
  duplicates: number;
  /** Households of two or more profiles (same address and family name, or a shared landline). */
  households: number;
  quiet: number;
  archetypes: Record<Archetype, number>;
}

export interface SeedSummary {
  seeded: boolean;
  seed: number;
  asOf: string;
  story: StorySummary | null;
  /** Rows written per `subgraph.collection`. */
  counts: Record<string, number>;
  timingsMs: { generate: number; write: number; total: number };
}

export const MAX_DEMO_CUSTOMERS = 200_000;

/** Checks the options a caller (CLI, npm start, tests) passes; BAD_USER_INPUT names the field. */
export function checkSeedOptions(
  o: Pick<SeedDemoDataOptions, 'customers' | 'seed' | 'asOf' | 'duplicateRate' | 'chunkSize'>,
): void {
  if (!Number.isInteger(o.customers) || o.customers < 1 || o.customers > MAX_DEMO_CUSTOMERS) {
    throw badInput('customers', `must be an integer from 1 to ${MAX_DEMO_CUSTOMERS}`);
  }
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0x7fffffff)
    throw badInput('seed', 'must be an integer from 0 to 2147483647');
  if (o.asOf !== undefined && (!(o.asOf instanceof Date) || Number.isNaN(o.asOf.getTime())))
    throw badInput('asOf', 'must be a valid date');
  if (o.duplicateRate !== undefined && !(o.duplicateRate >= 0 && o.duplicateRate <= 0.5)) {
    throw badInput('duplicateRate', 'must be between 0 and 0.5');
  }
  if (
    o.chunkSize !== undefined &&
    (!Number.isInteger(o.chunkSize) || o.chunkSize < 1 || o.chunkSize > 100_000)
  ) {
    throw badInput('chunkSize', 'must be an integer from 1 to 100000');
  }
}

export function summarizeStory(story: DemoStory): StorySummary {
  const archetypes = Object.fromEntries(ARCHETYPES.map((a) => [a, 0])) as Record<Archetype, number>;
  const households = new Map<string, number>();
  let duplicates = 0;
  let quiet = 0;
  for (const c of story.customers) {
    if (c.profile.duplicateOf) duplicates++;
    else {
      archetypes[c.archetype]++;
      if (c.profile.householdKey)
        households.set(c.profile.householdKey, (households.get(c.profile.householdKey) ?? 0) + 1);
    }
    if (c.quiet) quiet++;
  }
  return {
    customers: story.customers.length,
    duplicates,
    households: [...households.values()].filter((n) => n > 1).length,
    quiet,
    archetypes,
  };
}

/** Documents and the story's summary; the plans themselves are dropped here, before the long inserts. */
function generate(o: SeedDemoDataOptions & { asOf: Date }): { docs: DemoDocuments; story: StorySummary } {
  const plans = generateStory({
    customers: o.customers,
    seed: o.seed,
    asOf: o.asOf,
    duplicateRate: o.duplicateRate,
  });
  return { docs: buildDocuments(plans), story: summarizeStory(plans) };
}

/**
 * Generates the deterministic demo history (same customers + seed + asOf → identical documents) and writes
 * it into the marketing, sales and support databases through the subgraphs' own models.
 */
export async function seedDemoData(options: SeedDemoDataOptions): Promise<SeedSummary> {
  checkSeedOptions(options);
  const started = performance.now();
  const asOf = options.asOf ?? startOfUtcDay(new Date());
  const connections = { marketing: options.marketing, sales: options.sales, support: options.support };
  const models = bindModels(connections);
  const base = { seed: options.seed, asOf: asOf.toISOString() };
  if (!(await prepareDatabases(connections, models, options.existing ?? 'skip', options.logger))) {
    return {
      ...base,
      seeded: false,
      story: null,
      counts: {},
      timingsMs: { generate: 0, write: 0, total: Math.round(performance.now() - started) },
    };
  }
  const { docs, story } = generate({ ...options, asOf });
  await validateSample(docs, models);
  const generated = performance.now();
  options.logger?.info(
    `Demo data: generated ${options.customers} customers (seed ${options.seed}, as of ${base.asOf}) in ${Math.round(generated - started)} ms`,
  );
  let counts: Record<string, number>;
  try {
    counts = await insertDocuments(docs, models, {
      chunkSize: options.chunkSize ?? 2000,
      logger: options.logger,
    });
  } catch (err) {
    // The databases were empty (or dropped) a moment ago: emptying them again leaves nothing half-written.
    await Promise.all(Object.values(connections).map((c) => c.dropDatabase().catch(() => undefined)));
    throw err;
  }
  const finished = performance.now();
  return {
    ...base,
    seeded: true,
    story,
    counts,
    timingsMs: {
      generate: Math.round(generated - started),
      write: Math.round(finished - generated),
      total: Math.round(finished - started),
    },
  };
}
