/*
 * What a query really costs, next to what the cost model (shared/server/query-cost.ts) charges for it. Run
 * against a running gateway with data (`npm start` seeds 5,000 demo customers), one request at a time:
 *
 *   MAX_QUERY_COST=1000000 npm start          # in another terminal: no limit while measuring
 *   npm run bench:query-cost -- --url http://127.0.0.1:4000/graphql [--token <bearer>] [--runs 7]
 *
 * For each shape (the README's example selection at several page sizes, ids only, many scalars, nested
 * lists) it prints the model's cost, the median time of `--runs` requests after a warm-up, the objects and
 * scalar values in the response, and milliseconds per 1,000 cost units: the weights are right when that
 * last column stays roughly flat across shapes, and MAX_QUERY_COST is then a time budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { operationCost } from '../shared/server/query-cost';
import { EXAMPLE_QUERY } from '../scripts/start';
import { withoutSecurityPurpose } from '../gateway/src/supergraph';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const URL = option('url') ?? 'http://127.0.0.1:4000/graphql';
const TOKEN = option('token');
const RUNS = Number(option('runs') ?? 7);

const page = (n: number) => EXAMPLE_QUERY.replace('customers(first: 5,', `customers(first: ${n},`);
const SHAPES: Array<[string, string]> = [
  ['example selection, first 10', page(10)],
  ['example selection, first 25', page(25)],
  ['example selection, first 50', page(50)],
  ['example selection, first 100', page(100)],
  ['ids only, first 100', '{ customers(first: 100) { edges { node { id } } } }'],
  [
    'value (predictions), first 100',
    `{ customers(first: 100) { edges { node { id value { tier score probabilityAlive expectedPurchases(days: 90)
      predictedLifetimeValue(months: 12) { formatted } rfm { score segment } } } } } }`,
  ],
  [
    'lifecycle, first 100',
    '{ customers(first: 100) { edges { node { id lifecycle { stage since reasons } } } } }',
  ],
  [
    'contact, first 100',
    '{ customers(first: 100) { edges { node { id contact { contactableNow channel reasons } } } } }',
  ],
  [
    '14 scalars, first 100',
    `{ customers(first: 100) { edges { node { id givenName familyName displayName email language timeZone
      status createdAt updatedAt birthDate householdId mergedInto resolvedFrom } } } }`,
  ],
  [
    'orders(first: 20) of 20 customers',
    `{ customers(first: 20) { edges { node { id orders(first: 20) { edges { node { orderNumber status
      total { formatted } items { sku quantity } } } } } } } }`,
  ],
  [
    'tickets(first: 10) of 50 customers',
    `{ customers(first: 50) { edges { node { id tickets(first: 10) { edges { node { subject status
      category sentiment } } } } } } }`,
  ],
];

/** Objects and scalar values in a JSON response. */
function countValues(value: unknown, out = { objects: 0, scalars: 0 }) {
  if (Array.isArray(value)) for (const v of value) countValues(v, out);
  else if (value && typeof value === 'object') {
    out.objects++;
    for (const v of Object.values(value)) countValues(v, out);
  } else if (value !== null && value !== undefined) out.scalars++;
  return out;
}

async function timed(query: string) {
  const started = performance.now();
  const res = await fetch(URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(TOKEN ? { authorization: `Bearer ${TOKEN}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  const ms = performance.now() - started;
  if (body.errors?.length) throw new Error(`${body.errors[0].message} (HTTP ${res.status})`);
  return { ms, data: body.data };
}

async function main(): Promise<void> {
  const supergraph = fs.readFileSync(
    path.join(__dirname, '../gateway/supergraph/supergraph.graphql'),
    'utf8',
  );
  const schema = Supergraph.build(withoutSecurityPurpose(supergraph)).apiSchema().toGraphQLJSSchema();
  console.log(`query cost vs time at ${URL}, median of ${RUNS} sequential requests after one warm-up\n`);
  const header = `${'shape'.padEnd(38)}${'cost'.padStart(8)}${'ms'.padStart(9)}${'objects'.padStart(9)}${'scalars'.padStart(9)}${'ms/1k cost'.padStart(12)}`;
  console.log(`${header}\n${'-'.repeat(header.length)}`);
  for (const [name, query] of SHAPES) {
    const cost = operationCost({ schema, document: parse(query) });
    const { data } = await timed(query);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await timed(query)).ms);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const { objects, scalars } = countValues(data);
    console.log(
      `${name.padEnd(38)}${String(cost).padStart(8)}${median.toFixed(1).padStart(9)}${String(objects).padStart(9)}` +
        `${String(scalars).padStart(9)}${((median / cost) * 1000).toFixed(1).padStart(12)}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
