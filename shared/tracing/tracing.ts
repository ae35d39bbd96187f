import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { RequestHandler } from 'express';

/** Instrumentation scope of every span this project creates itself (@apollo/gateway names its own). */
export const TRACER_NAME = 'customer-360';

/** Span attribute naming the service that handled a request (several run in one process under `npm start`). */
export const SERVICE_ATTRIBUTE = 'c360.service';

export interface TracingOptions {
  /** `service.name` of the exported resource. */
  serviceName: string;
  /** OTLP/HTTP traces endpoint (…/v1/traces). Ignored when `spanProcessor` is given. */
  otlpTracesUrl?: string;
  /** Replaces the batching OTLP exporter (tests pass an in-memory exporter). */
  spanProcessor?: SpanProcessor;
}

export interface Tracing {
  /** Flushes pending spans and unregisters the provider. */
  shutdown(): Promise<void>;
}

let started = false;

/**
 * Registers a global tracer provider: AsyncLocalStorage context, W3C trace context + baggage propagation,
 * and batched OTLP/HTTP export. Without it the OpenTelemetry API is a no-op, which is the default (tracing
 * is off unless a service's config names an endpoint). No module patching: the spans come from
 * @apollo/gateway's own instrumentation, the HTTP middleware below and driver command events.
 */
export function startTracing(opts: TracingOptions): Tracing {
  const processor =
    opts.spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter({ url: opts.otlpTracesUrl }));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': opts.serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  started = true;
  return {
    async shutdown() {
      started = false;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Whether this process exports traces (connections opened afterwards emit command spans). */
export function tracingStarted(): boolean {
  return started;
}

/** Whether a span is being recorded in the current context: work outside any traced request is not traced. */
export function insideRecordedSpan(): boolean {
  return trace.getSpan(context.active())?.isRecording() ?? false;
}

/**
 * Express middleware for /graphql: one SERVER span per request, child of the caller's `traceparent`,
 * active while the request is handled so the GraphQL work (the gateway's fetches, a subgraph's database
 * commands) nests under it. Mounted after body parsing, whose stream events would lose the context.
 */
export function traceRequests(service: string): RequestHandler {
  return (req, res, next) => {
    if (!started) return next();
    const parent = propagation.extract(context.active(), req.headers);
    const span = trace.getTracer(TRACER_NAME).startSpan(
      `${req.method} ${req.baseUrl || req.path}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [SERVICE_ATTRIBUTE]: service,
          'http.request.method': req.method,
          'url.path': req.baseUrl || req.path,
        },
      },
      parent,
    );
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Writes the active span's context (traceparent, tracestate, baggage) into outgoing headers. */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), undefined, { set: (_carrier, name, value) => set(name, value) });
}
