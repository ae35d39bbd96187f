import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one service (prom-client): process defaults plus GraphQL operation latency and
 * errors. One registry per service, because several services can share a process (`npm start`, tests).
 */
export interface ServiceMetrics {
  registry: Registry;
  plugin: ApolloServerPlugin<BaseContext>;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response.',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors returned, by extensions.code.',
    labelNames: ['operation', 'code'],
    registers: [registry],
  });

  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      const stop = duration.startTimer();
      return {
        async willSendResponse(ctx) {
          // Operation names come from clients: only named operations are labelled, anonymous ones share
          // one label, so label cardinality stays bounded by the operations a team actually ships.
          const operation = ctx.operationName ?? (ctx.operation ? 'anonymous' : 'invalid');
          stop({ operation, type: ctx.operation?.operation ?? 'unknown' });
          // The formatted errors, so codes are the public ones (see shared/errors/format-error.ts).
          const body = ctx.response.body;
          const sent = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          for (const e of sent) {
            errors.inc({ operation, code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          }
        },
      };
    },
  };
  return { registry, plugin };
}
