import fs from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { testMongoUri } from '../../helpers/mongo';
import { testServerFacts } from '../../helpers/server-facts';
import { EMBEDDED_KNOWN_GAPS } from './embedded-known-gaps';
import { parseUnifiedFile, UnifiedRunner, unmetRequirement } from './unified-runner';

/**
 * MongoDB's unified CRUD specification tests (mongodb/specifications, source/crud/tests/unified) run
 * through the official driver against TEST_MONGODB_URI: the embedded server by default, a real mongod
 * when MONGODB_URI is set (`npm run test:mongo-spec`). Expected results come from the files unchanged.
 *
 * The JSON files are not committed (their licence is CC BY-NC-SA 3.0, not this project's): set
 * MONGODB_SPEC_CRUD_DIR to a checkout's source/crud/tests/unified, or place them in
 * ../shared/mongodb-specifications/crud-unified beside the repository.
 */

/** Skips the spec does not gate itself: failures caused by the Node driver, not by the server. */
const DRIVER_SKIPS: Record<string, string> = {
  'create-null-ids: inserting _id with type null via insertOne':
    'the Node driver replaces a null _id with a generated ObjectId before sending',
  'create-null-ids: inserting _id with type null via insertMany':
    'the Node driver replaces a null _id with a generated ObjectId before sending',
  'create-null-ids: inserting _id with type null via bulkWrite':
    'the Node driver replaces a null _id with a generated ObjectId before sending',
};

function specDir(): string | undefined {
  const candidates = [
    process.env.MONGODB_SPEC_CRUD_DIR,
    path.resolve(__dirname, '../../../../shared/mongodb-specifications/crud-unified'),
  ];
  return candidates.find((d): d is string => !!d && fs.existsSync(d));
}

const dir = specDir();
const files = dir
  ? fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

const facts = files.length > 0 ? testServerFacts() : undefined;
const tally = { passed: 0, failed: 0, knownGaps: 0, skipped: 0 };
const skipReasons = new Map<string, number>();

let internal: MongoClient;

beforeAll(async () => {
  internal = new MongoClient(testMongoUri());
  await internal.connect();
});

afterAll(async () => {
  await internal?.close();
  if (!facts) return;
  console.log(
    `unified CRUD spec against ${facts.version.join('.')} ${facts.topology}: ` +
      `${tally.passed} passed, ${tally.failed} failed, ${tally.knownGaps} known embedded gaps (failing as expected), ${tally.skipped} skipped\n` +
      [...skipReasons].map(([why, n]) => `  ${n} skipped: ${why}`).join('\n'),
  );
});

if (!dir) {
  test.skip('unified CRUD spec files not present (set MONGODB_SPEC_CRUD_DIR)', () => undefined);
}

for (const fileName of files) {
  const file = parseUnifiedFile(fs.readFileSync(path.join(dir!, fileName), 'utf8'));
  describe(file.description, () => {
    for (const t of file.tests) {
      const why =
        t.skipReason ??
        DRIVER_SKIPS[`${file.description}: ${t.description}`] ??
        unmetRequirement(file.runOnRequirements, facts!) ??
        unmetRequirement(t.runOnRequirements, facts!);
      if (why) {
        tally.skipped++;
        skipReasons.set(why, (skipReasons.get(why) ?? 0) + 1);
        test.skip(`${t.description} [skipped: ${why}]`, () => undefined);
        continue;
      }
      const name = `${file.description}: ${t.description}`;
      const gap = facts!.embedded ? EMBEDDED_KNOWN_GAPS[name] : undefined;
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
