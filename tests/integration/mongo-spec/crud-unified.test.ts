import fs from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { testMongoUri } from '../../helpers/mongo';
import { testServerFacts } from '../../helpers/server-facts';
import { EMBEDDED_KNOWN_GAPS } from './embedded-known-gaps';
import { parseUnifiedFile, UnifiedRunner, unmetRequirement } from './unified-runner';

/**
 * MongoDB's unified CRUD specification tests (mongodb/specifications, source/crud/tests/unified, vendored
 * unchanged in ./crud-unified with their licence) run through the official driver against
 * TEST_MONGODB_URI: the embedded server by default, a real mongod when MONGODB_URI is set
 * (`npm run test:mongo-spec`). Expected results come from the files unchanged.
 * MONGODB_SPEC_CRUD_DIR points the run at another copy (a newer checkout) instead.
 */

/** Skips the spec does not gate itself: failures caused by the Node driver, not by the server. */
const NULL_ID = 'the Node driver replaces a null _id with a generated ObjectId before sending';
const BYPASS_FALSE =
  'the Node driver sends bypassDocumentValidation only when it is true (mongodb/src/bulk/common.ts, operations/find_and_modify.ts, operations/aggregate.ts drop false)';
const DRIVER_SKIPS: Record<string, string> = {
  'create-null-ids: inserting _id with type null via insertOne': NULL_ID,
  'create-null-ids: inserting _id with type null via insertMany': NULL_ID,
  'create-null-ids: inserting _id with type null via bulkWrite': NULL_ID,
  'bypassDocumentValidation: Aggregate with $out passes bypassDocumentValidation: false': BYPASS_FALSE,
  'bypassDocumentValidation: BulkWrite passes bypassDocumentValidation: false': BYPASS_FALSE,
  'bypassDocumentValidation: FindOneAndReplace passes bypassDocumentValidation: false': BYPASS_FALSE,
  'bypassDocumentValidation: FindOneAndUpdate passes bypassDocumentValidation: false': BYPASS_FALSE,
  'bypassDocumentValidation: InsertMany passes bypassDocumentValidation: false': BYPASS_FALSE,
};

const dir = process.env.MONGODB_SPEC_CRUD_DIR ?? path.join(__dirname, 'crud-unified');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const facts = testServerFacts();
const tally = { passed: 0, failed: 0, knownGaps: 0, skipped: 0 };
const skipReasons = new Map<string, number>();

let internal: MongoClient;

beforeAll(async () => {
  internal = new MongoClient(testMongoUri());
  await internal.connect();
});

afterAll(async () => {
  await internal?.close();
  console.log(
    `unified CRUD spec against ${facts.version.join('.')} ${facts.topology}: ` +
      `${tally.passed} passed, ${tally.failed} failed, ${tally.knownGaps} known embedded gaps (failing as expected), ${tally.skipped} skipped\n` +
      [...skipReasons].map(([why, n]) => `  ${n} skipped: ${why}`).join('\n'),
  );
});

for (const fileName of files) {
  const file = parseUnifiedFile(fs.readFileSync(path.join(dir, fileName), 'utf8'));
  describe(file.description, () => {
    for (const t of file.tests) {
      const why =
        t.skipReason ??
        DRIVER_SKIPS[`${file.description}: ${t.description}`] ??
        unmetRequirement(file.runOnRequirements, facts) ??
        unmetRequirement(t.runOnRequirements, facts);
      if (why) {
        tally.skipped++;
        skipReasons.set(why, (skipReasons.get(why) ?? 0) + 1);
        test.skip(`${t.description} [skipped: ${why}]`, () => undefined);
        continue;
      }
      const name = `${file.description}: ${t.description}`;
      const gap = facts.embedded ? EMBEDDED_KNOWN_GAPS[name] : undefined;
      if (gap) {
        test.failing(`${t.description} [known embedded gap: ${gap}]`, async () => {
          await new UnifiedRunner(testMongoUri(), internal).run(file, t);
        });
        tally.knownGaps++;
        continue;
      }
      test(t.description, async () => {
        try {
          await new UnifiedRunner(testMongoUri(), internal).run(file, t);
          tally.passed++;
        } catch (err) {
          tally.failed++;
          throw err;
        }
      });
    }
  });
}
