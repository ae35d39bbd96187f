import { generateSyntheticPeople, resolveIdentityConfig, normalizeProfile } from './subgraphs/marketing/src/identity';
const ds = generateSyntheticPeople({ profiles: 10000, seed: 7 });
const config = resolveIdentityConfig();
for (let k = 0; k < 2; k++) {
const t = performance.now();
for (const p of ds.profiles) normalizeProfile(p, config);
console.log('normalize ms', (performance.now() - t).toFixed(0));
}
