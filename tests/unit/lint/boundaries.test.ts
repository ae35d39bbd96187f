/**
 * The import boundaries (eslint.config.mjs, `import-x/no-restricted-paths`) fail `npm run lint` on each
 * kind of violation: code that breaks a rule is linted as if it sat in the folder it names, against the
 * real files it imports, and must be reported; the same import from an allowed place must not be.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '../../..');

/**
 * Lints every case in one child process with ESLint's API and the repository's own eslint.config.mjs
 * (jest's module loader cannot import an ES module config). Returns the boundary errors per case.
 */
function lintAll(cases: Array<{ file: string; code: string }>): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('node:path');
    let input = '';
    process.stdin.on('data', (d) => (input += d)).on('end', async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
      const out = [];
      for (const c of JSON.parse(input)) {
        const [r] = await eslint.lintText(c.code, { filePath: path.join(${JSON.stringify(root)}, c.file) });
        out.push(r.messages.map((m) => m.ruleId + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    });`;
  const stdout = execFileSync(process.execPath, ['-e', script], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return (JSON.parse(stdout) as string[][]).map((messages) =>
    messages.filter((m) => /^import-x\/(no-restricted-paths|no-unresolved):/.test(m)),
  );
}

const VIOLATIONS: Array<[string, string, string, RegExp]> = [
  [
    'a subgraph importing another subgraph',
    'subgraphs/marketing/src/fixture.ts',
    "import { createSalesServer } from '../../sales/src/server';\nexport const x = createSalesServer;\n",
    /The marketing subgraph may import only its own folder and shared\//,
  ],
  [
    'insights importing a subgraph it reads facts from',
    'subgraphs/insights/src/rules/fixture.ts',
    "import { ConsentSource } from '../../../marketing/src/consent/consent.enums';\nexport const x = ConsentSource;\n",
    /The insights subgraph may import only its own folder and shared\//,
  ],
  [
    'a subgraph importing the gateway',
    'subgraphs/sales/src/fixture.ts',
    "import { loadGatewayConfig } from '../../../gateway/src/config';\nexport const x = loadGatewayConfig;\n",
    /The sales subgraph may import only/,
  ],
  [
    'the gateway importing a subgraph',
    'gateway/src/fixture.ts',
    "import { buildInsightsSchema } from '../../subgraphs/insights/src/schema';\nexport const x = buildInsightsSchema;\n",
    /The gateway imports no subgraph/,
  ],
  [
    'shared importing a service',
    'shared/money/fixture.ts',
    "import { loadGatewayConfig } from '../../gateway/src/config';\nexport const x = loadGatewayConfig;\n",
    /shared\/ is below every service/,
  ],
  [
    'production code importing a test helper',
    'shared/money/fixture.ts',
    "import { testMongoUri } from '../../tests/helpers/mongo';\nexport const x = testMongoUri;\n",
    /Production code imports nothing from tests\/, bench\/ or scripts\//,
  ],
  [
    'production code importing a script',
    'gateway/src/fixture.ts',
    "import { seedDemoData } from '../../scripts/seed';\nexport const x = seedDemoData;\n",
    /Production code imports nothing from tests\/, bench\/ or scripts\//,
  ],
  [
    'the gateway importing a bench',
    'gateway/src/fixture.ts',
    "import '../../bench/identity.bench';\n",
    /Production code imports nothing from tests\/, bench\/ or scripts\//,
  ],
  [
    'an import that resolves nowhere (it would slip past the rules above)',
    'subgraphs/support/src/fixture.ts',
    "import { x } from '../../nowhere/src/x';\nexport const y = x;\n",
    /import-x\/no-unresolved/,
  ],
];

const ALLOWED: Array<[string, string, string]> = [
  [
    'a subgraph importing shared/ and the contract',
    'subgraphs/insights/src/fixture.ts',
    "import { NpsCategory } from '../../../shared/contract';\nimport { toMajorUnits } from '../../../shared/money/money';\nexport const x = [NpsCategory, toMajorUnits];\n",
  ],
  [
    'a subgraph importing its own modules and packages',
    'subgraphs/sales/src/fixture.ts',
    "import { z } from 'zod';\nimport { loadConfig } from './config';\nexport const x = [z, loadConfig];\n",
  ],
  [
    'a test importing anything',
    'tests/unit/fixture.test.ts',
    "import { createSalesServer } from '../../subgraphs/sales/src/server';\nimport { createGateway } from '../../gateway/src/server';\nexport const x = [createSalesServer, createGateway];\n",
  ],
];

let reported: string[][];
beforeAll(() => {
  reported = lintAll([...VIOLATIONS, ...ALLOWED].map(([, file, code]) => ({ file, code })));
});

describe('import boundaries', () => {
  it.each(VIOLATIONS.map((v, i) => [...v, i] as const))('reports %s', (_what, _file, _code, expected, i) => {
    expect(reported[i]).toEqual([expect.stringMatching(expected)]);
  });

  it.each(ALLOWED.map((a, i) => [...a, VIOLATIONS.length + i] as const))('allows %s', (_what, _f, _c, i) => {
    expect(reported[i]).toEqual([]);
  });
});
