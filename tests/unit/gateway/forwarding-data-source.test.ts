import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { encodeRequestAuth } from '../../../shared/auth/principal';
import { ForwardingDataSource } from '../../../gateway/src/http/forwarding-data-source';
import type { GatewayContext } from '../../../gateway/src/context';

/** A fetcher that records what the data source sends and answers like a subgraph would. */
function recordingFetcher() {
  const calls: Array<{ url: string; init?: FetcherRequestInit; headers: Record<string, string> }> = [];
  const fetcher = (async (url: string, init?: FetcherRequestInit) => {
    const headers: Record<string, string> = {};
    const h = init?.headers as unknown as Iterable<[string, string]> | Record<string, string> | undefined;
    if (h && Symbol.iterator in h)
      for (const [k, v] of h as Iterable<[string, string]>) headers[k.toLowerCase()] = v;
    else Object.assign(headers, h);
    calls.push({ url, init, headers });
    return new Response(JSON.stringify({ data: { __typename: 'Query' } }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as Fetcher;
  return { fetcher, calls };
}

describe('ForwardingDataSource', () => {
  it('sends the caller’s forwarded headers to the subgraph, and no others', async () => {
    const { fetcher, calls } = recordingFetcher();
    const source = new ForwardingDataSource({
      url: 'http://sales:4002/graphql',
      fetcher,
      serviceName: 'sales',
    });
    const context: GatewayContext = {
      forwardedHeaders: { 'x-request-id': 'req-9', 'accept-language': 'de-DE' },
      auth: {
        principal: { subject: 'demo-agent', roles: ['agent'], scopes: ['customer:read'] },
        requestId: 'req-9',
      },
    };
    await source.process({
      // GraphQLDataSourceRequestKind is a type-only export; these are its values.
      kind: 'incoming operation' as never,
      request: { query: '{ __typename }', http: { method: 'POST', url: '', headers: new Map() as never } },
      context,
      incomingRequestContext: { context } as never,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('http://sales:4002/graphql');
    expect(calls[0].headers).toMatchObject({
      'x-c360-principal': encodeRequestAuth(context.auth!),
      'x-request-id': 'req-9',
      'accept-language': 'de-DE',
      'content-type': 'application/json',
    });
    expect(calls[0].headers).not.toHaveProperty('cookie');
  });

  it('sends requests made outside any caller (health checks) without forwarded headers', async () => {
    const { fetcher, calls } = recordingFetcher();
    const source = new ForwardingDataSource({
      url: 'http://sales:4002/graphql',
      fetcher,
      serviceName: 'sales',
    });
    await source.process({
      kind: 'health check' as never,
      request: { query: '{ __typename }' },
      context: {},
    });
    expect(calls[0].headers).not.toHaveProperty('x-c360-principal');
    expect(calls[0].headers['content-type']).toBe('application/json');
  });

  it('turns a network failure into SERVICE_UNAVAILABLE naming the subgraph', async () => {
    const refused = (async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:4002'), { code: 'ECONNREFUSED' });
    }) as unknown as Fetcher;
    const source = new ForwardingDataSource({
      url: 'http://sales:4002/graphql',
      fetcher: refused,
      serviceName: 'sales',
    });
    await expect(
      source.process({ kind: 'health check' as never, request: { query: '{ __typename }' }, context: {} }),
    ).rejects.toMatchObject({
      message: 'The sales service is unavailable; try again shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'sales' },
    });
  });
});

describe('a subgraph refusing a request with HTTP 400', () => {
  it('gives back the subgraph’s own errors, not "400: Bad Request" with its URL and body', async () => {
    const body = {
      errors: [
        {
          message: 'Variable "$input" got invalid value "2024-02-30" at "input.birthDate"; not a date',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.birthDate' },
        },
      ],
    };
    const fetcher = (async () =>
      new Response(JSON.stringify(body), {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/json' },
      })) as unknown as Fetcher;
    const source = new ForwardingDataSource({
      url: 'http://marketing:4001/graphql',
      fetcher,
      serviceName: 'marketing',
    });
    const context: GatewayContext = { forwardedHeaders: {} };
    const response = await source.process({
      kind: 'incoming operation' as never,
      request: { query: '{ __typename }', http: { method: 'POST', url: '', headers: new Map() as never } },
      context,
      incomingRequestContext: { context } as never,
    });
    expect(response).toEqual({ errors: body.errors });
  });

  it('still reports a 4xx without GraphQL errors as an error of the subgraph', async () => {
    const fetcher = (async () =>
      new Response('payload too large', {
        status: 413,
        statusText: 'Payload Too Large',
      })) as unknown as Fetcher;
    const source = new ForwardingDataSource({
      url: 'http://marketing:4001/graphql',
      fetcher,
      serviceName: 'marketing',
    });
    const context: GatewayContext = { forwardedHeaders: {} };
    const response = await source.process({
      kind: 'incoming operation' as never,
      request: { query: '{ __typename }', http: { method: 'POST', url: '', headers: new Map() as never } },
      context,
      incomingRequestContext: { context } as never,
    });
    // (The gateway's error formatting drops `response` outside development.)
    expect(response.errors).toEqual([
      {
        message: '413: Payload Too Large',
        extensions: { response: expect.objectContaining({ status: 413 }) },
      },
    ]);
  });
});

describe('a subgraph that cannot be reached during a client request', () => {
  it('answers with SERVICE_UNAVAILABLE on each field the call was to fill, so the gateway can name their paths', async () => {
    const refused = (async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:4003'), { code: 'ECONNREFUSED' });
    }) as unknown as Fetcher;
    const source = new ForwardingDataSource({
      url: 'http://support:4003/graphql',
      fetcher: refused,
      serviceName: 'support',
    });
    const context: GatewayContext = { forwardedHeaders: {} };
    const response = await source.process({
      kind: 'incoming operation' as never,
      request: {
        query:
          'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { supportStats { openTickets } } } }',
        variables: {
          representations: [
            { __typename: 'Customer', id: 'a' },
            { __typename: 'Customer', id: 'b' },
          ],
        },
        http: { method: 'POST', url: '', headers: new Map() as never },
      },
      context,
      incomingRequestContext: { context } as never,
    });
    const error = {
      message: 'The support service is unavailable; try again shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'support' },
    };
    expect(response).toEqual({
      errors: [
        { ...error, path: ['_entities', 0, 'supportStats'] },
        { ...error, path: ['_entities', 1, 'supportStats'] },
      ],
    });
    expect(JSON.stringify(response)).not.toContain('10.0.0.7');
  });
});
