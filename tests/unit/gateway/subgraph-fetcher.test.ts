import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetchers } from '../../../gateway/src/http/subgraph-fetcher';

/** A stand-in subgraph that records which client socket (remote port) each request came on. */
async function startRecorder(delayMs = 0) {
  const ports: number[] = [];
  const server = http.createServer((req, res) => {
    ports.push(req.socket.remotePort!);
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { __typename: 'Query' } }));
    }, delayMs).unref();
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    ports,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const post = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{"query":"{ __typename }"}',
};

describe('subgraph fetchers', () => {
  it('reuse one keep-alive connection for sequential requests', async () => {
    const recorder = await startRecorder();
    const fetchers = createSubgraphFetchers({ maxSockets: 8, timeoutMs: 5_000 });
    try {
      const fetch = fetchers.forUrl(recorder.url);
      for (let i = 0; i < 5; i++)
        expect((await (await fetch(recorder.url, post)).json()).data.__typename).toBe('Query');
      expect(recorder.ports).toHaveLength(5);
      expect(new Set(recorder.ports).size).toBe(1);
    } finally {
      fetchers.destroy();
      await recorder.close();
    }
  });

  it('open at most maxSockets connections to one subgraph under concurrency', async () => {
    const recorder = await startRecorder(30);
    const fetchers = createSubgraphFetchers({ maxSockets: 3, timeoutMs: 5_000 });
    try {
      const fetch = fetchers.forUrl(recorder.url);
      await Promise.all(Array.from({ length: 12 }, () => fetch(recorder.url, post).then((r) => r.text())));
      expect(recorder.ports).toHaveLength(12);
      expect(new Set(recorder.ports).size).toBe(3);
    } finally {
      fetchers.destroy();
      await recorder.close();
    }
  });

  it('give up on a subgraph that does not answer in time', async () => {
    const recorder = await startRecorder(2_000);
    const fetchers = createSubgraphFetchers({ maxSockets: 2, timeoutMs: 200 });
    try {
      await expect(fetchers.forUrl(recorder.url)(recorder.url, post)).rejects.toThrow(/timeout/i);
    } finally {
      fetchers.destroy();
      await recorder.close();
    }
  });
});
