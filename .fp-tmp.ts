import { findDuplicates, generateSyntheticPeople } from './subgraphs/marketing/src/identity';
const ds = generateSyntheticPeople({ profiles: Number(process.argv[2] ?? 30000), seed: 7 });
const res = findDuplicates(ds.profiles);
const byId = new Map(ds.profiles.map(p => [p.id, p]));
const fps = res.autoMerge.pairs.filter(p => byId.get(p.left)!.personId !== byId.get(p.right)!.personId);
const cat = new Map<string, number>();
for (const f of fps) { const k = (f.explanation.rules.length ? 'rule:' + f.explanation.rules.map(r => r.kind).join(',') : 'score') + (byId.get(f.left)!.householdId === byId.get(f.right)!.householdId ? ' same-household' : ' other-household'); cat.set(k, (cat.get(k) ?? 0) + 1); }
console.log('false auto edges', fps.length, Object.fromEntries(cat));
const show = (p: any) => JSON.stringify({ id: p.id, g: p.givenName, f: p.familyName, b: p.birthDate, e: p.emails, ph: p.phones, x: p.externalIds, d: p.deviceIds, a: p.address && [p.address.street, p.address.houseNumber, p.address.postcode], c: p.corruptions });
for (const f of fps.slice(0, Number(process.argv[3] ?? 12))) {
  console.log(show(byId.get(f.left)), '\n  ', show(byId.get(f.right)), '\n   =>', f.explanation.reason, f.explanation.contributions.map(c => `${c.comparison}:${c.level}:${c.matchWeight.toFixed(1)}`).join(' '));
}
// cluster false pairs that are not edges
let clusterFalse = 0; let bigClusters = 0;
for (const c of res.autoMerge.clusters) { const persons = new Set(c.members.map(m => byId.get(m)!.personId)); if (persons.size > 1) clusterFalse++; if (c.members.length > 4) bigClusters++; }
console.log('clusters with >1 person', clusterFalse, 'clusters >4 members', bigClusters, 'of', res.autoMerge.clusters.length);
