import { findDuplicates, generateSyntheticPeople } from './subgraphs/marketing/src/identity';
const ds = generateSyntheticPeople({ profiles: Number(process.argv[2] ?? 30000), seed: 7 });
const t = performance.now();
const res = findDuplicates(ds.profiles);
console.log((performance.now() - t).toFixed(0), JSON.stringify(res.stats.timingsMs));
