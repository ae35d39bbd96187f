import { generateStory } from './story';
const s = generateStory({ customers: 5000, seed: 42, asOf: new Date('2026-11-01T00:00:00Z') });
const sum = (f: (c: (typeof s.customers)[number]) => number) => s.customers.reduce((a, c) => a + f(c), 0);
console.log('touchpoints', sum((c) => c.touchpoints.length), 'orders', sum((c) => c.orders.length), 'returns', sum((c) => c.returns.length), 'tickets', sum((c) => c.tickets.length));
