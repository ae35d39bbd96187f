import { generateStory } from './story';
const t = performance.now();
const s = generateStory({ customers: Number(process.argv[2] ?? 5000), seed: 42, asOf: new Date('2026-11-01T00:00:00Z') });
const ms = performance.now() - t;
const sum = (f: (c: (typeof s.customers)[number]) => number) => s.customers.reduce((a, c) => a + f(c), 0);
console.log('ms', Math.round(ms), 'customers', s.customers.length, 'dups', s.customers.filter((c) => c.profile.duplicateOf).length);
console.log('touchpoints', sum((c) => c.touchpoints.length), 'orders', sum((c) => c.orders.length), 'returns', sum((c) => c.returns.length), 'tickets', sum((c) => c.tickets.length), 'surveys', sum((c) => c.surveys.length), 'reviews', sum((c) => c.reviews.length), 'referrals', sum((c) => c.referrals.length));
const by = new Map<string, number[]>();
for (const c of s.customers) { if (c.profile.duplicateOf) continue; const v = by.get(c.archetype) ?? [0, 0, 0]; v[0]++; v[1] += c.touchpoints.length; v[2] += c.orders.length; by.set(c.archetype, v); }
for (const [k, v] of by) console.log(k, v[0], 'tp/c', (v[1] / v[0]).toFixed(1), 'orders/c', (v[2] / v[0]).toFixed(2));
const types = new Map<string, number>(); for (const c of s.customers) for (const t of c.touchpoints) types.set(t.type, (types.get(t.type) ?? 0) + 1);
console.log([...types].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' '));
