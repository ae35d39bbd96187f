import { generateSyntheticPeople, resolveIdentityConfig, normalizeProfile, truePairsOf } from './subgraphs/marketing/src/identity';
import { prepareForComparison, ValueInterner, ComparisonContext, comparisonSettings, COMPARISON_COUNT } from './subgraphs/marketing/src/identity/comparison';
import { trainModel, comparePairs } from './subgraphs/marketing/src/identity/fellegi-sunter';
const N = Number(process.argv[2] ?? 5000);
const ds = generateSyntheticPeople({ profiles: N, seed: 11 });
const config = resolveIdentityConfig();
const interner = new ValueInterner();
const prepared = ds.profiles.map((p, i) => prepareForComparison(normalizeProfile(p, config), i, interner));
const t = performance.now();
const model = trainModel(prepared, config);
console.log('train ms', (performance.now() - t).toFixed(0), JSON.stringify(model.training.sessions), model.priorMatchProbability);
const idx = new Map(ds.profiles.map((p, i) => [p.id, i]));
const tp = truePairsOf(ds.profiles);
const pairs = { left: Int32Array.from(tp, ([a]) => idx.get(a)!), right: Int32Array.from(tp, ([, b]) => idx.get(b)!), count: tp.length };
const lv = comparePairs(prepared, pairs, new ComparisonContext(comparisonSettings(config)));
model.comparisons.forEach((c, k) => {
  const counts = new Array(c.levels.length).fill(0); let tot = 0;
  for (let p = 0; p < lv.count; p++) { const l = lv.levels[p * COMPARISON_COUNT + k]; if (l >= 0) { counts[l]++; tot++; } }
  console.log(c.name.padEnd(10), c.levels.map((l, i) => `${l.id}: em ${l.m.toFixed(3)} truth ${(counts[i] / tot).toFixed(3)}`).join(' | '));
});
console.log('true match share of all pairs', tp.length / (N * (N - 1) / 2));
