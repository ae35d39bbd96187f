/**
 * `npm run compose`: builds the SDL of every subgraph from code, composes them with @apollo/composition
 * and writes gateway/supergraph/supergraph.graphql. Prints composition hints; exits 1 on errors.
 * `npm run compose:check` (CI): composes without writing and exits 1 when the committed file differs.
 */
import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SUPERGRAPH_PATH, composeFromCode, readCommittedSupergraph } from './supergraph/compose-supergraph';

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const result = await composeFromCode();
  for (const hint of result.hints) console.warn(`hint ${hint.code}: ${hint.message}`);
  if (!result.supergraphSdl) {
    console.error(`Composition failed with ${result.errors.length} error(s):`);
    for (const error of result.errors) console.error(`  - ${error}`);
    return 1;
  }
  const relative = path.relative(process.cwd(), SUPERGRAPH_PATH);
  const committed = await readCommittedSupergraph();
  if (check) {
    if (committed === result.supergraphSdl) {
      console.log(`${relative} is up to date (${result.hints.length} hint(s)).`);
      return 0;
    }
    console.error(
      committed === undefined
        ? `${relative} is missing: run \`npm run compose\` and commit it.`
        : `${relative} is stale: the subgraphs changed. Run \`npm run compose\` and commit the result.`,
    );
    return 1;
  }
  if (committed === result.supergraphSdl) {
    console.log(`${relative} unchanged (${result.hints.length} hint(s)).`);
    return 0;
  }
  await fs.mkdir(path.dirname(SUPERGRAPH_PATH), { recursive: true });
  await fs.writeFile(SUPERGRAPH_PATH, result.supergraphSdl);
  console.log(`Wrote ${relative} (${result.hints.length} hint(s)).`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
