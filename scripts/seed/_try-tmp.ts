import { generateStory } from './story';
const s = generateStory({ customers: 5000, seed: 42, asOf: new Date('2026-11-01T00:00:00Z') });
const types = new Map<string, number>();
for (const c of s.customers)
  for (const t of c.touchpoints) {
    const k = `${t.type}${t.campaignKey ? ':' + t.campaignKey.replace(/-\d{4}$/, '') : ''}`;
    types.set(k, (types.get(k) ?? 0) + 1);
  }
console.log(
  [...types]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([k, v]) => `${k}:${v}`)
    .join('\n'),
);
