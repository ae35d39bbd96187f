import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { createOperationLabeler, type OperationLabelOptions } from './operation-labels';

/**
 * Prometheus metrics of one service (prom-client): process defaults plus GraphQL operation latency and
 * errors. One registry per service, because several services can share a process (`npm start`, tests).
 */
export interface ServiceMetrics {
  registry: Registry;
  plugin: ApolloServerPlugin<BaseContext>;
}

/** Public codes have a fixed vocabulary; anything else (a misbehaving subgraph) is counted as OTHER. */
const MAX_CODE_LENGTH = 64;
const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export function createServiceMetrics(
  service: string,
  options: { operations?: OperationLabelOptions } = {},
): ServiceMetrics {
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

  const operationLabel = createOperationLabeler(options.operations);
  const codeLabel = (code: unknown) =>
    typeof code === 'string' && code.length <= MAX_CODE_LENGTH && CODE_PATTERN.test(code) ? code : 'OTHER';

  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      const stop = duration.startTimer();
      return {
        async willSendResponse(ctx) {
          // Operation names come from clients: the labeller bounds how many become label values.
          const operation = operationLabel(ctx.operationName, Boolean(ctx.operation));
          stop({ operation, type: ctx.operation?.operation ?? 'unknown' });
          // The formatted errors, so codes are the public ones (see shared/errors/format-error.ts).
          const body = ctx.response.body;
          const sent = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          for (const e of sent) {
            errors.inc({ operation, code: codeLabel(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          }
        },
      };
    },
  };
  return { registry, plugin };
}
