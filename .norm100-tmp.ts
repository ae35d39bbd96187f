import { normalizeProfile, resolveIdentityConfig, generateSyntheticPeople } from './subgraphs/marketing/src/identity';
const N = Number(process.argv[2] ?? 100000);
const c = resolveIdentityConfig();
const ds = generateSyntheticPeople({ profiles: N, seed: 42 });
console.log('heap after generate MB', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
let t = performance.now();
const out = [];
for (let k = 0; k < ds.profiles.length; k += 10000) {
  const t0 = performance.now();
  for (const p of ds.profiles.slice(k, k + 10000)) out.push(normalizeProfile(p, c));
  process.stdout.write(((performance.now() - t0) / 1000).toFixed(1) + 's ');
}
console.log('\nnormalize total', ((performance.now() - t) / 1000).toFixed(1), 'heap MB', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
