import { computeLifecycle } from '../../gateway/src/insights/rules/lifecycle.rules';
import { signalsByCustomer } from '../../tests/unit/seed/demo-signals';
import { buildDocuments } from './documents';
import { generateStory } from './story';
import { EXPECTED_STAGE } from './types';
const asOf = new Date('2026-11-01');
const story = generateStory({ customers: Number(process.argv[2] ?? 2000), seed: Number(process.argv[3] ?? 42), asOf });
const docs = buildDocuments(story);
const signals = signalsByCustomer(docs, asOf);
const table = new Map<string, Map<string, number>>();
const bad: string[] = [];
for (const c of story.customers) {
  if (c.profile.duplicateOf) continue;
  const stage = computeLifecycle(signals.get(c.profile.customerId)!, asOf);
  const row = table.get(c.archetype) ?? new Map(); row.set(stage.stage, (row.get(stage.stage) ?? 0) + 1); table.set(c.archetype, row);
  if (stage.stage !== EXPECTED_STAGE[c.archetype] && bad.length < 15) bad.push(`${c.archetype} → ${stage.stage}: ${stage.reasons.join('; ')}`);
}
for (const [a, row] of table) console.log(a.padEnd(18), [...row].map(([k, v]) => `${k}:${v}`).join(' '));
console.log(bad.join('\n'));
