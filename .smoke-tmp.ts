import { generateSyntheticPeople, findDuplicates, truePairsOf } from './subgraphs/marketing/src/identity';
const N = Number(process.argv[2] ?? 10000);
let t = performance.now();
const ds = generateSyntheticPeople({ profiles: N, seed: 7 });
console.log('generated', ds.profiles.length, 'persons', ds.persons, 'truePairs', ds.truePairs, (performance.now()-t).toFixed(0), 'ms');
console.log(JSON.stringify(ds.profiles.slice(0,4), null, 1));
t = performance.now();
const res = findDuplicates(ds.profiles);
console.log('findDuplicates ms', (performance.now()-t).toFixed(0));
console.log(JSON.stringify(res.stats, null, 1));
console.log(JSON.stringify(res.model.comparisons.map(c => [c.name, c.levels.map(l => [l.id, l.m.toFixed(4), l.u.toExponential(2)])])), res.model.priorMatchProbability, JSON.stringify(res.model.training.sessions));
const person = new Map(ds.profiles.map(p => [p.id, p.personId]));
const truth = new Set(truePairsOf(ds.profiles).map(([a,b]) => a < b ? a+'|'+b : b+'|'+a));
const key = (a: string, b: string) => a < b ? a+'|'+b : b+'|'+a;
const autoTP = res.autoMerge.pairs.filter(p => person.get(p.left) === person.get(p.right)).length;
console.log('auto pairs', res.autoMerge.pairs.length, 'precision', autoTP / res.autoMerge.pairs.length);
const found = new Set([...res.autoMerge.pairs, ...res.review].map(p => key(p.left, p.right)));
// cluster-implied pairs count too
for (const c of res.autoMerge.clusters) for (let i=0;i<c.members.length;i++) for (let j=i+1;j<c.members.length;j++) found.add(key(c.members[i], c.members[j]));
let rec = 0; for (const t of truth) if (found.has(t)) rec++;
console.log('recall@review', rec / truth.size);
const reviewTP = res.review.filter(p => person.get(p.left) === person.get(p.right)).length;
console.log('review pairs', res.review.length, 'review precision', reviewTP / res.review.length);
// false positives sample
const fps = res.autoMerge.pairs.filter(p => person.get(p.left) !== person.get(p.right)).slice(0, 5);
const byId = new Map(ds.profiles.map(p => [p.id, p]));
for (const fp of fps) console.log('FP', JSON.stringify(byId.get(fp.left)), '\n  ', JSON.stringify(byId.get(fp.right)), '\n  ', fp.explanation.reason);
