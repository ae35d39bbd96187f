import { computeLifecycle } from '../../gateway/src/insights/rules/lifecycle.rules';
import { signalsByCustomer } from '../../tests/unit/seed/demo-signals';
import { buildDocuments } from './documents';
import { generateStory } from './story';
import { EXPECTED_STAGE } from './types';
const asOf = new Date('2026-11-01');
let t = performance.now();
const story = generateStory({ customers: 5000, seed: Number(process.argv[2] ?? 42), asOf });
const tStory = performance.now() - t; t = performance.now();
const docs = buildDocuments(story);
const tDocs = performance.now() - t;
const signals = signalsByCustomer(docs, asOf);
const table = new Map<string, Map<string, number>>();
for (const c of story.customers) {
  if (c.profile.duplicateOf) continue;
  const stage = computeLifecycle(signals.get(c.profile.customerId)!, asOf).stage;
  const row = table.get(c.archetype) ?? new Map(); row.set(stage, (row.get(stage) ?? 0) + 1); table.set(c.archetype, row);
}
for (const [a, row] of table) console.log(a.padEnd(18), EXPECTED_STAGE[a as keyof typeof EXPECTED_STAGE].padEnd(26), [...row].map(([k, v]) => `${k}:${v}`).join(' '));
console.log('story ms', Math.round(tStory), 'documents ms', Math.round(tDocs));
for (const c of story.customers) {
  if (c.profile.duplicateOf || c.archetype !== 'AT_RISK') continue;
  const s = signals.get(c.profile.customerId)!;
  const stage = computeLifecycle(s, asOf);
  if (stage.stage === 'AT_RISK') continue;
  console.log(c.profile.customerId, stage.reasons, JSON.stringify(s.advocacy), c.surveys.map((x) => `${x.surveyId}:${x.score}@${x.answeredAt.toISOString().slice(0, 10)}`).join(' '), c.orders.map((o) => o.placedAt.toISOString().slice(0, 10)).join(','));
}
