/**
 * `node -r @swc-node/register scripts/insights-distribution.ts [--customers 5000] [--seed 42]`: the demo story's
 * distribution of lifecycle stages, value tiers and lifecycle reasons under the current insights rules, from
 * the seeded documents (no database). Value-model facts need a fit and are left null here.
 */
import { computeLifecycle } from '../subgraphs/insights/src/rules/lifecycle.rules';
import { computeCustomerValue } from '../subgraphs/insights/src/rules/value.rules';
import { buildDocuments } from './seed/documents';
import { signalsByCustomer } from './seed/demo-signals';
import { generateStory } from './seed/story';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const asOf = new Date('2026-11-01T00:00:00Z');
const story = generateStory({ customers: arg('customers', 5000), seed: arg('seed', 42), asOf });
const docs = buildDocuments(story);
const signals = signalsByCustomer(docs, asOf);

const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const stages = new Map<string, number>();
const tiers = new Map<string, number>();
const reasons = new Map<string, number>();
let sinceMissing = 0;
for (const s of signals.values()) {
  const l = computeLifecycle(s, asOf);
  count(stages, l.stage);
  if (!l.since) sinceMissing++;
  // Reasons without their figures, so alike reasons group together.
  for (const r of l.reasons) count(reasons, `${l.stage}: ${r.replace(/\d+(\.\d+)?/g, 'N')}`);
  count(tiers, computeCustomerValue(s, asOf).tier);
}
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1])) console.log(`  ${String(v).padStart(6)}  ${k}`);
};
print('Lifecycle stages', stages);
print('Value tiers', tiers);
print('Lifecycle reasons', reasons);
console.log(`\nStages without a since: ${sinceMissing} of ${signals.size}`);
