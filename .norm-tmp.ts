import { normalizeProfile, resolveIdentityConfig, generateSyntheticPeople } from './subgraphs/marketing/src/identity';
const c = resolveIdentityConfig();
const ds = generateSyntheticPeople({ profiles: 30000, seed: 7 });
const ds2 = generateSyntheticPeople({ profiles: 30000, seed: 8 });
for (const p of ds2.profiles) normalizeProfile(p, c);
const t = performance.now();
for (const p of ds.profiles) normalizeProfile(p, c);
console.log('normalize 30k (fresh values, warm code)', (performance.now() - t).toFixed(0));
