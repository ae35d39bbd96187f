/**
 * Scenario: an operator turns tracing on and follows one customer-360 request from the gateway through
 * the subgraphs to MongoDB. An in-memory exporter stands in for the OTLP collector. One request must give
 * one trace (the caller's, when it sends a W3C traceparent): the gateway's HTTP span, one `gateway.fetch`
 * span per subgraph fetch of the query plan, each subgraph's HTTP span as the child of the fetch that
 * called it, and the subgraph's MongoDB commands under that.
 */
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SERVICE_ATTRIBUTE, startTracing, type Tracing } from '../../shared/tracing';
import { dataOf, startSubgraphsAndGateway, type SupergraphHarness } from '../helpers/supergraph';

jest.setTimeout(180_000);

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let h: SupergraphHarness;

beforeAll(async () => {
  // Before the harness opens its MongoDB connections: they emit command spans only when tracing is on.
  tracing = startTracing({ serviceName: 'tracing-test', spanProcessor: new SimpleSpanProcessor(exporter) });
  h = await startSubgraphsAndGateway();
  dataOf(
    await h.query(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { givenName: 'Ada', familyName: 'Traced', email: 'ada.traced@example.com' },
    }),
  );
});
afterAll(async () => {
  await h?.stop();
  await tracing?.shutdown();
});

const QUERY = `query TracedCustomers {
  customers(first: 5) { edges { node { id givenName orders(first: 2) { totalCount } tickets(first: 2) { totalCount } } } }
}`;

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const serviceOf = (span: ReadableSpan) => span.attributes[SERVICE_ATTRIBUTE];

/** Runs the query and returns the spans of its trace once the gateway's own HTTP span has ended. */
async function traced(headers: Record<string, string> = {}): Promise<ReadableSpan[]> {
  exporter.reset();
  dataOf(await h.query(QUERY, {}, headers));
  // The gateway's SERVER span ends when its response closes, just after the client has read it.
  for (let i = 0; i < 100 && !exporter.getFinishedSpans().some((s) => serviceOf(s) === 'gateway'); i++)
    await new Promise((r) => setTimeout(r, 10));
  return exporter.getFinishedSpans();
}

it('follows one request from the caller through the gateway and each subgraph to MongoDB in one trace', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const callerSpanId = '00f067aa0ba902b7';
  const spans = await traced({ traceparent: `00-${traceId}-${callerSpanId}-01` });

  expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([traceId]));
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));

  const gatewayHttp = spans.filter((s) => serviceOf(s) === 'gateway');
  expect(gatewayHttp).toHaveLength(1);
  expect(gatewayHttp[0].kind).toBe(SpanKind.SERVER);
  expect(gatewayHttp[0].name).toBe('POST /graphql');
  expect(parentOf(gatewayHttp[0])).toBe(callerSpanId);

  // The plan: customers from marketing, then orders (sales) and tickets (support) for those customers.
  const fetches = spans.filter((s) => s.name === 'gateway.fetch');
  expect(fetches.map((s) => s.attributes.service).sort()).toEqual(['marketing', 'sales', 'support']);

  for (const name of ['marketing', 'sales', 'support']) {
    const fetch = fetches.find((s) => s.attributes.service === name)!;
    // The fetch hangs off the gateway's HTTP span through @apollo/gateway's request/execute spans.
    let ancestor = byId.get(parentOf(fetch)!);
    while (ancestor && ancestor !== gatewayHttp[0]) ancestor = byId.get(parentOf(ancestor)!);
    expect(ancestor).toBe(gatewayHttp[0]);

    const subgraphHttp = spans.filter((s) => serviceOf(s) === name);
    expect(subgraphHttp).toHaveLength(1);
    expect(subgraphHttp[0].kind).toBe(SpanKind.SERVER);
    expect(parentOf(subgraphHttp[0])).toBe(fetch.spanContext().spanId);

    const commands = spans.filter(
      (s) => s.kind === SpanKind.CLIENT && parentOf(s) === subgraphHttp[0].spanContext().spanId,
    );
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command.attributes['db.system.name']).toBe('mongodb');
      expect(command.attributes['db.namespace']).toMatch(new RegExp(`^e2e_${name}`));
    }
  }
  const customersFind = spans.find((s) => s.name === 'find customers');
  expect(customersFind && byId.get(parentOf(customersFind)!)).toBe(
    spans.find((s) => serviceOf(s) === 'marketing'),
  );
  // Spans name the command, never its filter (personal data).
  for (const span of spans) expect(JSON.stringify(span.attributes)).not.toContain('ada.traced');
});

it('starts a new trace per request when the caller sends no traceparent', async () => {
  const first = await traced();
  const second = await traced();
  const roots = (spans: ReadableSpan[]) => spans.filter((s) => parentOf(s) === undefined);
  expect(roots(first).map(serviceOf)).toEqual(['gateway']);
  expect(roots(second).map(serviceOf)).toEqual(['gateway']);
  expect(new Set(first.map((s) => s.spanContext().traceId)).size).toBe(1);
  expect(new Set(second.map((s) => s.spanContext().traceId)).size).toBe(1);
  expect(second[0].spanContext().traceId).not.toBe(first[0].spanContext().traceId);
});
