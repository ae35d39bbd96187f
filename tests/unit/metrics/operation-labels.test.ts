import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { createServiceMetrics } from '../../../shared/metrics/service-metrics';
import { createOperationLabeler, OTHER_OPERATIONS } from '../../../shared/metrics/operation-labels';

describe('operation labels', () => {
  it('labels known operations and the first N other names as themselves, the rest as one label', () => {
    const label = createOperationLabeler({ known: ['Customer360'], maxSeen: 2 });
    expect(label('A', true)).toBe('A');
    expect(label('B', true)).toBe('B');
    expect(label('C', true)).toBe(OTHER_OPERATIONS);
    expect(label('A', true)).toBe('A');
    expect(label('Customer360', true)).toBe('Customer360');
    expect(label(undefined, true)).toBe('anonymous');
    expect(label('A', false)).toBe('invalid');
  });

  it('never labels an over-long name as itself', () => {
    const label = createOperationLabeler({ maxSeen: 10 });
    expect(label('X'.repeat(101), true)).toBe(OTHER_OPERATIONS);
    expect(label('X'.repeat(100), true)).toBe('X'.repeat(100));
  });

  it('a unique operation name per request grows the metrics by one series each: 3,000 unique names keep the series bounded', async () => {
    const metrics = createServiceMetrics('test', { operations: { maxSeen: 100 } });
    const server = new ApolloServer({
      schema: buildSchema('type Query { ping: String }'),
      rootValue: { ping: () => 'pong' },
      plugins: [metrics.plugin],
    });
    await server.start();
    try {
      for (let i = 0; i < 3_000; i++) {
        await server.executeOperation({ query: `query Unique${i} { ping }` });
      }
    } finally {
      await server.stop();
    }
    const text = await metrics.registry.metrics();
    const series = text.split('\n').filter((l) => l.startsWith('graphql_operation_duration_seconds_count{'));
    // 100 first-seen names plus the one shared label.
    expect(series).toHaveLength(101);
    expect(series).toContainEqual(expect.stringContaining(`operation="${OTHER_OPERATIONS}"`));
    expect(series.find((l) => l.includes(OTHER_OPERATIONS))).toMatch(/ 2900$/);
    expect(text.length).toBeLessThan(200_000);
  });
});
