import { generateSyntheticPeople, resolveIdentityConfig, normalizeProfile, truePairsOf } from './subgraphs/marketing/src/identity';
import { PREDICTION_BLOCKING_RULES } from './subgraphs/marketing/src/identity/blocking';
import { prepareForComparison, ValueInterner } from './subgraphs/marketing/src/identity/comparison';
const ds = generateSyntheticPeople({ profiles: Number(process.argv[2] ?? 30000), seed: 7 });
const config = resolveIdentityConfig();
const interner = new ValueInterner();
const prepared = ds.profiles.map((p, i) => prepareForComparison(normalizeProfile(p, config), i, interner));
const idx = new Map(ds.profiles.map((p, i) => [p.id, i]));
const keys = prepared.map(p => PREDICTION_BLOCKING_RULES.map(r => new Set(r.keys(p))));
const pairs = truePairsOf(ds.profiles);
const only = new Map<string, number>(); let none = 0; const by = new Map<string, number>();
const missed: any[] = [];
for (const [a, b] of pairs) {
  const i = idx.get(a)!, j = idx.get(b)!;
  const hit = PREDICTION_BLOCKING_RULES.map((r, k) => [...keys[i][k]].some(x => keys[j][k].has(x)));
  const names = PREDICTION_BLOCKING_RULES.filter((_, k) => hit[k]).map(r => r.name);
  for (const n of names) by.set(n, (by.get(n) ?? 0) + 1);
  if (names.length === 0) { none++; if (missed.length < 6) missed.push([ds.profiles[i], ds.profiles[j]]); }
  if (names.length === 1) only.set(names[0], (only.get(names[0]) ?? 0) + 1);
}
console.log('true pairs', pairs.length, 'missed by all', none, 'recall', 1 - none / pairs.length);
console.log('caught by', Object.fromEntries(by)); console.log('only by', Object.fromEntries(only));
for (const [x, y] of missed) console.log(JSON.stringify({g: x.givenName, f: x.familyName, b: x.birthDate, e: x.emails, ph: x.phones, a: x.address, c: x.corruptions}), '\n ', JSON.stringify({g: y.givenName, f: y.familyName, b: y.birthDate, e: y.emails, ph: y.phones, a: y.address, c: y.corruptions}));
import { generateCandidatePairs } from './subgraphs/marketing/src/identity/blocking';
const c = generateCandidatePairs(prepared, PREDICTION_BLOCKING_RULES, 400);
console.log('candidates', c.count, c.rules.map(r => r.rule + ':' + r.newPairs).join(' '));
