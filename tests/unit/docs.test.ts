/**
 * The docs match the code: every environment variable a service's config.ts reads is documented, and every
 * relative link in the Markdown docs points at a file (and heading) that exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadGatewayConfig } from '../../gateway/src/config';
import { loadConfig as loadInsightsConfig } from '../../subgraphs/insights/src/config';
import { loadConfig as loadMarketingConfig } from '../../subgraphs/marketing/src/config';
import { loadConfig as loadSalesConfig } from '../../subgraphs/sales/src/config';
import { loadConfig as loadSupportConfig } from '../../subgraphs/support/src/config';

const ROOT = path.resolve(__dirname, '../..');

function markdownFiles(): string[] {
  const docs = path.join(ROOT, 'docs');
  const inDocs = fs.existsSync(docs)
    ? fs
        .readdirSync(docs, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => path.join(docs, f))
    : [];
  return [path.join(ROOT, 'README.md'), ...inDocs];
}

/** The variables a loader looks up: it is handed an environment that records every name asked for. */
function variablesReadBy(load: (env: NodeJS.ProcessEnv) => unknown): Set<string> {
  const read = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_target, key) {
      if (typeof key === 'string' && /^[A-Z][A-Z0-9_]+$/.test(key)) read.add(key);
      return undefined;
    },
  });
  load(env);
  return read;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
}

describe('documentation', () => {
  const docsText = markdownFiles()
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');

  it.each([
    ['gateway', loadGatewayConfig],
    ['marketing', loadMarketingConfig],
    ['sales', loadSalesConfig],
    ['support', loadSupportConfig],
    ['insights', loadInsightsConfig],
  ] as const)('names every environment variable the %s reads', (_name, load) => {
    const read = [...variablesReadBy(load as (env: NodeJS.ProcessEnv) => unknown)];
    expect(read.length).toBeGreaterThan(3);
    const undocumented = read.filter((v) => !new RegExp(`\\b${v}\\b`).test(docsText));
    expect(undocumented).toEqual([]);
  });

  it('has no broken relative link or anchor', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue; // http:, https:, mailto:
        const [rel, anchor] = target.split('#');
        const resolved = rel ? path.resolve(path.dirname(file), rel) : file;
        const where = `${path.relative(ROOT, file)} → ${target}`;
        if (!fs.existsSync(resolved)) broken.push(where);
        else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) broken.push(where);
      }
    }
    expect(broken).toEqual([]);
  });
});
