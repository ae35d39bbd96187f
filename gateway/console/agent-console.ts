/**
 * The agent console (browser code; the gateway compiles it with swc when it starts). An agent types what
 * the caller gives — phone, email, name or order number — picks the profile, and reads the whole context
 * from ONE GraphQL request (AgentContext). It uses only the public API, with the operations and types
 * generated from agent-console.graphql, and the bearer token the agent signed in with.
 */
// The browser loads the module the gateway compiles from classify-query.ts under this name.
// eslint-disable-next-line import-x/no-unresolved
import { classifyAgentQuery } from './classify-query.js';
import type {
  AgentContextQuery,
  AgentCustomerSummaryFragment,
  AgentFindByIdentifierQuery,
  AgentFindByOrderQuery,
  AgentSearchQuery,
} from './agent-console.generated';

interface ConsoleBootstrap {
  graphqlPath: string;
  /** agent-console.graphql: every operation, sent whole with an operationName. */
  document: string;
  /** Development only: a demo agent token, so the console works out of the box. */
  demoToken?: string;
}

type Child = Node | string | null | undefined | false;

const boot = JSON.parse(document.getElementById('console-bootstrap')!.textContent!) as ConsoleBootstrap;
const TOKEN_KEY = 'c360.console.token';

/** Element builder: text always goes through text nodes, so nothing from the API is parsed as HTML. */
function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const $ = (id: string) => document.getElementById(id)!;
const when = (iso: unknown) => (typeof iso === 'string' ? new Date(iso).toLocaleString() : '—');
const label = (s: string) => s.toLowerCase().replace(/_/g, ' ');

function token(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? boot.demoToken;
}

class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function run<T>(operationName: string, variables: Record<string, unknown>): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'apollo-require-preflight': 'true',
  };
  const bearer = token();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const res = await fetch(boot.graphqlPath, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: boot.document, operationName, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  // Partial answers still render: a field whose subgraph failed is null and its error is listed.
  if (body.data) {
    if (body.errors?.length) showNotice(body.errors.map((e) => e.message).join(' · '));
    return body.data;
  }
  const first = body.errors?.[0];
  throw new GraphQLRequestError(first?.message ?? `HTTP ${res.status}`, first?.extensions?.code);
}

function showNotice(text: string): void {
  $('notice').replaceChildren(text ? h('p', { class: 'notice' }, text) : '');
}

async function search(input: string): Promise<void> {
  const q = classifyAgentQuery(input);
  showNotice('');
  $('context').replaceChildren();
  if (q.kind === 'EMPTY') return;
  let found: AgentCustomerSummaryFragment[];
  let what: string;
  if (q.kind === 'ORDER') {
    const data = await run<AgentFindByOrderQuery>('AgentFindByOrder', { number: q.value });
    found = data.orderByNumber?.customer ? [data.orderByNumber.customer] : [];
    what = 'order';
  } else if (q.kind === 'NAME') {
    const data = await run<AgentSearchQuery>('AgentSearch', { search: q.value });
    found = data.customers.edges.map((e) => e.node);
    what = 'name';
  } else {
    const data = await run<AgentFindByIdentifierQuery>('AgentFindByIdentifier', {
      kind: q.kind,
      value: q.value,
    });
    found = data.customersByIdentifier;
    what = q.kind === 'PHONE' ? 'phone' : 'email';
  }
  renderMatches(found, what);
  if (found.length === 1) await open(found[0].id);
}

function renderMatches(found: AgentCustomerSummaryFragment[], what: string): void {
  const list = h(
    'ul',
    { class: 'matches' },
    ...found.map((c) => {
      const button = h(
        'button',
        { type: 'button', 'data-customer-id': c.id },
        c.displayName ?? '(no name)',
        h('small', {}, ` ${c.email ?? ''} ${c.demographics.city ?? ''} ${c.demographics.country ?? ''}`),
      );
      button.addEventListener('click', () => void open(c.id).catch(fail));
      return h('li', {}, button);
    }),
  );
  const heading =
    found.length === 0
      ? h('p', { class: 'empty' }, `No customer found for this ${what}.`)
      : found.length > 1 && (what === 'phone' || what === 'email')
        ? h(
            'p',
            { class: 'warning', id: 'shared-identifier' },
            `${found.length} profiles share this ${what}.`,
          )
        : null;
  $('matches').replaceChildren(...([heading, found.length ? list : null].filter(Boolean) as Node[]));
}

function section(title: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'card', 'data-section': title.toLowerCase() },
    h('h2', {}, title),
    ...children,
  );
}

/** A part whose owning service failed is null in a partial answer: say so instead of showing nothing. */
function orUnavailable<T>(value: T | null, render: (v: T) => Child[]): Child[] {
  return value === null ? [h('p', { class: 'empty unavailable' }, 'Not available right now.')] : render(value);
}

function table(head: string[], rows: Child[][]): HTMLElement {
  if (!rows.length) return h('p', { class: 'empty' }, 'None.');
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', {}, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))),
  );
}

async function open(id: string): Promise<void> {
  const data = await run<AgentContextQuery>('AgentContext', { id });
  const c = data.customer;
  if (!c) {
    $('context').replaceChildren(h('p', { class: 'empty' }, 'This customer no longer exists.'));
    return;
  }
  const v = c.value;
  const contact = c.contact;
  const candidates = data.matchCandidates.filter((m) => m.customerId !== c.id);
  $('context').replaceChildren(
    section(
      'Identity',
      h('p', { class: 'name', id: 'customer-name' }, c.displayName ?? '(no name)'),
      h('p', {}, 'Email: ', h('span', { id: 'customer-email' }, c.email ?? '—')),
      h(
        'p',
        {},
        'Phone: ',
        h('span', { id: 'customer-phone' }, c.phones.map((p) => p.number).join(', ') || '—'),
      ),
      h('p', {}, `Language ${c.language ?? '—'} · time zone ${c.timeZone ?? '—'}`),
      c.resolvedFrom
        ? h('p', { class: 'warning' }, `Profile ${c.resolvedFrom} was merged into this one.`)
        : null,
      candidates.length
        ? h(
            'p',
            { class: 'warning', id: 'merge-suggestion' },
            `Possible duplicate: ${candidates
              .map(
                (m) =>
                  `${m.customer?.displayName ?? m.customerId} (${Math.round(m.probability * 100)} %, ${label(m.decision)})`,
              )
              .join('; ')} — suggest a merge to a supervisor.`,
          )
        : null,
    ),
    section(
      'Lifecycle',
      ...orUnavailable(c.lifecycle, (l) => [
        h('p', { class: 'stage', id: 'lifecycle-stage' }, label(l.stage)),
        h('p', {}, `since ${when(l.since)}`),
        h('ul', {}, ...l.reasons.map((r) => h('li', {}, r))),
      ]),
    ),
    section(
      'Value',
      ...orUnavailable(v, (v) => [
        h('p', { id: 'value-tier' }, `${label(v.tier)} · score ${v.score}`),
        h('p', {}, `${v.orderCount} orders · ${v.totalRevenue.formatted} · last order ${v.daysSinceLastOrder ?? '—'} days ago`),
        h(
          'p',
          {},
          `12-month CLV ${v.predictedLifetimeValue?.formatted ?? '—'} · P(active) ${
            v.probabilityAlive === null ? '—' : `${Math.round(v.probabilityAlive * 100)} %`
          } · RFM ${v.rfm ? label(v.rfm.segment) : '—'} · NPS ${v.npsCategory ? label(v.npsCategory) : '—'}`,
        ),
      ]),
    ),
    section(
      'Contact',
      ...orUnavailable(contact, (contact) => [
        h(
          'p',
          { id: 'contact-verdict', class: contact.contactableNow ? 'ok' : 'warning' },
          contact.contactableNow
            ? `May be contacted now${contact.channel ? ` by ${label(contact.channel)}` : ''}${contact.bestHour !== null ? `, best around ${contact.bestHour}:00` : ''}.`
            : 'Do not offer a promotion now.',
        ),
        h('ul', {}, ...contact.reasons.map((r) => h('li', {}, r))),
      ]),
    ),
    section(
      'Orders',
      ...orUnavailable(c.orders, (orders) => [
        table(
          ['Order', 'Placed', 'Status', 'Total', 'Returns'],
          orders.edges.map(({ node: o }) => [
            o.orderNumber,
            when(o.placedAt),
            label(o.status),
            o.total.formatted,
            o.returns.map((r) => `${label(r.reason)} ${r.amount.formatted}`).join(', ') || '—',
          ]),
        ),
      ]),
    ),
    section(
      'Tickets',
      ...orUnavailable(c.supportStats, (s) => [
        h('p', {}, `${s.openTickets} open · ${s.openComplaints} open complaints · satisfaction ${s.averageSatisfaction?.toFixed(1) ?? '—'}`),
      ]),
      ...orUnavailable(c.tickets, (tickets) => [
        table(
          ['Subject', 'Category', 'Status', 'Sentiment', 'Opened'],
          tickets.edges.map(({ node: t }) => [t.subject, label(t.category), label(t.status), label(t.sentiment), when(t.openedAt)]),
        ),
      ]),
    ),
    section(
      'Calls and chats',
      ...orUnavailable(c.interactions, (interactions) => [
        table(
          ['Kind', 'Direction', 'When', 'Summary', 'Sentiment'],
          interactions.edges.map(({ node: i }) => [
            label(i.kind),
            label(i.direction),
            when(i.startedAt),
            i.summary ?? '—',
            i.sentiment ? label(i.sentiment) : '—',
          ]),
        ),
      ]),
    ),
  );
}

function fail(err: unknown): void {
  const code = err instanceof GraphQLRequestError && err.code ? ` (${err.code})` : '';
  showNotice(`${err instanceof Error ? err.message : String(err)}${code}`);
}

$('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = ($('q') as HTMLInputElement).value;
  void search(input).catch(fail);
});
$('token').addEventListener('change', (event) => {
  const value = (event.target as HTMLInputElement).value.trim();
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
});
