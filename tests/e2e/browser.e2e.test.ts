/**
 * A newcomer and a support agent in a real browser (Debian's Chromium through playwright-core), with every
 * host but this machine unreachable: the landing page falls back from Apollo Sandbox (CDN) to the offline
 * explorer, which runs the example query; the agent console finds a caller by a phone two profiles share
 * and shows the whole context. Screenshots go to tests/artifacts/.
 */
import { asRole } from '../helpers/auth';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { seedDemoData } from '../../scripts/seed';
import { startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../artifacts');

let harness: SupergraphHarness;
let browser: Browser;
let context: BrowserContext;
/** Requests the page tried to send to other hosts (all refused). */
const offHost: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (CI does), or set CHROMIUM_PATH.`);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  harness = await startSubgraphsAndGateway();
  await seedDemoData({
    marketing: harness.connections.marketing,
    sales: harness.connections.sales,
    support: harness.connections.support,
    customers: 400,
    seed: 42,
    existing: 'drop',
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The network is "off": names other than this machine do not resolve.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const own = new URL(harness.baseUrl).host;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.host === own) return route.continue();
    offHost.push(url.href);
    return route.abort('internetdisconnected');
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

test('offline, the landing page falls back to the explorer, which runs the example query', async () => {
  const page = await context.newPage();
  await page.goto(`${harness.baseUrl}/`);
  await page.waitForURL(/\/explorer$/, { timeout: 15_000 });
  expect(offHost.some((u) => u.startsWith('https://embeddable-sandbox.cdn.apollographql.com/'))).toBe(true);

  const query =
    '{ customers(first: 3, sort: FAMILY_NAME_ASC) { totalCount edges { node { id familyName } } } }';
  await page.goto(`${harness.baseUrl}/explorer?query=${encodeURIComponent(query)}`);
  await page.locator('.graphiql-execute-button').click();
  // A string predicate: it runs in the page, where `document` exists (this file is type-checked for Node).
  await page.waitForFunction(
    `document.querySelector('.graphiql-response')?.textContent?.includes('"totalCount"')`,
    undefined,
    { timeout: 20_000 },
  );
  expect(await page.locator('.graphiql-response').innerText()).toContain('"totalCount": 400');
  await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-offline.png') });
  // Everything the explorer needed came from this gateway.
  expect(offHost.filter((u) => !u.startsWith('https://embeddable-sandbox.cdn.apollographql.com/'))).toEqual(
    [],
  );
});

test('the agent console finds a caller by a shared phone and shows the whole context in one request', async () => {
  // A number two live profiles share in the demo data (a household landline).
  const [shared] = await harness.connections.marketing
    .collection('customers')
    .aggregate<{ _id: string; ids: string[] }>([
      { $match: { status: 'ACTIVE' } },
      { $unwind: '$phones' },
      { $group: { _id: '$phones.number', ids: { $addToSet: '$_id' } } },
      { $match: { 'ids.1': { $exists: true }, 'ids.2': { $exists: false } } },
      { $sort: { _id: 1 } },
      { $limit: 1 },
    ])
    .toArray();
  expect(shared).toBeDefined();

  const page = await context.newPage();
  const graphqlBodies: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/graphql')) graphqlBodies.push(req.postData() ?? '');
  });
  await page.goto(`${harness.baseUrl}/console`);
  await page.fill('#q', shared._id);
  await page.click('button[type=submit]');
  await page.locator('#shared-identifier').waitFor();
  expect(await page.locator('#shared-identifier').textContent()).toBe('2 profiles share this phone.');
  const buttons = page.locator('.matches button');
  expect(await buttons.count()).toBe(2);
  const chosen = await buttons.first().getAttribute('data-customer-id');
  expect(shared.ids).toContain(chosen);

  graphqlBodies.length = 0;
  await buttons.first().click();
  await page.locator('#lifecycle-stage').waitFor();
  for (const title of ['identity', 'lifecycle', 'value', 'contact', 'orders', 'tickets', 'calls and chats']) {
    expect(await page.locator(`[data-section="${title}"]`).count()).toBe(1);
  }
  // The context is one GraphQL request.
  expect(graphqlBodies.map((b) => JSON.parse(b).operationName)).toEqual(['AgentContext']);

  // What the page shows is what the API says for that customer, to the agent whose token the page uses
  // (personal data masked).
  const api = await harness.query<{
    customer: { displayName: string; lifecycle: { stage: string }; contact: { contactableNow: boolean } };
  }>(
    'query($id: ID!) { customer(id: $id) { displayName lifecycle { stage } contact { contactableNow } } }',
    { id: chosen },
    await asRole('agent'),
  );
  const customer = api.data!.customer;
  expect(await page.locator('#customer-name').textContent()).toBe(customer.displayName);
  expect(await page.locator('#lifecycle-stage').textContent()).toBe(
    customer.lifecycle.stage.toLowerCase().replace(/_/g, ' '),
  );
  expect(await page.locator('#contact-verdict').getAttribute('class')).toBe(
    customer.contact.contactableNow ? 'ok' : 'warning',
  );
  await page.screenshot({ path: path.join(ARTIFACTS, 'agent-console.png'), fullPage: true });
});
