import type { Connection, Model } from 'mongoose';
import { conflict } from '../../shared/errors';
import { createModels as createMarketingModels } from '../../subgraphs/marketing/src/models';
import { createModels as createSalesModels } from '../../subgraphs/sales/src/models';
import { createModels as createSupportModels } from '../../subgraphs/support/src/models';
import { DemoDataError, type DemoDocuments } from './documents';

/*
 * The thin I/O part: binds each subgraph's own models (createModels) to its connection, checks that the
 * target databases are empty (or drops them), validates a sample of every collection against the mongoose
 * schemas before anything is written, and bulk-inserts in chunks. Inserts skip mongoose hydration (the
 * sample validation and the unit tests check the documents), which keeps 5,000 customers fast.
 */

export interface SeedConnections {
  marketing: Connection;
  sales: Connection;
  support: Connection;
}

export interface SeedLogger {
  info(message: string): void;
}

/** What to do when a target database already has data: leave it alone (skip), refuse (fail) or drop it. */
export type ExistingDataPolicy = 'fail' | 'skip' | 'drop';

type AnyModel = Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ModelSet = Record<string, AnyModel>;

export interface BoundModels {
  marketing: ModelSet;
  sales: ModelSet;
  support: ModelSet;
}

export function bindModels(connections: SeedConnections): BoundModels {
  return {
    marketing: createMarketingModels(connections.marketing) as unknown as ModelSet,
    sales: createSalesModels(connections.sales) as unknown as ModelSet,
    support: createSupportModels(connections.support) as unknown as ModelSet,
  };
}

const SUBGRAPHS = ['marketing', 'sales', 'support'] as const;

function eachModel(models: BoundModels): [string, AnyModel][] {
  return SUBGRAPHS.flatMap((s) =>
    Object.entries(models[s]).map(([name, m]) => [`${s}.${name}`, m] as [string, AnyModel]),
  );
}

/**
 * Collections a service fills by itself from the data rather than holding data: sales stores an
 * insufficient-data value model when it starts on an empty database, which must not make it look seeded.
 */
const DERIVED = new Set(['sales.valueModels', 'sales.valueModelActive']);

/** Rows already stored, per `subgraph.collection` (only non-empty ones, derived collections left out). */
export async function existingRows(models: BoundModels): Promise<Record<string, number>> {
  const counts = await Promise.all(
    eachModel(models)
      .filter(([name]) => !DERIVED.has(name))
      .map(async ([name, m]) => [name, await m.estimatedDocumentCount()] as const),
  );
  return Object.fromEntries(counts.filter(([, n]) => n > 0));
}

/**
 * Makes sure the three databases can take the demo data: indexes built (unique ones catch generator bugs),
 * and no earlier data unless the policy says to drop it. Returns false when the policy is `skip` and data exists.
 */
export async function prepareDatabases(
  connections: SeedConnections,
  models: BoundModels,
  policy: ExistingDataPolicy,
  logger?: SeedLogger,
): Promise<boolean> {
  // Wait for the automatic index builds first, so a drop cannot race with them.
  await Promise.all(eachModel(models).map(([, m]) => m.init()));
  const existing = await existingRows(models);
  if (Object.keys(existing).length > 0) {
    const summary = Object.entries(existing)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
    if (policy === 'skip') {
      logger?.info(`Demo data: databases already hold data (${summary}); not seeding`);
      return false;
    }
    if (policy === 'fail') {
      throw conflict(
        `The target databases are not empty (${summary}); drop them first (--drop) or seed other databases`,
        {
          existing,
        },
      );
    }
    logger?.info(`Demo data: dropping ${SUBGRAPHS.map((s) => connections[s].name).join(', ')}`);
    await Promise.all(SUBGRAPHS.map((s) => connections[s].dropDatabase()));
  }
  await Promise.all(eachModel(models).map(([, m]) => m.createIndexes()));
  return true;
}

function collectionsOf(
  docs: DemoDocuments,
  models: BoundModels,
): { subgraph: (typeof SUBGRAPHS)[number]; name: string; model: AnyModel; rows: object[] }[] {
  return SUBGRAPHS.flatMap((subgraph) =>
    Object.entries(docs[subgraph] as Record<string, object[]>).map(([name, rows]) => {
      const model = models[subgraph][name];
      if (!model)
        throw new DemoDataError(`the ${subgraph} subgraph has no model "${name}" (createModels changed?)`);
      return { subgraph, name, model, rows };
    }),
  );
}

/**
 * Validates up to `perCollection` documents of every collection (spread evenly over it) with the mongoose
 * schema; throws DemoDataError listing the first problems. Nothing is written before this passes.
 */
export async function validateSample(
  docs: DemoDocuments,
  models: BoundModels,
  perCollection = 50,
): Promise<void> {
  const problems: string[] = [];
  for (const { subgraph, name, model, rows } of collectionsOf(docs, models)) {
    const step = Math.max(1, Math.floor(rows.length / perCollection));
    for (let i = 0; i < rows.length && problems.length < 10; i += step) {
      await new model(rows[i])
        .validate()
        .catch((error: Error) => problems.push(`${subgraph}.${name}[${i}]: ${error.message}`));
    }
  }
  if (problems.length)
    throw new DemoDataError(`demo documents do not match the subgraph schemas:\n  ${problems.join('\n  ')}`);
}

/** Collections without a unique index but their _id take unordered inserts; the others stop at the first error. */
const UNORDERED = new Set(['marketing.touchpoints']);

export async function insertDocuments(
  docs: DemoDocuments,
  models: BoundModels,
  options: { chunkSize: number; logger?: SeedLogger },
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const bySubgraph = collectionsOf(docs, models);
  await Promise.all(
    SUBGRAPHS.map(async (subgraph) => {
      for (const { name, model, rows } of bySubgraph.filter((c) => c.subgraph === subgraph)) {
        const key = `${subgraph}.${name}`;
        for (let i = 0; i < rows.length; i += options.chunkSize) {
          await model.insertMany(rows.slice(i, i + options.chunkSize), {
            lean: true,
            ordered: !UNORDERED.has(key),
          });
        }
        counts[key] = rows.length;
        options.logger?.info(`Demo data: ${rows.length} ${key}`);
      }
    }),
  );
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}
